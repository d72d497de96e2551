"""Event units: the candidate events of a sentence, their arguments and the classifier's features.

A unit is a verb with the complements and eventive nouns it governs ("agreed to hold talks", "imposed
sanctions"), or an eventive noun standing alone ("the ceasefire"). Candidates are what PLOVER could code:
reporting acts ("said", "announced"), beliefs and the formulas that grant a source anonymity are no events
of their own unless the trigger lexicon codes the act itself ("accused", "warned", "demanded").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from claimtrace.analyze import plover
from claimtrace.analyze.lexicon import BELIEF_VERBS, MENTAL_STATE_VERBS, REPORTING_VERBS
from claimtrace.analyze.sources import is_anonymity_formula

NOUN_POS = frozenset({NOUN, PROPN})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
TARGET_PREPOSITIONS = frozenset({"against", "on", "to", "with", "at", "into", "toward", "towards", "from",
                                 "for", "upon", "between"})  # fmt: skip
DATELINE_PUNCT = frozenset({"-", "--", "—", "–", ":"})
PARTY_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dependency labels through which a governing verb absorbs a complement predicate into its own unit.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Verbs that put someone in the state a noun after "under" names ("placed under arrest").
PLACING_VERBS = frozenset({"put", "place", "bring", "take"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
# Verbs that report, believe or feel: the claim's cue or a state, not an event, unless the lexicon codes the
# act itself ("accused", "warned", "demanded").
STATEMENT_OR_STATE = REPORTING_VERBS | BELIEF_VERBS | MENTAL_STATE_VERBS
# The verbs that begin a multiword lexicon entry ("call for", "pull out"), and the last words of the noun
# lexicon's entries ("strike" of "air strike"): a token that is neither has no phrasal or compound entry, so
# its children need not be read.
PHRASAL_FIRST_WORDS = frozenset(key.split()[0] for key in plover.VERB_LEXICON if " " in key)
NOUN_LAST_WORDS = frozenset(key.split()[-1] for key in plover.NOUN_LEXICON)


@dataclass
class EventUnit:
    """One candidate event: its trigger tokens and the parse context the classifier and status rules read."""

    head: Token  # the predicate that carries the event (verb, or noun for nominal events)
    trigger: list[Token]  # tokens shown as the trigger: head plus absorbed complements/objects
    governor: Token | None = (
        None  # intent/aspect governor ("plans", "willing") when the head is its complement
    )
    complements: list[Token] = field(default_factory=list)  # predicates absorbed under the head
    actor: list[Token] = field(default_factory=list)
    target: list[Token] = field(default_factory=list)
    lexical: bool = False  # the trigger lexicon marks the head, a complement or an absorbed noun

    @property
    def is_noun(self) -> bool:
        return self.head.pos_ in ("NOUN", "PROPN")


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def phrasal_lemma(token: Token) -> str | None:
    """'call for', 'pull out', 'step down': the verb with its particle or bare preposition when the lexicon
    knows the pair."""
    verb = lemma(token)
    if verb not in PHRASAL_FIRST_WORDS:
        return None
    for child in token.children:
        if child.dep_ in ("prt", "prep"):
            pair = f"{verb} {child.lower_}"
            if pair in plover.VERB_LEXICON:
                return pair
    return None


def lexicon_types(token: Token) -> tuple[str, ...]:
    """PLOVER types the hand lexicon gives a predicate token (phrasal verb first, then compound noun)."""
    if token.pos_ in ("VERB", "AUX"):
        pair = phrasal_lemma(token)
        if pair:
            return plover.VERB_LEXICON[pair]
        return plover.VERB_LEXICON.get(lemma(token), ())
    if token.pos_ in ("NOUN", "PROPN"):
        noun = lemma(token)
        if noun not in NOUN_LAST_WORDS:
            return plover.NOUN_LEXICON.get(token.lower_, ())
        for child in token.children:
            if child.dep_ == "compound":
                pair = f"{lemma(child)} {noun}"
                if pair in plover.NOUN_LEXICON:
                    return plover.NOUN_LEXICON[pair]
        return plover.NOUN_LEXICON.get(noun, ()) or plover.NOUN_LEXICON.get(token.lower_, ())
    return ()


def is_intent_governor(token: Token) -> bool:
    return (
        lemma(token) in plover.INTENT_GOVERNORS
        or lemma(token) in plover.ASPECTUAL_GOVERNORS
        or (lemma(token) == "go" and token.tag_ == "VBG")
    )


def is_hyphen_prefix(token: Token) -> bool:
    """ "re" and "-" of "re-examine": one word the tokenizer split; only its last part heads a predicate."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.text == "-" or (nxt is not None and not token.whitespace_ and nxt.text == "-")


