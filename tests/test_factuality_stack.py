"""The default profile's stack of trees and encoder: how a stack maps and snaps values, its file, the shipped
one, and how training fits and keeps one (numbers and sentences written here)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from claimtrace.analyze.factuality_encoder import Stack, load_stacks, save_stacks
from claimtrace.analyze.factuality_forest import model_directory
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.train.factuality import Hyperparameters, fit_stack

STACK = Stack(
    forest=0.4, encoder=0.6, bias=0.1, snap_to_factual=2.5, snap_hedged=False, snap_to_counterfactual=-2.0
)


def test_stack_mixes_the_two_values_and_clips_to_the_scale() -> None:
    values = STACK.linear(np.array([1.0, 3.0, -3.0]), np.array([0.0, 3.0, -3.0]))
    assert values == pytest.approx([0.5, 3.0, -2.9])  # 0.4 + 0.1; 3.1 clipped; -2.9


def test_stack_snaps_cue_free_values_up_and_low_values_down() -> None:
    trees = np.array([2.5, 2.5, -1.9, 1.0])
    encoder = np.array([2.8, 2.8, -2.6, 1.0])
    free = np.array([True, False, True, True])
    out = STACK.apply(trees, encoder, free)
    assert out[0] == 3.0  # 2.78 and cue-free: snapped
    assert out[1] == pytest.approx(2.78)  # the same value with a cue keeps its graded value
    assert out[2] == -3.0  # -2.22 is at or below the low threshold
    assert out[3] == pytest.approx(1.1)
    hedged = Stack(**{**STACK.__dict__, "snap_hedged": True})
    assert hedged.apply(trees, encoder, free)[1] == 3.0


def test_stacks_roundtrip_through_their_file(tmp_path: Path) -> None:
    save_stacks(tmp_path, {"UW": STACK})
    assert load_stacks(tmp_path) == {"UW": STACK}
    save_stacks(tmp_path, {})
    assert not (tmp_path / "stack.json").exists()
    assert load_stacks(tmp_path / "elsewhere") == {}


def test_fit_stack_recovers_a_linear_mix() -> None:
    rng = np.random.default_rng(0)
    trees = rng.uniform(-3, 3, 400)
    encoder = np.clip(trees + rng.normal(0, 1, 400), -3, 3)
    labels = np.clip(0.3 * trees + 0.7 * encoder, -3, 3)
    stack = fit_stack(trees, encoder, labels, np.zeros(400, dtype=bool), Hyperparameters())
    assert stack.forest == pytest.approx(0.3, abs=0.05)
    assert stack.encoder == pytest.approx(0.7, abs=0.05)
    assert abs(stack.bias) < 0.1


def test_shipped_model_stacks_uw_only() -> None:
    stacks = load_stacks(model_directory())
    assert set(stacks) == {"UW"}  # MEANTIME: the stack did not beat the trees alone on the held-out fifth
    assert stacks["UW"].encoder > stacks["UW"].forest > 0


@pytest.mark.slow
def test_default_profile_reads_cues_through_the_stack() -> None:
    nlp = load_pipeline(components=("claimtrace_factuality",))
    fast = load_pipeline(components=("claimtrace_factuality",), fast=True)

    def value(pipeline: Language, text: str, word: str) -> float:
        doc = pipeline(text)
        return next(e.value for e in doc._.factuality if e.text == word)

    signed = value(nlp, "The militia withdrew from the border town on Friday.", "withdrew")
    assert signed == 3.0
    assert value(nlp, "The militia did not withdraw from the border town.", "withdraw") < -1.5
    assert value(nlp, "The militia may withdraw from the border town.", "withdraw") < 2.0
    # the fast profile has no encoder and the trees' own snapping
    assert value(fast, "The militia withdrew from the border town on Friday.", "withdrew") >= 2.5
