"""Predicate factuality: one value in [−3, +3] (FactBank/UW scale) for each event predicate of a Doc.

Event predicates are verbs, eventive nouns and predicative adjectives. Each is described by sparse features
read off the dependency parse (its lemma, tense, modals, negation, hedges, conditional markers, and the words
that embed it on the way to the root, with their cue classes from `hedges`; scope words earlier in its
sentence that the parse does not attach to it) plus a rule-based prior; a gradient-boosted regression forest
shipped in `claimtrace/models/factuality/` (`factuality_forest`) turns them into a value.
Writes `doc._.factuality`: a list of `record.FactualityValue` (start, end, text, value), with character
offsets into `doc.text`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimtrace.analyze.blas import one_blas_thread
from claimtrace.analyze.extensions import register_extensions
from claimtrace.analyze.factuality_encoder import Stack, blend_weights, blended, encoder_values, load_stacks
from claimtrace.analyze.factuality_forest import LIMIT, Forest, cue_free, model_directory, shipped_forest
from claimtrace.analyze.hedges import (
    BOOSTER_ADVERBS,
    CONDITIONAL_MARKERS,
    GERUND,
    HEDGE_ADVERBS,
    HEDGE_MODIFIERS,
    IMPLICATIVES,
    INFINITIVE,
    MODALS,
    MODALS_WEAK,
    NEGATIONS,
    NEGATIVE_MODIFIERS,
    PHRASAL_CUES,
    PREPOSITION_GERUND,
    cue_class,
    governor_class,
    negative_kind,
)
from claimtrace.analyze.sentences import sentence_starts
from claimtrace.record import FactualityValue

# Depth of the walk from a predicate towards the root: deeper embedding rarely changes the value further.
MAX_LEVELS = 4
# Verb forms that work as prepositions or connectives, not events.
NOT_EVENTS = frozenset({"according", "regarding", "concerning", "given"})
CORPUS_DEFAULT = "UW"
GLUED_NEGATION_BASES = {
    "ca": "can",
    "wo": "will",
    "sha": "shall",
    "does": "do",
    "did": "do",
    "has": "have",
    "had": "have",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
}
# How a negative verb's kind (`hedges.governor_class`) scales its complement's prior: refusals and failures
# reverse it, preventions and denials leave it uncertain, a hindered act is left at 0 (see hedges.py for the
# training-data means).
NEGATIVE_PROJECTION = {"refusal": -0.8, "failure": -0.8, "prevention": 0.3, "denial": 0.5, "hindrance": 0.0}
# Dependency links through which an embedding word projects onto its complement; "dobj" and "nsubjpass"
# carry event nouns ("sought approval", "cancelled the talks", "the flight was delayed").
EMBEDDING_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "acomp", "conj", "pcomp", "pobj", "prep", "relcl", "acl", "dobj", "nsubjpass"}
)
# Prepositions whose gerund completes an implicative or a prevention verb ("succeeded in", "barred … from").
GERUND_PREPOSITIONS = frozenset({"in", "from"})
# Links across which a noun's "aborted" / "alleged" does not reach: "the failed coup, which killed 300" (the
# killing happened), "the aborted invasion and the bombing".
MODIFIER_BLOCKING_LINKS = frozenset({"relcl", "conj"})
# Scope words that lower the factuality of what follows them in a sentence, and determiners of event nouns
# that do the same; chosen from the words whose presence the trees' out-of-fold residuals on the training
# splits leaned on most.
SCOPE_WORDS = frozenset(
    {
        "any",
        "ever",
        "yet",
        "nor",
        "neither",
        "without",
        "no",
        "never",
        "not",
        "n't",
        "if",
        "whether",
        "unless",
    }
)
SCOPE_WORD_IDS = np.array(sorted(get_string_id(word) for word in SCOPE_WORDS), dtype=np.uint64)
SCOPE_DETERMINERS = frozenset({"any", "no", "every", "some", "another"})
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "neither", "noone"})
# Endings of nouns that name events ("withdrawal", "blockade", "bombing"): the gate for nouns the training
# data never saw. Nouns it saw are gated by what it marked (`Forest.eventive_nouns`, `Forest.plain_nouns`).
EVENTIVE_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al", "ade", "age", "ery", "sis")


def is_predicate(
    token: Token, eventive_nouns: frozenset[str], plain_nouns: frozenset[str] = frozenset()
) -> bool:
    """Verbs (main verbs, and copulas heading a clause), nouns that name events, and adjectives that
    predicate a state. A noun is eventive when training marked it so, or, unseen there, by its ending."""
    if token.pos_ == "VERB":
        return token.lower_ not in NOT_EVENTS
    if token.pos_ == "AUX":
        return token.dep_ in {"ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp"}
    if token.pos_ == "NOUN":
        lemma = token.lemma_.lower()
        if lemma in eventive_nouns:
            return True
        return lemma not in plain_nouns and lemma.endswith(EVENTIVE_SUFFIXES)
    if (
        token.pos_ == "ADJ"
    ):  # participles and predicative adjectives: "injured", "is willing", "remained flat"
        return token.tag_ in {"VBN", "VBG"} or token.dep_ in {
            "acomp",
            "ROOT",
            "ccomp",
            "conj",
            "xcomp",
            "oprd",
        }
    return False


def _split_negation(token: Token) -> tuple[str, bool]:
    """The lemma of a word and whether it carries a glued negation (pre-tokenised text keeps "hasn't")."""
    lower = token.lower_
    if lower.endswith(("n't", "n’t")) and len(lower) > 3:
        base = lower[:-3]
        return GLUED_NEGATION_BASES.get(base, base), True
    return token.lemma_.lower(), False


def _is_no_longer(token: Token) -> bool:
    """The adverb of "no longer" / "not any longer": the event has stopped."""
    return token.lower_ == "longer" and any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children)


def _is_too(token: Token) -> bool:
    """An adjective or adverb under "too" ("too afraid to stay"): its infinitive did not happen."""
    return any(c.dep_ == "advmod" and c.lower_ == "too" for c in token.children)


def _is_negative_phrase(token: Token) -> bool:
    """ "nobody", "nothing", "no one", "no successor": a subject or object that negates its clause."""
    if token.lemma_.lower() in NEGATIVE_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


PRT = get_string_id("prt")


def phrasal_heads(doc: Doc) -> dict[int, str]:
    """Verbs of the Doc whose particle makes them a cue verb ("turned down" → "refuse"), by token index: read
    once per Doc from its arrays, as most Docs have none."""
    out: dict[int, str] = {}
    if not len(doc):
        return out
    for i in np.flatnonzero(doc.to_array("DEP") == PRT).tolist():
        head = doc[i].head
        meaning = PHRASAL_CUES.get(f"{head.lemma_.lower()} {doc[i].lower_}")
        if meaning:
            out[head.i] = meaning
    return out


def cue_lemma(token: Token, phrasal: dict[int, str]) -> str:
    """The lemma that carries a word's cue class: a phrasal verb's meaning (from `phrasal_heads`) or the
    word's own lemma."""
    return phrasal.get(token.i) or token.lemma_.lower()


