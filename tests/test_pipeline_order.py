"""The components' declared `assigns` and `requires` (spaCy's order check) hold in both profiles."""

from __future__ import annotations

import pytest
import spacy

import claimtrace.analyze.certainty  # noqa: F401  (registers the factory)
from claimtrace.analyze.pipeline import ALL_COMPONENTS, ENCODER, load_pipeline


@pytest.mark.parametrize("fast", [False, True], ids=["default", "fast"])
def test_both_profiles_satisfy_every_requirement(fast: bool) -> None:
    nlp = load_pipeline(fast=fast)
    assert (ENCODER in nlp.pipe_names) is not fast
    assert set(ALL_COMPONENTS) <= set(nlp.pipe_names)
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    for name in nlp.pipe_names:
        if name.startswith("claimtrace_"):
            assert nlp.get_pipe_meta(name).assigns, name


def test_a_component_ahead_of_its_inputs_is_reported() -> None:
    """The check has teeth: certainty with no parser, attribution or factuality before it."""
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_certainty")
    problems = nlp.analyze_pipes()["problems"]["claimtrace_certainty"]
    assert {"doc._.attributions", "doc._.factuality", "token.dep"} <= set(problems)
