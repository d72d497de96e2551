"""Train the shipped factuality forest from UW / MEANTIME training splits, reproducibly.

One model serves both corpora: a `corpus=` feature lets it learn MEANTIME's coarse annotation style apart from
UW's graded one. Eventive nouns are those lemmas that the training data marks as predicates in at least a
third of their noun occurrences; nouns seen often and rarely marked are kept from the suffix gate. Each row
also carries a smoothed prior of its predicate lemma (`lemma_prior_features`), computed out of fold for the
training rows so that the trees do not learn to trust a lemma's own label. Folds are contiguous blocks of the
training file, which keeps a document's sentences together, and a sentence repeated in the file (UW train
repeats 40, 24 of them across block boundaries) stays in the fold of its first occurrence. The fitted
scikit-learn trees are exported to flat numpy arrays (`analyze.factuality_forest.Forest`), so the
shipped model needs neither pickle nor scikit-learn at run time.

Where the training Docs carry the shared encoder's vectors, `fit_stacks` also fits, per corpus, the linear
combination of the trees and the encoder's factuality head that the default profile uses
(`analyze.factuality_encoder.Stack`): on the fifth of the training sentences the encoder never saw (every 5th,
`evaluate.polnear.is_held_out`), with trees fitted on the other four fifths; it is kept only where, scored
cross-fitted over that fifth, it beats the trees alone.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import HuberRegressor
from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.analyze.factuality import doc_shared, predicate_features
from claimtrace.analyze.factuality_encoder import Stack, encoder_values
from claimtrace.analyze.factuality_forest import Forest, cue_free, lemma_prior_features
from claimtrace.evaluate.factuality import Sentence, corpus_style, parse_sentences, read_split, split_path
from claimtrace.evaluate.polnear import is_held_out

SEED = 13


@dataclass(frozen=True)
class Hyperparameters:
    n_estimators: int = 400
    # Depth 6 with leaves of at least 10 rows: chosen over 5/5 and 7/15 by cross-fitted CV MAE (UW 0.368 vs
    # 0.371 / 0.369; MEANTIME 0.252 vs 0.254 / 0.247)
    max_depth: int = 6
    learning_rate: float = 0.05
    subsample: float = 0.8
    min_samples_leaf: int = 10
    # Huber: squared near the fit, absolute in the tails; chosen over squared and absolute error by
    # out-of-fold MAE on the training splits
    loss: str = "huber"
    min_feature_count: int = 3
    # Eventive nouns: lemmas seen as gold predicates at least this often and this large a share of the time.
    noun_min_targets: int = 1
    noun_min_share: float = 0.3
    # Plain nouns: seen at least this often as nouns with a share of predicate marks below noun_min_share.
    plain_noun_min_count: int = 3
    folds: int = 4
    # Hedged predictions snap to +3 too only where that lowers held-out MAE by more than this: graded values
    # for "reportedly", "may" … are worth a hair of MAE.
    hedged_snap_margin: float = 0.005
    # A corpus keeps its stack only where it beats the trees alone on the held-out fifth by this much MAE.
    stack_margin: float = 0.005
    stack_folds: int = 5  # cross-fitting over the held-out fifth


@dataclass
class Examples:
    features: list[dict[str, float]]
    labels: list[float]
    docs: list[Doc]
    sentences: list[Sentence]
    lemmas: list[str]
    texts: list[str]  # the sentence of each row, to keep repeated sentences in one fold
    sentence_index: list[int]  # the row's sentence in the file (for the encoder's held-out fifth)
    encoder: list[float]  # the encoder head's value of each row (empty where the Docs have no encoding)


def collect_examples(nlp: Language, directory: Path, split: str = "train") -> Examples:
    sentences = read_split(split_path(directory, split))
    docs = parse_sentences(nlp, sentences)
    corpus = corpus_style(directory)
    features, labels, lemmas, texts, index, encoder = [], [], [], [], [], []
    for k, (sentence, doc) in enumerate(zip(sentences, docs, strict=True)):
        shared = doc_shared(doc)
        heads = [doc[target.start] for target in sentence.targets]
        if doc._.encoding is not None and heads:
            encoder += [float(v) for v in encoder_values(doc._.encoding, heads, corpus)]
        for target, head in zip(sentence.targets, heads, strict=True):
            features.append(predicate_features(head, corpus, *shared))
            labels.append(target.label)
            lemmas.append(head.lemma_.lower())
            texts.append(doc.text)
            index.append(k)
    return Examples(features, labels, docs, sentences, lemmas, texts, index, encoder)


def noun_gates(
    examples: Sequence[Examples], params: Hyperparameters
) -> tuple[frozenset[str], frozenset[str]]:
    """Eventive nouns and plain nouns (seen often as nouns, marked rarely). Eventive: nouns marked often
    enough, and lemmas seen as verbs that are not plain nouns ("spread", "slump", "layoff": English turns
    verbs into event nouns without a suffix)."""
    as_noun: Counter[str] = Counter()
    as_target: Counter[str] = Counter()
    verbs: set[str] = set()
    for ex in examples:
        for sentence, doc in zip(ex.sentences, ex.docs, strict=True):
            targets = {t.start for t in sentence.targets}
            for token in doc:
                if token.pos_ == "VERB":
                    verbs.add(token.lemma_.lower())
                elif token.pos_ == "NOUN":
                    lemma = token.lemma_.lower()
                    as_noun[lemma] += 1
                    as_target[lemma] += token.i in targets
    marked = frozenset(
        lemma
        for lemma, seen in as_noun.items()
        if as_target[lemma] >= params.noun_min_targets and as_target[lemma] / seen >= params.noun_min_share
    )
    plain = frozenset(
        lemma
        for lemma, seen in as_noun.items()
        if seen >= params.plain_noun_min_count and as_target[lemma] / seen < params.noun_min_share
    )
    return marked | (verbs - plain), plain


def lemma_totals(lemmas: Sequence[str], labels: Sequence[float]) -> dict[str, tuple[float, int]]:
    totals: dict[str, tuple[float, int]] = {}
    for lemma, label in zip(lemmas, labels, strict=True):
        total, count = totals.get(lemma, (0.0, 0))
        totals[lemma] = (total + float(label), count + 1)
    return totals


def corpus_folds(corpora: np.ndarray, folds: int, texts: Sequence[str]) -> np.ndarray:
    """Contiguous blocks within each corpus (rows of one sentence or document stay in one fold), so that
    every fold holds some of every corpus; rows of a repeated sentence follow its first occurrence."""
    out = np.zeros(len(corpora), dtype=np.int64)
    for corpus in set(corpora):
        rows = np.flatnonzero(corpora == corpus)
        out[rows] = np.arange(len(rows)) * folds // len(rows)
    first_fold: dict[tuple[str, str], int] = {}
    for i, (corpus, text) in enumerate(zip(corpora, texts, strict=True)):
        out[i] = first_fold.setdefault((str(corpus), text), int(out[i]))
    return out


def add_lemma_priors(
    rows: Sequence[dict[str, float]], lemmas: Sequence[str], labels: np.ndarray, folds: np.ndarray
) -> None:
    """Give each training row the prior of its lemma computed without its own fold."""
    mean = float(labels.mean())
    for k in np.unique(folds):
        outside = np.flatnonzero(folds != k)
        totals = lemma_totals([lemmas[i] for i in outside], labels[outside])
        for i in np.flatnonzero(folds == k):
            rows[i].update(lemma_prior_features(lemmas[i], totals, mean))


def build_vocabulary(rows: Sequence[dict[str, float]], min_count: int) -> dict[str, int]:
    counts = Counter(name for row in rows for name in row)
    names = sorted(name for name, n in counts.items() if n >= min_count)
    return {name: i for i, name in enumerate(names)}


def sparse_matrix(rows: Sequence[dict[str, float]], vocabulary: dict[str, int]) -> csr_matrix:
    indptr, indices, data = [0], [], []
    for row in rows:
        for name, value in row.items():
            column = vocabulary.get(name)
            if column is not None:
                indices.append(column)
                data.append(value)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary) + 1), dtype=np.float32)


def fit_forest(
    rows: Sequence[dict[str, float]],
    labels: Sequence[float],
    nouns: frozenset[str],
    params: Hyperparameters,
    snapping: Snapping | None = None,
) -> Forest:
    vocabulary = build_vocabulary(rows, params.min_feature_count)
    regressor = GradientBoostingRegressor(
        n_estimators=params.n_estimators,
        max_depth=params.max_depth,
        learning_rate=params.learning_rate,
        subsample=params.subsample,
        min_samples_leaf=params.min_samples_leaf,
        loss=params.loss,
        random_state=SEED,
    )
    regressor.fit(sparse_matrix(rows, vocabulary), np.asarray(labels, dtype=np.float64))
    return export_forest(regressor, vocabulary, nouns, snapping or Snapping({}, frozenset(), {}, {}))


def export_forest(
    regressor: GradientBoostingRegressor,
    vocabulary: dict[str, int],
    nouns: frozenset[str],
    snapping: Snapping,
) -> Forest:
    trees = [estimator.tree_ for estimator in regressor.estimators_[:, 0]]
    width = max(tree.node_count for tree in trees)
    shape = (len(trees), width)
    feature = np.zeros(shape, dtype=np.int32)
    threshold = np.zeros(shape, dtype=np.float32)
    left = np.tile(np.arange(width, dtype=np.int32), (len(trees), 1))
    right = left.copy()
    value = np.zeros(shape, dtype=np.float32)
    for i, tree in enumerate(trees):
        n = tree.node_count
        inner = tree.children_left[:n] >= 0
        feature[i, :n] = np.where(inner, tree.feature[:n], 0)
        threshold[i, :n] = np.where(inner, tree.threshold[:n], np.inf)
        left[i, :n] = np.where(inner, tree.children_left[:n], np.arange(n))
        right[i, :n] = np.where(inner, tree.children_right[:n], np.arange(n))
        value[i, :n] = tree.value[:n, 0, 0] * regressor.learning_rate
    base = float(regressor.init_.constant_.ravel()[0])
    depth = max(tree.max_depth for tree in trees)
    return Forest(
        vocabulary,
        feature,
        threshold,
        left,
        right,
        value,
        base,
        depth,
        nouns,
        snapping.thresholds,
        snapping.hedged,
        snap_to_counterfactual=snapping.low_thresholds,
    )


@dataclass(frozen=True)
class Snapping:
    thresholds: dict[str, float]  # corpus style → predictions at or above become +3
    hedged: frozenset[str]  # corpus styles where hedged predictions snap too
    cross_validation: dict[str, dict[str, float]]  # corpus style → out-of-fold MAE / r, after snapping
    low_thresholds: dict[str, float]  # corpus style → predictions at or below become −3


def best_snap_threshold(
    labels: np.ndarray, predictions: np.ndarray, eligible: np.ndarray
) -> tuple[float, float]:
    """The threshold above which calling eligible predictions +3 minimises MAE on held-out predictions, and
    that MAE."""
    candidates = np.round(np.arange(0.0, 3.0001, 0.05), 2)
    errors = [
        np.abs(np.where((predictions >= tau) & eligible, 3.0, predictions) - labels).mean()
        for tau in candidates
    ]
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


def choose_snap(
    labels: np.ndarray, predictions: np.ndarray, free: np.ndarray, margin: float
) -> tuple[float, bool]:
    """The snapping threshold for one corpus and whether hedged predictions snap too (only where that lowers
    MAE by more than `margin`)."""
    cue_aware = best_snap_threshold(labels, predictions, free)
    all_snap = best_snap_threshold(labels, predictions, np.ones(len(labels), dtype=bool))
    if all_snap[1] < cue_aware[1] - margin:
        return all_snap[0], True
    return cue_aware[0], False


def apply_snap(predictions: np.ndarray, free: np.ndarray, threshold: float, hedged: bool) -> np.ndarray:
    eligible = np.ones(len(predictions), dtype=bool) if hedged else free
    return np.where((predictions >= threshold) & eligible, 3.0, predictions)


@dataclass(frozen=True)
class SnapChoice:
    """One corpus's snapping: +3 at or above `threshold` (hedged predictions too where `hedged`), −3 at or
    below `low`."""

    threshold: float
    hedged: bool
    low: float

    def apply(self, predictions: np.ndarray, free: np.ndarray) -> np.ndarray:
        high = apply_snap(predictions, free, self.threshold, self.hedged)
        return np.where(predictions <= self.low, -3.0, high)


def best_low_threshold(labels: np.ndarray, predictions: np.ndarray) -> float:
    """The threshold at or below which calling predictions −3 minimises MAE on held-out predictions; −3
    itself snaps nothing. MEANTIME marks a non-event −3 or 0 and rarely anything between, as it marks an
    event +3."""
    candidates = np.round(np.arange(-3.0, 0.0001, 0.05), 2)
    errors = [np.abs(np.where(predictions <= tau, -3.0, predictions) - labels).mean() for tau in candidates]
    return float(candidates[int(np.argmin(errors))])


def choose_snaps(labels: np.ndarray, predictions: np.ndarray, free: np.ndarray, margin: float) -> SnapChoice:
    """Both ends of one corpus's snapping: the +3 threshold and whether hedged predictions snap too
    (`choose_snap`), then the −3 threshold on what that leaves."""
    threshold, hedged = choose_snap(labels, predictions, free, margin)
    low = best_low_threshold(labels, apply_snap(predictions, free, threshold, hedged))
    return SnapChoice(threshold, hedged, low)


def snap_thresholds(
    rows: Sequence[dict[str, float]],
    labels: np.ndarray,
    corpora: np.ndarray,
    folds: np.ndarray,
    params: Hyperparameters,
) -> Snapping:
    """Per-corpus snapping from out-of-fold predictions (k folds over the training rows): the +3 threshold,
    whether hedged predictions snap too, and the −3 threshold. The cross-validation figures are
    cross-fitted: each fold is snapped with the choices made on the other folds, so that they do not flatter
    the snapping."""
    out_of_fold = np.zeros(len(labels))
    for k in range(params.folds):
        fit_rows = [row for row, f in zip(rows, folds, strict=True) if f != k]
        forest = fit_forest(fit_rows, labels[folds != k], frozenset(), params)
        out_of_fold[folds == k] = forest.predict([row for row, f in zip(rows, folds, strict=True) if f == k])
    free = cue_free(list(rows))
    thresholds: dict[str, float] = {}
    low_thresholds: dict[str, float] = {}
    hedged: set[str] = set()
    cross_validation: dict[str, dict[str, float]] = {}
    margin = params.hedged_snap_margin
    for corpus in sorted(set(corpora)):
        mine = corpora == corpus
        choice = choose_snaps(labels[mine], out_of_fold[mine], free[mine], margin)
        thresholds[corpus], low_thresholds[corpus] = choice.threshold, choice.low
        if choice.hedged:
            hedged.add(corpus)
        snapped = out_of_fold.copy()
        for k in np.unique(folds[mine]):
            fit, held = mine & (folds != k), mine & (folds == k)
            if not fit.any():
                continue
            fold_choice = choose_snaps(labels[fit], out_of_fold[fit], free[fit], margin)
            snapped[held] = fold_choice.apply(out_of_fold[held], free[held])
        cross_validation[corpus] = {
            "mae": round(float(np.abs(snapped[mine] - labels[mine]).mean()), 4),
            "pearson_r": round(float(np.corrcoef(snapped[mine], labels[mine])[0, 1]), 4),
            "mae_unsnapped": round(float(np.abs(out_of_fold[mine] - labels[mine]).mean()), 4),
        }
    return Snapping(thresholds, frozenset(hedged), cross_validation, low_thresholds)


def stack_inputs(
    rows: Sequence[dict[str, float]],
    labels: np.ndarray,
    corpora: np.ndarray,
    lemmas: Sequence[str],
    texts: Sequence[str],
    held: np.ndarray,
    params: Hyperparameters,
) -> np.ndarray:
    """The trees' unsnapped values of the held-out rows, from a forest fitted on the other rows (with their
    lemma priors out of fold, as in `train`; the held-out rows get the priors of the fitted rows)."""
    fit_index, held_index = np.flatnonzero(~held), np.flatnonzero(held)
    fit_rows = [dict(rows[i]) for i in fit_index]
    folds = corpus_folds(corpora[~held], params.folds, [texts[i] for i in fit_index])
    add_lemma_priors(fit_rows, [lemmas[i] for i in fit_index], labels[~held], folds)
    totals = lemma_totals([lemmas[i] for i in fit_index], labels[~held])
    mean = float(labels[~held].mean())
    held_rows = [{**rows[i], **lemma_prior_features(lemmas[i], totals, mean)} for i in held_index]
    return fit_forest(fit_rows, labels[~held], frozenset(), params).predict(held_rows)


StackFigures = dict[str, dict[str, float]]


def fit_stack(
    trees: np.ndarray, encoder: np.ndarray, labels: np.ndarray, free: np.ndarray, params: Hyperparameters
) -> Stack:
    """The Huber-robust linear map of (trees, encoder) to the labels, snapped as `choose_snaps` chooses."""
    x = np.column_stack([trees, encoder])
    regressor = HuberRegressor(max_iter=1000).fit(x, labels)
    forest_weight, encoder_weight = (float(w) for w in regressor.coef_)
    linear = Stack(forest_weight, encoder_weight, float(regressor.intercept_), 4.0, False, -4.0)
    choice = choose_snaps(labels, linear.linear(trees, encoder), free, params.hedged_snap_margin)
    return replace(
        linear, snap_to_factual=choice.threshold, snap_hedged=choice.hedged, snap_to_counterfactual=choice.low
    )


def fit_stacks(
    examples: Sequence[Examples], directories: Sequence[Path], params: Hyperparameters
) -> tuple[dict[str, Stack], StackFigures]:
    """Per corpus, the stack of trees and encoder fitted on the encoder's held-out fifth (`fit_stack`), where
    it beats the trees alone by `stack_margin`, and both held-out figures (MAE over every gold predicate,
    cross-fitted over `stack_folds` folds of the fifth's sentences: each fold scored with the stack and the
    snapping chosen on the others)."""
    rows = [row for ex in examples for row in ex.features]
    labels = np.asarray([label for ex in examples for label in ex.labels])
    corpora = np.asarray(
        [corpus_style(d) for d, ex in zip(directories, examples, strict=True) for _ in ex.labels]
    )
    held = np.asarray([is_held_out(k) for ex in examples for k in ex.sentence_index])
    sentence = np.asarray([k for ex in examples for k in ex.sentence_index])
    encoder = np.asarray([value for ex in examples for value in ex.encoder])
    lemmas = [lemma for ex in examples for lemma in ex.lemmas]
    texts = [text for ex in examples for text in ex.texts]
    trees = stack_inputs(rows, labels, corpora, lemmas, texts, held, params)
    free = cue_free([rows[i] for i in np.flatnonzero(held)])
    stacks: dict[str, Stack] = {}
    figures: dict[str, dict[str, float]] = {}
    for corpus in sorted(set(corpora)):
        mine = corpora[held] == corpus
        gold, tree, head, cues = labels[held][mine], trees[mine], encoder[held][mine], free[mine]
        fold = (sentence[held][mine] // 5) % params.stack_folds
        stacked, alone = np.zeros(len(gold)), np.zeros(len(gold))
        for k in range(params.stack_folds):
            a, b = fold != k, fold == k
            stacked[b] = fit_stack(tree[a], head[a], gold[a], cues[a], params).apply(
                tree[b], head[b], cues[b]
            )
            alone[b] = choose_snaps(gold[a], tree[a], cues[a], params.hedged_snap_margin).apply(
                tree[b], cues[b]
            )
        stack_mae = float(np.abs(stacked - gold).mean())
        trees_mae = float(np.abs(alone - gold).mean())
        figures[corpus] = {
            "count": len(gold),
            "trees_mae": round(trees_mae, 4),
            "trees_r": round(float(np.corrcoef(alone, gold)[0, 1]), 4),
            "stack_mae": round(stack_mae, 4),
            "stack_r": round(float(np.corrcoef(stacked, gold)[0, 1]), 4),
            "kept": stack_mae < trees_mae - params.stack_margin,
        }
        if figures[corpus]["kept"]:
            stacks[corpus] = fit_stack(tree, head, gold, cues, params)
    return stacks, figures


def train(
    nlp: Language, directories: Sequence[Path], params: Hyperparameters
) -> tuple[Forest, dict[str, int], dict[str, dict[str, float]], dict[str, Stack], StackFigures]:
    """Fit on the train splits of all given corpora; returns the forest, the example counts per corpus, the
    out-of-fold scores per corpus, and (where `nlp` runs the shared encoder) the stacks of trees and encoder
    with their held-out figures (`fit_stacks`; both empty without the encoder)."""
    examples = [collect_examples(nlp, d) for d in directories]
    with_encoder = "claimtrace_encoder" in nlp.pipe_names
    stacks, stack_figures = fit_stacks(examples, directories, params) if with_encoder else ({}, {})
    rows = [row for ex in examples for row in ex.features]
    labels = np.asarray([label for ex in examples for label in ex.labels])
    corpora = np.asarray(
        [corpus_style(d) for d, ex in zip(directories, examples, strict=True) for _ in ex.labels]
    )
    lemmas = [lemma for ex in examples for lemma in ex.lemmas]
    folds = corpus_folds(corpora, params.folds, [text for ex in examples for text in ex.texts])
    add_lemma_priors(rows, lemmas, labels, folds)
    snaps = snap_thresholds(rows, labels, corpora, folds, params)
    eventive, plain = noun_gates(examples, params)
    forest = replace(
        fit_forest(rows, labels, eventive, params, snaps),
        plain_nouns=plain,
        lemma_totals=lemma_totals(lemmas, labels),
        label_mean=float(labels.mean()),
    )
    counts = {corpus_style(d): len(ex.labels) for d, ex in zip(directories, examples, strict=True)}
    return forest, counts, snaps.cross_validation, stacks, stack_figures


def write_card(directory: Path, card: dict[str, object]) -> None:
    (directory / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
