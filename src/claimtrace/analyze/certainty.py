"""Claim certainty: how firmly each attributed claim stands, on the FactBank scale [−3, +3], with a label and
the words that moved it.

The value starts from the factuality of the content's main predicate (the highest predicate of the content in
the parse; +3 when the content has none) and is then scaled by how the claim is sourced:
- the reporting verb: "confirmed" keeps it, "said" barely lowers it, "claimed" and "suggested" lower it more,
  "denied" turns it over; a reporting act that is itself hedged or negated ("may have said", "declined to
  confirm") pulls it towards 0;
- the source: named sources keep it; anonymous sources, pronouns and claims with no source lower it;
- the form: a direct quote gives the source's own words, a paraphrase is the writer's rendering;
- the chain: each level of re-reporting (an attribution nested in another) lowers it.
Labels (thresholds on the final value v):
  certain v ≥ 2.5 · probable 1.5 ≤ v < 2.5 · possible 0.5 ≤ v < 1.5 · unknown −0.5 < v < 0.5 ·
  doubtful −2 < v ≤ −0.5 · negated v ≤ −2.
Negative values come out of the factuality model shrunk towards the mean, hence the lower bar for negated.
Runs after attribution, factuality and events; it writes each attribution's `certainty` and leaves
`doc._.events` alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrace.analyze.extensions import register_extensions
from claimtrace.analyze.hedges import (
    HEDGE_ADVERBS,
    INTENT_VERBS,
    MODALS_WEAK,
    NEGATIONS,
    NEGATIVE_VERBS,
    NONFACTIVE_PREDICATES,
)
from claimtrace.analyze.lexicon import (
    CONFIRMING_CUES,
    DENYING_CUES,
    DISTANCING_CUES,
    NEUTRAL_CUES,
    POSSIBILITY_VERBS,
    TENTATIVE_CUES,
)
from claimtrace.record import Attribution, Certainty, CertaintyLabel, Offsets, Role

FACTUAL = 3.0
# Reporting-verb class (analyze/lexicon.py) → factor applied to the content's value.
NEUTRAL_FACTOR = 0.95
CUE_FACTORS: tuple[tuple[frozenset[str], float], ...] = (
    (DENYING_CUES, -0.9),
    (CONFIRMING_CUES, 1.0),
    (NEUTRAL_CUES, NEUTRAL_FACTOR),
    (DISTANCING_CUES, 0.7),
    (TENTATIVE_CUES, 0.6),
)
NO_CUE_FACTOR = 0.85
SOURCE_FACTORS = {"anonymous": 0.85, "pronoun": 0.95, "group": 0.95}
NO_SOURCE_FACTOR = 0.8
KIND_FACTORS = {"direct": 1.0, "mixed": 0.97, "according_to": 0.95, "indirect": 0.95, "no_source": 1.0}
NESTING_FACTOR = 0.9
# A reporting act whose own factuality is below this is treated as hedged ("may have said").
HEDGED_REPORT = 2.5
CONTENT_CUE_WORDS = (
    MODALS_WEAK | HEDGE_ADVERBS | NEGATIONS | NONFACTIVE_PREDICATES | INTENT_VERBS | POSSIBILITY_VERBS
)
CONTENT_CUE_WORDS |= NEGATIVE_VERBS | {"whether", "if", "unless"}
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acomp", "aux", "neg", "advmod", "mark", "attr", "auxpass"})

THRESHOLDS: tuple[tuple[float, CertaintyLabel], ...] = (
    (2.5, "certain"),
    (1.5, "probable"),
    (0.5, "possible"),
    (-0.5 + 1e-9, "unknown"),
    (-2.0 + 1e-9, "doubtful"),
)


def label_for(value: float) -> CertaintyLabel:
    """The certainty label of a value on the [−3, +3] scale (thresholds in the module docstring)."""
    for threshold, label in THRESHOLDS:
        if value >= threshold:
            return label
    return "negated"


def _tokens(doc: Doc, spans: Iterable[Offsets]) -> list[Token]:
    out: list[Token] = []
    for start, end in spans:
        span: Span | None = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


def _role_of(token: Token) -> Role:
    return Role(token.text, [(token.idx, token.idx + len(token.text))])


def _main_token(tokens: list[Token], predicates: set[int]) -> Token | None:
    """The highest token of the content in the parse, preferring predicates."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    ranked = sorted(heads, key=lambda t: (t.i not in predicates, len(list(t.ancestors)), t.i))
    return ranked[0] if ranked else None


