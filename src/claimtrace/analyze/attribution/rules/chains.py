"""Chains of reporting: "X told the Post that …" (the outlet reports what X told it) and "Reuters, citing two
officials, reported …" (the officials a source one link further down)."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrace.analyze.attribution.rules.context import Found, RuleContext
from claimtrace.analyze.attribution.rules.syntax import TokenRange
from claimtrace.analyze.sources import is_media_phrase


def told_outlet(ctx: RuleContext, verb: Token, children: list[Token]) -> None:
    """ "A senior diplomat told the Post that …", "… told CNN's Jake Tapper", "… said in an interview with
    The Times": the outlet reports what the source told it. It heads the chain as a second attribution
    of the same reporting act: the same cue and content, the outlet as source (see
    `component._parents`)."""
    outlet = _outlet_phrase(ctx, verb, children)
    if outlet is None:
        return
    told = ctx.found[verb.i]
    ctx.extra.append(Found(verb.i, told.cue, outlet, list(told.content), kind="indirect"))


def _outlet_phrase(ctx: RuleContext, verb: Token, children: list[Token]) -> TokenRange | None:
    candidates: list[Token] = []
    if verb.lemma_ == "tell":
        recipient = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
        if recipient is not None:
            candidates.append(recipient)
            candidates.extend(c for c in recipient.children if c.dep_ == "poss")  # "CNN's Jake Tapper"
    for prep in children:  # "in an interview with the Post"
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for interview in prep.children:
            if interview.dep_ == "pobj" and interview.lemma_ == "interview":
                for with_ in interview.children:
                    if with_.lower_ == "with":
                        candidates.extend(c for c in with_.children if c.dep_ == "pobj")
    for candidate in candidates:
        start, end = ctx.subtree(candidate)
        if candidate.dep_ == "poss":
            end = next((t.i for t in candidate.rights if t.dep_ == "case"), end)
        if is_media_phrase(ctx.doc[start:end]):
            return start, end
    return None


def citing(ctx: RuleContext, verb: Token) -> None:
    """Chains such as "Reuters, citing two officials, reported that …": the officials are a source for the
    same content, one link further down. Without a reporting clause to lean on, "citing" reports its
    object ("He resigned, citing health reasons")."""
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if cited is None:
        return
    cited_range = ctx.source_range(cited)
    cue = (verb.i, verb.i + 1)
    phrase = ctx.subtree(verb)
    for found in [*ctx.found.values()]:
        governs = found.anchor == verb.head.i
        inside_source = found.source is not None and found.source[0] <= verb.i < found.source[1]
        inside_content = any(s <= verb.i < e for s, e in found.content)
        if not (governs or inside_source or inside_content):
            continue
        # the citing phrase belongs to neither the reporter's description nor its content
        if inside_source and found.source is not None and phrase[1] >= found.source[1] - 1:
            found.source = ctx.trim((found.source[0], phrase[0]))
        if inside_content:
            found.content = ctx.clean_content(found.content, [phrase])
        if found.content:
            ctx.found[verb.i] = Found(verb.i, cue, cited_range, list(found.content))
        return
    subject = ctx.subject(verb)
    source = ctx.source_range(subject) if subject is not None else None
    content = ctx.clean_content([cited_range], [source, cue])
    if content:
        ctx.found[verb.i] = Found(verb.i, cue, source, content)
