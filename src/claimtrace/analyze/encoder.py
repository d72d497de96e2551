"""The shared contextual encoder: a fine-tuned MiniLM (6 layers, 384 wide) run with onnxruntime.

One encoder pass over each window of an article serves every head: cue tagging for attribution
(`attribution.encoder`) and predicate factuality (`factuality_encoder`); the vectors are `doc._.encoding`
for any other reader. Windows are packed from whole
paragraphs up to `MAX_PIECES` wordpieces; a longer paragraph is cut into windows that overlap by `OVERLAP`
pieces, and each piece keeps the vector of the window where it lies farthest from an edge. Wordpieces are
aligned back to spaCy tokens by characters: a token's vector is that of its first piece.

The heads are small numpy networks over the token vectors (`Heads`); training (`claimtrace train encoder`,
torch, an optional extra) uses the same windows and the same head shapes (and trains a source/content head
as an auxiliary task, not shipped), so nothing at run time imports torch. The model files ship in
`claimtrace/models/encoder/`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.analyze.extensions import register_extensions
from claimtrace.errors import ClaimtraceError

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "encoder"
ONNX_MODEL = "encoder.int8.onnx"
TOKENIZER = "tokenizer.json"
HEADS = "heads.json"
CARD = "card.json"

MAX_PIECES = 254  # wordpieces in a window, [CLS] and [SEP] not counted (the model reads 512 at most)
OVERLAP = 64  # pieces shared by consecutive windows of one long paragraph
PARAGRAPH_BREAK = re.compile(r"\n\s*")
FACTUALITY_CORPORA = ("UW", "MEANTIME")


@dataclass(frozen=True)
class Window:
    """A run of wordpieces encoded together: `pieces[start:end]`, of which `[keep_start, keep_end)` take
    their vectors from this window."""

    start: int
    end: int
    keep_start: int
    keep_end: int


@dataclass(frozen=True)
class Pieces:
    """The wordpieces of a text: vocabulary ids and character offsets."""

    ids: np.ndarray  # (n,) int64
    offsets: np.ndarray  # (n, 2) int64: [start, end) characters

    def __len__(self) -> int:
        return len(self.ids)


def windows(text: str, offsets: np.ndarray) -> list[Window]:
    """Windows over the pieces of `text`: consecutive paragraphs packed while they fit in MAX_PIECES, a
    longer paragraph cut into overlapping windows."""
    starts = offsets[:, 0] if len(offsets) else np.zeros(0, dtype=np.int64)
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    # piece index at which each paragraph starts
    bounds = sorted({0, *(int(np.searchsorted(starts, b)) for b in breaks), len(starts)})
    paragraphs = [(a, b) for a, b in pairwise(bounds) if b > a]
    out: list[Window] = []
    pack_start = pack_end = None
    for a, b in paragraphs:
        if b - a > MAX_PIECES:
            if pack_start is not None:
                out.append(Window(pack_start, pack_end, pack_start, pack_end))
                pack_start = pack_end = None
            out.extend(_cut(a, b))
        elif pack_start is not None and b - pack_start <= MAX_PIECES:
            pack_end = b
        else:
            if pack_start is not None:
                out.append(Window(pack_start, pack_end, pack_start, pack_end))
            pack_start, pack_end = a, b
    if pack_start is not None:
        out.append(Window(pack_start, pack_end, pack_start, pack_end))
    return out


def _cut(a: int, b: int) -> list[Window]:
    step = MAX_PIECES - OVERLAP
    out = []
    start = a
    while True:
        end = min(start + MAX_PIECES, b)
        keep_start = a if start == a else start + OVERLAP // 2
        keep_end = b if end == b else end - OVERLAP // 2
        out.append(Window(start, end, keep_start, keep_end))
        if end == b:
            return out
        start += step


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def softmax(x: np.ndarray) -> np.ndarray:
    shifted = np.exp(x - x.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Heads:
    """The task heads over the encoder's vectors (numpy; trained in torch with the same shapes)."""

    cue_w: np.ndarray  # (384, 3)
    cue_b: np.ndarray
    fact_w1: np.ndarray  # (384, hidden)
    fact_b1: np.ndarray
    fact_w2: np.ndarray  # (hidden, len(FACTUALITY_CORPORA))
    fact_b2: np.ndarray

    @classmethod
    def load(cls, path: Path) -> Heads:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{name: np.asarray(data[name], dtype=np.float32) for name in cls.__dataclass_fields__})

    def cue_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, 3) P(O), P(B), P(I) of each vector."""
        return softmax(vectors @ self.cue_w + self.cue_b)

    def factuality(self, vectors: np.ndarray) -> np.ndarray:
        """(n, corpora) factuality of each predicate vector, one column per FACTUALITY_CORPORA."""
        return gelu(vectors @ self.fact_w1 + self.fact_b1) @ self.fact_w2 + self.fact_b2


class Encoder:
    """The packaged (or a given) encoder: tokenizer, int8 ONNX model and heads."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        for name in (ONNX_MODEL, TOKENIZER, HEADS):
            if not (directory / name).is_file():
                raise ClaimtraceError(
                    f"encoder model missing: {directory / name} (rebuild with `claimtrace train encoder`, "
                    "or analyse with --fast)"
                )
        self.directory = directory
        self.tokenizer = Tokenizer.from_file(str(directory / TOKENIZER))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        vocab = self.tokenizer.get_vocab()
        self.cls_id, self.sep_id = vocab["[CLS]"], vocab["[SEP]"]
        options = onnxruntime.SessionOptions()
        # one thread a process, as numpy is kept to one BLAS thread: workers run side by side
        options.intra_op_num_threads = int(os.environ.get("CLAIMTRACE_ENCODER_THREADS", "1"))
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(directory / ONNX_MODEL), options, providers=["CPUExecutionProvider"]
        )
        self.heads = Heads.load(directory / HEADS)

    def pieces(self, text: str) -> Pieces:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return Pieces(
            np.asarray(encoding.ids, dtype=np.int64),
            np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2),
        )

    def encode(self, text: str) -> tuple[Pieces, np.ndarray]:
        """The pieces of `text` and each piece's contextual vector (n, 384)."""
        pieces = self.pieces(text)
        vectors = np.zeros((len(pieces), self.width), dtype=np.float32)
        for window in windows(text, pieces.offsets):
            ids = np.concatenate([[self.cls_id], pieces.ids[window.start : window.end], [self.sep_id]])
            ids = ids[None, :].astype(np.int64)
            (hidden,) = self.session.run(["hidden"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            keep = slice(window.keep_start - window.start + 1, window.keep_end - window.start + 1)
            vectors[window.keep_start : window.keep_end] = hidden[0, keep]
        return pieces, vectors

    @property
    def width(self) -> int:
        return int(self.heads.cue_w.shape[0])


def load_encoder(directory: Path | None = None) -> Encoder:
    """The encoder of a model directory (default: the packaged one), loaded once per process."""
    return _load_encoder((directory or MODEL_DIR).resolve())


@lru_cache(maxsize=2)
def _load_encoder(directory: Path) -> Encoder:
    return Encoder(directory)


@dataclass
class Encoding:
    """`doc._.encoding`: the encoder's vectors of one Doc. `vectors[p]` is piece p's vector; token t's
    pieces are `first[t]..last[t]` (-1 for a whitespace token). `model_dir` names the encoder whose heads
    read these vectors."""

    vectors: np.ndarray  # (pieces, 384) float32
    first: np.ndarray  # (tokens,) int64
    last: np.ndarray  # (tokens,) int64
    model_dir: Path

    def token_vectors(self) -> np.ndarray:
        """(tokens, 384): each token's first-piece vector, zeros for whitespace."""
        out = np.zeros((len(self.first), self.vectors.shape[1]), dtype=np.float32)
        has = self.first >= 0
        out[has] = self.vectors[self.first[has]]
        return out

    @property
    def heads(self) -> Heads:
        return load_encoder(self.model_dir).heads

    @cached_property
    def cue_probabilities(self) -> np.ndarray:
        """(tokens, 3): P(O), P(B), P(I) of each token (its first piece) from the cue head, zeros for
        whitespace; computed once per Doc for every component that reads the cue head."""
        has = self.first >= 0
        if not has.any():
            return np.zeros((len(self.first), 3), dtype=np.float32)
        probabilities = self.heads.cue_probabilities(self.vectors[self.first[has]])
        out = np.zeros((len(self.first), 3), dtype=probabilities.dtype)
        out[has] = probabilities
        return out

    @property
    def in_cue(self) -> np.ndarray:
        """P(in a cue) = P(B) + P(I) of each token (0 for whitespace)."""
        return self.cue_probabilities[:, 1] + self.cue_probabilities[:, 2]


def token_pieces(doc: Doc, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each token of `doc`, its first and last overlapping piece (-1, -1 for whitespace)."""
    first = np.full(len(doc), -1, dtype=np.int64)
    last = np.full(len(doc), -1, dtype=np.int64)
    if not len(offsets) or not len(doc):
        return first, last
    columns = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(np.int64)
    starts, ends, space = columns[:, 0], columns[:, 0] + columns[:, 1], columns[:, 2].astype(bool)
    after = np.searchsorted(offsets[:, 1], starts, side="right")  # the first piece ending after the start
    before = np.searchsorted(offsets[:, 0], ends, side="left")  # past the last piece starting before the end
    has = ~space & (after < before)
    first[has], last[has] = after[has], before[has] - 1
    return first, last


class EncoderComponent:
    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder

    def __call__(self, doc: Doc) -> Doc:
        pieces, vectors = self.encoder.encode(doc.text)
        first, last = token_pieces(doc, pieces.offsets)
        doc._.encoding = Encoding(vectors, first, last, self.encoder.directory)
        return doc


@Language.factory("claimtrace_encoder", default_config={"model_dir": ""}, assigns=["doc._.encoding"])
def make_encoder(nlp: Language, name: str, model_dir: str) -> EncoderComponent:
    """`model_dir`: a directory written by `claimtrace train encoder` ("" for the packaged model)."""
    register_extensions()
    return EncoderComponent(load_encoder(Path(model_dir) if model_dir else None))
