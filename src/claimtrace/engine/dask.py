"""Ingest on a Dask cluster: the client reads inputs and skips stored ones, workers extract and analyse
batches (each worker loads the model once, through a worker plugin), the client writes each batch as a Parquet
partition (see engine/parquet.py) and finally loads the partitions into the store.

Partitions are written in input order, so the store ends in the same order as a local ingest of the same
inputs; a rerun after a crash skips inputs already stored or already in a partition.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, Future, Worker, WorkerPlugin, get_worker
from spacy.language import Language

from claimtrace.engine.local import IngestResult, Progress, count_inputs
from claimtrace.engine.parquet import load_parts, next_partition, partition_tables, write_partition
from claimtrace.engine.sink import Outcome
from claimtrace.errors import ClaimtraceError, InputError
from claimtrace.process import process
from claimtrace.read import iter_inputs
from claimtrace.record import ErrorRecord, RawInput
from claimtrace.settings import Settings
from claimtrace.store.db import connect
from claimtrace.store.write import content_hash, stored_hashes

PLUGIN_NAME = "claimtrace-pipeline"
CONNECT_TIMEOUT_S = 30


class PipelinePlugin(WorkerPlugin):
    """Loads the claimtrace pipeline once when a worker starts; tasks on that worker reuse it."""

    name = PLUGIN_NAME

    def __init__(self, model: str, fast: bool = False) -> None:
        self.model = model
        self.fast = fast
        self.nlp: Language | None = None
        self.loads = 0

    def setup(self, worker: Worker) -> None:
        from claimtrace.analyze.pipeline import load_pipeline

        # Bypass the per-process cache: workers sharing one process (threads) must not share one pipeline.
        self.nlp = load_pipeline.__wrapped__(self.model, fast=self.fast)
        self.loads += 1


@dataclass(frozen=True)
class Entry:
    """One input as sent to a worker: a RawInput to analyse, or a read error to pass through."""

    origin: str
    record_id: str
    digest: str | None
    raw: RawInput | None = None
    error: str | None = None


def analyze_batch(entries: list[Entry], settings: Settings) -> dict[str, pa.Table]:
    """Runs on a worker: extract and analyse a batch with the worker's pipeline; the partition's tables."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.nlp is not None
    raws = [entry.raw for entry in entries if entry.raw is not None]
    results = iter(process(raws, settings, n_process=1, nlp=plugin.nlp))
    outcomes = []
    for entry in entries:
        if entry.raw is None:
            outcomes.append(Outcome(entry.origin, entry.record_id, None, error=entry.error))
            continue
        result = next(results)
        if isinstance(result, ErrorRecord):
            outcomes.append(Outcome(entry.origin, entry.record_id, entry.digest, error=result.error))
        else:
            outcomes.append(Outcome(entry.origin, entry.record_id, entry.digest, record=result.to_dict()))
    return partition_tables(outcomes)


def _hashes_in_parts(directory: Path) -> set[str]:
    folder = directory / "articles"
    if not folder.is_dir():
        return set()
    hashes: set[str] = set()
    for path in folder.glob("part-*.parquet"):
        column = pq.read_table(path, columns=["content_hash", "error"]).to_pylist()
        hashes.update(row["content_hash"] for row in column if row["content_hash"] and row["error"] is None)
    return hashes


def _batches(entries: Iterator[Entry], size: int) -> Iterator[list[Entry]]:
    batch: list[Entry] = []
    for entry in entries:
        batch.append(entry)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def connect_client(scheduler: str) -> Client:
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise ClaimtraceError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc


def ingest_dask(
    paths: Sequence[str],
    db: str | Path,
    scheduler: str | Client,
    parts_dir: str | Path | None = None,
    settings: Settings | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
    link: bool = True,
) -> IngestResult:
    """Analyse `paths` on the cluster at `scheduler` (an address or a connected Client) into Parquet
    partitions under `parts_dir` (default: the store's path + ".parts"), then load them into the store at
    `db`."""
    settings = settings or Settings()
    progress = progress or Progress()
    parts = Path(parts_dir or f"{db}.parts")
    conn = connect(db)
    try:
        known = stored_hashes(conn) | _hashes_in_parts(parts)
    finally:
        conn.close()
    progress.total(count_inputs(paths, settings))
    skipped = 0

    def entries() -> Iterator[Entry]:
        nonlocal skipped
        for item in iter_inputs(paths, settings):
            if isinstance(item, InputError):
                yield Entry(item.origin, item.record_id, None, error=str(item))
                continue
            digest = content_hash(item)
            if digest in known:
                skipped += 1
                progress.advance(1)
                continue
            known.add(digest)
            yield Entry(item.origin, item.id, digest, raw=item)

    client = connect_client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        client.register_plugin(PipelinePlugin(settings.model, settings.fast), name=PLUGIN_NAME)
        window = max(2, 2 * sum(client.nthreads().values()))
        in_flight: deque[tuple[int, list[Entry], Future]] = deque()
        index = next_partition(parts)

        def finish_oldest() -> None:
            number, batch, future = in_flight.popleft()
            try:
                tables = future.result()
            except Exception as exc:  # a worker crash fails its batch, never the run
                reason = f"Dask task failed: {type(exc).__name__}: {exc}"
                tables = partition_tables(
                    [Outcome(e.origin, e.record_id, e.digest, error=e.error or reason) for e in batch]
                )
            write_partition(parts, number, tables)
            progress.advance(len(batch))

        for batch in _batches(entries(), batch_size):
            in_flight.append((index, batch, client.submit(analyze_batch, batch, settings, pure=False)))
            index += 1
            while len(in_flight) >= window:
                finish_oldest()
        while in_flight:
            finish_oldest()
    finally:
        if isinstance(scheduler, str):
            client.close()
    result = load_parts(parts, db, link=link)
    result.counts.duplicate += skipped
    result.counts.seen += skipped
    return result