def _governor_class(head: Token, below: Token, phrasal: dict[int, str]) -> tuple[str | None, str | None]:
    """The cue class and negative kind of `head` as the governor of `below` (`hedges.governor_class`)."""
    lemma = cue_lemma(head, phrasal)
    if lemma not in IMPLICATIVES:  # only these read the complement's form; spare the others the walk
        return governor_class(lemma)
    return governor_class(lemma, complement_form(below))


def complement_form(below: Token) -> str:
    """The form of the clause `below` that a word governs: an infinitive ("to leave", also where the parse
    calls it an adverbial clause), a gerund ("stopped paying"), a preposition's gerund ("succeeded in
    closing", "refrained from voting"), or "" (objects, that-clauses, adverbial phrases such as "in response
    to", "after chasing", "despite raising")."""
    if below.dep_ == "prep":
        verbal = any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in below.children)
        return PREPOSITION_GERUND if verbal and below.lower_ in GERUND_PREPOSITIONS else ""
    if below.dep_ not in {"xcomp", "advcl"}:
        return ""
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in below.children):
        return INFINITIVE
    return GERUND if below.dep_ == "xcomp" and below.tag_ == "VBG" else ""


def noun_modifier_cues(token: Token) -> tuple[bool, bool]:
    """Whether an adjective on `token` says its event did not happen ("the aborted invasion") or may not be
    real ("the alleged abuse"). It reaches what the noun embeds ("the alleged plot to kill": not asserted),
    but not a relative clause or a conjunct (`MODIFIER_BLOCKING_LINKS`)."""
    negated = hedged = False
    for child in token.children:
        if child.dep_ == "amod":
            negated |= child.lower_ in NEGATIVE_MODIFIERS
            hedged |= child.lower_ in HEDGE_MODIFIERS
    return negated, hedged


