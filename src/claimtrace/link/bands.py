"""LSH banding over stored MinHash signatures, in numpy: which items share a band with an item that is new.

The bands are datasketch's own (the same band count and width that `MinHashLSH` picks for a threshold), so a
candidate here is a candidate there. Working on a matrix of stored signatures instead of a live index lets the
link step ask "what do these new articles match?" against the whole store without rebuilding an index, and
the answer does not depend on the order items arrived in: the incremental result equals a full rebuild.
"""

from __future__ import annotations

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


def candidate_pairs(keys: np.ndarray, is_new: np.ndarray) -> set[tuple[int, int]]:
    """Row pairs (smaller first) that share a band key, at least one of them new.

    Each band is sorted once; only runs of equal keys holding a new item produce pairs, so asking about a few
    new items against a large store costs a sort per band, not a scan per new item.
    """
    pairs: set[tuple[int, int]] = set()
    if len(keys) < 2:
        return pairs
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        ordered = keys[order, band]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        ends = np.append(starts[1:], len(ordered))
        new_in_run = np.add.reduceat(is_new[order].astype(np.int64), starts)
        for start, end in zip(
            starts[(ends - starts > 1) & (new_in_run > 0)].tolist(),
            ends[(ends - starts > 1) & (new_in_run > 0)].tolist(),
            strict=True,
        ):
            members = order[start:end].tolist()
            for new in (m for m in members if is_new[m]):
                pairs.update((min(new, m), max(new, m)) for m in members if m != new)
    return pairs
