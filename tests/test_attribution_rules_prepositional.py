"""Cues that reach their content through a preposition ("called for", "pointed to", "spoke about"): the
preposition joins the cue, its object is the content. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimtrace.analyze.attribution.merge import merge
from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.pipeline import load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline(components=("claimtrace_attribution",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fishermen's union called for a ban on night trawling.",
            ("The fishermen's union", "called for", "a ban on night trawling"),
        ),
        (
            "The bishop called on the city to reopen the shelter.",
            ("The bishop", "called on", "the city to reopen the shelter"),
        ),
        (
            "The coach pointed to the injuries that kept three starters out.",
            ("The coach", "pointed to", "the injuries that kept three starters out"),
        ),
        (
            "The novelist spoke openly about her years in the mill town.",
            ("The novelist", "spoke openly about", "her years in the mill town"),
        ),
    ],
)
def test_a_prepositional_cue_takes_its_preposition_and_object(rule_roles, text, expected):
    found = rule_roles(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The senator voted for the farm bill.",  # a vote is an act, not a claim
        "The ferry called at three islands on Sunday.",  # "call at" is a visit
        "The dog pointed its nose to the door.",  # an object between the verb and the preposition
        "The committee focused on the harbour budget.",  # "focus on" is not a cue the rules trust
    ],
)
def test_no_prepositional_attribution_for_other_prepositions_or_verbs(rules, text):
    assert rules(text) == []


def test_merge_leaves_a_rule_only_prepositional_cue_to_the_tagger(pipeline):
    with pipeline.select_pipes(disable=["claimtrace_attribution"]):
        doc = pipeline("The mayor called for calm.")
    rule_spans = find_rule_attributions(doc)
    called_for = [a for a in rule_spans if doc.text[a.cue[0][0] : a.cue[-1][1]] == "called for"]
    assert called_for
    assert merge([], rule_spans, doc.text) == []
    assert merge([], rule_spans, doc.text, [[called_for[0].cue[0]]]) == called_for
