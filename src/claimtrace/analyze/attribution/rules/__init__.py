"""Rule finder for attributions on spaCy's dependency parse: one module per family of constructions, and the
table (`CONSTRUCTIONS`) that hands each trigger token to its family.

Families: reporting verbs with their clausal complement, subject and adjacent quotes, passives ("was told
by") and refusals (`verbs`), with what a verb says when no clause does (`complements`); "according to X"
and hearsay adverbs (`adverbials`); "X, citing Y" and "X told the Post" chains (`chains`); headline speaker
lines, colon-introduced quotes and signed quotes (`lines`); "seems" and "appears" (`appearance`); and quotes
that go on after their reporting sentence (`continuation`). Candidate tokens are picked with vectorised
look-ups over the Doc's attribute arrays (`context`), so the Python work grows with the number of candidates,
not of tokens; every decision reads the parse spaCy already made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimtrace.analyze.attribution.quotes import GLUED_SIGNATURES, SIGNATURE_DASHES
from claimtrace.analyze.attribution.rules.adverbials import according_to, hearsay
from claimtrace.analyze.attribution.rules.appearance import appearance
from claimtrace.analyze.attribution.rules.chains import citing
from claimtrace.analyze.attribution.rules.context import RuleContext
from claimtrace.analyze.attribution.rules.continuation import continue_quotes
from claimtrace.analyze.attribution.rules.lines import colon, signature
from claimtrace.analyze.attribution.rules.syntax import (
    VERBAL_POS,
    is_adjective_infinitive,
    is_participle_modifier,
    subject_source,
)
from claimtrace.analyze.attribution.rules.verbs import reporting_verb
from claimtrace.analyze.attribution.spans import AttributionSpans
from claimtrace.analyze.lexicon import APPEARANCE_VERBS, CITING_VERBS, HEARSAY_ADVERBS

__all__ = [
    "CONSTRUCTIONS",
    "Construction",
    "find_rule_attributions",
    "is_adjective_infinitive",
    "is_participle_modifier",
    "subject_source",
]

MARKUP_OPENERS = frozenset({"<", "</"})
SIGNATURE_MARKS = SIGNATURE_DASHES | GLUED_SIGNATURES


@dataclass(frozen=True)
class Construction:
    """A family of constructions: which trigger tokens it reads, and the function that reads one."""

    name: str
    triggers: Callable[[Token], bool]
    find: Callable[[RuleContext, Token], None]
    # runs after every first-pass construction, since it edits what they found (a citing phrase leaves its
    # reporter's source and content)
    second_pass: bool = False


def _verb(token: Token) -> bool:
    """A verb or auxiliary, unless it follows a markup opener: "<tweet …>" left in scraped text is markup."""
    return token.pos_ in VERBAL_POS and not (token.i > 0 and token.doc[token.i - 1].text in MARKUP_OPENERS)


# The first construction whose trigger matches a candidate token reads it; the order settles tokens that two
# could read (a verb tagged on a colon or dash, "according" tagged as a verb).
CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction("speaker line", lambda t: t.lower_ == ":", colon),
    Construction("signed quote", lambda t: t.lower_ in SIGNATURE_MARKS, signature),
    Construction("according to", lambda t: t.lower_ == "according", according_to),
    Construction("hearsay adverb", lambda t: t.lower_ in HEARSAY_ADVERBS, hearsay),
    Construction("citing chain", lambda t: _verb(t) and t.lemma_ in CITING_VERBS, citing, second_pass=True),
    Construction("appearance", lambda t: _verb(t) and t.lemma_ in APPEARANCE_VERBS, appearance),
    Construction("reporting verb", _verb, reporting_verb),
)


def find_rule_attributions(doc: Doc) -> list[AttributionSpans]:
    """Attributions the rules find in a parsed Doc, in text order."""
    if not len(doc):
        return []
    ctx = RuleContext(doc)
    later: list[tuple[Construction, Token]] = []
    for i in ctx.candidates:
        token = doc[i]
        construction = next((c for c in CONSTRUCTIONS if c.triggers(token)), None)
        if construction is None:
            continue
        if construction.second_pass:
            later.append((construction, token))
        else:
            construction.find(ctx, token)
    for construction, token in later:
        construction.find(ctx, token)
    continue_quotes(ctx)
    spans = [ctx.to_spans(found) for found in [*ctx.found.values(), *ctx.extra]]
    spans.sort(key=lambda a: min(s for s, _ in [*a.content, *a.cue, *a.source]))
    return spans
