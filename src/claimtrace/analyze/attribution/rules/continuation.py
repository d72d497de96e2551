"""Quotes that go on: “…,” she said. “…” — a quote opening the next sentence or paragraph, with no reporting
clause of its own, continues the speaker's content before it."""

from __future__ import annotations

from claimtrace.analyze.attribution.quotes import Quote
from claimtrace.analyze.attribution.rules.context import SENTENCE_END, RuleContext
from claimtrace.analyze.attribution.rules.syntax import VERBAL_POS
from claimtrace.analyze.lexicon import SPEECH_VERBS


def continue_quotes(ctx: RuleContext) -> None:
    """“…,” she said. “…” — a quote that opens the next sentence (or the next paragraph), with no
    reporting clause of its own, goes on with the speaker before it."""
    # token → anchors of the attributions whose content holds it
    claimed: dict[int, set[int]] = {}
    for f in [*ctx.found.values(), *ctx.extra]:
        for r in f.content:
            for i in range(r[0], r[1]):
                claimed.setdefault(i, set()).add(f.anchor)
    for found in ctx.found.values():
        if not found.speech or not found.content:
            continue
        last = ctx.quote_ending_at(found.content[-1][1], -1)
        if last is None:
            continue
        ends = [found.content[-1][1], *(r[1] for r in (found.cue, found.source) if r is not None)]
        position = ctx.after_sentence(max(ends))
        while position is not None:
            quote = ctx.quote_starting_at(position, -1)
            if quote is None or quote.depth or not ctx.has_verb(quote):
                break
            if any(not quote.contains(anchor) for anchor in claimed.get(quote.start, ())):
                break  # another attribution outside the quote already reports it
            if _reported_after(ctx, quote):
                break  # “…,” another speaker said: the quote has a reporting clause of its own
            found.content.append((quote.start, quote.end))
            for i in range(quote.start, quote.end):
                claimed.setdefault(i, set()).add(found.anchor)
            position = ctx.next_word(quote.end)
    for extra in ctx.extra:  # an outlet's link reports the same act, so its quote goes on as well
        told = ctx.found.get(extra.anchor)
        if told is not None:
            extra.content = list(told.content)


def _reported_after(ctx: RuleContext, quote: Quote) -> bool:
    doc = ctx.doc
    for tok in doc[quote.end : min(len(doc), quote.end + 4)]:
        if tok.text in SENTENCE_END or "\n" in tok.text:
            return False
        if tok.pos_ in VERBAL_POS and tok.lemma_ in SPEECH_VERBS:
            return True
    return False