def _spine(main: Token, inside: set[int]) -> list[Token]:
    """The main token and the words that qualify it inside the content: complements, auxiliaries, negation,
    hedging adverbs, markers ("could be willing to consider": could, willing, consider)."""
    out, frontier = [main], [main]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if child.i in inside and child.dep_ in COMPLEMENT_DEPS:
                out.append(child)
                frontier.append(child)
    return out


def _cue_factor(cue_tokens: list[Token]) -> tuple[float, Token | None]:
    """The factor of the reporting verb and the token that gave it."""
    for token in sorted(cue_tokens, key=lambda t: t.pos_ != "VERB"):
        lemma = token.lemma_.lower()
        for lexicon, factor in CUE_FACTORS:
            if lemma in lexicon:
                return factor, token
    return NO_CUE_FACTOR, None


def _depth(attribution: Attribution, by_id: dict[str, Attribution]) -> int:
    depth, seen = 0, set()
    parent = attribution.parent
    while parent and parent in by_id and parent not in seen:
        seen.add(parent)
        depth += 1
        parent = by_id[parent].parent
    return depth


def grade(doc: Doc, attribution: Attribution, factuality: dict[int, float], depth: int) -> Certainty:
    """The certainty of one attribution: value, label and the cue words that moved it."""
    cues: list[Role] = []
    content_tokens = _tokens(doc, attribution.content.spans)
    inside = {t.i for t in content_tokens}
    value = FACTUAL
    main = _main_token(content_tokens, set(factuality))
    if main is not None:
        value = factuality.get(main.i, FACTUAL)
        for token in _spine(main, inside):
            lemma = token.lemma_.lower()
            if lemma in CONTENT_CUE_WORDS or token.lower_.endswith("n't"):
                cues.append(_role_of(token))

    cue = attribution.cue
    cue_tokens = _tokens(doc, cue.spans) if cue else []
    factor, cue_token = _cue_factor(cue_tokens)
    if factor < 0:  # a denial: the source holds the content false (or, for a negated content, true)
        value = -FACTUAL if value >= 1.0 else -value
        factor = -factor
    if cue_token is not None and factor < NEUTRAL_FACTOR:
        cues.append(_role_of(cue_token))
    reporting = [factuality[t.i] for t in cue_tokens if t.i in factuality]
    if reporting and min(reporting) < HEDGED_REPORT:
        factor *= max(0.0, min(reporting)) / FACTUAL
        cues.extend(
            _role_of(h)
            for t in cue_tokens
            for h in [*t.children, t.head]
            if h.lemma_.lower() in CONTENT_CUE_WORDS and h.i not in inside
        )

    profile = attribution.source_profile
    source = attribution.source
    if source is None:
        factor *= NO_SOURCE_FACTOR
    else:
        source_factor = SOURCE_FACTORS.get(profile.type if profile is not None else "", 1.0)
        factor *= source_factor
        if source_factor < 1.0:
            cues.append(Role(source.text, list(source.spans)))
    factor *= KIND_FACTORS.get(attribution.kind, 1.0) * NESTING_FACTOR**depth

    final = max(-FACTUAL, min(FACTUAL, value * factor))
    unique = {tuple(tuple(s) for s in c.spans): c for c in cues}
    ordered = sorted(unique.values(), key=lambda c: c.spans[0][0])
    return Certainty(value=round(final, 2), label=label_for(final), cues=ordered)


class CertaintyComponent:
    def __call__(self, doc: Doc) -> Doc:
        attributions: list[Attribution] = doc._.attributions or []
        if not attributions:
            return doc
        starts = {t.idx: t.i for t in doc}
        factuality = {starts[e.start]: float(e.value) for e in doc._.factuality or [] if e.start in starts}
        by_id = {a.id: a for a in attributions}
        for attribution in attributions:
            attribution.certainty = grade(doc, attribution, factuality, _depth(attribution, by_id))
        return doc


@Language.factory(
    "claimtrace_certainty",
    assigns=["doc._.attributions"],  # the `certainty` of each
    requires=["doc._.attributions", "doc._.factuality", "token.dep", "token.head", "token.lemma"],
)
def make_certainty(nlp: Language, name: str) -> CertaintyComponent:
    register_extensions()
    return CertaintyComponent()
