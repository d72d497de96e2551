"""Train the shipped factuality forest from UW / MEANTIME training splits, reproducibly.

One model serves both corpora: a `corpus=` feature lets it learn MEANTIME's coarse annotation style apart from
UW's graded one. Eventive nouns are those lemmas that the training data marks as predicates in at least a
third of their noun occurrences. The fitted scikit-learn trees are exported to flat numpy arrays (see
`claimtrace.analyze.factuality.Forest`), so the shipped model needs neither pickle nor scikit-learn at run
time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.ensemble import GradientBoostingRegressor
from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.analyze.factuality import Forest, cue_free, predicate_features
from claimtrace.evaluate.factuality import Sentence, corpus_style, parse_sentences, read_split, split_path

SEED = 13


@dataclass(frozen=True)
class Hyperparameters:
    n_estimators: int = 400
    max_depth: int = 5
    learning_rate: float = 0.05
    subsample: float = 0.8
    min_samples_leaf: int = 5
    loss: str = "squared_error"
    min_feature_count: int = 3
    # Eventive nouns: lemmas seen as gold predicates at least this often and this large a share of the time.
    noun_min_targets: int = 1
    noun_min_share: float = 0.3
    folds: int = 4
    # Hedged predictions snap to +3 too only where that lowers held-out MAE by more than this: graded values
    # for "reportedly", "may" … are worth a hair of MAE.
    hedged_snap_margin: float = 0.005


@dataclass
class Examples:
    features: list[dict[str, float]]
    labels: list[float]
    docs: list[Doc]
    sentences: list[Sentence]


def collect_examples(nlp: Language, directory: Path, split: str = "train") -> Examples:
    sentences = read_split(split_path(directory, split))
    docs = parse_sentences(nlp, sentences)
    corpus = corpus_style(directory)
    features, labels = [], []
    for sentence, doc in zip(sentences, docs, strict=True):
        for target in sentence.targets:
            features.append(predicate_features(doc[target.start], corpus))
            labels.append(target.label)
    return Examples(features, labels, docs, sentences)


def eventive_nouns(examples: Sequence[Examples], params: Hyperparameters) -> frozenset[str]:
    as_noun: Counter[str] = Counter()
    as_target: Counter[str] = Counter()
    for ex in examples:
        for sentence, doc in zip(ex.sentences, ex.docs, strict=True):
            targets = {t.start for t in sentence.targets}
            for token in doc:
                if token.pos_ == "NOUN":
                    lemma = token.lemma_.lower()
                    as_noun[lemma] += 1
                    as_target[lemma] += token.i in targets
    return frozenset(
        lemma
        for lemma, hits in as_target.items()
        if hits >= params.noun_min_targets and hits / as_noun[lemma] >= params.noun_min_share
    )


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
    return export_forest(regressor, vocabulary, nouns, snapping or Snapping({}, frozenset()))


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
    )


@dataclass(frozen=True)
class Snapping:
    thresholds: dict[str, float]  # corpus style → predictions at or above become +3
    hedged: frozenset[str]  # corpus styles where hedged predictions snap too


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


def snap_thresholds(
    rows: Sequence[dict[str, float]], labels: np.ndarray, corpora: np.ndarray, params: Hyperparameters
) -> Snapping:
    """Per-corpus snapping from out-of-fold predictions (k folds over the training rows): the threshold, and
    whether hedged predictions snap too (where that lowers held-out MAE)."""
    folds = np.arange(len(labels)) % params.folds
    out_of_fold = np.zeros(len(labels))
    for k in range(params.folds):
        fit_rows = [row for row, f in zip(rows, folds, strict=True) if f != k]
        forest = fit_forest(fit_rows, labels[folds != k], frozenset(), params)
        out_of_fold[folds == k] = forest.predict([row for row, f in zip(rows, folds, strict=True) if f == k])
    free = cue_free(list(rows))
    thresholds: dict[str, float] = {}
    hedged: set[str] = set()
    for corpus in sorted(set(corpora)):
        mine = corpora == corpus
        cue_aware = best_snap_threshold(labels[mine], out_of_fold[mine], free[mine])
        all_snap = best_snap_threshold(labels[mine], out_of_fold[mine], np.ones(int(mine.sum()), dtype=bool))
        if all_snap[1] < cue_aware[1] - params.hedged_snap_margin:
            thresholds[corpus] = all_snap[0]
            hedged.add(corpus)
        else:
            thresholds[corpus] = cue_aware[0]
    return Snapping(thresholds, frozenset(hedged))


def train(
    nlp: Language, directories: Sequence[Path], params: Hyperparameters
) -> tuple[Forest, dict[str, int]]:
    """Fit on the train splits of all given corpora; returns the forest and the example counts per corpus."""
    examples = [collect_examples(nlp, d) for d in directories]
    rows = [row for ex in examples for row in ex.features]
    labels = np.asarray([label for ex in examples for label in ex.labels])
    corpora = np.asarray(
        [corpus_style(d) for d, ex in zip(directories, examples, strict=True) for _ in ex.labels]
    )
    snaps = snap_thresholds(rows, labels, corpora, params)
    forest = fit_forest(rows, labels, eventive_nouns(examples, params), params, snaps)
    counts = {corpus_style(d): len(ex.labels) for d, ex in zip(directories, examples, strict=True)}
    return forest, counts


def write_card(directory: Path, card: dict[str, object]) -> None:
    (directory / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
