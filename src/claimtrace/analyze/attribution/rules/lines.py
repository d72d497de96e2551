"""Line-shaped attributions: a headline or transcript line "Speaker: what they say", a verb whose clause a
colon closes before a quote ("Mr. Lund gloated: “…”"), and a quote signed with a dash and a name."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrace.analyze.attribution.quotes import GLUED_SIGNATURES
from claimtrace.analyze.attribution.rules.context import Found, RuleContext
from claimtrace.analyze.attribution.rules.syntax import FIRST_SECOND_PERSON, VERBAL_POS

# What cannot speak in a headline "Speaker: …" line.
NOT_SPEAKER_HEADS = frozenset(
    {"note", "update", "correction", "photo", "video", "watch", "related", "source", "latest"}
)
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Windows, in tokens: the longest speaker name before a headline colon, the shortest content after it, the
# longest name after a signature dash ("Azucena Gonzàlez", "Sen. Mary Ann Holt"), and the longest "addressed
# the supporters again:" between a verb and the colon closing it.
HEADLINE_SPEAKER_WINDOW = 6
MIN_HEADLINE_CONTENT = 3
MAX_SIGNATURE = 5
COLON_CUE_WINDOW = 6


def colon(ctx: RuleContext, colon: Token) -> None:
    """A headline or transcript line "Speaker: what they say": a short name before a colon that opens its
    line, and the rest of the line after it."""
    if _verb_colon_quote(ctx, colon):
        return
    doc = ctx.doc
    start = colon.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
        if colon.i - start > HEADLINE_SPEAKER_WINDOW:
            return
    if start == colon.i:
        return
    speaker = doc[start : colon.i]
    if any(t.pos_ in VERBAL_POS or t.ent_type_ in NOT_SPEAKERS or t.is_punct for t in speaker):
        return
    if not any(t.pos_ in ("PROPN", "NOUN") for t in speaker) or speaker.root.lower_ in NOT_SPEAKER_HEADS:
        return
    end = colon.i + 1
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    content = ctx.clean_content([(colon.i + 1, end)], [])
    if content and content[-1][1] - content[0][0] >= MIN_HEADLINE_CONTENT:
        ctx.found[colon.i] = Found(colon.i, (colon.i, colon.i + 1), (start, colon.i), content)


def _verb_colon_quote(ctx: RuleContext, colon: Token) -> bool:
    """ "Mr. Lund gloated: “…”", "as she put it: “…”": any verb whose clause a colon closes right before a
    quote introduces that quote; the words from the verb to the colon are the cue."""
    verb = colon.head
    if verb.pos_ != "VERB" or verb.i in ctx.found or not 0 < colon.i - verb.i <= COLON_CUE_WINDOW:
        return False
    opening = ctx.next_word(colon.i + 1)
    quote = ctx.quote_starting_at(opening, verb.i) if opening is not None else None
    if quote is None or not ctx.has_verb(quote) or ctx.paragraph[quote.start] != ctx.paragraph[colon.i]:
        return False
    subject = ctx.subject(verb)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or ctx.quote_at(verb.i, -1) is not None:
        return False
    source = ctx.source_range(subject)
    cue = (ctx.cue_range(verb, None)[0], colon.i + 1)
    if source[1] > cue[0]:
        return False
    ctx.found[verb.i] = Found(verb.i, cue, source, [(quote.start, quote.end)], speech=True)
    return True


def signature(ctx: RuleContext, dash: Token) -> None:
    """A quote signed with a dash and a name that closes its line ("“…” ― Carla Ruiz", or "- Mary Holt."
    on the line after the quote), as in collected reader letters and quotes of the day: the name is the
    source, the dash the cue."""
    doc = ctx.doc
    if dash.text in GLUED_SIGNATURES:
        quote = ctx.quote_ending_at(dash.i + 1, -1)
    else:
        before = dash.i
        while before > 0 and doc[before - 1].is_space:
            before -= 1
        quote = ctx.quote_ending_at(before, -1)
        if quote is not None and ctx.next_word(quote.end) != dash.i:
            return  # more than one paragraph break between the quote and its signature
    if quote is None or quote.depth:
        return
    end = dash.i + 1
    while end < len(doc) and not doc[end].is_space and doc[end].text != ".":
        end += 1
    after = end + (end < len(doc) and doc[end].text == ".")
    name = doc[dash.i + 1 : end]
    if (
        not 0 < len(name) <= MAX_SIGNATURE
        or not _closes_line(ctx, after)
        or not all(t.text[:1].isupper() or t.text == "." for t in name)
        or any(t.pos_ in VERBAL_POS for t in name)
    ):
        return
    cue, source = (dash.i, dash.i + 1), (dash.i + 1, end)
    ctx.found[dash.i] = Found(dash.i, cue, source, [(quote.start, quote.end)], "direct")


def _closes_line(ctx: RuleContext, i: int) -> bool:
    """Whether token i ends the text or is the whitespace (with a line break) that ends a line."""
    doc = ctx.doc
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i >= len(doc) or "\n" in doc[i].text
