"""PLOVER event coding as a spaCy component (`claimtrace_events`).

For each sentence the component groups event predicates into units (a verb with the complements it governs,
"agreed to hold talks"; or an eventive noun, "the ceasefire"), reads actor and target from the parse, and
lets a trained linear classifier (models/events/) decide the PLOVER type or "no event". Status (asserted,
reported, intended, future, hypothetical, negated), certainty and the attribution an event is reported under
come from the parse and from the attribution and factuality components that run before this one.
`doc._.events` holds claimtrace/1 event dicts with ids e1, e2 … in text order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrace.analyze import plover
from claimtrace.analyze.extensions import register_extensions
from claimtrace.errors import ClaimtraceError
from claimtrace.record import Event, Role

NO_EVENT = "NONE"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "events"

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
TARGET_PREPOSITIONS = frozenset({"against", "on", "to", "with", "at", "into", "toward", "towards", "from",
                                 "for", "upon", "between"})  # fmt: skip
DATELINE_PUNCT = frozenset({"-", "--", "—", "–", ":"})
FIRST_PERSON = frozenset({"i", "we"})
PARTY_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can", "ought"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
REFUSABLE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Dependency labels through which a governing verb absorbs a complement predicate into its own unit.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
STATUS_CERTAINTY = {"asserted": 3.0, "reported": 2.0, "future": 2.0, "intended": 1.0, "hypothetical": 0.0,
                    "negated": -3.0}  # fmt: skip


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

    @property
    def is_noun(self) -> bool:
        return self.head.pos_ in ("NOUN", "PROPN")


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def phrasal_lemma(token: Token) -> str | None:
    """'call for', 'pull out', 'step down': the verb with its particle or bare preposition when the lexicon
    knows the pair."""
    for child in token.children:
        if child.dep_ in ("prt", "prep"):
            pair = f"{lemma(token)} {child.lower_}"
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
        for child in token.children:
            if child.dep_ == "compound":
                pair = f"{lemma(child)} {lemma(token)}"
                if pair in plover.NOUN_LEXICON:
                    return plover.NOUN_LEXICON[pair]
        return plover.NOUN_LEXICON.get(lemma(token), ()) or plover.NOUN_LEXICON.get(token.lower_, ())
    return ()


def is_intent_governor(token: Token) -> bool:
    return (
        lemma(token) in plover.INTENT_GOVERNORS
        or lemma(token) in plover.ASPECTUAL_GOVERNORS
        or (lemma(token) == "go" and token.tag_ == "VBG")
    )


def is_verb_predicate(token: Token) -> bool:
    if token.pos_ != "VERB" or token.dep_ in ("amod", "compound", "nmod"):
        return False  # participles used as modifiers ("the disputed strait") describe, they do not report
    return phrasal_lemma(token) is not None or lemma(token) not in plover.NON_EVENT_VERBS


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
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    dashes = [n for n, t in enumerate(tokens) if t.i < token.i and t.text in DATELINE_PUNCT]
    if dashes:  # "Washington - US President X": the dateline is not part of the actor
        tokens = tokens[dashes[-1] + 1 :]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, climbing through control and coordination; (token, is_passive_subject)."""
    current: Token | None = verb
    for _ in range(6):
        if current is None:
            break
        # The subject nearest the verb: a dateline ("MANILA -- President X has …") parses as a second subject.
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            nearest = max(subjects, key=lambda c: (c.i < current.i, c.i if c.i < current.i else -c.i))
            return nearest, nearest.dep_ in PASSIVE_SUBJECT_DEPS
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head, False
        if current.dep_ in ("xcomp", "conj", "acomp") or (current.dep_ == "advcl" and current.tag_ == "VBG"):
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
                if grandchild.dep_ == "pobj" and grandchild.i not in skip:
                    return grandchild
    return None


def direct_object(token: Token, skip: set[int]) -> Token | None:
    for child in token.children:
        if child.dep_ in OBJECT_DEPS | {"dative"} and child.i not in skip and child.pos_ != "VERB":
            return child
    return None


def noun_actor(noun: Token) -> Token | None:
    """'Russia's attack', 'Israeli strikes', 'US sanctions', 'attacks by rebels'."""
    for child in noun.children:
        if child.dep_ == "poss":
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
        if actor is None and unit.head.dep_ in OBJECT_DEPS and unit.head.head.pos_ == "VERB":
            actor, _ = subject_of(unit.head.head)
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


