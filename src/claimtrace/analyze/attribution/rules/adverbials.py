"""Adverbial attributions: "according to X" and hearsay adverbs ("reportedly", "allegedly")."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrace.analyze.attribution.rules.context import Found, RuleContext


def according_to(ctx: RuleContext, according: Token) -> None:
    """ "A happened, according to X": X the source, the clause around the phrase the content."""
    doc = ctx.doc
    if according.i + 1 >= len(doc) or doc[according.i + 1].lower_ != "to":
        return
    to = doc[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or according.dep_ == "ROOT":
        return
    copula = according.head
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if copula.lemma_ == "be" and copula.i == according.i - 1 and subject is not None:
        # "That's according to the exit polls": the copula joins the cue, the subject is the content
        source = ctx.trim(ctx.subtree(pobj))
        cue = (copula.i, according.i + 2)
        ctx.found[according.i] = Found(according.i, cue, source, [ctx.subtree(subject)], "according_to")
        return
    head = ctx.clause_head(according.head)
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "A happened and B followed, according to X": X vouches for both
    phrase = (according.i, max(according.right_edge.i, pobj.right_edge.i) + 1)
    start, end = ctx.subtree(head)
    if start < phrase[0]:
        start = ctx.without_opener(head, start)
    content = ctx.around((start, end), phrase)
    if not content:
        return
    source = ctx.trim(ctx.subtree(pobj))
    cue = (according.i, according.i + 2)
    ctx.found[according.i] = Found(according.i, cue, source, content, kind="according_to")


def hearsay(ctx: RuleContext, adverb: Token) -> None:
    head = ctx.clause_head(adverb.head)
    if head.i == adverb.i:
        return
    start, end = ctx.subtree(head)
    content = ctx.around((ctx.without_opener(head, start), end), (adverb.i, adverb.i + 1))
    if content:
        ctx.found[adverb.i] = Found(adverb.i, (adverb.i, adverb.i + 1), None, content, kind="no_source")
