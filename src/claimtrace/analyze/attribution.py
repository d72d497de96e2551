"""The `claimtrace_attribution` spaCy component: who claims what, through whom.

Rules propose attribution spans, the trained tagger (attribution_model) merges its own in, and this
component turns the final spans into claimtrace/1 attribution dicts in `doc._.attributions`: ids in text
order, the kind, source/cue/content roles, the `parent` of nested reporting, the source profile, and
coreference of pronoun and definite sources. `certainty` is left None for the certainty component.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrace.analyze import attribution_model
from claimtrace.analyze.attribution_rules import find_quotes, find_rule_attributions
from claimtrace.analyze.coref import SourceMention, resolve_sources
from claimtrace.analyze.extensions import register_extensions
from claimtrace.analyze.lexicon import CITING_VERBS
from claimtrace.analyze.sources import EntityIndex, profile_source
from claimtrace.analyze.types import AttributionSpans
from claimtrace.record import Offsets, Role

KINDS = frozenset({"direct", "indirect", "mixed", "according_to", "no_source"})


class AttributionComponent:
    def __call__(self, doc: Doc) -> Doc:
        rule_spans = find_rule_attributions(doc)
        spans = attribution_model.find_attributions(doc, rule_spans)
        doc._.attributions = build_attributions(doc, spans)
        return doc


@Language.factory("claimtrace_attribution")
def make_attribution_component(nlp: Language, name: str) -> AttributionComponent:
    register_extensions()
    return AttributionComponent()


def build_attributions(doc: Doc, spans: list[AttributionSpans]) -> list[dict[str, Any]]:
    """claimtrace/1 attribution dicts for the final spans, with parents, profiles and resolved sources."""
    spans = sorted((s for s in spans if s.content), key=_start)
    quotes = [(doc[q.start].idx, _token_end(doc, q.end - 1)) for q in find_quotes(doc)]
    text = doc.text
    entities = EntityIndex(doc)
    out: list[dict[str, Any]] = []
    source_spans: list[Span | None] = []
    for number, found in enumerate(spans, start=1):
        source_span = _char_span(doc, found.source[0]) if found.source else None
        source_spans.append(source_span)
        out.append(
            {
                "id": f"a{number}",
                "kind": found.kind if found.kind in KINDS else _kind(found, quotes, text),
                "source": _role(text, found.source),
                "cue": _role(text, found.cue),
                "content": _role(text, found.content),
                "parent": None,
                "source_profile": profile_source(source_span, entities) if source_span is not None else None,
                "certainty": None,
            }
        )
    parents = _parents(doc, spans)
    for attribution, parent in zip(out, parents, strict=True):
        attribution["parent"] = out[parent]["id"] if parent is not None else None
    mentions = [
        SourceMention(span, attribution["source_profile"], parent) if span is not None else None
        for span, attribution, parent in zip(source_spans, out, parents, strict=True)
    ]
    resolve_sources(doc, mentions, entities.ents)
    return out


def _kind(found: AttributionSpans, quotes: list[Offsets], text: str) -> str:
    cue_text = " ".join(text[s:e] for s, e in found.cue).lower()
    quoted = [any(qs <= s and e <= qe for qs, qe in quotes) for s, e in found.content]
    exact = [any(qs == s and e == qe for qs, qe in quotes) for s, e in found.content]
    touched = any(s < qe and qs < e for s, e in found.content for qs, qe in quotes)
    if all(exact):
        return "direct"
    if touched and not all(quoted):
        return "mixed"
    if "according to" in cue_text:
        return "according_to"
    if not found.source:
        return "no_source"
    return "indirect"


def _parents(doc: Doc, spans: list[AttributionSpans]) -> list[int | None]:
    """For each attribution, the one that reports it: whose cue governs its cue ("Reuters, citing officials,
    reported"), whose source contains its cue ("according to a report … citing officials"), else whose content
    contains its cue most tightly (a quote inside a quote; "X told the Post that …")."""
    parents: list[int | None] = []
    for i, child in enumerate(spans):
        parents.append(_parent(doc, spans, i, child))
    return _break_cycles(parents)


def _parent(doc: Doc, spans: list[AttributionSpans], i: int, child: AttributionSpans) -> int | None:
    at = _anchor(child)
    others = [(j, other) for j, other in enumerate(spans) if j != i]
    if child.cue and _cue_lemma(doc, child) in CITING_VERBS:
        # "Bloomberg reported, citing people familiar …": the cited source shares the reporter's content
        for j, other in others:
            if other.content == child.content and _cue_lemma(doc, other) not in CITING_VERBS:
                return j
    if child.cue:
        head_at = _head_offset(doc, at)
        for j, other in others:
            if head_at is not None and _inside(head_at, other.cue):
                return j
        for j, other in others:
            if _inside(at, other.source):
                return j
    best: tuple[int, int] | None = None
    for j, other in others:
        if child.cue and child.cue == other.cue:
            continue  # the same reporting act read twice, not a reporter
        for s, e in other.content:
            if s <= at < e and (best is None or e - s < best[0]):
                best = (e - s, j)
    return best[1] if best is not None else None


def _break_cycles(parents: list[int | None]) -> list[int | None]:
    for i in range(len(parents)):
        seen = {i}
        current = parents[i]
        while current is not None:
            if current in seen:
                parents[i] = None
                break
            seen.add(current)
            current = parents[current]
    return parents


def _anchor(found: AttributionSpans) -> int:
    """Where an attribution sits, for containment: its cue, else its source, else its content."""
    for role in (found.cue, found.source, found.content):
        if role:
            return role[0][0]
    return 0


def _cue_lemma(doc: Doc, found: AttributionSpans) -> str | None:
    if not found.cue:
        return None
    span = doc.char_span(found.cue[0][0], found.cue[0][1], alignment_mode="expand")
    return span.root.lemma_ if span is not None and len(span) else None


def _head_offset(doc: Doc, offset: int) -> int | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span[0].head
    return head.idx if head.i != span[0].i else None


def _inside(offset: int, role: list[Offsets]) -> bool:
    return any(s <= offset < e for s, e in role)


def _role(text: str, spans: list[Offsets]) -> dict[str, Any] | None:
    if not spans:
        return None
    role = Role.from_spans(text, [(s, e) for s, e in spans])
    return {"text": role.text, "spans": [[s, e] for s, e in role.spans]}


def _char_span(doc: Doc, offsets: Offsets) -> Span | None:
    return doc.char_span(offsets[0], offsets[1], alignment_mode="expand")


def _start(found: AttributionSpans) -> int:
    return min(s for s, _ in [*found.content, *found.cue, *found.source])


def _token_end(doc: Doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)
