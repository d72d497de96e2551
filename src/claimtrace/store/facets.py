"""An in-memory columnar index of every claim's filter facets, for claim pages in bounded time.

The claims explorer combines filters that are each broad (an outlet, a certainty label, an event status: a
tenth to a half of all claims) and often contradictory together. In SQLite such a page either walks a
date-ordered index probing every row, or intersects large id sets; an empty answer costs a walk of the whole
table. Here each claim is one row of numpy arrays held in page order (newest article first, then highest id,
as `ORDER BY published DESC, id DESC` gives), so a page is a few vectorised comparisons over the columns, a
date range is a slice, and an empty answer costs the same as a full one: about a millisecond per 100,000
claims.

The index is built once per store version (the highest ids of the tables it reads: claims are only ever
added, with their facets fixed) and shared by every connection to the same file in this process. Sets that
come from other tables (full-text search, source and outlet names, events) are cached as masks per query.
"""

from __future__ import annotations

import sqlite3
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable

import numpy as np

_CACHE_BYTES = 64 * 2**20  # cached masks (one byte per claim each) kept per store
_NONE = -1  # code of a missing id or label

_VERSION_SQL = (
    "SELECT (SELECT max(id) FROM attributions), (SELECT max(id) FROM events), (SELECT max(id) FROM sources), "
    "(SELECT max(id) FROM outlets), (SELECT max(id) FROM articles)"
)


class FacetIndex:
    """Claim facets as columns in page order: ids, dates, source, outlet, certainty, kind, events."""

    def __init__(self, conn: sqlite3.Connection, version: tuple[int | None, ...]) -> None:
        self.version = version
        rows = conn.execute(
            "SELECT id, published, source_id, outlet_id, certainty_label, certainty_value, kind "
            "FROM attributions ORDER BY published DESC, id DESC"
        ).fetchall()
        n = len(rows)
        self.ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
        published = [r[1] for r in rows]
        # SQLite sorts NULL lowest, so undated claims come last in page order.
        self.n_dated = n - sum(1 for p in published if p is None)
        self.dates_ascending = published[: self.n_dated][::-1]
        self.source_id = np.fromiter((_NONE if r[2] is None else r[2] for r in rows), dtype=np.int64, count=n)
        self.outlet_id = np.fromiter((_NONE if r[3] is None else r[3] for r in rows), dtype=np.int64, count=n)
        self.labels: dict[str, int] = {}
        self.certainty = np.fromiter((self._code(self.labels, r[4]) for r in rows), dtype=np.int16, count=n)
        self.certainty_value = np.fromiter(
            (np.nan if r[5] is None else r[5] for r in rows), dtype=np.float64, count=n
        )
        self.kinds: dict[str, int] = {}
        self.kind = np.fromiter((self._code(self.kinds, r[6]) for r in rows), dtype=np.int16, count=n)
        del rows
        order = np.argsort(self.ids)
        self._sorted_ids = self.ids[order]
        self._row_of_sorted = order
        events = conn.execute(
            "SELECT attribution_id, type, status FROM events WHERE attribution_id IS NOT NULL"
        ).fetchall()
        self.event_types: dict[str, int] = {}
        self.event_statuses: dict[str, int] = {}
        self.event_row = self.rows_of(e[0] for e in events)
        self.event_type = np.fromiter(
            (self._code(self.event_types, e[1]) for e in events), dtype=np.int16, count=len(events)
        )
        self.event_status = np.fromiter(
            (self._code(self.event_statuses, e[2]) for e in events), dtype=np.int16, count=len(events)
        )
        self._terms: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()  # masks by query
        self._terms_lock = threading.Lock()

    @staticmethod
    def _code(codes: dict[str, int], value: str | None) -> int:
        if value is None:
            return _NONE
        return codes.setdefault(value, len(codes))

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, attribution_ids: Iterable[int]) -> np.ndarray:
        """Row numbers of these attribution ids (ids not in the index are dropped)."""
        wanted = np.fromiter(attribution_ids, dtype=np.int64)
        if not len(wanted) or not len(self._sorted_ids):
            return np.empty(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._sorted_ids, wanted), len(self._sorted_ids) - 1)
        return self._row_of_sorted[at[self._sorted_ids[at] == wanted]]

    def mask_of_rows(self, rows: np.ndarray) -> np.ndarray:
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[rows] = True
        return mask

    def cached_mask(self, kind: str, key: str, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """A mask for a set that takes a query to find (full-text, source or outlet names, events), cached
        per query text; the cache holds at most `_CACHE_BYTES` of masks, least recently used first out."""
        cache_key = (kind, key)
        with self._terms_lock:
            if cache_key in self._terms:
                self._terms.move_to_end(cache_key)
                return self._terms[cache_key]
        mask = compute()
        with self._terms_lock:
            self._terms[cache_key] = mask
            while len(self._terms) > max(8, _CACHE_BYTES // max(len(self.ids), 1)):
                self._terms.popitem(last=False)
        return mask

    def date_slice(self, date_from: str | None, date_to: str | None) -> np.ndarray:
        """Rows published on or after `date_from` and at or before the bound `date_to` (both as stored)."""
        low = bisect_left(self.dates_ascending, date_from) if date_from is not None else 0
        high = bisect_right(self.dates_ascending, date_to) if date_to is not None else self.n_dated
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[self.n_dated - high : self.n_dated - low] = True
        return mask

    def event_mask(self, event_type: str | None, status: str | None) -> np.ndarray:
        """Claims with an event reported under them of this type and status."""
        return self.cached_mask(
            "event", f"{event_type}/{status}", lambda: self._event_mask(event_type, status)
        )

    def _event_mask(self, event_type: str | None, status: str | None) -> np.ndarray:
        matching = np.ones(len(self.event_row), dtype=bool)
        if event_type is not None:
            matching &= self.event_type == self.event_types.get(event_type, -2)
        if status is not None:
            matching &= self.event_status == self.event_statuses.get(status, -2)
        return self.mask_of_rows(self.event_row[matching])


_indexes: dict[str, FacetIndex] = {}
_build_lock = threading.Lock()


def facet_index(conn: sqlite3.Connection) -> FacetIndex | None:
    """The facet index of this connection's store, current as of now; None for an in-memory database."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if not path:
        return None
    version = tuple(conn.execute(_VERSION_SQL).fetchone())
    found = _indexes.get(path)
    if found is not None and found.version == version:
        return found
    with _build_lock:  # one build per store version, however many threads ask at once
        found = _indexes.get(path)
        if found is None or found.version != version:
            found = _indexes[path] = FacetIndex(conn, version)
    return found
