"""Reporting verbs: "X said (that) …", "… was told by X", "X declined to say whether …", "Asked if …, X …",
with the quotes next to the reporting clause ("“…,” she said") and the parenthetical "…, he said, …"."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrace.analyze.attribution.quotes import QUOTE_MARKS
from claimtrace.analyze.attribution.rules.chains import told_outlet
from claimtrace.analyze.attribution.rules.complements import (
    cue_preposition,
    infinitive,
    naming,
    object_content,
    prepositional_content,
    raised,
    stance_target,
)
from claimtrace.analyze.attribution.rules.context import Found, RuleContext
from claimtrace.analyze.attribution.rules.syntax import (
    FIRST_SECOND_PERSON,
    VERBAL_POS,
    TokenRange,
    is_adjective_infinitive,
    is_participle_modifier,
    statement_issuer,
)
from claimtrace.analyze.lexicon import (
    BELIEF_VERBS,
    INFINITIVE_CUE_VERBS,
    LEMMA_FIXES,
    NAMING_VERBS,
    PREPOSITIONAL_CUES,
    QUESTION_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from claimtrace.analyze.sources import is_anonymity_formula

# "said A, but B": a contrasting clause goes on with what was said (PolNeAR's contents keep it)
CONTRAST_CONJUNCTIONS = frozenset({"but", "yet"})
QUESTION_OPENERS = frozenset({"if", "whether", "why", "what", "how", "who", "whom", "which", "when", "where"})
REFUSAL_VERBS = frozenset({"decline", "refuse"})
# "“…,” NOUN PHRASE verb": how far back from the verb the quote may close, and how the phrase may open
SPEAKER_AFTER_QUOTE = 20
NOUN_PHRASE_OPENERS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})


def reporting_verb(ctx: RuleContext, verb: Token) -> None:
    """A reporting verb with what it reports (a clause, a quote, an object, an infinitive …), its source (the
    subject, or a passive's agent) and its cue (the verb with its auxiliaries, particle and time)."""
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    lemma = LEMMA_FIXES.get(verb.lower_, verb.lemma_)  # "hopes" comes out as "hop"
    if is_participle_modifier(verb):
        if lemma == "ask":
            _asked(ctx, verb, children)
        return  # "the reported attack", "officials briefed on the talks": these describe, not report
    if is_adjective_infinitive(verb) or is_anonymity_formula(verb):
        return  # "ready to announce …" is a disposition, "asked not to be named" a condition of speaking
    passive = "auxpass" in deps or "nsubjpass" in deps
    if verb.dep_ == "xcomp" and verb.head.lemma_ in REFUSAL_VERBS:
        _refusal(ctx, verb)  # "declined to say whether …"
        return
    content = [_content_range(ctx, c, verb) for c in children if _is_content_child(ctx, c, verb)]
    if not content and lemma in INFINITIVE_CUE_VERBS:
        content = infinitive(ctx, verb, children)
    if not content and lemma in NAMING_VERBS:
        content = naming(ctx, children)
    if not content and lemma in STANCE_VERBS:
        content = stance_target(ctx, verb, children)
    if not content:
        content = object_content(ctx, verb, children)
    preposition = None
    if not content and lemma in PREPOSITIONAL_CUES:
        preposition = cue_preposition(ctx, verb, children)
        content = [] if preposition is None else prepositional_content(ctx, verb, preposition)
    if not content and passive and "xcomp" in deps and "agent" not in deps:
        content = raised(ctx, children)  # "The minister is expected to resign."

    source: TokenRange | None = None
    agent = next((c for c in children if c.dep_ == "agent"), None)
    if passive:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            source = ctx.source_range(pobj)
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    else:
        issuer = statement_issuer(verb)
        subject = ctx.subject(verb if issuer is None else issuer)
        if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ != "VERB":
            # "the share of voters saying …", "Smith, a retired judge, saying …": the noun speaks
            speaker = ctx.trim((verb.head.left_edge.i, verb.left_edge.i))
            source = speaker if speaker[1] > speaker[0] else None
        if subject is not None:
            source = ctx.source_range(subject)
            quoted = ctx.quote_at(subject.i, verb.i)
            if quoted is not None and source[0] < quoted.end <= verb.i:
                # a parse that took a word of the quote for the subject: the speaker follows the quote
                source = ctx.trim((quoted.end, max(source[1], quoted.end)), keep_comma=True)
                source = source if source[1] > source[0] else None
        if source is None and (speaker := _inverted_speaker(ctx, verb)) is not None:
            source = ctx.source_range(speaker)
        if source is None:
            source = _speaker_after_quote(ctx, verb)
    cue = ctx.cue_range(verb, agent)
    if preposition is not None:
        cue = (cue[0], max(cue[1], preposition.i + 1))  # "called for", "talked briefly about"
    if source is None and not passive:
        return  # an active report whose speaker the parse lost: more often wrong than right
    if source is not None and _speaker_voice(ctx, verb, source, lemma in BELIEF_VERBS):
        return  # "I think …" is the speaker's hedge; "“I told them, ‘…’”" their own words, not a source

    speech = lemma in SPEECH_VERBS
    if speech:
        # a reported clause after the verb already says what was said: a quote before it is another's
        looks_back = not any(
            start > verb.i and ctx.doc[start].text not in QUOTE_MARKS for start, _ in content
        )
        content.extend(ctx.adjacent_quotes(verb, cue, source, looks_back))
    if passive and not content and source is not None and subject is not None and subject.lower_ != "it":
        content = [ctx.subtree(subject)]  # "The move was first reported by MSNBC."
    taken = [source, cue]
    if not content and verb.dep_ == "parataxis" and source is not None:
        # "The deal is off, he said." / "The industry, she said, is doing better."
        content = [ctx.subtree(verb.head)]
        taken.append(ctx.subtree(verb))
    content = ctx.clean_content(content, taken)
    if not content:
        return
    ctx.found[verb.i] = Found(verb.i, cue, source, content, speech=speech)
    told_outlet(ctx, verb, children)


def _asked(ctx: RuleContext, verb: Token, children: list[Token]) -> None:
    """ "Asked if the plan would pass, the mayor …", "when asked why": a question put to someone, with no
    source (who asked is not said); its cue is the participle, its content the question."""
    question = next(
        (
            c
            for c in children
            if c.i > verb.i
            and c.dep_ in ("ccomp", "advcl", "xcomp")
            and c.left_edge.lower_ in QUESTION_OPENERS
        ),
        None,
    )
    if question is None:
        return
    content = ctx.clean_content([ctx.subtree(question)], [(verb.i, verb.i + 1)])
    if content:
        ctx.found[verb.i] = Found(verb.i, (verb.i, verb.i + 1), None, content, kind="no_source")


def _refusal(ctx: RuleContext, verb: Token) -> None:
    """ "The ministry declined to say whether …": the refusal is the cue, the unanswered question the
    content."""
    refusal = verb.head
    subject = ctx.subject(refusal)
    source = ctx.source_range(subject) if subject is not None else None
    cue = ctx.cue_range(refusal, None)
    content = ctx.clean_content([ctx.subtree(verb)], [source, cue])
    if content:
        ctx.found[refusal.i] = Found(refusal.i, cue, source, content)


def _inverted_speaker(ctx: RuleContext, verb: Token) -> Token | None:
    """The speaker named after a verb that follows a quote ("“…,” wrote a man calling himself Paul"), when
    the parse took a word of the quote for the subject or the speaker for an object."""
    doc = ctx.doc
    before = verb.i - 1
    while before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0 or ctx.quote_ending_at(before + 1, verb.i) is None:
        return None
    return next((c for c in verb.rights if c.dep_ in ("nsubj", "dobj") and c.pos_ in ("NOUN", "PROPN")), None)


def _speaker_after_quote(ctx: RuleContext, verb: Token) -> TokenRange | None:
    """The speaker between a quote and its verb ("“…,” a senior diplomat who asked not to be named told the
    Post") when the parse hung the noun phrase on the quote mark instead of making it the verb's subject:
    the words between, where they open as a noun phrase and hold no verb outside a relative or participial
    clause ("who asked not to be named", "briefed on the talks")."""
    doc = ctx.doc
    ends = range(verb.i, max(verb.i - SPEAKER_AFTER_QUOTE, 0), -1)
    start = next((end for end in ends if ctx.quote_ending_at(end, verb.i) is not None), None)
    if start is None:
        return None
    words = [t for t in doc[start : ctx.cue_range_start(verb)] if not t.is_space]
    if not words or words[0].pos_ not in NOUN_PHRASE_OPENERS:
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words):
        return None
    described = {d.i for t in words if t.dep_ in ("relcl", "acl") for d in t.subtree}
    if any((t.pos_ in VERBAL_POS and t.i not in described) or t.text in QUOTE_MARKS for t in words):
        return None
    source = ctx.trim((words[0].i, words[-1].i + 1))
    return source if source[1] > source[0] else None


