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


class _Serialised:
    """A typed result a component puts on a Doc (plain dataclasses, so Docs still pickle across processes),
    serialised once, by `to_dict`, when the record is built (`analyze.pipeline.doc_to_record`)."""

    def to_dict(self) -> dict[str, Any]:
        return _spans_as_lists(asdict(self))  # type: ignore[call-overload, no-any-return]


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
class SourceProfile(_Serialised):
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
class Certainty(_Serialised):
    """How firmly an attributed claim stands (analyze/certainty.py): a value on the FactBank scale [−3, +3],
    its label, and the words that moved it."""

    value: float
    label: CertaintyLabel
    cues: list[Role] = field(default_factory=list)


@dataclass
class FactualityValue(_Serialised):
    """The factuality of one predicate (analyze/factuality.py): its token's character offsets and text, and
    its value on [−3, +3]."""

    start: int
    end: int
    text: str
    value: float


@dataclass
class Attribution(_Serialised):
    """One source's reported content (analyze/attribution/): built by the attribution component; the time
    anchors add `time`, the certainty component `certainty`."""

    id: str
    kind: AttributionKind
    source: Role | None
    cue: Role | None
    content: Role
    parent: str | None = None  # the id of the attribution that reports this one
    source_profile: SourceProfile | None = None
    certainty: Certainty | None = None
    # {"value", "basis", "text", "timex3"}, the anchor shape events share (analyze/anchor_times.py); a record
    # has the field only where the time anchors ran.
    time: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.time is None:
            del out["time"]
        return out


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
    # The analyses as claimtrace/1 dicts (their fields and vocabularies are in the README's claimtrace/1
    # section and above): `doc_to_record` serialises the components' results into them once.
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