ModifierSummary = tuple[tuple[str, ...], bool, bool, bool]
LocalCues = tuple[str, ...]


def _modifier_summary(token: Token) -> ModifierSummary:
    """Features of the words attached to `token` (modals, negation, hedges, markers), and whether it is
    negated, modalised and conditioned, for the path aggregates."""
    names: list[str] = []
    negated = modal = conditioned = False
    for child in token.children:
        lemma, glued_negation = _split_negation(child)
        dep = child.dep_
        if (
            glued_negation
            or dep == "neg"
            or (lemma in NEGATIONS and dep in {"advmod", "det", "preconj", "cc"})
        ):
            negated = True
            names.append("neg")
        if dep == "advmod" and _is_no_longer(child):
            negated = True
            names.append("no_longer")
        if dep in {"nsubj", "nsubjpass", "dobj", "attr"} and _is_negative_phrase(child):
            negated = True
            names.append(f"neg_{'subj' if dep.startswith('nsubj') else 'obj'}")
        if dep in {"aux", "auxpass"}:
            if lemma in MODALS:
                modal = True
                names.append(f"modal={lemma}")
            elif child.tag_ == "TO":
                names.append("inf")
            elif lemma in {"have", "has", "had"}:
                names.append("perfect")
            elif dep == "auxpass":
                names.append("passive")
        elif dep == "mark":
            names.append(f"mark={lemma}")
            conditioned |= lemma in CONDITIONAL_MARKERS
        elif dep == "advmod" and lemma in HEDGE_ADVERBS:
            modal = True
            names += [f"hedge={lemma}", "hedge"]
        elif dep == "advmod" and lemma in BOOSTER_ADVERBS:
            names.append("booster")
        elif dep == "acomp" and cue_class(lemma):
            names.append(f"acomp_cls={cue_class(lemma)}")
        elif dep == "advcl" and any(
            g.dep_ == "mark" and g.lemma_.lower() in CONDITIONAL_MARKERS for g in child.children
        ):
            names.append("consequent")  # the main clause of "if …, then …": holds only under the condition
    return tuple(names), negated, modal, conditioned


def rule_prior(
    token: Token,
    question: bool = False,
    local: dict[int, LocalCues] | None = None,
    phrasal: dict[int, str] | None = None,
) -> float:
    """A hand-built factuality estimate from the cue lexicons alone. Given to the forest as one dense feature,
    it carries cues too rare in the training data for the trees to learn one by one. `local` memoises each
    word's own cues across the predicates of a Doc (their walks to the root share most words); `phrasal` is
    the Doc's `phrasal_heads`."""
    if local is None:
        local = {}
    if phrasal is None:
        phrasal = phrasal_heads(token.doc)

    def apply_local(node: Token, value: float) -> float:
        if node.i not in local:
            local[node.i] = _local_cues(node)
        return _apply_local_cues(local[node.i], value)

    def apply_modifiers(node: Token, value: float) -> float:
        negated, hedged = noun_modifier_cues(node)
        return (-value if negated else value) * (0.6 if hedged else 1.0)

    value = apply_modifiers(token, apply_local(token, LIMIT))
    blocked = False  # past a relative clause or conjunct, nouns above keep their modifiers to themselves
    node = token
    for _ in range(MAX_LEVELS):
        if node.head.i == node.i:
            break
        below, link, node = node, node.dep_, node.head
        if link not in EMBEDDING_DEPS:
            break
        head_class, head_kind = _governor_class(node, below, phrasal)
        if head_class == "negative":
            value *= NEGATIVE_PROJECTION[head_kind or "refusal"]
        elif (link == "pcomp" and node.lower_ == "without") or (link == "xcomp" and _is_too(node)):
            value = -value * 0.8
        elif head_class in {"intent", "nonfactive"}:
            value = min(value, 1.5) if value >= 0 else value * 0.5
        elif head_class == "belief":
            value *= 0.6
        elif head_class == "report":
            value *= 0.9
        if any(c.dep_ == "mark" and c.lemma_.lower() in CONDITIONAL_MARKERS for c in node.children):
            value *= 0.5
        if head_class != "factive":
            value = apply_local(node, value)
        blocked = blocked or link in MODIFIER_BLOCKING_LINKS
        if not blocked:
            value = apply_modifiers(node, value)
    if question:
        value *= 0.5
    return max(-LIMIT, min(LIMIT, value))


