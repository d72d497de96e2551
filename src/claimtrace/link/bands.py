"""LSH banding over stored MinHash signatures, in numpy: which items share a band with an item that is new.

The bands are datasketch's own (the same band count and width that `MinHashLSH` picks for a threshold), so a
candidate here is a candidate there. Working on a matrix of stored signatures instead of a live index lets the
link step ask "what do these new articles match?" against the whole store without rebuilding an index, and
the answer does not depend on the order items arrived in: the incremental result equals a full rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import numpy as np
from datasketch import MinHashLSH

# Odd 64-bit constant: folding a band's values with it is order-sensitive and collides with probability ~2^-64
# (a collision only adds a candidate, which verification then rejects).
_FOLD = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=8)
def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH chooses for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(signatures: np.ndarray, threshold: float) -> np.ndarray:
    """One uint64 key per (item, band): items sharing a key in some band are LSH candidates."""
    bands, rows = band_shape(threshold, signatures.shape[1])
    keys = np.zeros((signatures.shape[0], bands), dtype=np.uint64)
    values = signatures.astype(np.uint64)
    with np.errstate(over="ignore"):  # arithmetic mod 2^64 is the fold itself
        for row in range(rows):
            keys = keys * _FOLD + values[:, row : bands * rows : rows]
    return keys


class Bands:
    """Each band's keys sorted once, so that the items sharing any band with one item are a few slices."""

    def __init__(self, keys: np.ndarray) -> None:
        self.orders: list[np.ndarray] = []
        self.starts: list[np.ndarray] = []
        self.run_of: list[np.ndarray] = []  # per item: the run of equal keys it falls in
        for band in range(keys.shape[1]):
            order = np.argsort(keys[:, band], kind="stable")
            ordered = keys[order, band]
            first = (
                np.concatenate(([True], ordered[1:] != ordered[:-1])) if len(ordered) else np.ones(0, bool)
            )
            run_of = np.empty(len(order), dtype=np.int64)
            run_of[order] = np.cumsum(first) - 1
            self.orders.append(order)
            self.starts.append(np.append(np.flatnonzero(first), len(order)))
            self.run_of.append(run_of)

    def sharing(self, item: int) -> np.ndarray:
        """Items that share at least one band key with `item` (not itself), ascending."""
        parts = []
        for order, starts, run_of in zip(self.orders, self.starts, self.run_of, strict=True):
            run = run_of[item]
            if starts[run + 1] - starts[run] > 1:
                parts.append(order[starts[run] : starts[run + 1]])
        if not parts:
            return np.empty(0, dtype=np.int64)
        found = np.unique(np.concatenate(parts))
        return found[found != item]


def new_candidates(keys: np.ndarray, is_new: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """For each new item: the items it is an LSH candidate with, each pair given once (an old item, or a new
    one before it). One item at a time, so memory stays bounded however large the candidate groups are."""
    bands = Bands(keys)
    for item in np.flatnonzero(is_new).tolist():
        others = bands.sharing(item)
        yield item, others[~is_new[others] | (others < item)]
