"""Predicate factuality from the shared encoder's head, blended with the tree model's value.

The encoder's factuality head gives each predicate (its first wordpiece) one value per annotation style
(FACTUALITY_CORPORA); the default profile mixes it with the trees' value by a per-style weight that
`claimtrace train encoder` chooses on the fifth of the training sentences the encoder never saw
(`blend.json` in the encoder's directory). Every predicate is mixed: on that fifth, mixing only those without
an operator the rules read (negation, modal, condition, question) scored worse (UW MAE 0.321 against 0.313).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from claimtrace.analyze.encoder import FACTUALITY_CORPORA, Encoding
from claimtrace.analyze.factuality_forest import LIMIT

BLEND = "blend.json"


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
