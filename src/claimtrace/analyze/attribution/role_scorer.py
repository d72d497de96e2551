"""A first opinion on each cue's source and content from the shared encoder's vectors (default profile).

For one cue and the tokens of its window (`tagger.role_window`), a small network reads each token's vector,
the cue head's vector, their product, and the token's distance and sentence relative to the cue, and gives
P(outside), P(source), P(content). The default profile's role CRF (`ENCODER_ROLE_MODEL`) sees these in bands
beside its parse features, as the cue CRF sees the cue scorer's: the parse knows where a clause ends, the
encoder what the words mean. The fast profile's CRF (`tagger.ROLE_MODEL`) never reads them.

The scorer was fitted on the vectors of the packaged encoder, and is used only over vectors of that encoder
(`encoder_digest`). `claimtrace train encoder-roles` rebuilds both files (torch, the `train` extra); the
network runs here in numpy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from claimtrace.analyze.encoder import ONNX_MODEL, softmax

if TYPE_CHECKING:
    from claimtrace.analyze.attribution.tagger import ParsedDoc

ROLE_SCORER = "role_scorer.json"
ENCODER_ROLE_MODEL = "roles_encoder.crfsuite"
ROLE_CLASSES = ("O", "Source", "Content")  # the scorer's outputs, in order
# signed distance of a token from the cue in buckets: 0 (in or next to the cue) … beyond 35, on either side
DISTANCE_BOUNDS = (0, 1, 2, 3, 5, 8, 12, 20, 35)
DISTANCE_BUCKETS = 2 * len(DISTANCE_BOUNDS) + 2
SENTENCE_REACH = 2  # sentences before and after the cue's that the scorer tells apart (farther ones clip)
# P(source) and P(content) in bands: the CRF sees the band, not the number
PROBABILITY_BANDS = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95, 0.98)


def distance_buckets(distances: np.ndarray) -> np.ndarray:
    """The bucket of each signed distance: how many DISTANCE_BOUNDS its size passes, counted apart for
    tokens before the cue."""
    passed = np.searchsorted(DISTANCE_BOUNDS, np.abs(distances), side="left")
    return np.where(distances >= 0, passed, len(DISTANCE_BOUNDS) + 1 + passed).astype(np.int64)


@dataclass(frozen=True)
class RoleInputs:
    """What the scorer reads of one cue's window besides the vectors: one entry per window token."""

    tokens: np.ndarray  # token indices
    head: int  # the cue's head token
    distance: np.ndarray  # distance buckets
    sentence: np.ndarray  # sentence relative to the cue's, shifted to 0 … 2 * SENTENCE_REACH
    in_cue: np.ndarray  # bool


def role_inputs(parsed: ParsedDoc, tokens: list[int], cue: list[int], head: int) -> RoleInputs:
    window = np.asarray(tokens, dtype=np.int64)
    cue_start, cue_end = min(cue), max(cue)
    in_cue = np.isin(window, cue)
    distance = np.where(in_cue, 0, np.where(window < cue_start, window - cue_start, window - cue_end))
    sentence_of = np.asarray(parsed.sentence_of, dtype=np.int64)
    relative = np.clip(sentence_of[window] - sentence_of[cue[0]], -SENTENCE_REACH, SENTENCE_REACH)
    return RoleInputs(
        tokens=window,
        head=head,
        distance=distance_buckets(distance),
        sentence=relative + SENTENCE_REACH,
        in_cue=in_cue,
    )


@dataclass(frozen=True)
class RoleScorer:
    """One hidden ReLU layer over [token, cue head, token × cue head, distance and sentence embeddings,
    in-cue flag]; weights as (inputs, outputs) matrices."""

    distance_table: np.ndarray  # (DISTANCE_BUCKETS, d)
    sentence_table: np.ndarray  # (2 * SENTENCE_REACH + 1, s)
    hidden_weights: np.ndarray
    hidden_bias: np.ndarray
    output_weights: np.ndarray  # (hidden, len(ROLE_CLASSES))
    output_bias: np.ndarray
    encoder: str  # `encoder_digest` of the encoder whose vectors it was fitted on

    @classmethod
    def load(cls, path: Path) -> RoleScorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        arrays = {
            name: np.asarray(data[name], dtype=np.float32)
            for name in cls.__dataclass_fields__
            if name != "encoder"
        }
        return cls(**arrays, encoder=str(data["encoder"]))

    def save(self, path: Path) -> None:
        data: dict[str, object] = {
            name: np.round(getattr(self, name).astype(np.float64), 6).tolist()
            for name in self.__dataclass_fields__
            if name != "encoder"
        }
        data["encoder"] = self.encoder
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    def probabilities(self, vectors: np.ndarray, inputs: RoleInputs) -> np.ndarray:
        """(window tokens, 3): P(O), P(Source), P(Content) of each token; `vectors` are the Doc's token
        vectors (`Encoding.token_vectors`)."""
        token = vectors[inputs.tokens]
        head = np.broadcast_to(vectors[inputs.head], token.shape)
        x = np.hstack(
            [
                token,
                head,
                token * head,
                self.distance_table[inputs.distance],
                self.sentence_table[inputs.sentence],
                inputs.in_cue[:, None].astype(np.float32),
            ]
        )
        hidden = np.maximum(x @ self.hidden_weights + self.hidden_bias, 0.0)
        return softmax(hidden @ self.output_weights + self.output_bias)


def bands(probabilities: np.ndarray) -> np.ndarray:
    """How many PROBABILITY_BANDS each probability exceeds."""
    return np.searchsorted(PROBABILITY_BANDS, probabilities.astype(np.float64), side="left")


def with_bands(features: list[list[str]], probabilities: np.ndarray) -> list[list[str]]:
    """Each token's CRF features with the scorer's view added: its source and content bands and the role
    the scorer finds likeliest."""
    likeliest = probabilities.argmax(axis=1)
    source, content = bands(probabilities[:, 1]).tolist(), bands(probabilities[:, 2]).tolist()
    return [
        [*row, f"es={s}", f"ec={c}", f"ea={ROLE_CLASSES[k][0]}"]
        for row, s, c, k in zip(features, source, content, likeliest.tolist(), strict=True)
    ]


def encoder_digest(model_dir: Path) -> str:
    """A short fingerprint of an encoder directory's ONNX model: which vectors a scorer can read."""
    return _digest(model_dir.resolve())


@lru_cache(maxsize=4)
def _digest(model_dir: Path) -> str:
    return hashlib.sha256((model_dir / ONNX_MODEL).read_bytes()).hexdigest()[:16]