def _speaker_voice(ctx: RuleContext, verb: Token, source: TokenRange, belief: bool) -> bool:
    """Whether a verb speaks in the speaker's own voice: a belief verb in the first or second person or
    from inside a quote; any verb in the first or second person from inside a quote (a quoted speaker
    recounting their own or their listener's words adds no source; PolNeAR leaves these out)."""
    first = ctx.doc[source[0]]
    personal = source[1] - source[0] == 1 and first.lower_ in FIRST_SECOND_PERSON
    quoted = ctx.quote_at(verb.i, -1) is not None
    return (personal or quoted) if belief else (personal and quoted)


def _is_content_child(ctx: RuleContext, child: Token, verb: Token) -> bool:
    if child.dep_ == "ccomp":
        return True
    if child.dep_ == "advcl" and verb.lemma_ in QUESTION_VERBS:
        return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)
    if child.dep_ in ("xcomp", "parataxis", "dobj", "conj"):
        # A quoted object or clause is what was said ('he said "never"'); unquoted, it is not a report.
        return ctx.quote_at(child.i, verb.i) is not None
    return False


def _content_range(ctx: RuleContext, clause: Token, verb: Token) -> TokenRange:
    """A complement clause's extent, without what follows it and belongs to the reporting sentence: a
    participle after a comma (", calling them …"), a coordinated clause with its own subject (unless it
    contrasts: "…, but the vote is close" is still what was said) or in the reporting verb's past tense (a
    parse that hung "and defended …" on the wrong verb), and a closing non-restrictive relative clause
    (", who …"). A contrast (", while …", ", though …") stays, as in PolNeAR's contents."""
    doc = ctx.doc
    start, end = ctx.subtree(clause)
    for child in clause.rights:
        after_comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
        cut = False
        if child.dep_ == "advcl":
            cut = after_comma and child.tag_ == "VBG"
        elif child.dep_ == "conj" and child.pos_ in VERBAL_POS:
            child_deps = {c.dep_ for c in child.children}
            own_subject = "nsubj" in child_deps and "mark" not in child_deps
            contrast = any(c.dep_ == "cc" and c.lower_ in CONTRAST_CONJUNCTIONS for c in clause.children)
            cut = (own_subject and not contrast) or (
                "nsubj" not in child_deps and child.tag_ == "VBD" != clause.tag_
            )
        if cut:
            end = child.left_edge.i
            break
    for i in range(start, end):
        tok = doc[i]
        closing = tok.right_edge.i + 1 >= end and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
        if not closing or tok.i == verb.i or tok.is_ancestor(clause):
            continue  # the reporting clause itself ("…, which the probe said were covered up") stays
        if tok.dep_ == "relcl" or (tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG"):
            end = tok.left_edge.i - 1
            break
    return ctx.expand((start, end), verb)
