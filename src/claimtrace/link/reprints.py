"""Near-duplicate and rewritten articles: MinHash LSH banding (link/bands.py) over word 3-shingles, verified
by the estimated Jaccard similarity of the full signatures, clustered by connectivity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from claimtrace.link.bands import band_keys, new_candidates
from claimtrace.link.unionfind import UnionFind

# Two articles sharing at least half of their 3-shingles are the same story: a reprint, or a rewrite of it.
REPRINT_THRESHOLD = 0.5
# 64 permutations (14 bands of 4) estimate Jaccard within about ±0.06 — enough to tell a reprint (≥ 0.5) from
# a different story on the same topic (≈ 0.05) — at half the hashing and index cost of 128.
REPRINT_NUM_PERM = 64


@dataclass(frozen=True)
class Pair:
    first: int
    second: int
    score: float


def reprint_pairs(
    ids: Sequence[int],
    signatures: np.ndarray,
    is_new: np.ndarray | None = None,
    threshold: float = REPRINT_THRESHOLD,
) -> list[Pair]:
    """Pairs of ids (smaller first) whose estimated shingle Jaccard is at least `threshold`.

    `signatures` holds one row per id; only pairs with a new item are looked for (`is_new`, all items when
    None), each once. Band candidates are verified together (one numpy comparison per item). Rows of empty
    articles (no shingles) are the caller's to leave out: their all-maximum signatures match each other.
    """
    if is_new is None:
        is_new = np.ones(len(ids), dtype=bool)
    pairs: list[Pair] = []
    for row, others in new_candidates(band_keys(signatures, threshold), is_new):
        if not len(others):
            continue
        scores = (signatures[others] == signatures[row]).mean(axis=1)
        keep = scores >= threshold
        for other, score in zip(others[keep].tolist(), scores[keep].tolist(), strict=True):
            a, b = sorted((ids[row], ids[other]))
            pairs.append(Pair(a, b, score))
    pairs.sort(key=lambda p: (p.first, p.second))
    return pairs


def reprint_clusters(pairs: Iterable[Pair]) -> dict[int, list[int]]:
    """Connected components of the pair graph: smallest id -> member ids (only clusters of two or more)."""
    union = UnionFind()
    members: set[int] = set()
    for pair in pairs:
        union.union(pair.first, pair.second)
        members.update((pair.first, pair.second))
    return union.groups(members)
