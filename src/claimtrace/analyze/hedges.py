"""Cue lexicons for factuality and certainty: which words weaken, negate, condition or project a claim (the
reporting, factive and possibility verbs among them are analyze/lexicon.py's).

Lemmas are lower-case spaCy lemmas. The classes follow the signatures of FactBank and of Karttunen's
implicative verbs, simplified to what a feature extractor and a rule-based grader need.
"""

from __future__ import annotations

from claimtrace.analyze.lexicon import FACTIVE_VERBS, FACTUALITY_REPORT_VERBS, POSSIBILITY_VERBS

MODALS_WEAK = frozenset({"may", "might", "could", "can", "would", "should"})
MODALS_STRONG = frozenset({"must", "will", "shall"})
MODALS = MODALS_WEAK | MODALS_STRONG

HEDGE_ADVERBS = frozenset(
    {
        "reportedly",
        "allegedly",
        "apparently",
        "possibly",
        "perhaps",
        "maybe",
        "probably",
        "likely",
        "presumably",
        "supposedly",
        "seemingly",
        "purportedly",
        "potentially",
        "conceivably",
        "ostensibly",
    }
)
BOOSTER_ADVERBS = frozenset(
    {"certainly", "definitely", "clearly", "undoubtedly", "indeed", "surely", "obviously"}
)

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "nothing", "none", "nobody"})

CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether", "provided", "lest", "once"})

# Future-oriented attitudes: the complement has not happened (yet).
INTENT_VERBS = frozenset(
    {
        "want",
        "hope",
        "plan",
        "intend",
        "aim",
        "seek",
        "try",
        "attempt",
        "wish",
        "propose",
        "offer",
        "promise",
        "threaten",
        "vow",
        "pledge",
        "agree",
        "decide",
        "prepare",
        "expect",
        "ask",
        "urge",
        "call",
        "demand",
        "order",
        "need",
        "request",
        "push",
        "press",
        "schedule",
        "mean",
        "plot",
        "consider",
    }
)
# Verbs (and their nouns: "failure to", "refusal to"; phrasal verbs via PHRASAL_CUES) that assert their
# complement did not happen, in four kinds that project differently: in the UW training data the complement
# of a refusal or failure averages about 0 or below ("refused to sign", "failed to pay"), the object of a
# prevention about +1 ("blocked the offer", "delayed the ruling": it may still happen), an act it keeps from
# happening about 0 ("barred the crowd from reaching", "stopped paying"; `governor_class` calls that kind
# "hindrance"), a denied claim about +1.5 (the writer reports a disputed claim, not its falsehood).
REFUSAL_VERBS = frozenset({"refuse", "decline", "reject", "dismiss", "refusal", "rejection"})
FAILURE_VERBS = frozenset({"fail", "neglect", "omit", "failure", "lack", "absence"})
DENIAL_VERBS = frozenset({"deny", "refute", "dispute", "contradict", "denial"})
PREVENTION_VERBS = frozenset(
    {
        "prevent",
        "stop",
        "block",
        "cancel",
        "halt",
        "abandon",
        "avoid",
        "forbid",
        "ban",
        "bar",
        "prohibit",
        "cease",
        "delay",
        "postpone",
        "suspend",
        "scrap",
        "shelve",
        "scuttle",
        "thwart",
        "foil",
        "derail",
    }
)
# Phrasal verbs that mean a cue verb: the parse splits them into verb and particle ("turned down the offer";
# "ruled out a deal" — "ruled that …" is no refusal).
PHRASAL_CUES = {
    "turn down": "refuse",
    "rule out": "reject",
    "call off": "cancel",
    "put off": "postpone",
    "hold off": "delay",
    "give up": "abandon",
}
NEGATIVE_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("refusal", REFUSAL_VERBS),
    ("failure", FAILURE_VERBS),
    ("denial", DENIAL_VERBS),
    ("prevention", PREVENTION_VERBS),
)
NEGATIVE_VERBS = REFUSAL_VERBS | FAILURE_VERBS | DENIAL_VERBS | PREVENTION_VERBS
# Implicative verbs and adjectives (Karttunen 1971; Nairn, Condoravdi & Karttunen 2006): with an infinitive
# or gerund complement they entail whether it happened, and negating them flips the entailment. Positive
# ones pass the complement's value on, so their negation reaches it ("did not manage to leave": did not
# leave); negative ones reverse it like a failure unless they are negated themselves ("forgot to call": did
# not call; "did not hesitate to strike": struck). With a that-clause or a gerund ("forgot meeting him": the
# meeting happened), "remember" and "forget" stay factive.
IMPLICATIVE_POSITIVE = frozenset({"manage", "succeed", "remember", "bother", "dare"})
IMPLICATIVE_NEGATIVE = frozenset(
    {"fail", "neglect", "omit", "forget", "hesitate", "refrain", "unable", "unwilling"}
)
FACTIVE_WITH_GERUND = frozenset({"remember", "forget"})
# Words whose reading depends on the form of their complement (see `governor_class`).
IMPLICATIVES = IMPLICATIVE_POSITIVE | IMPLICATIVE_NEGATIVE | PREVENTION_VERBS
# Forms of a clausal complement: "to leave", "paying" (a gerund), "in closing" / "from voting" (a
# preposition's gerund).
INFINITIVE, GERUND, PREPOSITION_GERUND = "infinitive", "gerund", "preposition+gerund"
# Modifiers of an event noun that say it did not happen ("the aborted invasion", "a failed coup") or present
# it as unconfirmed or not yet real ("the alleged abuse", "a possible strike").
NEGATIVE_MODIFIERS = frozenset(
    {
        "failed",
        "aborted",
        "abortive",
        "botched",
        "unsuccessful",
        "foiled",
        "thwarted",
        "averted",
        "cancelled",
        "canceled",
    }
)
HEDGE_MODIFIERS = frozenset(
    {
        "possible",
        "potential",
        "attempted",
        "alleged",
        "suspected",
        "proposed",
        "purported",
        "prospective",
        "rumored",
        "rumoured",
        "probable",
    }
)
# Adjectives and nouns that embed a clause without committing to it ("unclear whether", "the chance that").
NONFACTIVE_PREDICATES = frozenset(
    {
        "unclear",
        "uncertain",
        "possible",
        "likely",
        "unlikely",
        "probable",
        "improbable",
        "doubtful",
        "conceivable",
        "willing",
        "ready",
        "able",
        "eager",
        "reluctant",
        "prepared",
        "expected",
        "supposed",
        "due",
        "set",
        "poised",
        "possibility",
        "chance",
        "prospect",
        "plan",
        "proposal",
        "hope",
        "threat",
        "attempt",
        "effort",
        "bid",
        "offer",
        "goal",
        "aim",
        "intention",
        "rumor",
        "rumour",
        "allegation",
        "claim",
        "speculation",
        "suggestion",
        "implication",
        "idea",
        "notion",
        "question",
        "risk",
        "potential",
    }
)

