"""Small typed values passed between the attribution finders (rules, trained tagger) and the component."""

from __future__ import annotations

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
