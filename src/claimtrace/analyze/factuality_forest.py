"""The factuality model: a gradient-boosted regression forest over a predicate's sparse features (built in
`factuality`), as flat numpy arrays, with the FactBank/UW scale it predicts on and the features it carries
from training (the predicate-lemma prior, the snap thresholds). `claimtrace train factuality` fits it
(`claimtrace.train.factuality`); the shipped one is in `claimtrace/models/factuality/`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimtrace.errors import ClaimtraceError

# The bound of the FactBank/UW scale, [−LIMIT, +LIMIT]: certainly not … certainly so. Every factuality value
# (the rule prior, the trees, the blend with the encoder) is kept within it.
LIMIT = 3.0
# A rule-based prior at or above this means no cue that should keep a prediction from snapping to +3.
CUE_FREE_PRIOR = 2.6
# Smoothing of the predicate-lemma prior: a lemma seen n times moves n / (n + LEMMA_PRIOR_WEIGHT) of the way
# from the corpus mean to its own mean.
LEMMA_PRIOR_WEIGHT = 5.0


def lemma_prior_features(lemma: str, totals: dict[str, tuple[float, int]], mean: float) -> dict[str, float]:
    total, count = totals.get(lemma, (0.0, 0))
    return {
        "lemma_prior": (total + LEMMA_PRIOR_WEIGHT * mean) / (count + LEMMA_PRIOR_WEIGHT),
        "lemma_seen": math.log1p(count),
    }


def cue_free(rows: list[dict[str, float]]) -> np.ndarray:
    """Which rows the rule-based prior leaves near +3: no hedge, modal, negation, intent or conditional found
    (a plain report verb above, which lowers the prior only a little, does not count)."""
    return np.array([row.get("prior", LIMIT) >= CUE_FREE_PRIOR for row in rows], dtype=bool)


@dataclass(frozen=True)
class Forest:
    """A gradient-boosted regression forest as flat arrays, evaluated for all trees at once with numpy.

    Leaves point to themselves, so a fixed number of steps (the deepest tree's depth) reaches every leaf."""

    vocabulary: dict[str, int]
    feature: np.ndarray  # (trees, nodes) int32
    threshold: np.ndarray  # (trees, nodes) float32
    left: np.ndarray  # (trees, nodes) int32
    right: np.ndarray  # (trees, nodes) int32
    value: np.ndarray  # (trees, nodes) float32, already scaled by the learning rate
    base: float
    depth: int
    eventive_nouns: frozenset[str]
    # Per corpus style: predictions at or above this become +3 where no cue was found. Fitted on out-of-fold
    # training predictions, because under MAE most near-factual predicates are best called plainly factual;
    # a hedged one ("reportedly signed") keeps its graded value.
    snap_to_factual: dict[str, float]
    # Corpus styles whose annotators call even hedged predicates factual often enough that snapping them
    # too lowers held-out MAE (chosen per corpus in training; MEANTIME, as it turns out).
    snap_hedged: frozenset[str] = frozenset()
    # Per corpus style: predictions at or below this become −3, fitted like `snap_to_factual` (MEANTIME marks
    # a non-event −3 or 0, rarely between; for UW it snaps next to nothing).
    snap_to_counterfactual: dict[str, float] = field(default_factory=dict)
    # Noun lemmas training saw often and never (or rarely) as predicates: kept out of the suffix gate.
    plain_nouns: frozenset[str] = frozenset()
    # Predicate lemma → (sum of gold labels, count) over training, and the mean label: a smoothed prior
    # that carries what a lemma tends to be ("plan", "rumour") to where the trees have no split for it.
    lemma_totals: dict[str, tuple[float, int]] = field(default_factory=dict)
    label_mean: float = LIMIT

    def lemma_prior(self, lemma: str) -> dict[str, float]:
        return lemma_prior_features(lemma, self.lemma_totals, self.label_mean)

    def matrix(self, rows: Iterable[dict[str, float]]) -> np.ndarray:
        rows = list(rows)
        out = np.zeros((len(rows), len(self.vocabulary) + 1), dtype=np.float32)
        for i, feats in enumerate(rows):
            for name, value in feats.items():
                column = self.vocabulary.get(name)
                if column is not None:
                    out[i, column] = value
        return out

    def predict(self, rows: Iterable[dict[str, float]], corpus: str | None = None) -> np.ndarray:
        """Values for feature rows; with `corpus`, cue-free predicates (see `cue_free`) at or above that
        corpus's threshold are snapped to +3, and predicates at or below its low threshold to −3."""
        rows = list(rows)
        x = self.matrix(rows)
        if not len(x):
            return np.zeros(0, dtype=np.float32)
        # Flat indices into raveled arrays: much faster than two-dimensional fancy indexing.
        n_trees, width = self.feature.shape
        feature, threshold = self.feature.ravel(), self.threshold.ravel()
        left, right = self.left.ravel(), self.right.ravel()
        tree_offsets = (np.arange(n_trees, dtype=np.int64) * width)[None, :]
        row_offsets = (np.arange(len(x), dtype=np.int64) * x.shape[1])[:, None]
        cells = x.ravel()
        node = np.zeros((len(x), n_trees), dtype=np.int64)
        for _ in range(self.depth):
            at = tree_offsets + node
            go_left = cells[row_offsets + feature[at]] <= threshold[at]
            node = np.where(go_left, left[at], right[at])
        values = np.clip(self.base + self.value.ravel()[tree_offsets + node].sum(axis=1), -LIMIT, LIMIT)
        if corpus in self.snap_to_factual:
            snap = values >= self.snap_to_factual[corpus]
            if corpus not in self.snap_hedged:
                snap &= cue_free(rows)
            values = np.where(snap, LIMIT, values)
        if corpus in self.snap_to_counterfactual:
            values = np.where(values <= self.snap_to_counterfactual[corpus], -LIMIT, values)
        return values

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            directory / "forest.npz",
            feature=self.feature,
            threshold=self.threshold,
            left=self.left,
            right=self.right,
            value=self.value,
        )
        meta = {
            "base": self.base,
            "depth": self.depth,
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
            "eventive_nouns": sorted(self.eventive_nouns),
            "snap_to_factual": self.snap_to_factual,
            "snap_hedged": sorted(self.snap_hedged),
            "snap_to_counterfactual": self.snap_to_counterfactual,
            "plain_nouns": sorted(self.plain_nouns),
            "label_mean": self.label_mean,
            "lemma_totals": {k: [round(t, 3), n] for k, (t, n) in sorted(self.lemma_totals.items())},
        }
        (directory / "forest.json").write_text(json.dumps(meta, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Forest:
        try:
            meta = json.loads((directory / "forest.json").read_text(encoding="utf-8"))
            arrays = np.load(directory / "forest.npz")
        except (OSError, ValueError) as exc:
            raise ClaimtraceError(
                f"factuality model missing or damaged in {directory}: "
                "rebuild it with `claimtrace train factuality`"
            ) from exc
        return cls(
            vocabulary={name: i for i, name in enumerate(meta["vocabulary"])},
            feature=arrays["feature"],
            threshold=arrays["threshold"],
            left=arrays["left"],
            right=arrays["right"],
            value=arrays["value"],
            base=float(meta["base"]),
            depth=int(meta["depth"]),
            eventive_nouns=frozenset(meta["eventive_nouns"]),
            snap_to_factual={k: float(v) for k, v in meta["snap_to_factual"].items()},
            snap_hedged=frozenset(meta.get("snap_hedged", ())),
            snap_to_counterfactual={k: float(v) for k, v in meta.get("snap_to_counterfactual", {}).items()},
            plain_nouns=frozenset(meta.get("plain_nouns", ())),
            lemma_totals={k: (float(t), int(n)) for k, (t, n) in meta.get("lemma_totals", {}).items()},
            label_mean=float(meta.get("label_mean", LIMIT)),
        )


def model_directory() -> Path:
    return Path(__file__).resolve().parent.parent / "models" / "factuality"


@lru_cache(maxsize=1)
def shipped_forest() -> Forest:
    return Forest.load(model_directory())
