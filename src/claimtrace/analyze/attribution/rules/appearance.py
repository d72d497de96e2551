"""Appearance verbs: "The plan seemed to stall", "It appears that …": a clause attributed to no one."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrace.analyze.attribution.rules.context import Found, RuleContext


def appearance(ctx: RuleContext, verb: Token) -> None:
    """ "The plan seemed to stall", "The deal appears doomed", "It appears that …": a clause attributed
    to no one; its content is the subject with what it seems to be, or the clause after "it"."""
    if ctx.quote_at(verb.i, -1) is not None:
        return  # inside a quote the speaker hedges their own words: PolNeAR adds no attribution
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    clause = next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i), None)
    predicate = next((c for c in children if c.dep_ in ("xcomp", "acomp") and c.i > verb.i), None)
    if subject is not None and subject.lower_ == "it" and clause is not None:
        content = [ctx.subtree(clause)]
    elif subject is not None and subject.lower_ != "it" and predicate is not None:
        content = [ctx.subtree(subject), ctx.subtree(predicate)]
    else:
        return
    cue = (ctx.cue_range_start(verb), verb.i + 1)
    content = ctx.clean_content(content, [cue])
    if content:
        ctx.found[verb.i] = Found(verb.i, cue, None, content, kind="no_source")