# ---------------------------------------------------------------------------------------------- units


def absorbed_object(verb: Token) -> list[Token]:
    """Eventive nouns a verb takes as object or complement ("held talks", "imposed sanctions", "called for a
    ceasefire"): they join the verb's unit instead of standing alone."""
    found = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS | {"xcomp", "nsubjpass"} and lexicon_types(child):
            found.append(child)
        elif child.dep_ in ("prep", "prt") and child.lower_ in ("for", "to", "in", "on"):
            found.extend(g for g in child.children if g.dep_ == "pobj" and lexicon_types(g))
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


def build_units(sent: Span) -> list[EventUnit]:
    """Candidate event units of one sentence, before classification: verbs that head their clause's event
    (complements folded in, intent governors recorded) and eventive nouns not governed by such a verb."""
    units: list[EventUnit] = []
    absorbed: set[int] = set()
    for token in sent:
        if not is_verb_predicate(token):
            continue
        governor = governing_predicate(token)
        if (
            governor is not None
            and token.dep_ == "xcomp"
            and not is_intent_governor(governor)
            and (is_verb_predicate(governor) or lexicon_types(governor))
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
        units.append(unit)
    for token in sent:
        if token.pos_ in ("NOUN", "PROPN") and token.i not in absorbed and lexicon_types(token):
            if token.dep_ in ("compound", "amod", "nmod"):
                continue  # a modifier ("war correspondent", "peace talks"), not an event of its own
            units.append(EventUnit(head=token, trigger=[token]))
    for unit in units:
        fill_arguments(unit)
    units.sort(key=lambda u: u.head.i)
    return units


# ---------------------------------------------------------------------------------------------- features


def sentence_features(sent: Span) -> list[str]:
    """The features every unit of a sentence shares: its content lemmas and its lemma bigrams (computed once
    per sentence, not once per unit)."""
    alpha = [t for t in sent if t.is_alpha]
    lemmas = [lemma(t) for t in alpha]
    feats = [f"s={lem}" for t, lem in zip(alpha, lemmas, strict=True) if not t.is_stop]
    feats += [f"s2={a}_{b}" for a, b in pairwise(lemmas)]
    return feats


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
            feats.append(f"{role}_head={lemma(max(tokens, key=lambda t: len(list(t.subtree))))}")
        else:
            feats.append(f"{role}=absent")
    feats += sentence
    return feats


# ---------------------------------------------------------------------------------------------- model


class EventTypeModel:
    """A linear classifier over unit features: one weight row per feature, one column per class."""

    def __init__(self, classes: list[str], features: list[str], weights: np.ndarray, bias: np.ndarray,
                 meta: dict[str, Any]) -> None:  # fmt: skip
        self.classes = classes
        self.index = {name: i for i, name in enumerate(features)}
        self.weights = weights
        self.bias = bias
        self.meta = meta

    def scores(self, feats: list[str]) -> np.ndarray:
        rows = [self.index[f] for f in set(feats) if f in self.index]
        return self.bias + self.weights[rows].sum(axis=0)

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The best event type and its probability, or NONE when "no event" is at least `none_threshold`
        probable (trained as one class among the rest, it is then set by cross-validation)."""
        scores = self.scores(feats)
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        threshold = float(self.meta.get("none_threshold", 0.5))
        if NO_EVENT in self.classes:
            none = self.classes.index(NO_EVENT)
            if probabilities[none] >= threshold:
                return NO_EVENT, float(probabilities[none])
            probabilities[none] = -1.0
        best = int(probabilities.argmax())
        return self.classes[best], float(probabilities[best])

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        features = sorted(self.index, key=self.index.__getitem__)
        header = {"classes": self.classes, "features": features, "meta": self.meta}
        (path / "model.json").write_text(json.dumps(header, ensure_ascii=False, separators=(",", ":")))
        np.savez_compressed(path / "weights.npz", weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32))  # fmt: skip

    @classmethod
    def load(cls, path: Path) -> EventTypeModel:
        header = json.loads((path / "model.json").read_text(encoding="utf-8"))
        with np.load(path / "weights.npz") as arrays:
            weights, bias = arrays["weights"], arrays["bias"]
        return cls(header["classes"], header["features"], weights, bias, header["meta"])


@lru_cache(maxsize=1)
def shipped_model() -> EventTypeModel:
    try:
        return EventTypeModel.load(MODEL_DIR)
    except (OSError, KeyError, ValueError) as exc:
        raise ClaimtraceError(
            "the PLOVER event model is missing from the package (src/claimtrace/models/events): "
            "rebuild it with `claimtrace train events ../shared/eval/plover`"
        ) from exc


# ---------------------------------------------------------------------------------------------- status


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


def _modals(token: Token) -> set[str]:
    return {
        c.lower_ for c in token.children if c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in FUTURE_MODALS)
    }


def _clause_path(unit: EventUnit) -> list[Token]:
    """The head, its governor, and the verbs above it up to the first finite clause boundary."""
    path = [unit.head]
    if unit.governor is not None:
        path.append(unit.governor)
    if unit.is_noun and unit.head.head.pos_ in ("VERB", "AUX", "ADJ"):
        path.append(unit.head.head)
    current = path[-1]
    while current.dep_ in ("xcomp", "acomp", "conj", "dobj", "pobj", "prep") and current.head is not current:
        current = current.head
        path.append(current)
    return path


def is_conditional(unit: EventUnit) -> bool:
    for token in _clause_path(unit):
        current = token
        for _ in range(4):
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children):
                return True
            if current.dep_ in ("advcl", "ccomp", "xcomp", "conj") and current.head is not current:
                current = current.head
                continue
            break
    return False


def factuality_at(unit: EventUnit, factuality: list[dict[str, Any]]) -> float | None:
    start, end = unit.head.idx, unit.head.idx + len(unit.head.text)
    for entry in factuality:
        if entry.get("start", -1) < end and entry.get("end", -1) > start and entry.get("value") is not None:
            return float(entry["value"])
    return None


def reporting_attribution(unit: EventUnit, attributions: list[dict[str, Any]]) -> str | None:
    """The innermost attribution whose content contains the trigger, and whose cue is not the trigger."""
    start = unit.head.idx
    best: tuple[int, str] | None = None
    for attribution in attributions:
        content = (attribution.get("content") or {}).get("spans") or []
        cue = (attribution.get("cue") or {}).get("spans") or []
        if any(s <= start < e for s, e in cue):
            continue
        for s, e in content:
            if s <= start < e and (best is None or e - s < best[0]):
                best = (e - s, str(attribution.get("id")))
    return best[1] if best else None


def event_status(unit: EventUnit, factuality: float | None, attribution: str | None) -> str:
    path = _clause_path(unit)
    if any(_has_neg(t) for t in path[:3]) or (factuality is not None and factuality <= -1):
        return "negated"
    modals = set().union(*(_modals(t) for t in path[:3]))
    question = unit.head.sent.text.rstrip().endswith("?")
    if modals & HYPOTHETICAL_MODALS or is_conditional(unit) or question:
        return "hypothetical"
    if unit.governor is not None and lemma(unit.governor) in plover.INTENT_GOVERNORS:
        return "intended"
    if modals & FUTURE_MODALS or (unit.governor is not None and lemma(unit.governor) == "go"):
        return "future"
    if attribution is not None:
        return "reported"
    return "asserted"


def coded_type(event_type: str, status: str) -> str:
    """PLOVER's single-category rule: intended/future cooperation is AGREE, announced retreat is CONCEDE."""
    if status in ("intended", "future"):
        if event_type in plover.COOPERATIVE_ACTIONS:
            return "AGREE"
        if event_type == "RETREAT":
            return "CONCEDE"
    return event_type


def is_refusal(unit: EventUnit, status: str, event_type: str) -> bool:
    """A negated promise of cooperation ("will not release", "won't meet"): PLOVER's REJECT ("decline to")."""
    reject_verb = "REJECT" in lexicon_types(unit.head)  # "will not reject" stays a negated REJECT
    refused = event_type in REFUSABLE_TYPES or (event_type == "REJECT" and not reject_verb)
    if status != "negated" or not refused:
        return False
    return bool(set().union(*(_modals(t) for t in _clause_path(unit)[:3])) & FUTURE_MODALS)


# ---------------------------------------------------------------------------------------------- mode/context


def event_mode(event_type: str, unit: EventUnit) -> str | None:
    cues = plover.MODE_CUES.get(event_type)
    if not cues:
        return None
    words = [unit.head, *unit.trigger[1:], *unit.complements, *unit.target]
    named = {w.i for w in words}
    words += [t for t in unit.head.subtree if t.i not in named]
    for token in words:
        for key in (lemma(token), token.lower_):
            if key in cues:
                return cues[key][0]
    return None


def event_contexts(sent: Span) -> list[str]:
    lemmas = [lemma(t) for t in sent if t.is_alpha]
    keys = set(lemmas) | {f"{a} {b}" for a, b in pairwise(lemmas)}
    found = {ctx for key in keys for ctx in plover.CONTEXT_CUES.get(key, ())}
    return [c for c in plover.CONTEXTS if c in found]


# ---------------------------------------------------------------------------------------------- assembly


def _role(text: str, tokens: list[Token]) -> Role | None:
    if not tokens:
        return None
    spans: list[tuple[int, int]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        start, end = token.idx, token.idx + len(token.text)
        if spans and start <= spans[-1][1] + 1 and text[spans[-1][1] : start].strip() == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return Role.from_spans(text, spans)


def _source_role(attribution: dict[str, Any], text: str) -> Role | None:
    source = attribution.get("source")
    if not source or not source.get("spans"):
        return None
    return Role.from_spans(text, [(int(s), int(e)) for s, e in source["spans"]])


def _is_speaker(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ in FIRST_PERSON


def _cue_attribution(unit: EventUnit, attributions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The attribution whose cue is this trigger ("X accused Y"): its source is the actor."""
    start = unit.head.idx
    for attribution in attributions:
        cue = (attribution.get("cue") or {}).get("spans") or []
        if any(s <= start < e for s, e in cue):
            return attribution
    return None


def code_events(doc: Doc, model: EventTypeModel) -> list[dict[str, Any]]:
    attributions = list(doc._.attributions or [])
    factuality = list(doc._.factuality or [])
    text = doc.text  # spaCy rebuilds doc.text from the tokens on every access: read it once
    events: list[dict[str, Any]] = []
    for sent in doc.sents:
        contexts: list[str] | None = None
        shared = sentence_features(sent)
        for unit in build_units(sent):
            label, _ = model.predict(unit_features(unit, shared))
            if label == NO_EVENT:
                continue
            value = factuality_at(unit, factuality)
            attribution = reporting_attribution(unit, attributions)
            status = event_status(unit, value, attribution)
            event_type = coded_type(label, status)
            if is_refusal(unit, status, event_type):
                # "will not release": a refusal, which PLOVER codes as a REJECT that did happen.
                event_type, status, value = "REJECT", "reported" if attribution else "asserted", None
            actor = _role(text, unit.actor)
            cue_of = _cue_attribution(unit, attributions)
            if cue_of is not None:
                actor = _source_role(cue_of, text) or actor
            elif attribution is not None and _is_speaker(unit.actor):
                # "We will release them," the commander said: the speaker is the attribution's source.
                speaker = next(a for a in attributions if str(a.get("id")) == attribution)
                actor = _source_role(speaker, text) or actor
            if contexts is None:
                contexts = event_contexts(sent)
            event = Event(
                id="",
                type=event_type,
                trigger=_role(text, unit.trigger) or Role(unit.head.text, [(unit.head.idx, unit.head.idx)]),
                mode=event_mode(event_type, unit),
                context=list(contexts),
                actor=actor,
                target=_role(text, unit.target),
                status=status,  # type: ignore[arg-type]
                certainty=value if value is not None else STATUS_CERTAINTY[status],
                attribution=attribution,
            )
            events.append(_event_record(event))
    events.sort(key=lambda e: e["trigger"]["spans"][0][0])
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
    return events


def _event_record(event: Event) -> dict[str, Any]:
    """The event as claimtrace/1 JSON data: `asdict` without its deep copy (its lists are fresh), spans as
    lists."""
    record = {f.name: getattr(event, f.name) for f in fields(event)}
    for name in ("trigger", "actor", "target"):
        role: Role | None = record[name]
        if role is not None:
            record[name] = {"text": role.text, "spans": [list(span) for span in role.spans]}
    return record


class EventCoder:
    """The pipeline component: codes PLOVER events into `doc._.events`."""

    def __init__(self, model: EventTypeModel) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_events(doc, self.model)
        return doc


@Language.factory("claimtrace_events")
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    register_extensions()
    return EventCoder(shipped_model())