def is_description(token: Token) -> bool:
    """ "the cabinet was divided", "has proven disappointing": a state or description, not an act — a verb the
    lexicon does not code that is a passive without agent, or that only links its subject to a predicate."""
    if lexicon_types(token):
        return False
    deps = {c.dep_ for c in token.children}
    return ("auxpass" in deps and "agent" not in deps) or bool(
        deps & {"acomp", "oprd"} and "dobj" not in deps
    )


def is_state_phrase(token: Token) -> bool:
    """ "the proposal under discussion", "plans under consideration": a bare noun after "under" says what
    state something is in, not that the act happened — unless a verb puts someone in that state ("was placed
    under arrest", "put under investigation"), which is the act."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "under"
        and lemma(token.head.head) not in PLACING_VERBS
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children)
    )


def is_verb_predicate(token: Token) -> bool:
    if token.pos != VERB or token.dep_ in ("amod", "compound", "nmod") or is_hyphen_prefix(token):
        return False  # participles used as modifiers ("the disputed strait") describe, they do not report
    verb = lemma(token)
    if verb in plover.NON_EVENT_VERBS and phrasal_lemma(token) is None:
        return False
    if verb in STATEMENT_OR_STATE and not lexicon_types(token) and not absorbed_object(token):
        # "reported", "announced", "believes": the cue of a claim, whose content holds the event; but a cue
        # with an eventive object is that event ("expressed concern", "announced sanctions")
        return False
    return not is_anonymity_formula(token) and not is_description(token)


def is_time(token: Token) -> bool:
    """No time expression is ever an actor or a target ("on Saturday", "for two years")."""
    return token.ent_type_ in TIME_ENTITIES


def governing_predicate(token: Token) -> Token | None:
    """The predicate that takes `token` as complement ("agreed" for "talks" in "agreed to talks"), if any."""
    if token.dep_ in COMPLEMENT_DEPS and token.head is not token:
        return token.head
    return None


# ---------------------------------------------------------------------------------------------- spans


def noun_phrase(token: Token) -> list[Token]:
    """The noun phrase headed by `token`, without relative clauses, appositions or trailing punctuation."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "advcl", "cc") and child.i > token.i:
            continue
        if is_time(child) or (child.dep_ == "prep" and any(is_time(g) for g in child.children)):
            continue  # "Rebels in the Ivory Coast on Tuesday": the time is no part of the actor
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    dashes = [n for n, t in enumerate(tokens) if t.i < token.i and t.text in DATELINE_PUNCT
              and t.whitespace_]  # fmt: skip  # not the hyphens of "right-winger", "Zia-Ul-Haq"
    if dashes:  # "Washington - US President X": the dateline is not part of the actor
        tokens = tokens[dashes[-1] + 1 :]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, climbing through control and coordination; (token, is_passive_subject). A
    passive subject reached through a complement is the complement's actor ("Obama is scheduled to attend");
    a relative pronoun stands for the noun its clause describes ("rebels who attacked")."""
    current: Token | None = verb
    climbed = False
    for _ in range(6):
        if current is None:
            break
        # The subject nearest the verb: a dateline ("MANILA -- President X has …") parses as a second subject.
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            nearest = max(subjects, key=lambda c: (c.i < current.i, c.i if c.i < current.i else -c.i))
            if nearest.tag_ in RELATIVE_TAGS and current.dep_ == "relcl":
                nearest = current.head
            if is_time(nearest):
                return None, False
            return nearest, nearest.dep_ in PASSIVE_SUBJECT_DEPS and not climbed
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head, False
        if current.dep_ in ("xcomp", "conj", "acomp") or (current.dep_ == "advcl" and current.tag_ == "VBG"):
            climbed = climbed or current.dep_ != "conj"
            current = current.head
            continue
        break
    return None, False


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def prepositional_object(token: Token, skip: set[int]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.i not in skip and not is_time(grandchild):
                    return grandchild
    return None


def direct_object(token: Token, skip: set[int]) -> Token | None:
    for child in token.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave support to the rebels"
            child = next((g for g in child.children if g.dep_ == "pobj"), child)
        argument = child.dep_ in OBJECT_DEPS | {"dative", "pobj"} and child.pos_ not in ("VERB", "ADP")
        if argument and child.i not in skip and not is_time(child):
            return child
    return None


def noun_actor(noun: Token) -> Token | None:
    """'Russia's attack', 'Israeli strikes', 'US sanctions', 'attacks by rebels'."""
    for child in noun.children:
        if child.dep_ == "poss" and not is_time(child):  # not "Saturday's attack"
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    return None


