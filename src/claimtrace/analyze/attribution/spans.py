"""Small typed values passed between the attribution finders (rules, trained tagger), the merge and the
component: attributions as character spans, and an index of character intervals."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from claimtrace.record import Offsets

LOOKBACK = 64  # intervals checked before a position: far more than nest or overlap in one passage


@dataclass
class AttributionSpans:
    """One attribution as character spans into doc.text, before ids, profiles and certainty are added."""

    content: list[Offsets]
    cue: list[Offsets] = field(default_factory=list)
    source: list[Offsets] = field(default_factory=list)
    kind: str | None = (
        None  # "direct" | "indirect" | "mixed" | "according_to" | "no_source"; None: decide later
    )
    origin: str = "rules"  # "rules" | "model": which finder produced it, for error analysis
    # the default profile's tagger only: the role scorer's view of each token of the cue's window, which the
    # merge reads to choose between its source and content and the rules' (`merge.scored_roles`)
    role_scores: tuple[TokenRoleScore, ...] = ()


class TokenRoleScore(NamedTuple):
    """The role scorer's P(source) and P(content) of one token (its character span)."""

    start: int
    end: int
    source: float
    content: float


def source_follows_cue(source: Sequence[Sequence[int]], cue: Sequence[Sequence[int]]) -> bool:
    """The mark of an outlet link ("X told the Post that …": the Post, after the cue), where a speaker's
    source comes before it. Shared by the chain builder and the PolNeAR scorer."""
    return bool(source and cue) and source[0][0] >= cue[0][1]


class Intervals:
    """Character intervals with an owner index, found by position in logarithmic time. Attribution roles and
    quotes are short and local, so only the LOOKBACK intervals starting last before a position can hold it."""

    def __init__(self, items: Iterable[tuple[int, int, int]]) -> None:
        self.items = sorted(items)
        self.starts = [start for start, _, _ in self.items]

    def holding(self, offset: int) -> list[tuple[int, int, int]]:
        last = bisect_right(self.starts, offset)
        return [item for item in self.items[max(0, last - LOOKBACK) : last] if item[1] > offset]

    def touching(self, start: int, end: int) -> list[tuple[int, int, int]]:
        first, last = bisect_right(self.starts, start), bisect_left(self.starts, end)
        return [item for item in self.items[max(0, first - LOOKBACK) : last] if item[1] > start]
