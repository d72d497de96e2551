"""The tense of the clause a time expression dates, which decides between a past and a coming date."""

from __future__ import annotations

from spacy.tokens import Span

from claimtrace.analyze.times.anchoring import Tense

# Auxiliaries and governing words that put a clause in the future ("will meet", "is expected to meet").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
FUTURE_GOVERNORS = frozenset(
    {"expect", "schedule", "plan", "due", "set", "intend", "aim", "go", "hope", "likely"}
)


def clause_tense(span: Span) -> Tense | None:
    """The tense of the verb a time expression dates: up from the expression's root to the first verb; None
    for an expression inside a noun phrase ("the Jan. 14 deadline"): the clause's tense does not date it."""
    token = span.root
    if token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in {"NOUN", "PROPN"}:
        return None
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.lemma_ == "have" for c in auxiliaries)
    if perfect:
        return "past"  # "has risen since May", "would have met on Friday"
    if any(c.lower_ in FUTURE_AUXILIARIES or c.tag_ == "MD" for c in auxiliaries):
        return "future"  # "will meet", and modals: "could resume Tuesday", "would leave on Friday"
    if token.dep_ == "xcomp" and token.head.lemma_ in FUTURE_GOVERNORS:
        return "future"
    if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
        return "past"
    if token.tag_ in {"VBZ", "VBP"} or any(c.tag_ in {"VBZ", "VBP"} for c in auxiliaries):
        return "present"
    return None
