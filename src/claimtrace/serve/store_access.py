"""Read-only access to the store for request threads: one SQLite connection per worker thread.

SQLite connections are cheap to keep and unsafe to share across threads mid-query, so each thread of the
server's pool opens its own, read-only (`mode=ro`): nothing the API does can write to the store.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from claimtrace.store.db import connect

T = TypeVar("T")
# Read the store through a memory map of up to this many bytes (SQLite caps it at its compile-time limit,
# 2 GiB by default): the pages live once in the OS page cache, shared by every thread and worker process,
# instead of in a private page cache per connection.
MMAP_BYTES = 2**31 - 2**16


class StoreAccess:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.local = threading.local()
        self.lock = threading.Lock()
        self.cache: dict[str, tuple[tuple[int, ...], Any]] = {}
        # Open once now: a missing or foreign file is reported at start-up, not on the first request.
        connect(db_path, create=False, readonly=True).close()

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = connect(self.db_path, create=False, readonly=True)
            # With SQLite's default 2 MiB page cache alone, each query re-reads a large store's index pages
            # from the OS; a larger cache per connection helps but multiplies by the pool's 40 threads.
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self.local.conn = conn
        return conn

    def version(self) -> tuple[int, ...]:
        """Changes whenever the store does: every commit (a concurrent ingest) rewrites the file or WAL."""
        state: list[int] = []
        for path in (self.db_path, self.db_path.with_name(self.db_path.name + "-wal")):
            try:
                stat = path.stat()
                state += [stat.st_mtime_ns, stat.st_size]
            except FileNotFoundError:
                state += [0, 0]
        return tuple(state)

    def cached(self, name: str, compute: Callable[[sqlite3.Connection], T]) -> T:
        """Whole-store summaries (filter menus, counts) scan large indexes: compute each once per version."""
        version = self.version()
        with self.lock:
            hit = self.cache.get(name)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = compute(self.connection())
        with self.lock:
            self.cache[name] = (version, value)
        return value
