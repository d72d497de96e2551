"""Stance cues the rules find: a speaker who accuses, criticizes, praises, rejects, condemns or blames
someone, with the object and what the verb says of it as content. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimtrace.analyze.attribution.merge import merge
from claimtrace.analyze.attribution.spans import AttributionSpans

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The harbour union accused the port authority of hiding the crane inspections.",
            ("The harbour union", "accused", "the port authority of hiding the crane inspections"),
        ),
        (
            "Senator Alvarez has repeatedly criticized the transit plan for its cost.",
            ("Senator Alvarez", "has repeatedly criticized", "the transit plan for its cost"),
        ),
        (
            "The mayor praised the volunteers who cleared the riverbank.",
            ("The mayor", "praised", "the volunteers who cleared the riverbank"),
        ),
        (
            "Farmers blamed the late frost for the poor cherry harvest.",
            ("Farmers", "blamed", "the late frost for the poor cherry harvest"),
        ),
        (
            "The council rejected the developer's offer on Tuesday.",
            ("The council", "rejected", "the developer's offer"),
        ),
    ],
)
def test_a_stance_verb_attributes_its_object_to_the_subject(rule_roles, text, expected):
    found = rule_roles(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The accused driver stayed silent in court.",  # a participle describing, not a stance
        "The mayor wants to rebuild the pier before summer.",  # wishes are not stance cues
        "The board supported the budget after a long debate.",  # "support" is too often a plan, not a stance
        "Critics blamed.",  # no one and nothing the stance is toward
    ],
)
def test_no_stance_attribution_without_a_stance_verb_and_its_object(rules, text):
    assert rules(text) == []


def test_merge_keeps_a_rule_only_stance_with_a_source():
    text = "Critics accused the board of waste. Later the board shrugged off the charge."

    def at(fragment: str) -> tuple[int, int]:
        start = text.index(fragment)
        return (start, start + len(fragment))

    stance = AttributionSpans(content=[at("the board of waste")], cue=[at("accused")], source=[at("Critics")])
    unsourced = AttributionSpans(content=[at("the board of waste")], cue=[at("accused")])
    other = AttributionSpans(content=[at("the charge")], cue=[at("shrugged off")], source=[at("the board")])
    assert merge([], [stance], text) == [stance]
    assert merge([], [unsourced, other], text) == []
