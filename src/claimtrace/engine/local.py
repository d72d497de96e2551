"""Ingest on this machine: read → skip what is stored → extract + analyse on worker processes → store in
batches → link. Each worker process holds one copy of the model for the whole run (spaCy's `nlp.pipe` with
`n_process`)."""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from claimtrace.engine.sink import MAX_REPORTED_FAILURES, Counts, Outcome, StoreSink
from claimtrace.errors import InputError
from claimtrace.link.linker import LinkSummary, link_store
from claimtrace.process import process
from claimtrace.read import directory_files, iter_inputs
from claimtrace.read.kinds import kind_from_name
from claimtrace.record import ErrorRecord, RawInput
from claimtrace.settings import Settings, default_workers
from claimtrace.store.db import connect
from claimtrace.store.write import content_hash, start_run, stored_record_ids

# Linking reads, then writes: if another ingest commits in between, SQLite refuses the write at once rather
# than waiting, so the link pass is retried (it is one transaction, rolled back whole) this many times.
LINK_ATTEMPTS = 5


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


def count_inputs(paths: Sequence[str], settings: Settings) -> int | None:
    """How many inputs `paths` hold, for the progress bar's ETA, from file names alone (inputs are never read
    twice); None when that cannot tell: stdin, JSONL batches, WARC archives."""
    count = 0
    for name in paths:
        path = Path(name)
        if name == "-":
            return None
        files = directory_files(path)[0] if path.is_dir() else [path]
        for file in files:
            if kind_from_name(file) in ("jsonl", "warc", None):
                return None
            count += 1
    return count


class _Feed:
    """Inputs for `process`, minus those already stored, remembering each one's origin and hash in order."""

    def __init__(
        self,
        items: Iterator[RawInput | InputError],
        known: dict[str, str],
        counts: Counts,
        advance: Callable[[int], None],
    ) -> None:
        self.items = items
        self.known = known  # content hash → the record id stored (or about to be) under it
        self.counts = counts
        self.advance = advance
        self.order: deque[tuple[str, str, str | None]] = deque()  # (origin, record id, content hash)
        self.ids: dict[str, str] = {}  # record id → the origin that first gave it, in this run

    def _note(self, note: str) -> None:
        if len(self.counts.notes) < MAX_REPORTED_FAILURES:
            self.counts.notes.append(note)

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
                if self.known[digest] != item.id:
                    same = self.known[digest]
                    self._note(f"{item.origin}: id {item.id!r} not stored: same text as {same!r}")
                self.advance(1)
                continue
            if item.id in self.ids:
                self._note(f"{item.origin}: id {item.id!r} also given to {self.ids[item.id]}: both stored")
            self.ids.setdefault(item.id, item.origin)
            self.known[digest] = item.id
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
    conn = connect(db, lock_timeout=settings.lock_timeout)
    try:
        progress.total(count_inputs(paths, settings))
        counts = Counts()
        run_id = start_run(conn, "ingest", [str(p) for p in paths], "local")
        sink = StoreSink(conn, run_id, counts, batch_size, on_stored=progress.advance)
        feed = _Feed(iter_inputs(paths, settings), stored_record_ids(conn), counts, progress.advance)
        for result in process(feed, settings, n_process=workers, nlp=nlp):
            origin, record_id, digest = feed.order.popleft()
            if isinstance(result, ErrorRecord):
                sink.add(Outcome(origin, record_id, digest, error=result.error))
            else:
                sink.add(Outcome(origin, record_id, digest, record=result.to_dict()))
        sink.close()
        summary = link_with_retries(conn) if link else None
        return IngestResult(run_id, counts, summary)
    finally:
        conn.close()


def link_with_retries(conn: sqlite3.Connection, full: bool = False) -> LinkSummary:
    """`link_store`, retried while another writer's commit makes SQLite refuse its write."""
    attempt = 1
    while True:
        try:
            return link_store(conn, full=full)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == LINK_ATTEMPTS:
                raise
        time.sleep(attempt)
        attempt += 1
