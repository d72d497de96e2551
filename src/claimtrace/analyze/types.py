"""Small typed values passed between the attribution finders (rules, trained tagger) and the component."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from claimtrace.record import Offsets


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


def source_follows_cue(source: Sequence[Sequence[int]], cue: Sequence[Sequence[int]]) -> bool:
    """The mark of an outlet link ("X told the Post that …": the Post, after the cue), where a speaker's
    source comes before it. Shared by the chain builder and the PolNeAR scorer."""
    return bool(source and cue) and source[0][0] >= cue[0][1]
