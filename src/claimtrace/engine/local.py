"""Ingest on this machine: read → skip what is stored → extract + analyse on worker processes → store in
batches → link. Each worker process holds one copy of the model for the whole run (spaCy's `nlp.pipe` with
`n_process`)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from claimtrace.engine.sink import Counts, Outcome, StoreSink
from claimtrace.errors import InputError
from claimtrace.link.linker import LinkSummary, link_store
from claimtrace.process import process
from claimtrace.read import iter_inputs
from claimtrace.record import ErrorRecord, RawInput
from claimtrace.settings import Settings
from claimtrace.store.db import connect
from claimtrace.store.write import content_hash, start_run, stored_hashes


@dataclass
class Progress:
    """Callbacks a shell (the CLI's progress bar) passes in; the engine itself prints nothing."""

    total: Callable[[int | None], None] = lambda total: None
    advance: Callable[[int], None] = lambda n: None


@dataclass
class IngestResult:
    run_id: int
    counts: Counts
    link: LinkSummary | None


def default_workers() -> int:
    return os.cpu_count() or 1


def count_inputs(paths: Sequence[str], settings: Settings) -> int | None:
    """How many inputs `paths` hold (for the progress bar's ETA); None when reading stdin."""
    if "-" in paths:
        return None
    return sum(1 for _ in iter_inputs(paths, settings))


class _Feed:
    """Inputs for `process`, minus those already stored, remembering each one's origin and hash in order."""

    def __init__(
        self,
        items: Iterator[RawInput | InputError],
        known: set[str],
        counts: Counts,
        advance: Callable[[int], None],
    ) -> None:
        self.items = items
        self.known = known
        self.counts = counts
        self.advance = advance
        self.order: deque[tuple[str, str, str | None]] = deque()  # (origin, record id, content hash)

    def __iter__(self) -> Iterator[RawInput | InputError]:
        for item in self.items:
            self.counts.seen += 1
            if isinstance(item, InputError):
                self.order.append((item.origin, item.record_id, None))
                yield item
                continue
            digest = content_hash(item)
            if digest in self.known:
                self.counts.duplicate += 1
                self.advance(1)
                continue
            self.known.add(digest)
            self.order.append((item.origin, item.id, digest))
            yield item


def ingest_local(
    paths: Sequence[str],
    db: str | Path,
    settings: Settings | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    batch_size: int = 64,
    link: bool = True,
    nlp: Language | None = None,
) -> IngestResult:
    """Ingest `paths` into the store at `db`; failed inputs are counted and stored in `failures`."""
    settings = settings or Settings()
    progress = progress or Progress()
    workers = workers or default_workers()
    conn = connect(db)
    try:
        progress.total(count_inputs(paths, settings))
        counts = Counts()
        run_id = start_run(conn, "ingest", [str(p) for p in paths], "local")
        sink = StoreSink(conn, run_id, counts, batch_size, on_stored=progress.advance)
        feed = _Feed(iter_inputs(paths, settings), stored_hashes(conn), counts, progress.advance)
        for result in process(feed, settings, n_process=workers, nlp=nlp):
            origin, record_id, digest = feed.order.popleft()
            if isinstance(result, ErrorRecord):
                sink.add(Outcome(origin, record_id, digest, error=result.error))
            else:
                sink.add(Outcome(origin, record_id, digest, record=result.to_dict()))
        sink.close()
        summary = link_store(conn) if link else None
        return IngestResult(run_id, counts, summary)
    finally:
        conn.close()
