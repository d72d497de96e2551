"""The tense of the clause a time expression dates, which decides between a past and a coming date."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrace.analyze.hedges import NEGATIONS
from claimtrace.analyze.times.anchoring import Tense

# Auxiliaries and governing words that put a clause in the future ("will meet", "is expected to meet").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
FUTURE_GOVERNORS = frozenset(
    {"expect", "schedule", "plan", "due", "set", "intend", "aim", "go", "hope", "likely"}
)
# Verbs and modifiers of planning: the time a plan names lies ahead of the planning, whatever the tense of
# the report ("has scheduled a news conference Thursday", "postponed until Tuesday", "the slated visit in
# September"). "set" is left out: "set fire on Tuesday".
PLANNING = frozenset(
    {
        "plan",
        "schedule",
        "reschedule",
        "slate",
        "expect",
        "postpone",
        "delay",
        "defer",
        "adjourn",
        "upcoming",
        "forthcoming",
    }
)
# Verbs that set a deadline with "until"/"till" ("has given the relatives until 9 a.m. Tuesday", "extended
# its deadline until Friday"): the deadline lies ahead of the giving, as a plan's time does.
DEADLINE_VERBS = frozenset({"give", "grant", "extend", "allow"})
DEADLINE_PREPOSITIONS = frozenset({"until", "till", "til"})
# Past modals that report a past inability or refusal when negated ("could not be reached Wednesday",
# "would not comment Tuesday"), not a coming event.
PAST_MODALS = frozenset({"could", "would"})
# Dependencies by which a negation (analyze/hedges.NEGATIONS) negates a clause, on its verb or its subject.
NEGATING_DEPS = frozenset({"neg", "advmod", "preconj", "det"})


def _negated(verb: Token) -> bool:
    """Whether the clause of `verb` is negated, on the verb ("could not") or on its subject ("neither he nor
    …", "no official", "nobody")."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in NEGATING_DEPS and child.lower_ in NEGATIONS):
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and (
            child.lower_ in NEGATIONS
            or any(c.dep_ in NEGATING_DEPS and c.lower_ in NEGATIONS for c in child.children)
        ):
            return True
    return False


def _plans(token: Token) -> bool:
    """Whether a word is one of PLANNING, read from its lemma or, for a participle, its own form (spaCy
    lemmatises "slated" as "slat")."""
    return token.lemma_ in PLANNING or (token.lower_.endswith("ed") and token.lower_[:-1] in PLANNING)


def _planned(token: Token) -> bool:
    """Whether a word on the path up from a time expression plans what it dates. A planning verb whose plan
    is a clause, not an object ("planned to pay the claims"), is dated by a time on the verb itself ("On
    Friday, the government planned to pay …"): the plan's own time goes with the clause ("planned to pay on
    Friday")."""
    if _plans(token):
        deps = {c.dep_ for c in token.children}
        return not deps & {"xcomp", "ccomp"} or bool(deps & {"dobj", "nsubjpass"})
    return token.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "amod" and _plans(c) for c in token.children)


def clause_tense(span: Span) -> Tense | None:
    """The tense of the verb a time expression dates: up from the expression's root to the first verb; None
    for an expression inside a noun phrase ("the Jan. 14 deadline"): the clause's tense does not date it.
    A plan's time, and a deadline given or extended ("until Tuesday"), is "future" whatever the report's
    tense; an infinitive takes a future from the verb it completes ("would be ready to leave Tuesday")."""
    token = span.root
    if token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in {"NOUN", "PROPN"}:
        return None
    for _ in range(8):
        if _planned(token) and token is not span.root:
            return "future"
        if token.lower_ in DEADLINE_PREPOSITIONS and token.head.lemma_ in DEADLINE_VERBS:
            return "future"
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    return _verb_tense(token)


def _verb_tense(token: Token) -> Tense | None:
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.lemma_ == "have" for c in auxiliaries)
    if perfect:
        return "past"  # "has risen since May", "would have met on Friday"
    modals = [c for c in auxiliaries if c.lower_ in FUTURE_AUXILIARIES or c.tag_ == "MD"]
    if modals and all(c.lower_ in PAST_MODALS for c in modals) and _negated(token):
        return "past"  # "could not be located Wednesday"
    if modals:
        return "future"  # "will meet", and modals: "could resume Tuesday", "would leave on Friday"
    if token.dep_ == "xcomp" and token.head.lemma_ in FUTURE_GOVERNORS:
        return "future"
    if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
        return "past"
    if token.tag_ in {"VBZ", "VBP"} or any(c.tag_ in {"VBZ", "VBP"} for c in auxiliaries):
        return "present"
    if token.dep_ == "xcomp" and token.tag_ == "VB":
        governor = token.head.head if token.head.pos_ == "ADJ" else token.head
        if governor is not token and governor.pos_ in {"VERB", "AUX"} and _verb_tense(governor) == "future":
            return "future"
    return None
