"""The same claim across articles: what a mention is and how alike two mentions are. The link step
(linker.py) finds candidate pairs by MinHash LSH banding over normalised content tokens, confirms them with
`match_score` (token Jaccard with credit for agreeing source and cue) and clusters them by connectivity."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrace.link.text import STOPWORDS, jaccard

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
