"""Quotes signed with a dash and a name ("“…” ― Carla Ruiz"), as collected reader letters and quotes of the
day print them. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyse(rules):
    """(source, cue, content) texts of each rule attribution."""
    return lambda text: [_roles(a) for a in rules(text)]


def _roles(a: dict[str, Any]) -> tuple[str | None, str | None, str]:
    source, cue = a["source"], a["cue"]
    return (source and source["text"], cue and cue["text"], a["content"]["text"])


def test_a_signature_after_a_space(analyse):
    text = "We asked readers about the debate.\n“He talks as if we were not here. It hurts.” ― Carla Ruiz\n"
    assert ("Carla Ruiz", "―", "“He talks as if we were not here. It hurts.”") in analyse(text)


def test_a_signature_glued_to_the_closing_mark(analyse):
    text = "Readers wrote in.\n“I will vote for the first time this year.”― Tomás Ortega.\n\nMore follow."
    assert ("Tomás Ortega", "―", "“I will vote for the first time this year.”") in analyse(text)


def test_a_signature_on_the_line_after_the_quote(analyse):
    text = "“The plan will fail because nobody funded it.”\n\n- Senator Mary Holt.\n\nShe has said so before."
    assert ("Senator Mary Holt", "-", "“The plan will fail because nobody funded it.”") in analyse(text)


def test_a_dash_inside_a_sentence_signs_nothing(analyse):
    assert analyse("The vote was close - Republicans won by two seats.") == []
    found = analyse("“It is over,” he said - Smith later added that he regretted it.")
    assert all(cue != "-" for _, cue, _ in found)


def test_a_dash_before_a_clause_or_far_from_the_quote_signs_nothing(analyse):
    after_quote = "“We tried everything.” — And then the lights went out across the city.\n"
    assert all(cue != "—" for _, cue, _ in analyse(after_quote))
    far = "“We tried everything.”\n\nThe council met again.\n\n- Mary Holt\n"
    assert all(cue != "-" for _, cue, _ in analyse(far))
