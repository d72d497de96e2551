"""Predicate factuality scoring on UW / MEANTIME, exactly as shared/design/evaluation.md describes.

A split is JSONL: `text` is space-tokenised, `targets[].span1` are token indices [start, end) and `label` is
in [−3, 3]. Every gold predicate is scored: MAE and Pearson r between gold labels and predictions, where a
predicate the system gives no value counts as +3. Texts are parsed as spaCy Docs built from the given tokens,
so token indices line up with the gold.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.errors import InputError

UNSCORED_VALUE = 3.0


@dataclass(frozen=True)
class Target:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    label: float


@dataclass(frozen=True)
class Sentence:
    tokens: list[str]
    targets: list[Target]


def read_split(path: Path) -> list[Sentence]:
    """Read one split; a malformed line raises InputError naming the file and line."""
    sentences = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read factuality split: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            row = json.loads(line)
            tokens = row["text"].split(" ")
            targets = [
                Target(int(t["span1"][0]), int(t["span1"][1]), float(t["label"])) for t in row["targets"]
            ]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise InputError(origin, f"not a factuality record ({type(exc).__name__}: {exc})") from exc
        for target in targets:
            if not 0 <= target.start < target.end <= len(tokens):
                raise InputError(origin, f"target span [{target.start}, {target.end}) outside the sentence")
        sentences.append(Sentence(tokens, targets))
    return sentences


def split_path(directory: Path, split: str) -> Path:
    path = directory / f"{split}.jsonl"
    if not path.is_file():
        raise InputError(str(directory), f"no {split}.jsonl here (expected a UW or MEANTIME directory)")
    return path


def parse_sentences(nlp: Language, sentences: Sequence[Sentence], batch_size: int = 64) -> list[Doc]:
    """Run the whole pipeline over Docs built from the given tokens (no re-tokenisation)."""
    docs = (Doc(nlp.vocab, words=s.tokens) for s in sentences)
    return list(nlp.pipe(docs, batch_size=batch_size))


def predictions_for(doc: Doc, targets: Iterable[Target]) -> list[float | None]:
    """The value the system gave each target (matched by the character offsets of `doc._.factuality` to any
    token of the target), or None where it gave none."""
    by_start = {entry.start: float(entry.value) for entry in doc._.factuality or []}
    return [
        next((by_start[t.idx] for t in doc[target.start : target.end] if t.idx in by_start), None)
        for target in targets
    ]


@dataclass(frozen=True)
class Scores:
    count: int
    mae: float
    pearson_r: float
    unscored: int  # gold predicates the system gave no value (counted as +3)

    def as_dict(self) -> dict[str, float | int]:
        return {"count": self.count, "mae": self.mae, "pearson_r": self.pearson_r, "unscored": self.unscored}


def score(gold: Sequence[float], predicted: Sequence[float], unscored: int = 0) -> Scores:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    n = len(gold)
    if n == 0:
        return Scores(0, 0.0, 0.0, unscored)
    mae = sum(abs(g - p) for g, p in zip(gold, predicted, strict=True)) / n
    return Scores(n, mae, pearson(gold, predicted), unscored)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation; 0.0 when either side is constant (the always-+3 baseline)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def score_docs(sentences: Sequence[Sentence], docs: Sequence[Doc]) -> Scores:
    """Score Docs that the factuality component has annotated against their sentences' gold targets."""
    gold: list[float] = []
    predicted: list[float] = []
    unscored = 0
    for sentence, doc in zip(sentences, docs, strict=True):
        for target, value in zip(sentence.targets, predictions_for(doc, sentence.targets), strict=True):
            gold.append(target.label)
            predicted.append(UNSCORED_VALUE if value is None else value)
            unscored += value is None
    return score(gold, predicted, unscored)


def factuality_pipeline(
    model: str, corpus: str, fast: bool = False, encoder_model: Path | None = None
) -> Language:
    """The base model plus the factuality component in the annotation style of `corpus` (and, unless
    `fast`, the shared encoder it blends with)."""
    import spacy

    import claimtrace.analyze.encoder
    import claimtrace.analyze.factuality  # noqa: F401  (registers the factories)
    from claimtrace.errors import ClaimtraceError

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ClaimtraceError(f"cannot load spaCy model {model!r}") from exc
    if not fast:
        config = {"model_dir": str(encoder_model.resolve())} if encoder_model is not None else {}
        nlp.add_pipe("claimtrace_encoder", config=config)
    nlp.add_pipe("claimtrace_factuality", config={"corpus": corpus})
    return nlp


def corpus_style(directory: Path) -> str:
    """ "MEANTIME" for a MEANTIME directory, else the graded UW style."""
    return "MEANTIME" if directory.resolve().name.upper() == "MEANTIME" else "UW"
