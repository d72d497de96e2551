"""What a reporting verb says when no clause does: its object ("said something strange"), an order ("told the
crowd to go home"), an infinitive ("vowed to appeal"), a stance's target ("accused him of lying"), a
prepositional cue's object ("called for a recount"), a raised subject ("is expected to resign") and a naming
("called the plan a disaster")."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrace.analyze.attribution.rules.context import LEAD_FILLERS, RuleContext
from claimtrace.analyze.attribution.rules.syntax import TokenRange
from claimtrace.analyze.lexicon import DIRECTIVE_VERBS, OBJECT_SPEECH_VERBS, PREPOSITIONAL_CUES

MAX_CUE_FILLERS = 2  # words between a verb and the preposition joining its cue ("spoke out about")
STANCE_PREPOSITIONS = frozenset({"for", "of", "as"})  # "accused him of …", "praised her for …"
# Objects that only point at what was said elsewhere ("said it", "said that"), not content themselves.
ANAPHORIC_OBJECTS = frozenset({"it", "this", "that", "these", "those", "them", "him", "her", "which", "what"})


def object_content(ctx: RuleContext, verb: Token, children: list[Token]) -> list[TokenRange]:
    """What was said as a noun phrase ("said something strange", "noted their endorsements") or an order
    with its addressee ("told the crowd to go home")."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    control = next((c for c in children if c.dep_ == "xcomp" and c.i > obj.i), None)
    if control is not None and verb.lemma_ in DIRECTIVE_VERBS:
        return [(obj.left_edge.i, control.right_edge.i + 1)]
    if verb.lemma_ in OBJECT_SPEECH_VERBS and obj.lower_ not in ANAPHORIC_OBJECTS:
        return [ctx.subtree(obj)]
    return []


def infinitive(ctx: RuleContext, verb: Token, children: list[Token]) -> list[TokenRange]:
    """What is hoped or promised as an infinitive after the verb ("hopes to win", "vowed to appeal")."""
    control = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if control is None or control.left_edge.lower_ != "to":
        return []
    return [ctx.subtree(control)]


def stance_target(ctx: RuleContext, verb: Token, children: list[Token]) -> list[TokenRange]:
    """Whom a stance is toward, through what the verb says of them: "accused him of lying", "praised the
    plan as bold", "blamed the storm for the delay"."""
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return []
    end = obj.right_edge.i + 1
    for child in children:
        complement = child.dep_ == "prep" and child.lower_ in STANCE_PREPOSITIONS
        if child.i > obj.i and (complement or child.dep_ in ("xcomp", "oprd")):
            end = max(end, child.right_edge.i + 1)
    return [(obj.left_edge.i, end)]


def cue_preposition(ctx: RuleContext, verb: Token, children: list[Token]) -> Token | None:
    """The preposition that leads a verb to its content ("called for", "spoke out about"), right after
    the verb or a particle or adverb or two."""
    allowed = PREPOSITIONAL_CUES[verb.lemma_]
    for child in children:
        if child.dep_ != "prep" or child.lower_ not in allowed or child.i <= verb.i:
            continue
        between = ctx.doc[verb.i + 1 : child.i]
        if len(between) <= MAX_CUE_FILLERS and all(t.pos_ in LEAD_FILLERS for t in between):
            return child
    return None


def prepositional_content(ctx: RuleContext, verb: Token, preposition: Token) -> list[TokenRange]:
    """The preposition's object, with the infinitive an appeal goes on to ("called on the banks to lend
    more")."""
    obj = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return []
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.dep_ in ("xcomp", "advcl") and child.left_edge.i == end and child.left_edge.lower_ == "to":
            end = child.right_edge.i + 1
    return [(obj.left_edge.i, end)]


def raised(ctx: RuleContext, children: list[Token]) -> list[TokenRange]:
    """ "X is expected / believed / said to Y": X and what it is expected to do, around the cue."""
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    control = next((c for c in children if c.dep_ == "xcomp"), None)
    if subject is None or control is None or subject.lower_ == "it":
        return []
    return [ctx.subtree(subject), ctx.subtree(control)]


def naming(ctx: RuleContext, children: list[Token]) -> list[TokenRange]:
    """ "called the plan a disaster": the object with what it is called."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    predicate = next(
        (c for c in children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")), None
    )  # "called it a disaster", "described it as a disaster"
    if obj is None or predicate is None:
        return []
    return [(obj.left_edge.i, predicate.right_edge.i + 1)]
