"""Cues whose content is an infinitive: what a speaker hopes, promises or vows to do, including the forms of
"hope" the English model lemmatizes as "hop". Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rowing club hopes to reopen the boathouse by June.",
            ("The rowing club", "hopes", "to reopen the boathouse by June"),
        ),
        (
            "The orchard's owners hoped that the rain would hold off.",
            ("The orchard's owners", "hoped", "that the rain would hold off"),
        ),
        (
            "The new principal promised to shorten the school day.",
            ("The new principal", "promised", "to shorten the school day"),
        ),
        (
            "The tenants vowed to fight the eviction in court.",
            ("The tenants", "vowed", "to fight the eviction in court"),
        ),
    ],
)
def test_an_infinitive_is_what_was_hoped_or_promised(rule_roles, text, expected):
    found = rule_roles(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The rabbit hopped across the frozen pond.",  # a real "hop" is no cue
        "The council promised the land to a school.",  # no infinitive and no clause: nothing said
        "The mayor decided to close the bridge.",  # a decision, not a cue verb
    ],
)
def test_no_infinitive_attribution_without_a_cue_verb_and_its_infinitive(rules, text):
    assert rules(text) == []