def _local_cues(token: Token) -> LocalCues:
    """A word's own modals, hedges, negations and conditional markers, in the order of its children."""
    cues: list[str] = []
    for child in token.children:
        lemma, glued_negation = _split_negation(child)
        if child.dep_ in {"aux", "auxpass"} and lemma in MODALS_WEAK:
            cues.append("weak_modal")
        elif child.dep_ in {"aux", "auxpass"} and lemma in {"will", "shall"}:
            cues.append("future")
        elif child.dep_ == "advmod" and lemma in HEDGE_ADVERBS:
            cues.append("hedge")
        elif child.dep_ == "mark" and lemma in CONDITIONAL_MARKERS:
            cues.append("condition")
        elif child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lemma_.lower() in CONDITIONAL_MARKERS for g in child.children
        ):
            cues.append("consequent")
        if (
            glued_negation
            or child.dep_ == "neg"
            or (child.dep_ in {"nsubj", "nsubjpass"} and _is_negative_phrase(child))
            or (child.dep_ == "det" and child.lower_ == "no")  # "no plans to …"
            or (child.dep_ == "advmod" and _is_no_longer(child))
        ):
            cues.append("negation")
    return tuple(cues)


def _apply_local_cues(cues: LocalCues, value: float) -> float:
    for cue in cues:
        if cue == "weak_modal":
            value = min(value, 1.5) if value >= 0 else value * 0.5
        elif cue == "future":
            value = min(value, 2.5)
        elif cue == "hedge":
            value *= 0.6
        elif cue == "condition":
            value *= 0.5
        elif cue == "consequent":
            value *= 0.6
        else:  # negation
            value = -value
    return value