# Factuality class of an embedding word, as the feature extractor names it.
CUE_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("negative", NEGATIVE_VERBS),
    ("factive", FACTIVE_VERBS),
    ("report", FACTUALITY_REPORT_VERBS),
    ("belief", POSSIBILITY_VERBS),
    ("intent", INTENT_VERBS),
    ("nonfactive", NONFACTIVE_PREDICATES),
)


def cue_class(lemma: str) -> str | None:
    """The first factuality class whose lexicon holds `lemma`, or None."""
    for name, lexicon in CUE_CLASSES:
        if lemma in lexicon:
            return name
    return None


def governor_class(lemma: str, complement: str = "") -> tuple[str | None, str | None]:
    """The cue class and negative kind of a word that embeds a complement of the given form (INFINITIVE,
    GERUND, PREPOSITION_GERUND; "" for anything else). An implicative with a verbal complement reads as
    "implicative" ("managed to leave") or as a failure ("forgot to call", "refrained from voting"), except
    "remember" / "forget" with a gerund, which stay factive; a prevention verb with a gerund reads as a
    "hindrance" ("stopped paying", "barred them from reaching"; with an infinitive, "stopped to rest", it is
    purpose, not prevention); any other word, or these with an object or a that-clause, by its lexicon
    class."""
    if complement and not (lemma in FACTIVE_WITH_GERUND and complement == GERUND):
        if lemma in IMPLICATIVE_POSITIVE:
            return "implicative", None
        if lemma in IMPLICATIVE_NEGATIVE:
            return "negative", "failure"
        if lemma in PREVENTION_VERBS:
            return ("negative", "hindrance") if complement != INFINITIVE else (None, None)
    found = cue_class(lemma)
    return found, negative_kind(lemma) if found == "negative" else None


def negative_kind(lemma: str) -> str | None:
    """Which kind of negative verb `lemma` is ("refusal", "failure", "denial", "prevention"), or None."""
    for name, lexicon in NEGATIVE_KINDS:
        if lemma in lexicon:
            return name
    return None
