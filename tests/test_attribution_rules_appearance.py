"""Appearance cues ("seemed", "appears"): a clause the writer attributes to no one, as PolNeAR annotates it.
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from claimtrace.analyze.attribution import build_attributions
from claimtrace.analyze.attribution_rules import find_rule_attributions
from claimtrace.analyze.pipeline import load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyse():
    pipeline = load_pipeline(components=("claimtrace_attribution",))

    def run(text: str) -> list[dict[str, Any]]:
        with pipeline.select_pipes(disable=["claimtrace_attribution"]):
            doc = pipeline(text)
        return build_attributions(doc, find_rule_attributions(doc))

    return run


def test_a_subject_that_seems_to_do_something_is_content_with_no_source(analyse):
    (found,) = analyse("The harbour board seemed to soften its stance on the ferry fares.")
    assert found["source"] is None
    assert found["cue"]["text"] == "seemed"
    assert found["content"]["text"] == "The harbour board … to soften its stance on the ferry fares"


def test_it_appears_that_attributes_the_clause(analyse):
    (found,) = analyse("It appears that the bridge repairs will run into the spring.")
    assert (found["source"], found["cue"]["text"]) == (None, "appears")
    assert found["content"]["text"] == "that the bridge repairs will run into the spring"


@pytest.mark.parametrize(
    "text",
    [
        "The singer appeared at the harvest fair on Saturday.",  # showing up is not seeming
        "“I seem to lose my keys every week,” she said.",  # a speaker's own hedge inside a quote
    ],
)
def test_no_appearance_attribution_without_a_predicate_or_inside_a_quote(analyse, text):
    assert all(a["cue"]["text"] not in ("appeared", "seem") for a in analyse(text))
