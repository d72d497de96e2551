"""The `claimtrace_attribution` spaCy component: who claims what, through whom.

The rules (`rules`) propose attribution spans, the trained tagger (`tagger`) tags its own for the cues of
the shared encoder (`encoder`, the default profile) or of its cue CRF (the fast profile), `merge` merges the
two and vets the result against the parse, and this component turns the final spans into
`record.Attribution` objects in `doc._.attributions`: ids in text order, the kind, source/cue/content roles,
the `parent` of nested reporting, the source profile, and coreference of pronoun and definite sources.
`certainty` and `time` are left None for the certainty and time-anchor components.

An outlet that a source talks to ("X told the Post that …", "… in an interview with The Times") is a second
attribution of the same reporting act: the same cue and content, the outlet as source. Of two attributions
sharing cue and content, the one whose source follows the cue (the outlet) is the parent of the other.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrace.analyze.attribution.encoder import CONFIRM_THRESHOLD, doubted_rule_cues, encoder_cues
from claimtrace.analyze.attribution.merge import find_attributions, vet_spans
from claimtrace.analyze.attribution.quotes import find_quotes, with_closing_mark
from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.attribution.spans import AttributionSpans, Intervals, source_follows_cue
from claimtrace.analyze.attribution.tagger import AttributionTagger, load_tagger
from claimtrace.analyze.blas import one_blas_thread
from claimtrace.analyze.coref import SourceMention, resolve_sources
from claimtrace.analyze.extensions import register_extensions
from claimtrace.analyze.lexicon import CITING_VERBS
from claimtrace.analyze.sources import EntityIndex, profile_source
from claimtrace.record import ATTRIBUTION_KINDS, Attribution, AttributionKind, Offsets, Role


class AttributionComponent:
    """Rules plus a trained tagger: where the shared encoder ran (the default profile) its cue head finds
    the cues, else the cue CRF does (the fast profile); the role CRF draws sources and contents for both."""

    def __init__(self, tagger: AttributionTagger) -> None:
        self.tagger = tagger

    def __call__(self, doc: Doc) -> Doc:
        rule_spans = find_rule_attributions(doc)
        with one_blas_thread():
            encoding = doc._.encoding
            if encoding is None:
                found = find_attributions(doc, rule_spans, self.tagger)
            else:
                found = find_attributions(
                    doc,
                    rule_spans,
                    self.tagger,
                    encoder_cues(doc, encoding),
                    confirming=encoder_cues(doc, encoding, threshold=CONFIRM_THRESHOLD),
                    doubted=doubted_rule_cues(doc, encoding, rule_spans),
                )
        doc._.attributions = build_attributions(doc, vet_spans(doc, found, rule_spans))
        return doc


@Language.factory(
    "claimtrace_attribution",
    default_config={"model_dir": ""},
    assigns=["doc._.attributions"],
    requires=[
        "token.dep",
        "token.head",
        "token.tag",
        "token.lemma",
        "token.ent_type",
        "token.is_sent_start",
        "doc.ents",
        "doc.sents",
    ],
)
def make_attribution_component(nlp: Language, name: str, model_dir: str) -> AttributionComponent:
    """`model_dir`: a directory written by `claimtrace train attribution` ("" for the packaged model)."""
    register_extensions()
    return AttributionComponent(load_tagger(Path(model_dir) if model_dir else None))


def build_attributions(doc: Doc, spans: list[AttributionSpans]) -> list[Attribution]:
    """The attributions of the final spans, with parents, profiles and resolved sources."""
    spans = sorted((s for s in spans if s.content), key=_start)
    found_quotes = find_quotes(doc)
    for found in spans:
        found.content = with_closing_mark(doc, found_quotes, found.content)
    quotes = Intervals((doc[q.start].idx, _token_end(doc, q.end - 1), n) for n, q in enumerate(found_quotes))
    text = doc.text
    entities = EntityIndex(doc)
    out: list[Attribution] = []
    source_spans: list[Span | None] = []
    for number, found in enumerate(spans, start=1):
        source_span = _char_span(doc, found.source[0]) if found.source else None
        source_spans.append(source_span)
        content = _role(text, found.content)
        assert content is not None  # spans without content were dropped above
        out.append(
            Attribution(
                id=f"a{number}",
                kind=_kind(found, quotes, text),
                source=_role(text, found.source),
                cue=_role(text, found.cue),
                content=content,
                source_profile=profile_source(source_span, entities) if source_span is not None else None,
            )
        )
    parents = _parents(doc, spans)
    for attribution, parent in zip(out, parents, strict=True):
        attribution.parent = out[parent].id if parent is not None else None
    mentions = [
        SourceMention(span, attribution.source_profile, parent)
        if span is not None and attribution.source_profile is not None
        else None
        for span, attribution, parent in zip(source_spans, out, parents, strict=True)
    ]
    resolve_sources(doc, mentions, entities.ents)
    return out


def _kind(found: AttributionSpans, quotes: Intervals, text: str) -> AttributionKind:
    """The kind a rule gave its find where it is one of claimtrace/1's, else the kind its quotes make it."""
    if found.kind in ATTRIBUTION_KINDS:
        return cast(AttributionKind, found.kind)
    cue_text = " ".join(text[s:e] for s, e in found.cue).lower()
    quoted = [any(e <= qe for _, qe, _ in quotes.holding(s)) for s, e in found.content]
    exact = [any(qs == s and qe == e for qs, qe, _ in quotes.holding(s)) for s, e in found.content]
    touched = any(quotes.touching(s, e) for s, e in found.content)
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
    """For each attribution, the one that reports it: the reporter a cited source shares its content with
    ("Bloomberg reported, citing people familiar …"); whose cue governs its cue ("Reuters, citing officials,
    reported"); whose source contains its cue ("according to a report … citing officials"); else whose
    content contains its cue most tightly (a quote inside a quote; "X told the Post that …")."""
    finder = _ParentFinder(doc, spans)
    return _break_cycles([finder.parent(i) for i in range(len(spans))])


