"""Near-duplicate and rewritten articles: MinHash LSH (datasketch) over word 3-shingles, verified by the
estimated Jaccard similarity of the full signatures, clustered by connectivity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from claimtrace.link.text import as_minhash, estimated_jaccard
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
    signatures: Iterable[tuple[int, np.ndarray]],
    threshold: float = REPRINT_THRESHOLD,
    num_perm: int = REPRINT_NUM_PERM,
) -> list[Pair]:
    """Pairs of article ids whose estimated shingle Jaccard is at least `threshold`.

    Each article is queried against those indexed before it and then indexed, so each pair is found once.
    Empty articles (no shingles) never match.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    kept: dict[int, np.ndarray] = {}
    pairs: list[Pair] = []
    empty = np.iinfo(np.uint32).max
    for article_id, values in signatures:
        if np.all(values == empty):
            continue
        minhash = as_minhash(values)
        for other in lsh.query(minhash):
            score = estimated_jaccard(values, kept[other])
            if score >= threshold:
                pairs.append(Pair(min(other, article_id), max(other, article_id), score))
        lsh.insert(article_id, minhash, check_duplication=False)
        kept[article_id] = values
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
