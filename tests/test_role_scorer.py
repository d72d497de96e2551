"""The default profile's encoder-side attribution: cues from the cue head (with a lower bar for a cue's other
words) and the role scorer the role CRF reads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrace.analyze.attribution.encoder import CUE_EXTEND, CUE_THRESHOLD, encoder_cues
from claimtrace.analyze.attribution.role_scorer import (
    DISTANCE_BOUNDS,
    DISTANCE_BUCKETS,
    ROLE_SCORER,
    SENTENCE_REACH,
    RoleInputs,
    RoleScorer,
    distance_buckets,
    encoder_digest,
    with_bands,
)
from claimtrace.analyze.encoder import MODEL_DIR, Encoding, load_encoder
from support.corpora import write_polnear


@given(st.integers(-200, 200))
def test_distance_buckets_keep_the_side_and_stay_in_range(distance: int) -> None:
    farther = distance + 1 if distance >= 0 else distance - 1
    bucket, next_bucket = distance_buckets(np.array([distance, farther])).tolist()
    assert 0 <= bucket < DISTANCE_BUCKETS
    assert (bucket > len(DISTANCE_BOUNDS)) == (distance < 0)
    assert next_bucket - bucket in (0, 1)  # farther on the same side: the same or the next
    assert bucket == sum(abs(distance) > bound for bound in DISTANCE_BOUNDS) + (
        0 if distance >= 0 else len(DISTANCE_BOUNDS) + 1
    )


def tiny_scorer(rng: np.random.Generator, width: int = 4, hidden: int = 5) -> RoleScorer:
    def array(*shape: int) -> np.ndarray:
        return rng.normal(size=shape).astype(np.float32)

    return RoleScorer(
        distance_table=array(DISTANCE_BUCKETS, 2),
        sentence_table=array(2 * SENTENCE_REACH + 1, 2),
        hidden_weights=array(3 * width + 2 + 2 + 1, hidden),
        hidden_bias=array(hidden),
        output_weights=array(hidden, 3),
        output_bias=array(3),
        encoder="test",
    )


def test_scorer_round_trips_and_gives_a_distribution_per_token(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    scorer = tiny_scorer(rng)
    scorer.save(tmp_path / ROLE_SCORER)
    loaded = RoleScorer.load(tmp_path / ROLE_SCORER)
    vectors = rng.normal(size=(6, 4)).astype(np.float32)
    inputs = RoleInputs(
        tokens=np.array([0, 1, 2, 4, 5]),
        head=3,
        distance=distance_buckets(np.array([-3, -2, -1, 1, 2])),
        sentence=np.full(5, SENTENCE_REACH),
        in_cue=np.zeros(5, dtype=bool),
    )
    probabilities = loaded.probabilities(vectors, inputs)
    assert probabilities.shape == (5, 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert np.allclose(probabilities, scorer.probabilities(vectors, inputs), atol=1e-4)
    assert loaded.encoder == "test"


def test_bands_add_the_scorer_view_to_each_row() -> None:
    probabilities = np.array([[0.9, 0.05, 0.05], [0.01, 0.97, 0.02], [0.1, 0.1, 0.8]])
    rows = with_bands([["w=the"], ["w=minister"], ["w=resume"]], probabilities)
    assert rows[0][0] == "w=the" and "ea=O" in rows[0]
    assert "ea=S" in rows[1] and "ea=C" in rows[2]
    assert "es=10" in rows[1] and "ec=0" in rows[1]  # 0.97 is above ten of the bands, 0.02 above none


def vectors_for(in_cue: list[float], begins: list[bool]) -> np.ndarray:
    """Vectors whose cue-head probabilities are the given P(in a cue), split into B or I as asked."""
    heads = load_encoder().heads
    logits = []
    for p, b in zip(in_cue, begins, strict=True):
        p_b, p_i = (0.9 * p, 0.1 * p) if b else (0.1 * p, 0.9 * p)
        logits.append(np.log([1 - p, p_b, p_i]))
    # solve v @ W + b = logits + c for each row: a free shift c keeps the softmax unchanged
    target = np.asarray(logits) - heads.cue_b
    vectors, *_ = np.linalg.lstsq(heads.cue_w.T, target.T, rcond=None)
    return vectors.T.astype(np.float32)


@pytest.mark.slow
def test_a_cue_keeps_its_less_certain_words_and_needs_one_certain_one(nlp) -> None:
    doc = nlp("He said in a statement that she might, perhaps, go.")
    words = [t.text for t in doc]
    low = (CUE_EXTEND + CUE_THRESHOLD) / 2  # above the bar for a cue's other words, below a cue's
    in_cue = [0.05] * len(doc)
    begins = [False] * len(doc)
    in_cue[words.index("said")], begins[words.index("said")] = 0.95, True
    for word in ("in", "a", "statement"):
        in_cue[words.index(word)] = low
    in_cue[words.index("might")], begins[words.index("might")] = low, True  # no certain word: no cue
    vectors = vectors_for(in_cue, begins)
    encoding = Encoding(vectors, np.arange(len(doc)), np.arange(len(doc)), MODEL_DIR)
    cues = encoder_cues(doc, encoding)
    assert [[words[i] for i in cue] for cue in cues] == [["said", "in", "a", "statement"]]


@pytest.mark.slow
def test_the_packaged_tagger_reads_the_packaged_encoder_only(nlp) -> None:
    from claimtrace.analyze.attribution.tagger import load_tagger

    tagger = load_tagger()
    assert tagger.role_scorer is not None and tagger.encoder_role_tagger is not None
    assert tagger.role_scorer.encoder == encoder_digest(MODEL_DIR)
    doc = nlp("The interior minister said on Tuesday that the border talks would resume next week.")
    found = [a.to_dict() for a in doc._.attributions if a.cue and a.cue.text == "said"]
    assert found and found[0]["content"]["text"].endswith("the border talks would resume next week")


@pytest.mark.slow
def test_training_the_role_scorer_on_a_tiny_slice(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from claimtrace.analyze.attribution.tagger import AttributionTagger
    from claimtrace.analyze.pipeline import load_pipeline
    from claimtrace.train.encoder_roles import train

    write_polnear(tmp_path / "polnear", copies=4)  # 8 articles: 2 held out, 6 in 5 folds
    out = tmp_path / "attribution"
    card = train(tmp_path / "polnear", out, load_pipeline(components=()), report=lambda _: None)
    entry = card["encoder_roles"]
    assert entry["cue_windows"] == 6 and entry["encoder"] == encoder_digest(MODEL_DIR)
    tagger = AttributionTagger(out)
    assert tagger.role_scorer is not None and tagger.encoder_role_tagger is not None
