"""Predicate factuality from the shared encoder's head, combined with the tree model's value.

The encoder's factuality head gives each predicate (its first wordpiece) one value per annotation style
(FACTUALITY_CORPORA). The default profile combines it with the trees' value in one of two ways:

- a per-style `Stack` (`stack.json` in the factuality model's directory, written by `claimtrace train
  factuality`): a linear map of the trees' unsnapped value and the encoder's, fitted on the fifth of the
  training sentences the encoder never saw (with trees fitted without that fifth), then snapped to ±3 with
  thresholds chosen on the same fifth;
- where the factuality directory holds no stack for the style, the blend weight `claimtrace train encoder`
  chose (`blend.json` in the encoder's directory) mixes the trees' snapped value with the encoder's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from claimtrace.analyze.encoder import FACTUALITY_CORPORA, Encoding
from claimtrace.analyze.factuality_forest import LIMIT

BLEND = "blend.json"
STACK = "stack.json"


def encoder_values(encoding: Encoding, predicates: Sequence[Token], corpus: str) -> np.ndarray:
    """The factuality head's value of each predicate token in the style of `corpus`."""
    if not predicates:
        return np.zeros(0, dtype=np.float32)
    pieces = encoding.first[[t.i for t in predicates]]
    values = encoding.heads.factuality(encoding.vectors[np.maximum(pieces, 0)])
    return values[:, FACTUALITY_CORPORA.index(corpus)]


def blended(trees: Sequence[float], encoder: np.ndarray, weight: float) -> list[float]:
    """The trees' values mixed with the encoder's by `weight`."""
    mixed = weight * np.asarray(encoder, dtype=np.float64) + (1.0 - weight) * np.asarray(
        trees, dtype=np.float64
    )
    return [float(v) for v in np.clip(mixed, -LIMIT, LIMIT)]


@lru_cache(maxsize=4)
def blend_weights(model_dir: Path) -> dict[str, float]:
    """Per-style weight of the encoder's value (0 where the directory chose none)."""
    path = model_dir / BLEND
    if not path.is_file():
        return {}
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


@dataclass(frozen=True)
class Stack:
    """One annotation style's combination of the trees' unsnapped value and the encoder's: `forest * trees +
    encoder * head + bias`, then +3 at or above `snap_to_factual` (cue-free predicates only, unless
    `snap_hedged`) and −3 at or below `snap_to_counterfactual`."""

    forest: float
    encoder: float
    bias: float
    snap_to_factual: float
    snap_hedged: bool
    snap_to_counterfactual: float

    def linear(self, trees: np.ndarray, encoder: np.ndarray) -> np.ndarray:
        mixed = self.forest * np.asarray(trees, dtype=np.float64) + self.encoder * np.asarray(
            encoder, dtype=np.float64
        )
        return np.clip(mixed + self.bias, -LIMIT, LIMIT)

    def apply(self, trees: np.ndarray, encoder: np.ndarray, cue_free: np.ndarray) -> np.ndarray:
        values = self.linear(trees, encoder)
        eligible = np.ones(len(values), dtype=bool) if self.snap_hedged else np.asarray(cue_free, dtype=bool)
        high = np.where((values >= self.snap_to_factual) & eligible, LIMIT, values)
        return np.where(values <= self.snap_to_counterfactual, -LIMIT, high)


def save_stacks(directory: Path, stacks: dict[str, Stack]) -> None:
    """Write `stack.json` (removing it where there is no stack to keep)."""
    path = directory / STACK
    if not stacks:
        path.unlink(missing_ok=True)
        return
    data = {corpus: asdict(stack) for corpus, stack in sorted(stacks.items())}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_stacks(directory: Path) -> dict[str, Stack]:
    """The per-style stacks of a factuality model directory ({} where it has none)."""
    path = directory / STACK
    if not path.is_file():
        return {}
    return {k: Stack(**v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
