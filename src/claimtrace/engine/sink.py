"""The write side shared by every engine: outcomes in input order, stored in batches of one transaction each.

A crash loses at most the open batch; a rerun skips what was committed (content hashes) and redoes the rest,
so the store ends as if the run had never stopped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimtrace.link.columns import link_columns
from claimtrace.store.write import store_failure, store_record, update_run

MAX_REPORTED_FAILURES = 1000


@dataclass
class Outcome:
    """One input's result: a claimtrace/1 record, or the reason it failed."""

    origin: str
    record_id: str
    digest: str | None
    record: dict[str, Any] | None = None
    error: str | None = None


@dataclass
class Counts:
    seen: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    not_english: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason), the first 1000
    # What was stored or skipped with a caveat (a repeated id, a text already stored under another id).
    notes: list[str] = field(default_factory=list)

    def as_run(self) -> dict[str, int]:
        return {"seen": self.seen, "stored": self.stored, "duplicate": self.duplicate, "failed": self.failed}


class StoreSink:
    """Collects outcomes and commits them `batch_size` at a time."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        run_id: int,
        counts: Counts,
        batch_size: int = 64,
        on_stored: Callable[[int], None] | None = None,
    ) -> None:
        self.conn = conn
        self.run_id = run_id
        self.counts = counts
        self.batch_size = batch_size
        self.on_stored = on_stored
        self.pending: list[Outcome] = []

    def add(self, outcome: Outcome) -> None:
        self.pending.append(outcome)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def _fail(self, outcome: Outcome, reason: str) -> None:
        self.counts.failed += 1
        if len(self.counts.failures) < MAX_REPORTED_FAILURES:
            self.counts.failures.append((outcome.origin, reason))
        store_failure(self.conn, outcome.origin, outcome.record_id, reason, outcome.digest, self.run_id)

    def _store(self, outcome: Outcome) -> None:
        if outcome.record is None or outcome.digest is None:
            self._fail(outcome, outcome.error or "no result")
            return
        # A savepoint per record: a record the store rejects fails alone, never its batch.
        self.conn.execute("SAVEPOINT record")
        try:
            record = outcome.record
            article_id = store_record(
                self.conn, record, outcome.digest, outcome.origin, self.run_id, link=link_columns(record)
            )
        except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
            self.conn.execute("ROLLBACK TO record")
            self.conn.execute("RELEASE record")
            if isinstance(exc, sqlite3.OperationalError):  # a full disk, a lock: no fault of this record's
                raise
            self._fail(outcome, f"could not store the record: {type(exc).__name__}: {exc}")
            return
        self.conn.execute("RELEASE record")
        if article_id is None:
            self.counts.duplicate += 1
            return
        self.counts.stored += 1
        if (outcome.record.get("meta") or {}).get("language", "en") != "en":
            self.counts.not_english += 1

    def flush(self) -> None:
        if not self.pending:
            return
        # An explicit BEGIN: the per-record savepoints then nest inside the batch instead of committing alone.
        # IMMEDIATE takes the write lock first, waiting on another ingest's; a deferred transaction that read
        # first could only fail ("database is locked") once that other ingest had committed.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for outcome in self.pending:
                self._store(outcome)
            update_run(self.conn, self.run_id, self.counts.as_run())
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
        done = len(self.pending)
        self.pending = []
        if self.on_stored:
            self.on_stored(done)

    def close(self) -> None:
        self.flush()
        with self.conn:
            update_run(self.conn, self.run_id, self.counts.as_run(), finished=True)
