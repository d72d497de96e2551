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
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrace.analyze import plover
from claimtrace.analyze.actors import ActorCoder
from claimtrace.analyze.encoder import MODEL_DIR as ENCODER_DIR
from claimtrace.analyze.encoder import Heads
from claimtrace.analyze.event_units import (
    EventUnit,
    alpha_lemmas,
    build_units,
    fallback_actor,
    lemma,
    lexicon_types,
    noun_phrase,
    sentence_features,
    subject_of,
    unit_features,
)
from claimtrace.analyze.extensions import register_extensions
from claimtrace.analyze.lexicon import REPORTING_VERBS
from claimtrace.analyze.places import dateline_place, sentence_place
from claimtrace.errors import ClaimtraceError
from claimtrace.record import Attribution, Event, FactualityValue, Offsets, Role

NO_EVENT = "NONE"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "events"
# The encoder head, trained on the packaged encoder's vectors (a retrained encoder's vectors differ).
ENCODER_HEAD = "encoder"

FIRST_PERSON = frozenset({"i", "we"})
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can", "ought"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
# "would not" reports a refusal as much as "will not" ("said he would not provide support").
REFUSAL_MODALS = FUTURE_MODALS | {"would"}
REFUSABLE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# Force and coercion that is wanted, planned or announced is a THREATEN (manual 3.11), not the act itself.
THREATENED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})  # boycotts, blockades: "restrict"
# Verbal acts coded as themselves when they govern another act ("threatened to shell" is a THREATEN).
SPEECH_ACT_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "AGREE"})
OBLIGATION_MODALS = frozenset({"must", "should"})
# Clauses that modify a noun or another clause: an event in one is subordinate to an event above it.
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp"})
AGREEABLE_TYPES = plover.COOPERATIVE_ACTIONS | {"AGREE", "RETREAT", "CONCEDE"}
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Acts whose clause complement is what they demand, threaten, deny or promise ("demanded that the US cancel
# the sale"): PLOVER codes the act, so the clause's own event is not coded apart.
CLAUSE_ACT_TYPES = SPEECH_ACT_TYPES | {"ACCUSE"}
# Prepositions that set a noun event as the background of another ("following the invasion", "after the
# protests", "during a search"): coded only when the sentence has no other event.
BACKGROUND_PREPOSITIONS = frozenset({"after", "following", "during", "before", "since", "amid", "despite",
                                     "over", "until"})  # fmt: skip
# P(cue) of the encoder's cue head at which a predicate the trigger lexicon does not mark is the claim's cue,
# not an event: the attribution cue finder's threshold (attribution's encoder cues, chosen on PolNeAR).
CUE_PROBABILITY = 0.65
# An attempted act is coded as the act ("tried to kill", "an attempt to assassinate" is an ASSAULT): the
# verbs and nouns of an attempt.
ATTEMPT_GOVERNORS = frozenset({"try", "attempt"})
ATTEMPT_NOUNS = frozenset({"attempt", "bid"})
# The trigger lexicon's types for the unit's head, complements and absorbed objects (features lex=, clex=,
# olex=) get this much added to their log-odds: a prior the one-event-a-sentence training data are too few
# to learn ("telephoned" is a CONSULT, "demonstrated" a PROTEST, whatever the sentence's other words say).
# Chosen by 5-fold cross-validation inside the training parts over (0, 0.25, 0.5, 0.75, 1.0): PLV accuracy,
# detection recall and root type accuracy all best at 0.5 for the sparse model, 0.25 for the encoder head.
LEXICON_FEATURES = frozenset({"lex", "clex", "olex"})
LEXICON_PRIOR = 0.5
LEXICON_PRIOR_ENCODER = 0.25
# Clauses that say what an act is for ("sent experts *to investigate*").
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl"})
# CAMEO's sector for an attacker the text does not identify ("gunmen", "a car bomb").
UNIDENTIFIED_SECTOR = "UAF"
STATUS_CERTAINTY = {"asserted": 3.0, "reported": 2.0, "future": 2.0, "intended": 1.0, "hypothetical": 0.0,
                    "negated": -3.0}  # fmt: skip


# ---------------------------------------------------------------------------------------------- model


class EventTypeModel:
    """A linear classifier over unit features: one weight row per feature, one column per class; with `dense`
    (the encoder head), also one weight row per dimension of the unit's encoder vector (`unit_vector`)."""

    def __init__(self, classes: list[str], features: list[str], weights: np.ndarray, bias: np.ndarray,
                 meta: dict[str, Any], dense: np.ndarray | None = None) -> None:  # fmt: skip
        self.classes = classes
        self.index = {name: i for i, name in enumerate(features)}
        self.weights = weights
        self.bias = bias
        self.meta = meta
        self.dense = dense
        self.class_index = {name: i for i, name in enumerate(classes)}

    def scores(self, feats: list[str], vector: np.ndarray | None = None) -> np.ndarray:
        rows = [self.index[f] for f in set(feats) if f in self.index]
        scores = self.bias + self.weights[rows].sum(axis=0)
        if self.dense is not None and vector is not None:
            scores = scores + vector @ self.dense
        prior = self.meta.get(
            "lexicon_prior", LEXICON_PRIOR_ENCODER if self.dense is not None else LEXICON_PRIOR
        )
        if prior:  # `scores` is a new array
            for name in {f.partition("=")[2] for f in feats if f.partition("=")[0] in LEXICON_FEATURES}:
                if name in self.class_index:
                    scores[self.class_index[name]] += prior
        return scores

    def predict(self, feats: list[str], lexical: bool = True, vector: np.ndarray | None = None,
                event: bool = False) -> tuple[str, float]:  # fmt: skip
        """The best event type and its probability, or NONE when "no event" is at least `none_threshold`
        probable — `none_threshold_unlexical` for a unit the trigger lexicon does not mark, which needs more
        evidence to be an event (both chosen on a held-out part of the training data); never NONE where the
        unit is known to be an `event`."""
        scores = self.scores(feats, vector)
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        key = "none_threshold" if lexical else "none_threshold_unlexical"
        threshold = float(self.meta.get(key, self.meta.get("none_threshold", 0.5)))
        if NO_EVENT in self.classes:
            none = self.classes.index(NO_EVENT)
            if probabilities[none] >= threshold and not event:
                return NO_EVENT, float(probabilities[none])
            probabilities[none] = -1.0
        best = int(probabilities.argmax())
        return self.classes[best], float(probabilities[best])

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        features = sorted(self.index, key=self.index.__getitem__)
        header = {"classes": self.classes, "features": features, "meta": self.meta}
        (path / "model.json").write_text(json.dumps(header, ensure_ascii=False, separators=(",", ":")))
        arrays = {"weights": self.weights.astype(np.float32), "bias": self.bias.astype(np.float32)}
        if self.dense is not None:
            arrays["dense"] = self.dense.astype(np.float32)
        np.savez_compressed(path / "weights.npz", **arrays)

    @classmethod
    def load(cls, path: Path) -> EventTypeModel:
        header = json.loads((path / "model.json").read_text(encoding="utf-8"))
        with np.load(path / "weights.npz") as arrays:
            weights, bias = arrays["weights"], arrays["bias"]
            dense = arrays["dense"] if "dense" in arrays.files else None
        return cls(header["classes"], header["features"], weights, bias, header["meta"], dense)


@lru_cache(maxsize=2)
def shipped_model(encoder: bool = False) -> EventTypeModel:
    """The packaged model: the encoder head (`models/events/encoder/`, sparse features and the unit's
    encoder vector) or the fast profile's sparse model (`models/events/`)."""
    try:
        return EventTypeModel.load(MODEL_DIR / ENCODER_HEAD if encoder else MODEL_DIR)
    except (OSError, KeyError, ValueError) as exc:
        raise ClaimtraceError(
            "the PLOVER event model is missing from the package (src/claimtrace/models/events): "
            "rebuild it with `claimtrace train events ../shared/eval/plover`"
        ) from exc


def unit_vector(unit: EventUnit, vectors: np.ndarray, sentence: tuple[int, int] | None = None) -> np.ndarray:
    """The encoder's view of a unit: its head's vector, the mean vector of what it absorbed (the complements
    and eventive objects that often carry the act: "threatened to *shell*", "imposed *sanctions*"; the head
    again when it absorbed nothing), and the mean vector of its sentence (`sentence`: its token bounds, else
    read from the head), which tells the unit's act from the sentence's other events."""
    absorbed = [t.i for t in [*unit.complements, *unit.trigger[1:]]] or [unit.head.i]
    if sentence is None:
        sent = unit.head.sent
        sentence = (sent.start, sent.end)
    start, end = sentence
    return np.concatenate(
        [vectors[unit.head.i], vectors[absorbed].mean(axis=0), vectors[start:end].mean(axis=0)]
    )


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


def factuality_at(unit: EventUnit, factuality: list[FactualityValue]) -> float | None:
    start, end = unit.head.idx, unit.head.idx + len(unit.head.text)
    for entry in factuality:
        if entry.start < end and entry.end > start and entry.value is not None:
            return float(entry.value)
    return None


def _spans(role: Role | None) -> list[Offsets]:
    return list(role.spans) if role is not None else []


@dataclass(frozen=True)
class AttributionSpans:
    """The cue and content spans of a document's attributions, each with its attribution's position in the
    list, in list order: read once per document, not once per event unit."""

    attributions: list[Attribution]
    cues: list[tuple[int, int, int]]
    contents: list[tuple[int, int, int]]

    @classmethod
    def of(cls, attributions: list[Attribution]) -> AttributionSpans:
        def spans(role: str) -> list[tuple[int, int, int]]:
            return [(int(s), int(e), n) for n, attribution in enumerate(attributions)
                    for s, e in _spans(getattr(attribution, role))]  # fmt: skip

        return cls(attributions, spans("cue"), spans("content"))


def reporting_attribution(unit: EventUnit, attributions: list[Attribution] | AttributionSpans) -> str | None:
    """The innermost attribution whose content contains the trigger, and whose cue is not the trigger."""
    index = attributions if isinstance(attributions, AttributionSpans) else AttributionSpans.of(attributions)
    start = unit.head.idx
    cued = {n for s, e, n in index.cues if s <= start < e}
    best: tuple[int, str] | None = None
    for s, e, n in index.contents:
        if s <= start < e and n not in cued and (best is None or e - s < best[0]):
            best = (e - s, index.attributions[n].id)
    return best[1] if best else None


def is_reported_clause(unit: EventUnit) -> bool:
    top = unit.governor or unit.head
    return top.dep_ == "ccomp" and lemma(top.head) in REPORTING_VERBS


def event_status(
    unit: EventUnit, factuality: float | None, attribution: str | None, question: bool = False
) -> str:
    """The event's status; `question`: its sentence asks ("Will the army attack?")."""
    path = _clause_path(unit)
    if any(_has_neg(t) for t in path[:3]) or (factuality is not None and factuality <= -1):
        return "negated"
    modals = set().union(*(_modals(t) for t in path[:3]))
    conditional = is_conditional(unit)
    if "would" in modals and not conditional and is_reported_clause(unit):
        modals = (modals - {"would"}) | {"will"}  # "said they would blockade Paris": the future, reported
    if modals & HYPOTHETICAL_MODALS or conditional or question:
        return "hypothetical"
    if unit.governor is not None and lemma(unit.governor) in plover.INTENT_GOVERNORS:
        return "intended"
    if modals & FUTURE_MODALS or (unit.governor is not None and lemma(unit.governor) == "go"):
        return "future"
    if attribution is not None:
        return "reported"
    return "asserted"


def speech_act_type(unit: EventUnit) -> str | None:
    """The type of a verbal act that governs the unit's complement ("threatened to shell", "urged them to
    release", "refused to allow", "agreed to withdraw"): PLOVER codes the act, the complement gives its
    mode."""
    own = lexicon_types(unit.head)
    if unit.complements and len(own) == 1 and own[0] in SPEECH_ACT_TYPES:
        return own[0]
    return None


def demanded_by(unit: EventUnit) -> Token | None:
    """The reporting verb whose subject demands the unit's act: an obligation ("must", "should") in the
    clause it reports ("Russia said Sudan must return …", "announced that Kagame must agree …", "said that
    the US must be ready to mediate": the copula carries the obligation)."""
    top = unit.governor or unit.head
    if top.dep_ in ("acomp", "attr") and lemma(top.head) == "be":
        top = top.head
    if not (_modals(top) | _modals(unit.head)) & OBLIGATION_MODALS:
        return None
    if top.dep_ == "ccomp" and lemma(top.head) in REPORTING_VERBS:
        return top.head
    return None


def coded_type(event_type: str, status: str, unit: EventUnit) -> str:
    """PLOVER's single-category rule: intended/future cooperation is AGREE, announced retreat is CONCEDE,
    wanted, planned or announced force is THREATEN ("wants to attack", "they will attack") — also where the
    classifier, which learnt that a promise is AGREE, calls a promised attack AGREE."""
    lexicon = {t for token in [*unit.trigger[1:], *unit.complements] for t in lexicon_types(token)}
    if not unit.complements and not unit.trigger[1:]:
        lexicon = set(lexicon_types(unit.head))  # "they will attack": the head is the act
    # "agreed to postpone the protest" is no promised protest
    calls_off = any(_verb_with_particle(c) in plover.CALLING_OFF_VERBS for c in unit.complements)
    threatened = lexicon & THREATENED_TYPES and not lexicon & AGREEABLE_TYPES
    if event_type == "AGREE" and threatened and not calls_off:
        return "THREATEN"  # "vowed to fight", "will attack" called AGREE
    if status in ("intended", "future"):
        if event_type in plover.COOPERATIVE_ACTIONS:
            return "AGREE"
        if event_type == "RETREAT":
            return "CONCEDE"
        if event_type in THREATENED_TYPES:
            return "THREATEN"
    return event_type


def investigation_type(unit: EventUnit) -> str | None:
    """Sending people to investigate ("sent seven experts to investigate the attacks", "dispatched inspectors
    to monitor the plant", "sent teams into Libya in a rush to investigate") is an ACCUSE (manual 3.9, mode
    investigate): the purpose clause, with no other verb between it and the sending, names the act."""
    head = unit.head
    if unit.is_noun or lemma(head) not in plover.SENDING_VERBS:
        return None
    for token in head.subtree:
        if token is head or lemma(token) not in plover.INVESTIGATION_VERBS or token.dep_ not in PURPOSE_DEPS:
            continue
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
            continue
        between = [a for a in token.ancestors if a.i != head.i and head in a.ancestors]
        if not any(a.pos_ in ("VERB", "AUX") for a in between):
            return "ACCUSE"
    return None


def removal_type(unit: EventUnit) -> str | None:
    """Lifting, easing or cancelling a coercive measure or a sanction ("lifted the curfew", "cancelled the
    restrictions", "eased sanctions") is a CONCEDE (manual 3.4), whatever the verb alone would be."""
    if lemma(unit.head) not in plover.REMOVAL_VERBS:
        return None
    objects = [c for c in unit.head.children if c.dep_ in ("dobj", "nsubjpass")]
    measures = {t for obj in objects for t in lexicon_types(obj)}
    return "CONCEDE" if measures & {"COERCE", "SANCTION"} else None


def _verb_with_particle(token: Token) -> str:
    """The verb's lemma, joined by "_" to its particle where it has one ("broke up" → "break_up")."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma(token)}_{particle}" if particle else lemma(token)


def _objects(unit: EventUnit) -> list[Token]:
    return [c for c in unit.head.children if c.dep_ in ("dobj", "nsubjpass")]


def _noun_types(token: Token) -> set[str]:
    """The lexicon's types of a noun, by its form or its lemma ("blockades" → the types of "blockade")."""
    return set(lexicon_types(token)) | set(plover.NOUN_LEXICON.get(lemma(token), ()))


def suppression_type(unit: EventUnit) -> str | None:
    """Stopping a protest ("police prevented the demonstration", "broke up the rally", "the march was
    banned") is the state's COERCE (manual 3.15), not the PROTEST its object names; "stopped the air
    strikes" (a strike that is also an attack) is left to the classifier."""
    head = unit.head
    if unit.is_noun or head.pos_ != "VERB":
        return None
    verb = _verb_with_particle(head)
    if verb not in plover.SUPPRESSION_VERBS and lemma(head) not in plover.SUPPRESSION_VERBS:
        return None
    for obj in _objects(unit):
        types = _noun_types(obj)
        if "PROTEST" in types and "ASSAULT" not in types:
            return "COERCE"
    return None


def complaint_type(unit: EventUnit) -> str | None:
    """Delivering a formal protest or complaint ("lodged an official protest with Albania", "filed a
    complaint with the ministry") is an ACCUSE (manual 3.9, mode disapprove): a diplomatic protest, not a
    demonstration."""
    if unit.is_noun or lemma(unit.head) not in plover.COMPLAINT_VERBS:
        return None
    if any(lemma(obj) in plover.COMPLAINT_NOUNS for obj in _objects(unit)):
        return "ACCUSE"
    return None


def _object_nouns(unit: EventUnit) -> list[Token]:
    """The unit's objects, each with the noun of an "of" it measures ("700 kg of medicine" → kg, medicine)."""
    out = []
    for obj in _objects(unit):
        out.append(obj)
        out += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj"]  # fmt: skip
    return out


def imposition_type(unit: EventUnit) -> str | None:
    """Putting a coercive measure in force ("Israel reimposed blockades", "imposed a curfew", "declared a
    state of emergency") is a COERCE. Imposed sanctions are left to the classifier: PLV_train codes most of
    them COERCE, a few SANCTION."""
    if unit.is_noun or lemma(unit.head) not in plover.IMPOSITION_VERBS:
        return None
    measures = _objects(unit)
    if any("COERCE" in _noun_types(obj) or lemma(obj) in plover.IMPOSED_MEASURES for obj in measures):
        return "COERCE"
    return None


def buildup_type(unit: EventUnit) -> str | None:
    """Adding to armed forces ("Israel has strengthened its forces in Lebanon", "boosted its troops") is a
    MOBILIZE (manual 3.14)."""
    if unit.is_noun or lemma(unit.head) not in plover.BUILDUP_VERBS:
        return None
    cues = plover.MODE_CUES["MOBILIZE"]
    if any(lemma(obj) in cues or obj.lower_ in cues for obj in _objects(unit)):
        return "MOBILIZE"
    return None


def aid_type(unit: EventUnit, label: str) -> str | None:
    """Handing over or delivering what aid is made of ("handed over 700 kg of medicine to the Red Crescent")
    and evacuating the hurt and helpless ("evacuated the wounded") are AID (manual 3.6), where the classifier
    read RETREAT's handing over and evacuation; so is granting what the lexicon calls aid ("granted
    asylum")."""
    verb = lemma(unit.head)
    if unit.is_noun:
        return None
    if verb in plover.GRANTING_VERBS and any("AID" in _noun_types(obj) for obj in _objects(unit)):
        return "AID"  # "granted diplomatic asylum to five officers"
    if label != "RETREAT" or verb not in plover.HANDOVER_VERBS | {"evacuate"}:
        return None
    words = {w for obj in _object_nouns(unit) for w in (lemma(obj), obj.lower_)}
    return "AID" if words & (plover.EVACUATED_PEOPLE if verb == "evacuate" else plover.AID_GOODS) else None


def mediation_type(unit: EventUnit) -> str | None:
    """Mediating ("undertook a mediation mission between Syria and Arafat", "mediated between the parties")
    is a CONSULT, mode third-party (manual 3.2); an offer of it stays the offer (`speech_act_type`), and
    `coded_type` makes an intended one an AGREE."""
    if lemma(unit.head) in plover.MEDIATION_WORDS:
        return "CONSULT"
    if lemma(unit.head) not in plover.CONDUCTING_VERBS:
        return None  # "opposed French mediation" is the opposing
    words = [*unit.trigger[1:], *_objects(unit)]
    words += [c for w in words for c in w.children if c.dep_ == "compound"]  # "a mediation mission"
    return "CONSULT" if any(lemma(w) in plover.MEDIATION_WORDS for w in words) else None


def cooperation_type(unit: EventUnit) -> str | None:
    """Raising diplomatic relations ("upgraded their diplomatic ties", "restored relations with Cuba") is a
    SUPPORT; sharing intelligence or know-how ("shared evidence with the U.S.", "sharing expertise with the
    Tigers") a COOPERATE: where the classifier, reading the sentence's other words, said otherwise."""
    if unit.is_noun:
        return None
    verb, objects = lemma(unit.head), {lemma(obj) for obj in _objects(unit)}
    if verb in plover.RELATIONS_UP_VERBS and objects & plover.RELATIONS_NOUNS:
        return "SUPPORT"
    if verb in plover.SHARING_VERBS and objects & plover.INFORMATION_NOUNS:
        return "COOPERATE"
    return None


def attempted_type(unit: EventUnit, label: str) -> str | None:
    """An attempted act is coded as the act ("said they attempted to assassinate the prime minister" is an
    ASSAULT), where the classifier read the attempt as a THREATEN or as the AGREE that `coded_type` turns
    into one: the head's one lexicon type."""
    own = lexicon_types(unit.head)
    if label in ("THREATEN", "AGREE") and is_attempt(unit) and len(own) == 1 and own[0] != "THREATEN":
        return own[0]
    return None


def negated_act(unit: EventUnit, event_type: str) -> str | None:
    """A negated act that is no refusal keeps its own type ("the army did not attack", "did not release the
    prisoners"): a classifier that reads the negation tends to call it a REJECT, which PLOVER keeps for
    declining cooperation ("will not release", "refused to meet")."""
    own = set(lexicon_types(unit.head))
    if event_type != "REJECT" or "REJECT" in own or len(own) != 1:
        return None
    return next(iter(own))


def is_refusal(unit: EventUnit, status: str, event_type: str) -> bool:
    """A negated promise of cooperation ("will not release", "won't meet"): PLOVER's REJECT ("decline to")."""
    reject_verb = "REJECT" in lexicon_types(unit.head)  # "will not reject" stays a negated REJECT
    refused = event_type in REFUSABLE_TYPES or (event_type == "REJECT" and not reject_verb)
    if status != "negated" or not refused or is_conditional(unit):
        return False
    return bool(set().union(*(_modals(t) for t in _clause_path(unit)[:3])) & REFUSAL_MODALS)


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
    if event_type == "THREATEN":  # the kind of act threatened ("threatened to shell" → violence)
        threatened = [t for token in [*unit.complements, *unit.trigger] for t in lexicon_types(token)]
        return next((plover.THREAT_MODES[t] for t in threatened if t in plover.THREAT_MODES), None)
    return None


def event_contexts(sent: Span, alpha: list[tuple[str, bool]] | None = None) -> list[str]:
    """The general contexts the sentence's lemmas and lemma pairs cue; `alpha`: its `alpha_lemmas`."""
    lemmas = [lem for lem, _ in (alpha_lemmas(sent) if alpha is None else alpha)]
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


def _source_role(attribution: Attribution, text: str) -> Role | None:
    spans = _spans(attribution.source)
    return Role.from_spans(text, [(int(s), int(e)) for s, e in spans]) if spans else None


def _is_speaker(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ in FIRST_PERSON


def _cue_attribution(unit: EventUnit, index: AttributionSpans) -> Attribution | None:
    """The attribution whose cue is this trigger ("X accused Y"): its source is the actor."""
    start = unit.head.idx
    return next((index.attributions[n] for s, e, n in index.cues if s <= start < e), None)


def cue_tokens(doc: Doc, attributions: list[Attribution], cue_probabilities: np.ndarray | None
               ) -> set[int]:  # fmt: skip
    """Tokens that are a claim's cue: in an attribution's cue, or, where the encoder ran, those its cue head
    finds (`cue_probabilities`: P(cue) of each token). A predicate there that the trigger lexicon does not
    mark reports ("expressed his hope that …", "indicated that …") and is no event of its own."""
    found: set[int] = set()
    for attribution in attributions:
        for start, end in _spans(attribution.cue):
            span = doc.char_span(int(start), int(end), alignment_mode="expand")
            found.update(t.i for t in span or [])
    if cue_probabilities is not None:
        found.update(int(i) for i in np.flatnonzero(cue_probabilities >= CUE_PROBABILITY))
    return found


def code_events(doc: Doc, model: EventTypeModel, vectors: np.ndarray | None = None,
                cue_probabilities: np.ndarray | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """The claimtrace/1 events of `doc`; `vectors`: the encoder's token vectors, which `model` reads when it
    is the encoder head; `cue_probabilities`: each token's P(cue) from the encoder's cue head."""
    # The typed results of the attribution and factuality components, read by attribute (their dict view
    # copies the whole result on every read).
    attributions: list[Attribution] = list(doc._.attributions or [])
    factuality: list[FactualityValue] = list(doc._.factuality or [])
    text = doc.text  # spaCy rebuilds doc.text from the tokens on every access: read it once
    events: list[dict[str, Any]] = []
    coder: ActorCoder | None = None  # built when the first event needs it
    dateline: list[dict[str, Any] | None] = []  # the article's dateline place, read once when needed
    doc_ents: list[Span] | None = None
    cues = cue_tokens(doc, attributions, cue_probabilities)
    indexed = AttributionSpans.of(attributions)
    sentences = list(doc.sents)  # Doc.sents walks the whole document: once here, and for the actor coder
    for sent in sentences:
        contexts: list[str] | None = None
        sentence_ents: list[Span] | None = None
        units = [u for u in build_units(sent) if u.lexical or u.head.i not in cues]
        if not units:
            continue  # most sentences: no candidate, no features to compute
        alpha = alpha_lemmas(sent)
        shared = sentence_features(sent, alpha)
        question = text[sent.start_char : sent.end_char].rstrip().endswith("?")
        bounds = (sent.start, sent.end)
        inputs = [(unit_features(u, shared), unit_vector(u, vectors, bounds) if vectors is not None else None)
                  for u in units]  # fmt: skip
        coded = [(u, model.predict(f, u.lexical, v, event=is_attempt(u))[0])
                 for u, (f, v) in zip(units, inputs, strict=True)]  # fmt: skip
        events_at = {u.head.i for u, label in coded if label != NO_EVENT}
        # "arrested two commanders and freed a hostage": a lexicon-marked act coordinated with a coded one is
        # an event of its own, though the one-event-a-sentence training data taught the model otherwise.
        coded = [
            (u, model.predict(f, vector=v, event=True)[0]
                if label == NO_EVENT and is_coordinated(u, events_at)
                else label)
            for (u, label), (f, v) in zip(coded, inputs, strict=True)
        ]  # fmt: skip
        for unit, label in main_events([(u, label) for u, label in coded if label != NO_EVENT]):
            value = factuality_at(unit, factuality)
            attribution = reporting_attribution(unit, indexed)
            status = event_status(unit, value, attribution, question)
            act = (removal_type(unit) or investigation_type(unit) or suppression_type(unit)
                   or complaint_type(unit) or imposition_type(unit) or buildup_type(unit)
                   or aid_type(unit, label) or attempted_type(unit, label) or speech_act_type(unit)
                   or mediation_type(unit) or cooperation_type(unit)
                   or label)  # fmt: skip
            event_type = coded_type(act, status, unit)
            demander = demanded_by(unit)
            if is_refusal(unit, status, event_type):
                # "will not release": a refusal, which PLOVER codes as a REJECT that did happen.
                event_type, status, value = "REJECT", "reported" if attribution else "asserted", None
            elif status == "negated" and (own := negated_act(unit, event_type)) is not None:
                event_type = own
            elif demander is not None:
                # "Russia said Sudan must return the helicopter": Russia's demand, which did happen.
                speaker, _ = subject_of(demander)
                unit.actor, unit.target = (noun_phrase(speaker) if speaker is not None else []), unit.actor
                event_type, status, value = "REQUEST", "reported" if attribution else "asserted", None
            if not unit.actor:  # "issued a declaration demanding …", "declared a state of siege"
                unit.actor = fallback_actor(unit)
            actor = _role(text, unit.actor)
            cue_of = _cue_attribution(unit, indexed)
            if cue_of is not None:
                actor = _source_role(cue_of, text) or actor
            elif attribution is not None and _is_speaker(unit.actor):
                # "We will release them," the commander said: the speaker is the attribution's source.
                speaker = next(a for a in attributions if a.id == attribution)
                actor = _source_role(speaker, text) or actor
            if contexts is None:
                contexts = event_contexts(sent, alpha)
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
            record = _event_record(event)
            coder = coder or ActorCoder(doc, attributions, [sentence.start for sentence in sentences])
            for role in ("actor", "target"):
                if record[role] is not None:
                    record[role].update(coder.code_spans(record[role]["spans"], role))
            if is_obstruction(unit) and status != "negated":
                # "workers blocked the bridge": a protest; "the army blocked the roads": a restriction.
                state = (record["actor"] or {}).get("sector") in plover.STATE_SECTORS
                record["type"] = "COERCE" if state else "PROTEST"
                record["mode"] = "restrict" if state else "obstruct"
            argument_ids = {t.i for t in [*unit.actor, *unit.target]}
            if sentence_ents is None:  # Span.ents walks the whole document: filter the document's once
                doc_ents = doc_ents if doc_ents is not None else list(doc.ents)
                sentence_ents = [e for e in doc_ents if sent.start <= e.start < sent.end]
            heads = [unit.head, *unit.complements, *unit.trigger[1:]]
            record["location"] = sentence_place(heads, argument_ids, sentence_ents)
            if record["location"] is None:
                if not dateline:
                    dateline.append(dateline_place(doc))
                record["location"] = dateline[0]
            if record["actor"] is not None and record["actor"].get("sector") == UNIDENTIFIED_SECTOR:
                # "a roadside bomb near Samarra killed …": an attacker known by the weapon alone is coded by
                # where it struck, as event data code an unidentified armed force.
                place = record["location"] or {}
                code = (
                    record["actor"].get("code")
                    or place.get("country")
                    or coder.sentence_country(unit.head, victim_words(unit.target))
                )
                record["actor"].update(coder.named(code, UNIDENTIFIED_SECTOR) if code else {})
            events.append(record)
    events.sort(key=lambda e: e["trigger"]["spans"][0][0])
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
    return events


def is_obstruction(unit: EventUnit) -> bool:
    """Blocking a way: "blocked roads into the capital", "barricaded the bridge", "blocked traffic"."""
    if unit.is_noun or lemma(unit.head) not in plover.OBSTRUCTION_VERBS:
        return False
    return any(lemma(o) in plover.WAY_NOUNS or o.lower_ in plover.WAY_NOUNS for o in _objects(unit))


def victim_words(target: list[Token]) -> set[int]:
    """The target's own words ("one U.S. soldier"), not those of a place phrase it holds ("a police officer
    in Kandahar"): where an unidentified attacker struck is no country of the victim's."""
    ids = {t.i for t in target}
    return {t.i for t in target
            if not any(a.i in ids and a.dep_ == "prep" for a in t.ancestors)}  # fmt: skip


def is_attempt(unit: EventUnit) -> bool:
    """A lexicon-marked act someone tried or attempted ("tried to kill the mayor", "an attempt to assassinate
    the governor"): PLOVER codes the attempt as the act, so it is an event whatever the classifier's "no
    event" probability."""
    if not unit.lexical or unit.is_noun:
        return False
    if unit.governor is not None and lemma(unit.governor) in ATTEMPT_GOVERNORS:
        return True
    head = unit.head
    return head.dep_ == "acl" and head.head.pos_ == "NOUN" and lemma(head.head) in ATTEMPT_NOUNS


def is_coordinated(unit: EventUnit, events_at: set[int]) -> bool:
    """A lexicon-marked verb conjoined to a coded event's verb ("arrested … and freed")."""
    head = unit.head
    return unit.lexical and not unit.is_noun and head.dep_ == "conj" and head.head.i in events_at


def is_subordinate(unit: EventUnit, others: set[int], acts: set[int]) -> bool:
    """An event inside another event's phrase: a noun in its object or prepositional phrases ("rejected calls
    for economic aid", "launched an investigation into crimes during the war"), or a clause that modifies it
    or one of its arguments ("opened fire, killing one", "must return a helicopter that was captured"), or
    the clause a demand, threat, denial or promise governs (`acts`: "demanded that the US cancel the sale").
    PLOVER codes the governing event; coordinated and reported clauses stay events of their own."""
    head = unit.head
    current, modifying = head, False
    for _ in range(12):
        if current.head is current:
            return False
        if not unit.is_noun and current.dep_ in SUBORDINATE_DEPS:
            modifying = True
        governs_clause = current.dep_ == "ccomp" and current.head.i in acts
        current = current.head
        if current.i in others and (unit.is_noun or modifying or governs_clause):
            return True
        if unit.is_noun and current.pos_ in ("VERB", "AUX"):
            return False  # a clause boundary: the noun is an argument of an event-less verb
    return False


def shares_complement(unit: EventUnit, complements: dict[int, int], n: int) -> bool:
    """A verb conjoined to the complement of another coded unit ("refused to allow the planes to land and
    *evacuate* the observers"): one more part of that unit's act, not an event of its own (`complements`:
    each complement's token index → its unit's position, `n`: this unit's)."""
    head = unit.head
    return not unit.is_noun and head.dep_ == "conj" and complements.get(head.head.i, n) != n


def is_background(unit: EventUnit) -> bool:
    """A noun event in a time or circumstance phrase ("following the invasions", "after violent protests")."""
    head = unit.head
    return unit.is_noun and head.dep_ == "pobj" and head.head.lower_ in BACKGROUND_PREPOSITIONS


def main_events(coded: list[tuple[EventUnit, str]]) -> list[tuple[EventUnit, str]]:
    """The coded units of a sentence less those subordinate to another coded unit, and less background
    events when a main one remains."""
    heads = {t.i: n for n, (unit, _) in enumerate(coded) for t in [*unit.trigger, *unit.complements]}
    acts = {unit.head.i for unit, label in coded
            if label in CLAUSE_ACT_TYPES and label in lexicon_types(unit.head)}  # fmt: skip
    complements = {c.i: n for n, (unit, _) in enumerate(coded) for c in unit.complements}
    kept = []
    for n, (unit, label) in enumerate(coded):
        others = {i for i, owner in heads.items() if owner != n}
        if not is_subordinate(unit, others, acts) and not shares_complement(unit, complements, n):
            kept.append((unit, label))
    main = [(unit, label) for unit, label in kept if not is_background(unit)]
    return main or kept


def _event_record(event: Event) -> dict[str, Any]:
    """The event as claimtrace/1 JSON data: `asdict` without its deep copy (its lists are fresh), spans as
    lists."""
    record = {f.name: getattr(event, f.name) for f in fields(event)}
    for name in ("trigger", "actor", "target"):
        role: Role | None = record[name]
        if role is not None:
            record[name] = {"text": role.text, "spans": [list(span) for span in role.spans]}
    return record


def token_cue_probabilities(vectors: np.ndarray, heads: Heads) -> np.ndarray:
    """P(cue) = P(B) + P(I) of each token from the encoder's cue head, over `Encoding.token_vectors` (0 for
    whitespace tokens, whose vectors are zeros): `Encoding.in_cue` for vectors without their Encoding, as
    training reads them from its cache."""
    out = np.zeros(len(vectors), dtype=np.float32)
    visible = np.flatnonzero(np.abs(vectors).max(axis=1) > 0) if len(vectors) else np.zeros(0, dtype=int)
    if len(visible):
        probabilities = heads.cue_probabilities(vectors[visible])
        out[visible] = probabilities[:, 1] + probabilities[:, 2]
    return out


class EventCoder:
    """The pipeline component: codes PLOVER events into `doc._.events`, with the encoder head where the
    packaged encoder ran (the default profile), else with the sparse model (the fast profile)."""

    def __init__(self, model: EventTypeModel, encoder_model: EventTypeModel | None = None) -> None:
        self.model = model
        self.encoder_model = encoder_model

    def __call__(self, doc: Doc) -> Doc:
        encoding = doc._.encoding
        # The head learnt the packaged encoder's vectors; a retrained encoder's would mislead it.
        if encoding is not None and self.encoder_model is not None and encoding.model_dir == ENCODER_DIR:
            doc._.events = code_events(doc, self.encoder_model, encoding.token_vectors(), encoding.in_cue)
        else:
            doc._.events = code_events(doc, self.model)
        return doc


@Language.factory(
    "claimtrace_events",
    assigns=["doc._.events"],
    requires=[
        "doc._.attributions",
        "doc._.factuality",
        "token.dep",
        "token.head",
        "token.tag",
        "token.lemma",
        "token.ent_type",
        "doc.ents",
        "doc.sents",
    ],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    register_extensions()
    # The encoder runs before this component in the default profile: its head is loaded only there.
    head = shipped_model(encoder=True) if "claimtrace_encoder" in nlp.pipe_names else None
    return EventCoder(shipped_model(), head)
