"""Appearance cues ("seemed", "appears"): a clause the writer attributes to no one, as PolNeAR annotates it.
Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_subject_that_seems_to_do_something_is_content_with_no_source(rules):
    (found,) = rules("The harbour board seemed to soften its stance on the ferry fares.")
    assert found["source"] is None
    assert found["cue"]["text"] == "seemed"
    assert found["content"]["text"] == "The harbour board … to soften its stance on the ferry fares"


def test_it_appears_that_attributes_the_clause(rules):
    (found,) = rules("It appears that the bridge repairs will run into the spring.")
    assert (found["source"], found["cue"]["text"]) == (None, "appears")
    assert found["content"]["text"] == "that the bridge repairs will run into the spring"


@pytest.mark.parametrize(
    "text",
    [
        "The singer appeared at the harvest fair on Saturday.",  # showing up is not seeming
        "“I seem to lose my keys every week,” she said.",  # a speaker's own hedge inside a quote
    ],
)
def test_no_appearance_attribution_without_a_predicate_or_inside_a_quote(rules, text):
    assert all(a["cue"]["text"] not in ("appeared", "seem") for a in rules(text))