def verb_target(verb: Token, skip: set[int]) -> Token | None:
    """The party an act is directed at: an object naming a party, else a prepositional object ("delivered
    food to the victims" → the victims), else any object."""
    obj = direct_object(verb, skip)
    pobj = prepositional_object(verb, skip)
    if obj is not None and (
        pobj is None or obj.ent_type_ in PARTY_ENTITY_TYPES or obj.pos_ in ("PRON", "PROPN")
    ):
        return obj
    return pobj or obj


def fill_arguments(unit: EventUnit) -> None:
    """Actor (subject, passive agent, noun possessor) and target (object or prepositional object)."""
    skip = {t.i for t in unit.trigger}
    if unit.is_noun and unit.head.dep_ not in COMPLEMENT_DEPS:
        actor = noun_actor(unit.head)
        target = prepositional_object(unit.head, skip)
        verb = unit.head.head
        if unit.head.dep_ == "pobj" and verb.dep_ == "prep":  # "headed to Beijing for talks"
            verb = verb.head
        if actor is None and unit.head.dep_ in (*OBJECT_DEPS, "pobj") and verb.pos_ == "VERB":
            actor, _ = subject_of(verb)
    else:
        top = unit.governor or unit.head
        subject, passive = subject_of(top)
        actor, target = subject, None
        if passive:
            actor, target = agent_of(unit.head), subject
        holders = [unit.head, *unit.complements]
        for holder in holders:
            if target is not None:
                break
            target = verb_target(holder, skip)
        if target is None and unit.is_noun:
            target = prepositional_object(unit.head, skip)
    if actor is not None:
        unit.actor = noun_phrase(actor)
    if target is not None:
        unit.target = noun_phrase(target)


def carrier_verb(unit: EventUnit) -> Token | None:
    """The verb whose object carries an event that has no subject of its own: the object a clause modifies
    ("issued a declaration *demanding* that …", "released a statement condemning …"), or the noun an eventive
    noun is "of" ("declared a state of *siege*", "launched a wave of *attacks*")."""
    top = unit.governor or unit.head
    if unit.is_noun:
        noun = unit.head
        for _ in range(3):
            if not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"):
                break
            noun = noun.head.head
        if noun is unit.head:
            return None
    elif top.dep_ == "acl" and top.tag_ == "VBG" and top.head.pos_ == "NOUN":
        noun = top.head
    else:
        return None
    return noun.head if noun.dep_ in OBJECT_DEPS and noun.head.pos_ == "VERB" else None