def question_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens in sentences that end with a question mark (allowing a closing quote)."""
    out: set[int] = set()
    if not len(doc):
        return out
    starts = sentence_starts(doc).tolist()
    for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
        if doc[end - 1].text == "?" or (end - start > 1 and doc[end - 2].text == "?"):
            out.update(range(start, end))
    return out


@dataclass(frozen=True)
class DocWords:
    """Where each token's sentence starts and where scope words occur, read once per Doc from its arrays:
    the scope-word scan of every predicate is then a bisection instead of a walk over Token objects."""

    sentence_starts: list[int]
    scope_positions: list[int]  # ascending token indices of scope words
    scope_words: list[str]
    phrasal: dict[int, str]  # `phrasal_heads`

    @classmethod
    def of(cls, doc: Doc) -> DocWords:
        if not len(doc):
            return cls([], [], [], {})
        lower = doc.to_array("LOWER")
        firsts = sentence_starts(doc)
        starts = np.zeros(len(doc), dtype=np.int64)
        starts[firsts] = firsts
        starts = np.maximum.accumulate(starts)
        positions = np.flatnonzero(np.isin(lower, SCOPE_WORD_IDS))
        words = [doc.vocab.strings[int(lower[i])] for i in positions]
        return cls(starts.tolist(), positions.tolist(), words, phrasal_heads(doc))


def scope_word_features(token: Token, words: DocWords | None = None) -> dict[str, float]:
    """Words whose scope the parse often misses: a scope word earlier in the sentence ("nor has it …",
    "without any plan to …"), a determiner that marks a non-asserted event ("any attempt", "no comment") and
    coordination with "or" (alternatives: neither is asserted)."""
    if words is None:
        words = DocWords.of(token.doc)
    first = bisect_left(words.scope_positions, words.sentence_starts[token.i])
    last = bisect_left(words.scope_positions, token.i)
    feats = {f"left={word}": 1.0 for word in words.scope_words[first:last]}
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in SCOPE_DETERMINERS:
            feats[f"det={child.lower_}"] = 1.0
    disjoined = any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children) or (
        token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in token.head.children)
    )
    if disjoined:
        feats["disjunct"] = 1.0
    return feats


def predicate_features(
    token: Token,
    corpus: str = CORPUS_DEFAULT,
    questions: set[int] | None = None,
    modifiers: dict[int, ModifierSummary] | None = None,
    local: dict[int, LocalCues] | None = None,
    words: DocWords | None = None,
) -> dict[str, float]:
    """Sparse features of one predicate: itself, its modifiers, and the chain of words that embed it.
    `questions` (from `question_tokens`), `modifiers` and `local` (filled as it goes) and `words` spare
    recomputing what the predicates of one Doc share."""
    if questions is None:
        questions = question_tokens(token.doc)
    if modifiers is None:
        modifiers = {}
    if words is None:
        words = DocWords.of(token.doc)

    def add_modifiers(node: Token, prefix: str) -> tuple[bool, bool, bool]:
        if node.i not in modifiers:
            modifiers[node.i] = _modifier_summary(node)
        names, negated, modal, conditioned = modifiers[node.i]
        for name in names:
            feats[prefix + name] = 1.0
        return negated, modal, conditioned

    def add_noun_modifiers(node: Token, prefix: str) -> tuple[bool, bool]:
        negated, hedged = noun_modifier_cues(node)
        if negated:
            feats[prefix + "amod_neg"] = 1.0
        if hedged:
            feats[prefix + "amod_hedge"] = 1.0
        return negated, hedged

    lemma = token.lemma_.lower()
    feats: dict[str, float] = {
        "bias": 1.0,
        f"corpus={corpus}": 1.0,
        f"lemma={lemma}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
        "prior": rule_prior(token, token.i in questions, local, words.phrasal),
    }
    own_lemma = cue_lemma(token, words.phrasal)
    own_class = cue_class(own_lemma)
    if own_class:
        feats[f"cls={own_class}"] = 1.0
    if own_class == "negative":
        feats[f"neg_kind={negative_kind(own_lemma)}"] = 1.0
    if token.i in questions:
        feats["question"] = 1.0
    feats.update(scope_word_features(token, words))
    negations, modals, conditioned = 0, 0, False
    neg, mod, cond = add_modifiers(token, "")
    amod_neg, amod_hedge = add_noun_modifiers(token, "")
    negations += neg or amod_neg
    modals += mod or amod_hedge
    conditioned |= cond
    blocked = False  # as in `rule_prior`
    node = token
    for level in range(1, MAX_LEVELS + 1):
        if node.head.i == node.i:
            break
        below, link, node = node, node.dep_, node.head
        head_lemma = node.lemma_.lower()
        head_class, head_kind = _governor_class(node, below, words.phrasal)
        prefix = f"up{level}_"
        feats[f"{prefix}dep={link}"] = 1.0
        feats[f"{prefix}pos={node.pos_}"] = 1.0
        if level <= 2:
            feats[f"{prefix}lemma={head_lemma}"] = 1.0
        if head_class:
            feats[f"{prefix}cls={head_class}"] = 1.0
            feats[f"{prefix}cls={head_class}|{link}"] = 1.0
            feats[f"any_cls={head_class}"] = 1.0
        if head_class == "negative":
            feats[f"{prefix}neg_kind={head_kind}"] = 1.0
        if link == "xcomp" and _is_too(node):
            negations += 1
            feats[f"{prefix}too"] = 1.0
        if link in {"prep", "pobj", "pcomp"} and head_lemma in NEGATIONS:
            negations += 1
            feats[f"{prefix}without"] = 1.0
        neg, mod, cond = add_modifiers(node, prefix)
        amod_neg = amod_hedge = False
        blocked = blocked or link in MODIFIER_BLOCKING_LINKS
        if not blocked:
            amod_neg, amod_hedge = add_noun_modifiers(node, prefix)
        negations += neg or amod_neg
        modals += mod or amod_hedge
        conditioned |= cond
    feats["negations"] = float(negations)
    feats["negation_odd"] = float(negations % 2)
    feats["modals_above"] = float(modals)
    if conditioned:
        feats["conditioned"] = 1.0
    return feats


DocShared = tuple[set[int], dict[int, ModifierSummary], dict[int, LocalCues], DocWords]


def doc_shared(doc: Doc) -> DocShared:
    """What `predicate_features` reads or memoises once per Doc, in its argument order."""
    return question_tokens(doc), {}, {}, DocWords.of(doc)


def predicate_rows(
    tokens: list[Token], forest: Forest, corpus: str = CORPUS_DEFAULT
) -> list[dict[str, float]]:
    """The forest's feature rows of the given predicate tokens (from one or more parsed Docs)."""
    shared: dict[int, DocShared] = {}
    rows = []
    for token in tokens:
        key = id(token.doc)
        if key not in shared:
            shared[key] = doc_shared(token.doc)
        row = predicate_features(token, corpus, *shared[key])
        row.update(forest.lemma_prior(token.lemma_.lower()))
        rows.append(row)
    return rows