class _ParentFinder:
    """Interval indexes over one Doc's attributions (cues, sources, contents), and what chains need besides:
    which attributions cite, the reporter of each content, and the outlets that head "told the Post" pairs."""

    def __init__(self, doc: Doc, spans: list[AttributionSpans]) -> None:
        self.doc = doc
        self.spans = spans
        self.citing = [_cue_lemma(doc, found) in CITING_VERBS for found in spans]
        self.reporter_of: dict[tuple[Offsets, ...], int] = {}
        self.outlet_of: dict[tuple[tuple[Offsets, ...], tuple[Offsets, ...]], int] = {}
        for j, found in enumerate(spans):
            if not self.citing[j]:
                self.reporter_of.setdefault(tuple(found.content), j)
            if source_follows_cue(found.source, found.cue):
                self.outlet_of.setdefault((tuple(found.cue), tuple(found.content)), j)
        self.cues = Intervals((s, e, j) for j, found in enumerate(spans) for s, e in found.cue)
        self.sources = Intervals((s, e, j) for j, found in enumerate(spans) for s, e in found.source)
        self.contents = Intervals((s, e, j) for j, found in enumerate(spans) for s, e in found.content)
        cue_uses = Counter(found.cue[0] for found in spans if found.cue)
        self.outlets = {j for (cue, _), j in self.outlet_of.items() if cue_uses[cue[0]] > 1}

    def parent(self, i: int) -> int | None:
        child = self.spans[i]
        if child.cue:
            outlet = self.outlet_of.get((tuple(child.cue), tuple(child.content)), i)
            if outlet != i:
                return outlet  # "X told the Post that …": the Post reports what X told it
        at = _anchor(child)
        reporter = self.reporter_of.get(tuple(child.content), i)
        if self.citing[i] and reporter != i:
            return reporter
        if child.cue:
            head_at = _head_offset(self.doc, at)
            governing = self.cues.holding(head_at) if head_at is not None else []
            holder = next((j for _, _, j in [*governing, *self.sources.holding(at)] if j != i), None)
            if holder is not None:
                return holder
        best: tuple[int, int] | None = None
        for s, e, j in self.contents.holding(at):
            if j == i or j in self.outlets or (child.cue and child.cue == self.spans[j].cue):
                continue  # itself, an outlet (its source's account is the nearer), or the same act read twice
            if best is None or e - s < best[0]:
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


def _role(text: str, spans: list[Offsets]) -> Role | None:
    return Role.from_spans(text, [(s, e) for s, e in spans]) if spans else None


def _char_span(doc: Doc, offsets: Offsets) -> Span | None:
    return doc.char_span(offsets[0], offsets[1], alignment_mode="expand")


def _start(found: AttributionSpans) -> int:
    return min(s for s, _ in [*found.content, *found.cue, *found.source])


def _token_end(doc: Doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)