def fallback_actor(unit: EventUnit) -> list[Token]:
    """The actor of a unit whose own clause names none, from the verb that carries it (`carrier_verb`): the
    active subject of that verb."""
    verb = carrier_verb(unit)
    if verb is None:
        return []
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return []
    return noun_phrase(subject)


# ---------------------------------------------------------------------------------------------- units


def absorbed_object(verb: Token) -> list[Token]:
    """Eventive nouns a verb takes as object or complement ("held talks", "imposed sanctions", "called for a
    ceasefire"): they join the verb's unit instead of standing alone."""
    found = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS | {"xcomp", "nsubjpass"} and lexicon_types(child) and not is_time(child):
            found.append(child)
        elif child.dep_ in ("prep", "prt") and child.lower_ in ("for", "to", "in", "on"):
            found.extend(
                g for g in child.children if g.dep_ == "pobj" and lexicon_types(g) and not is_time(g)
            )
    return found


def xcomp_chain(verb: Token) -> list[Token]:
    """Verbs reached from `verb` through open complements: "refused to allow … to land" → allow, land."""
    chain: list[Token] = []
    current = verb
    while True:
        nxt = next((c for c in current.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if nxt is None or len(chain) > 4:
            return chain
        chain.append(nxt)
        current = nxt


def _predicate(token: Token, known: dict[int, bool]) -> bool:
    """`is_verb_predicate`, read from `known` where the sentence's pass has already decided it."""
    if token.i not in known:
        known[token.i] = is_verb_predicate(token)
    return known[token.i]


def build_units(sent: Span) -> list[EventUnit]:
    """Candidate event units of one sentence, before classification: verbs that head their clause's event
    (complements folded in, intent governors recorded) and eventive nouns not governed by such a verb."""
    units: list[EventUnit] = []
    absorbed: set[int] = set()
    nouns: list[Token] = []
    predicates: dict[int, bool] = {}  # is_verb_predicate of each verb, read again for its complements
    for token in sent:  # one pass: each Token object spaCy builds costs as much as a check
        pos = token.pos
        if pos in NOUN_POS:
            nouns.append(token)
            continue
        if pos != VERB:
            continue
        predicates[token.i] = predicate = is_verb_predicate(token)
        if not predicate:
            continue
        governor = governing_predicate(token)
        if (
            governor is not None
            and token.dep_ == "xcomp"
            and not is_intent_governor(governor)
            and (_predicate(governor, predicates) or lexicon_types(governor))
        ):
            continue  # folded into its governor's unit ("refused to release")
        if is_intent_governor(token) and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
            continue  # "plans to attack": the complement carries the event
        unit = EventUnit(head=token, trigger=[token])
        if governor is not None and token.dep_ == "xcomp" and is_intent_governor(governor):
            unit.governor = governor
        if token.head.pos_ == "ADJ" and token.dep_ == "xcomp":  # "is willing to talk"
            unit.governor = token.head
        complements = xcomp_chain(token)
        unit.complements = complements
        for holder in [token, *complements]:
            for noun in absorbed_object(holder):
                unit.trigger.append(noun)
                absorbed.add(noun.i)
        unit.lexical = any(lexicon_types(t) for t in [*unit.trigger, *complements])
        units.append(unit)
    for token in nouns:
        if token.i not in absorbed and lexicon_types(token):
            if token.dep_ in ("compound", "amod", "nmod") or is_hyphen_prefix(token) or is_time(token):
                continue  # a modifier ("war correspondent", "peace talks"), not an event of its own
            if is_state_phrase(token):
                continue
            units.append(EventUnit(head=token, trigger=[token], lexical=True))
    for unit in units:
        fill_arguments(unit)
    units.sort(key=lambda u: u.head.i)
    return units


# ---------------------------------------------------------------------------------------------- features


def alpha_lemmas(sent: Span) -> list[tuple[str, bool]]:
    """(lemma, is a stop word) of each alphabetic token of a sentence: read once, for its features and its
    contexts."""
    return [(lemma(t), t.is_stop) for t in sent if t.is_alpha]


def sentence_features(sent: Span, lemmas: list[tuple[str, bool]] | None = None) -> list[str]:
    """The features every unit of a sentence shares: its content lemmas and its lemma bigrams (computed once
    per sentence, not once per unit); `lemmas`: the sentence's `alpha_lemmas`, where already read."""
    lemmas = alpha_lemmas(sent) if lemmas is None else lemmas
    feats = [f"s={lem}" for lem, stop in lemmas if not stop]
    feats += [f"s2={a}_{b}" for (a, _), (b, _) in pairwise(lemmas)]
    return feats


def phrase_head(tokens: list[Token]) -> Token:
    """The token of a phrase with the largest subtree (the first of equals): one the phrase holds no ancestor
    of, as every other token's ancestor in the phrase has a larger subtree."""
    ids = {t.i for t in tokens}
    tops = [t for t in tokens if not any(a.i in ids for a in t.ancestors)]
    return tops[0] if len(tops) == 1 else max(tops, key=lambda t: len(list(t.subtree)))


def unit_features(unit: EventUnit, sentence: list[str]) -> list[str]:
    """Sparse binary features of a unit: lemmas, lexicon types, dependency context and argument types, then
    `sentence`, the `sentence_features` of the unit's sentence."""
    head = unit.head
    feats = [f"kind={'noun' if unit.is_noun else 'verb'}", f"lem={lemma(head)}", f"dep={head.dep_}"]
    feats += [f"lex={t}" for t in lexicon_types(head)]
    pair = phrasal_lemma(head) if head.pos_ == "VERB" else None
    if pair:
        feats.append(f"phr={pair}")
    if unit.governor is not None:
        feats.append(f"gov={lemma(unit.governor)}")
    for comp in unit.complements:
        feats.append(f"comp={lemma(comp)}")
        feats.append(f"pair={lemma(head)}|{lemma(comp)}")
        feats += [f"clex={t}" for t in lexicon_types(comp)]
    for noun in unit.trigger[1:]:
        feats.append(f"obj={lemma(noun)}")
        feats.append(f"pair={lemma(head)}|{lemma(noun)}")
        feats += [f"olex={t}" for t in lexicon_types(noun)]
    for holder in [head, *unit.complements]:
        for child in holder.children:
            dep = child.dep_
            if dep in ("prep", "prt", "agent"):
                feats.append(f"prep={child.lower_}")
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        feats.append(f"pobj={child.lower_}:{lemma(grandchild)}")
                        feats += [f"plex={t}" for t in lexicon_types(grandchild)]
            elif dep in ("dobj", "dative", "attr", "acomp", "neg", "advmod", "ccomp", "xcomp", "oprd"):
                feats.append(f"{dep}={lemma(child)}")
                feats += [f"{dep}_lex={t}" for t in lexicon_types(child)]
            elif dep == "aux" and child.tag_ == "MD":
                feats.append(f"md={child.lower_}")
            elif dep in ("auxpass", "nsubjpass"):
                feats.append("passive")
    frame = sorted({c.dep_ for c in head.children if c.dep_ not in ("punct", "det", "cc", "aux", "advmod")})
    feats.append(f"frame={'+'.join(frame)}")
    feats.append(f"tag={head.tag_}")
    if head.dep_ != "ROOT":
        feats.append(f"up={lemma(head.head)}")
        feats += [f"ulex={t}" for t in lexicon_types(head.head)]
    for role, tokens in (("actor", unit.actor), ("target", unit.target)):
        if tokens:
            ent = next((t.ent_type_ for t in tokens if t.ent_type_), "none")
            feats.append(f"{role}_ent={ent}")
            feats.append(f"{role}_head={lemma(phrase_head(tokens))}")
        else:
            feats.append(f"{role}=absent")
    feats += sentence
    return feats
