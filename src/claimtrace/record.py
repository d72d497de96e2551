"""The claimtrace/1 record as typed dataclasses.

Every stage talks through these types; `Record.to_dict()` yields exactly the public JSON shape described in
shared/design/output-format.md (fields may be added there, never renamed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

from claimtrace import SCHEMA

Offsets = tuple[int, int]

# The closed vocabularies of claimtrace/1, declared once: every stage, the store, the CLI and the API import
# them from here (the Literal for typing and validation, the frozenset for membership tests).
AttributionKind = Literal["direct", "indirect", "mixed", "according_to", "no_source"]
SourceType = Literal["person", "organization", "media", "government", "anonymous", "group", "pronoun"]
CertaintyLabel = Literal["certain", "probable", "possible", "unknown", "doubtful", "negated"]
EventStatus = Literal["asserted", "reported", "intended", "future", "hypothetical", "negated"]
PublishedBasis = Literal["metadata", "inferred", "given", "none"]
TimeBasis = Literal["absolute", "relative-to-published"]  # times[].basis
ClaimTimeBasis = Literal["absolute", "relative-to-published", "published", "inferred"]  # attributions[].time
RemovedReason = Literal["ui", "template", "related", "nav", "ad", "other"]

ATTRIBUTION_KINDS: frozenset[str] = frozenset(get_args(AttributionKind))
SOURCE_TYPES: frozenset[str] = frozenset(get_args(SourceType))
CERTAINTY_LABELS: frozenset[str] = frozenset(get_args(CertaintyLabel))
EVENT_STATUSES: frozenset[str] = frozenset(get_args(EventStatus))


@dataclass
class Role:
    """A possibly discontinuous stretch of the text: source, cue, content, trigger, actor or target."""

    text: str
    spans: list[Offsets]

    @classmethod
    def from_spans(cls, text: str, spans: list[Offsets]) -> Role:
        spans = sorted(spans)
        return cls(text=" … ".join(text[s:e] for s, e in spans), spans=spans)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


@dataclass
class SourceProfile:
    type: SourceType
    name: str | None = None
    count: int | None = None
    role: str | None = None
    affiliation: str | None = None
    former: bool = False
    resolved_to: str | None = None
    # Added beyond the base contract: "senior", "junior", "top" …
    seniority: str | None = None


@dataclass
class Event:
    id: str
    type: str
    trigger: Role
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: Role | None = None
    target: Role | None = None
    status: EventStatus = "asserted"
    certainty: float = 3.0
    attribution: str | None = None


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str


@dataclass
class Meta:
    title: str | None = None
    url: str | None = None
    site: str | None = None
    language: str = "en"
    published: str | None = None
    published_basis: PublishedBasis = "none"
    # Only for a page dated from its text (basis "inferred"): the months it allows ("YYYY-MM/YYYY-MM") and the
    # time expressions that narrowed them.
    published_interval: str | None = None
    published_evidence: list[str] | None = None


@dataclass
class Removed:
    text: str
    reason: RemovedReason


@dataclass
class Related:
    title: str
    url: str | None = None


@dataclass
class Document:
    """An extracted article, ready for analysis: the body text every offset will index into."""

    id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    removed: list[Removed] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what reading and extraction had to guess


@dataclass
class Record:
    id: str
    text: str
    meta: Meta
    removed: list[Removed] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    # Analyses arrive from Doc extensions as claimtrace/1-shaped dicts (their fields and vocabularies are in
    # the README's claimtrace/1 section and above), because extension values must stay plain data to cross
    # process boundaries.
    entities: list[Entity] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    factuality: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        out: dict[str, Any] = {"schema": SCHEMA}
        out.update(data)
        if not self.warnings:
            del out["warnings"]
        return _spans_as_lists(out)


def _spans_as_lists(value: Any) -> Any:
    """JSON has no tuples; make `spans` lists of [start, end] lists so dumps and reloads compare equal."""
    if isinstance(value, dict):
        return {k: _spans_as_lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_spans_as_lists(v) for v in value]
    return value


@dataclass
class ErrorRecord:
    """A record that could not be analysed: the batch goes on and the exit status reports it."""

    id: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "id": self.id, "error": self.error}


@dataclass
class RawInput:
    """One input as read, before extraction: either plain text or HTML."""

    id: str
    origin: str  # where it came from, for messages: "dir/a.html", "batch.jsonl:12", "crawl.warc.gz#3"
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None  # given by the caller (JSONL "published"), YYYY-MM-DD or YYYY-MM
    warnings: list[str] = field(default_factory=list)  # guesses made while reading (a detected encoding)
