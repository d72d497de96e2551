"""Quotes signed with a dash and a name ("“…” ― Carla Ruiz"), as collected reader letters and quotes of the
day print them. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_signature_after_a_space(rule_roles):
    text = "We asked readers about the debate.\n“He talks as if we were not here. It hurts.” ― Carla Ruiz\n"
    assert ("Carla Ruiz", "―", "“He talks as if we were not here. It hurts.”") in rule_roles(text)


def test_a_signature_glued_to_the_closing_mark(rule_roles):
    text = "Readers wrote in.\n“I will vote for the first time this year.”― Tomás Ortega.\n\nMore follow."
    assert ("Tomás Ortega", "―", "“I will vote for the first time this year.”") in rule_roles(text)


def test_a_signature_on_the_line_after_the_quote(rule_roles):
    text = "“The plan will fail because nobody funded it.”\n\n- Senator Mary Holt.\n\nShe has said so before."
    assert ("Senator Mary Holt", "-", "“The plan will fail because nobody funded it.”") in rule_roles(text)


def test_a_dash_inside_a_sentence_signs_nothing(rule_roles):
    assert rule_roles("The vote was close - Republicans won by two seats.") == []
    found = rule_roles("“It is over,” he said - Smith later added that he regretted it.")
    assert all(cue != "-" for _, cue, _ in found)


def test_a_dash_before_a_clause_or_far_from_the_quote_signs_nothing(rule_roles):
    after_quote = "“We tried everything.” — And then the lights went out across the city.\n"
    assert all(cue != "—" for _, cue, _ in rule_roles(after_quote))
    far = "“We tried everything.”\n\nThe council met again.\n\n- Mary Holt\n"
    assert all(cue != "-" for _, cue, _ in rule_roles(far))