def score_predicates(tokens: list[Token], forest: Forest, corpus: str = CORPUS_DEFAULT) -> list[float]:
    """Factuality values (the trees alone) for the given predicate tokens (from one or more parsed Docs)."""
    return [float(v) for v in forest.predict(predicate_rows(tokens, forest, corpus), corpus)]


class FactualityComponent:
    """`stacks` (`factuality_encoder.load_stacks`) combine the trees with the encoder where the Doc has an
    encoding; a style without a stack falls back to the encoder directory's blend weight."""

    def __init__(self, forest: Forest, corpus: str, stacks: dict[str, Stack] | None = None) -> None:
        self.forest = forest
        self.corpus = corpus
        self.stack = (stacks or {}).get(corpus)

    def __call__(self, doc: Doc) -> Doc:
        forest = self.forest
        predicates = [t for t in doc if is_predicate(t, forest.eventive_nouns, forest.plain_nouns)]
        encoding = doc._.encoding
        rows = predicate_rows(predicates, forest, self.corpus)
        if encoding is not None and self.stack is not None and predicates:
            with one_blas_thread():
                head = encoder_values(encoding, predicates, self.corpus)
            values = [float(v) for v in self.stack.apply(forest.predict(rows), head, cue_free(rows))]
        else:
            values = [float(v) for v in forest.predict(rows, self.corpus)]
            weight = blend_weights(encoding.model_dir).get(self.corpus, 0.0) if encoding is not None else 0.0
            if weight:
                with one_blas_thread():
                    values = blended(values, encoder_values(encoding, predicates, self.corpus), weight)
        doc._.factuality = [
            FactualityValue(start=t.idx, end=t.idx + len(t.text), text=t.text, value=round(v, 2))
            for t, v in zip(predicates, values, strict=True)
        ]
        return doc


@Language.factory(
    "claimtrace_factuality",
    default_config={"corpus": CORPUS_DEFAULT},
    assigns=["doc._.factuality"],
    requires=["token.dep", "token.head", "token.tag", "token.lemma", "token.is_sent_start"],
)
def make_factuality(nlp: Language, name: str, corpus: str) -> FactualityComponent:
    """`corpus` picks the annotation style the model imitates: "UW" (graded) or "MEANTIME" (coarse)."""
    register_extensions()
    return FactualityComponent(shipped_forest(), corpus, load_stacks(model_directory()))
