"""Time anchors: every claim and every event gets the date or interval it is about.

Each attribution (`record.Attribution`) gains `time`, the time of the reporting act: a time expression
attached to its cue ("said on Wednesday", "told reporters Tuesday"), else the publication date. Each event
dict gains `time`: an expression attached to its trigger's clause ("talks since last spring", "met on March
3"), else the one in the same sentence closest to the trigger, else the time of the attribution it is reported
under, else the publication date. The shape is {"value", "basis", "text", "timex3"}: `value` as in
`doc._.times` ("YYYY-MM-DD", "YYYY-MM", "YYYY" or "start/end"); `basis` "absolute" | "relative-to-published"
(from the expression) | "published" | "inferred" (the publication date, given or inferred from the text) |
"none" (no date known, value null); `text` the expression, or null for a publication date; `timex3` the
expression's TIMEX3 {"type", "value"} (a publication date as a DATE), null when no date is known.

Values are those the times component computed; nothing is re-parsed here. One pass over the tokens.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimtrace.analyze.extensions import register_extensions
from claimtrace.record import Attribution, Offsets

TimeAnchor = dict[str, Any]

# Dependency labels that link a time expression (or the preposition heading it) to the predicate it dates.
ATTACHING_DEPS = frozenset({"prep", "npadvmod", "tmod", "advmod", "pobj", "pcomp", "obl", "nmod", "amod"})
PREDICATE_POS = frozenset({"VERB", "AUX"})


def publication_anchor(doc: Doc) -> TimeAnchor:
    if doc._.published:
        return _publication(doc._.published, "published")
    if doc._.published_inferred:
        return _publication(doc._.published_inferred, "inferred")
    return {"value": None, "basis": "none", "text": None, "timex3": None}


def _publication(day: str, basis: str) -> TimeAnchor:
    return {"value": day, "basis": basis, "text": None, "timex3": {"type": "DATE", "value": day}}


def _expression_anchor(time: dict[str, Any]) -> TimeAnchor:
    return {key: time.get(key) for key in ("value", "basis", "text", "timex3")}


def _governor(root: Token) -> Token:
    """The word a time expression dates: up from the expression's root, past the prepositions heading it
    ("on" in "said on Wednesday", "since" in "talks since last spring")."""
    head = root.head
    while head.pos_ == "ADP" and head.dep_ in ATTACHING_DEPS and head.head is not head:
        head = head.head
    return head


class TimeIndex:
    """The resolved time expressions of a Doc, indexed by the token each one dates and by sentence."""

    def __init__(self, doc: Doc) -> None:
        self.token_starts = [token.idx for token in doc]
        self.sentence_of = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = number
        self.by_governor: dict[int, list[dict[str, Any]]] = {}
        # per sentence: (token position of the expression, time dict)
        self.by_sentence: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        for time in doc._.times or []:
            if time.get("value") is None:
                continue
            first = self.token_at(time["start"])
            last = max(first, self.token_at(time["end"] - 1))
            if first < 0:
                continue
            inside = range(first, last + 1)
            root = next((doc[i] for i in inside if not first <= doc[i].head.i <= last), doc[first])
            governor = _governor(root)
            if not first <= governor.i <= last:
                self.by_governor.setdefault(governor.i, []).append(time)
            self.by_sentence.setdefault(self.sentence_of[first], []).append((first, time))

    def token_at(self, char: int) -> int:
        """Index of the token containing the character offset (-1 before the first token)."""
        return bisect_right(self.token_starts, char) - 1

    def attached(self, tokens: list[Token], exclude: list[Offsets] | None = None) -> dict[str, Any] | None:
        """The first time expression that dates one of the tokens, outside the excluded character spans (a
        range written out comes before its two ends in `doc._.times`, so its whole interval is found)."""
        for token in tokens:
            for time in self.by_governor.get(token.i, ()):
                if not any(s <= time["start"] < e for s, e in exclude or ()):
                    return time
        return None

    def closest_in_sentence(self, token: Token) -> dict[str, Any] | None:
        candidates = self.by_sentence.get(self.sentence_of[token.i], ())
        return min(candidates, key=lambda c: abs(c[0] - token.i), default=(0, None))[1]


def _role_tokens(doc: Doc, index: TimeIndex, role: dict[str, Any] | None) -> list[Token]:
    """The tokens of an event role's spans."""
    return _span_tokens(doc, index, (role or {}).get("spans") or [])


def _span_tokens(doc: Doc, index: TimeIndex, spans: list[Offsets]) -> list[Token]:
    """The tokens of character spans (a zero-width span names the token it starts at)."""
    tokens: list[Token] = []
    for start, end in spans:
        first = index.token_at(start)
        last = max(first, index.token_at(end - 1))
        tokens.extend(doc[i] for i in range(max(first, 0), last + 1))
    return tokens


def claim_time(doc: Doc, index: TimeIndex, attribution: Attribution, published: TimeAnchor) -> TimeAnchor:
    cue = _span_tokens(doc, index, attribution.cue.spans if attribution.cue else [])
    time = index.attached(cue, exclude=attribution.content.spans)
    return _expression_anchor(time) if time else dict(published)


def event_time(
    doc: Doc,
    index: TimeIndex,
    event: dict[str, Any],
    claim_times: dict[str, TimeAnchor],
    published: TimeAnchor,
) -> TimeAnchor:
    trigger = _role_tokens(doc, index, event.get("trigger"))
    if not trigger:
        return dict(published)
    # a noun or an infinitive is dated by the verb it belongs to as well ("held talks on Monday")
    governors = trigger + [
        t.head for t in trigger if t.head is not t and (t.pos_ not in PREDICATE_POS or t.dep_ == "xcomp")
    ]
    time = index.attached(governors) or index.closest_in_sentence(trigger[0])
    if time:
        return _expression_anchor(time)
    reported_under = claim_times.get(event.get("attribution") or "")
    return dict(reported_under or published)


class TimeAnchorComponent:
    """The pipeline component: adds `time` to every attribution and event dict."""

    def __call__(self, doc: Doc) -> Doc:
        attributions: list[Attribution] = doc._.attributions or []
        events = doc._.events or []
        if not attributions and not events:
            return doc
        index = TimeIndex(doc)
        published = publication_anchor(doc)
        claim_times: dict[str, TimeAnchor] = {}
        for attribution in attributions:
            attribution.time = claim_time(doc, index, attribution, published)
            claim_times[attribution.id] = attribution.time
        for event in events:
            event["time"] = event_time(doc, index, event, claim_times, published)
        return doc


@Language.factory(
    "claimtrace_anchor_times",
    assigns=["doc._.attributions", "doc._.events"],  # the `time` of each
    requires=["doc._.times", "doc._.attributions", "doc._.events", "token.dep", "token.head", "doc.sents"],
)
def make_time_anchors(nlp: Language, name: str) -> TimeAnchorComponent:
    register_extensions()
    return TimeAnchorComponent()
