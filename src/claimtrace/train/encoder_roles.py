"""Fitting the role scorer (`analyze.attribution.role_scorer`) and the default profile's role CRF over the
shared encoder's vectors.

Both are fitted on the four fifths of PolNeAR train the packaged encoder was fine-tuned on (every 5th
article left out, `evaluate.polnear.is_held_out`) and scored on the fifth it never saw, so that the choice
between this CRF and the plain one is made on text neither model has read. The CRF learns from out-of-fold
scores (each fold's windows scored by a scorer fitted on the other folds), so that it learns how far to
trust the scorer on text the scorer was not fitted to, as at inference; the scorer it ships with is fitted
on all four fifths.

Needs torch (the `train` extra) for the scorer; the shipped scorer runs in numpy.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language

from claimtrace.analyze.attribution.role_scorer import (
    DISTANCE_BUCKETS,
    ENCODER_ROLE_MODEL,
    ROLE_CLASSES,
    ROLE_SCORER,
    SENTENCE_REACH,
    RoleInputs,
    RoleScorer,
    encoder_digest,
    role_inputs,
    with_bands,
)
from claimtrace.analyze.attribution.tagger import CARD, MODEL_DIR, cue_head
from claimtrace.analyze.encoder import Encoder, Encoding, load_encoder, token_pieces
from claimtrace.evaluate.polnear import is_held_out, load_corpus, predict, score_corpus
from claimtrace.train.attribution import (
    ROLE_PARAMS,
    GoldDoc,
    cue_windows,
    parsed_corpus,
    role_examples,
    rounded_figures,
    train_crf,
)

Report = Callable[[str], None]
FOLDS = 5
EPOCHS = 3  # passes over the windows; the scorer is a first opinion, and more passes fit train closer
BATCH = 512
LEARNING_RATE = 1e-3
HIDDEN = 256
DISTANCE_DIM = 16
SENTENCE_DIM = 8


@dataclass(frozen=True)
class ScoredWindow:
    """One gold cue's window: the article it is in, the scorer's inputs and the gold role of each token."""

    article: int
    inputs: RoleInputs
    labels: np.ndarray  # indices into ROLE_CLASSES


def token_vectors(golds: Sequence[GoldDoc], encoder: Encoder, report: Report) -> list[np.ndarray]:
    """Each article's token vectors (float16: the corpus's fit in memory twice over)."""
    started = time.perf_counter()
    out = []
    for gold in golds:
        doc = gold.parsed.doc
        pieces, vectors = encoder.encode(doc.text)
        first, last = token_pieces(doc, pieces.offsets)
        out.append(Encoding(vectors, first, last, encoder.directory).token_vectors().astype(np.float16))
    report(f"encoded {len(golds)} articles in {time.perf_counter() - started:.0f} s")
    return out


def scored_windows(golds: Sequence[GoldDoc], articles: Sequence[int]) -> list[ScoredWindow]:
    """The windows of the gold cues of `articles` (`train.attribution.cue_windows`, so in the order
    `role_examples` gives them); a token in a source and a content is a source."""
    out = []
    for k in articles:
        gold = golds[k]
        for window in cue_windows(gold):
            labels = np.zeros(len(window.tokens), dtype=np.int64)
            for role, pieces in (
                (ROLE_CLASSES.index("Content"), window.contents),
                (ROLE_CLASSES.index("Source"), window.sources),
            ):
                for piece in pieces:
                    labels[[window.position[i] for i in piece if i in window.position]] = role
            head = cue_head(gold.parsed, window.cue)
            out.append(ScoredWindow(k, role_inputs(gold.parsed, window.tokens, window.cue, head), labels))
    return out


def fit_scorer(
    windows: Sequence[ScoredWindow], vectors: Sequence[np.ndarray], seed: int, encoder: str, report: Report
) -> RoleScorer:
    """Fit the scorer's network with torch (seeded) and return its weights for numpy."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)

    def column(arrays: list[np.ndarray], dtype: type) -> torch.Tensor:
        return torch.from_numpy(np.concatenate(arrays).astype(dtype))

    token = column([vectors[w.article][w.inputs.tokens] for w in windows], np.float32)
    head = column(
        [np.repeat(vectors[w.article][w.inputs.head][None], len(w.labels), 0) for w in windows], np.float32
    )
    distance = column([w.inputs.distance for w in windows], np.int64)
    sentence = column([w.inputs.sentence for w in windows], np.int64)
    in_cue = column([w.inputs.in_cue for w in windows], np.float32)
    labels = column([w.labels for w in windows], np.int64)

    class Network(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.distance = torch.nn.Embedding(DISTANCE_BUCKETS, DISTANCE_DIM)
            self.sentence = torch.nn.Embedding(2 * SENTENCE_REACH + 1, SENTENCE_DIM)
            width = 3 * token.shape[1] + DISTANCE_DIM + SENTENCE_DIM + 1
            self.hidden = torch.nn.Linear(width, HIDDEN)
            self.output = torch.nn.Linear(HIDDEN, len(ROLE_CLASSES))

        def forward(self, rows: torch.Tensor) -> torch.Tensor:
            t, h = token[rows], head[rows]
            x = torch.cat(
                [
                    t,
                    h,
                    t * h,
                    self.distance(distance[rows]),
                    self.sentence(sentence[rows]),
                    in_cue[rows, None],
                ],
                1,
            )
            return self.output(torch.relu(self.hidden(x)))

    network = Network()
    optimiser = torch.optim.Adam(network.parameters(), lr=LEARNING_RATE)
    for epoch in range(EPOCHS):
        order = torch.randperm(len(labels))
        total = 0.0
        for start in range(0, len(labels), BATCH):
            rows = order[start : start + BATCH]
            loss = torch.nn.functional.cross_entropy(network(rows), labels[rows])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(rows)
        report(f"  role scorer pass {epoch + 1}: loss {total / len(labels):.4f} over {len(labels)} tokens")

    def weights(tensor: torch.Tensor) -> np.ndarray:
        return tensor.detach().numpy().astype(np.float32)

    return RoleScorer(
        distance_table=weights(network.distance.weight),
        sentence_table=weights(network.sentence.weight),
        hidden_weights=weights(network.hidden.weight.T),
        hidden_bias=weights(network.hidden.bias),
        output_weights=weights(network.output.weight.T),
        output_bias=weights(network.output.bias),
        encoder=encoder,
    )


def out_of_fold(
    windows: Sequence[ScoredWindow],
    vectors: Sequence[np.ndarray],
    articles: Sequence[int],
    seed: int,
    encoder: str,
    report: Report,
) -> list[np.ndarray]:
    """Each window's probabilities from a scorer fitted on the other folds' articles."""
    probabilities: list[np.ndarray | None] = [None] * len(windows)
    for fold in range(FOLDS):
        held = set(articles[fold::FOLDS])
        scorer = fit_scorer([w for w in windows if w.article not in held], vectors, seed, encoder, report)
        for n, window in enumerate(windows):
            if window.article in held:
                probabilities[n] = scorer.probabilities(
                    vectors[window.article].astype(np.float32), window.inputs
                )
        report(f"role scorer fold {fold + 1} of {FOLDS} done")
    assert all(p is not None for p in probabilities)  # every article is in one fold
    return probabilities  # type: ignore[return-value]


def train(
    train_dir: Path,
    out_dir: Path,
    nlp: Language,
    seed: int = 13,
    cache_dir: Path | None = None,
    report: Report = print,
) -> dict[str, object]:
    """Fit the scorer and the CRF on four fifths of `train_dir`, write them into `out_dir` (an attribution
    model directory; the packaged tagger's other files are copied in when missing), score the default
    profile on the held-out fifth and record it in the directory's card."""
    started = time.perf_counter()
    if out_dir.resolve() != MODEL_DIR.resolve():
        shutil.copytree(
            MODEL_DIR,
            out_dir,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(ROLE_SCORER, ENCODER_ROLE_MODEL),
        )
    golds = parsed_corpus(train_dir, nlp, cache_dir, report)
    encoder = load_encoder()
    digest = encoder_digest(encoder.directory)
    vectors = token_vectors(golds, encoder, report)
    articles = [k for k in range(len(golds)) if not is_held_out(k)]
    windows = scored_windows(golds, articles)
    folds = out_of_fold(windows, vectors, articles, seed, digest, report)
    scorer = fit_scorer(windows, vectors, seed, digest, report)
    scorer.save(out_dir / ROLE_SCORER)

    examples = (ex for k in articles for ex in role_examples(golds[k]))
    banded = (
        (with_bands(features, probabilities), labels)
        for (features, labels), probabilities in zip(examples, folds, strict=True)
    )
    count = train_crf(banded, ROLE_PARAMS, out_dir / ENCODER_ROLE_MODEL, seed)
    seconds = round(time.perf_counter() - started)
    report(f"role CRF over the scorer's bands: {count} cue windows, {seconds} s")
    held_out = [a for k, a in enumerate(load_corpus(train_dir)) if is_held_out(k)]
    figures = score_corpus(held_out, predict(held_out, model_dir=out_dir)).figures()
    card_path = out_dir / CARD
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["encoder_roles"] = {
        "data": f"PolNeAR {train_dir.name}, four fifths ({len(articles)} articles; every 5th left out)",
        "encoder": digest,
        "seed": seed,
        "scorer": {
            "hidden": HIDDEN,
            "epochs": EPOCHS,
            "batch": BATCH,
            "learning_rate": LEARNING_RATE,
            "folds": FOLDS,
        },
        "crf_params": ROLE_PARAMS,
        "cue_windows": count,
        "training_seconds": seconds,
        "holdout_fifth_default_profile": rounded_figures(figures),
    }
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card
