"""The same claim across articles: candidate pairs by MinHash LSH over normalised content tokens, confirmed by
exact token Jaccard with credit for agreeing source and cue, then clustered by connectivity."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHashLSH

from claimtrace.link.reprints import Pair
from claimtrace.link.text import STOPWORDS, as_minhash, jaccard, signature, token_hashes
from claimtrace.link.unionfind import UnionFind

CLAIM_NUM_PERM = 64
# LSH is tuned below the match score so that pairs helped by source/cue agreement are still candidates.
CANDIDATE_THRESHOLD = 0.3
MATCH_SCORE = 0.5  # token Jaccard plus agreement bonuses must reach this
MIN_JACCARD = 0.3  # and the wording alone must overlap at least this much
CONTAINMENT_WEIGHT = 0.8
MIN_CONTAINED_TOKENS = 5  # containment only counts for claims long enough to be specific
SOURCE_BONUS = 0.15
CUE_BONUS = 0.05
MIN_NAME_JACCARD = 0.5
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
MIN_TOKENS = 3  # "no comment", "yes": too little content to say two reports make the same claim


@dataclass(frozen=True)
class Mention:
    """One claim as stored: an attribution with its normalised content and the names in it."""

    attribution_id: int
    tokens: frozenset[str]
    source_key: str | None = None
    cue: str | None = None
    names: frozenset[str] = frozenset()


def names_in(content: str) -> frozenset[str]:
    """Capitalised words that are not function words: the actors and places a claim is about."""
    return frozenset(w.casefold() for w in _CAPITALISED.findall(content) if w.casefold() not in STOPWORDS)


def match_score(first: Mention, second: Mention) -> float:
    """How alike two claims are: token Jaccard of the contents — or, when one content holds most of the other
    (a claim quoted with more around it), their containment, discounted — plus a bonus when both name the same
    source or use the same cue.

    Claims about different actors are different claims however alike their wording ("A is ready to talk to B"
    vs "C is ready to talk to D"): when both name actors, their names must mostly agree.
    """
    overlap = len(first.tokens & second.tokens)
    score = overlap / len(first.tokens | second.tokens) if overlap else 0.0
    smaller = min(len(first.tokens), len(second.tokens))
    if smaller >= MIN_CONTAINED_TOKENS:
        score = max(score, CONTAINMENT_WEIGHT * overlap / smaller)
    if score < MIN_JACCARD:
        return score
    if first.names and second.names and jaccard(set(first.names), set(second.names)) < MIN_NAME_JACCARD:
        return 0.0
    if first.source_key and first.source_key == second.source_key:
        score += SOURCE_BONUS
    if first.cue and second.cue and first.cue.casefold() == second.cue.casefold():
        score += CUE_BONUS
    return score


def claim_pairs(mentions: Iterable[Mention]) -> list[Pair]:
    """Matched claim pairs (attribution ids, smaller first) with their match scores.

    Mentions with the same normalised content and names (reprints, repeated wording) join the first of them
    directly, so only distinct wordings go through the LSH index: the work grows with the variety of claims,
    not with how often each is repeated.
    """
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=CLAIM_NUM_PERM)
    seen: dict[int, Mention] = {}
    first_of: dict[tuple[frozenset[str], frozenset[str]], int] = {}
    pairs: list[Pair] = []
    for mention in mentions:
        if len(mention.tokens) < MIN_TOKENS:
            continue
        wording = (mention.tokens, mention.names)
        if wording in first_of:
            pairs.append(Pair(first_of[wording], mention.attribution_id, 1.0))
            continue
        first_of[wording] = mention.attribution_id
        minhash = as_minhash(signature(token_hashes(sorted(mention.tokens)), CLAIM_NUM_PERM))
        for other_id in lsh.query(minhash):
            score = match_score(mention, seen[other_id])
            if score >= MATCH_SCORE:
                first, second = sorted((other_id, mention.attribution_id))
                pairs.append(Pair(first, second, min(score, 1.0)))
        lsh.insert(mention.attribution_id, minhash, check_duplication=False)
        seen[mention.attribution_id] = mention
    pairs.sort(key=lambda p: (p.first, p.second))
    return pairs


def claim_clusters(attribution_ids: Iterable[int], pairs: Iterable[Pair]) -> dict[int, list[int]]:
    """Every attribution in a cluster (singletons included): smallest attribution id -> members."""
    union = UnionFind()
    for pair in pairs:
        union.union(pair.first, pair.second)
    return union.groups(attribution_ids)
