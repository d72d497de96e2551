"""Pronoun and definite sources resolved to earlier mentions, on short texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from claimtrace.analyze.attribution.component import build_attributions
from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.attribution.spans import AttributionSpans
from claimtrace.analyze.pipeline import load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolved():
    """Source text → resolved_to for each attribution of a text, in order."""
    nlp = load_pipeline(components=("claimtrace_attribution",))

    def run(text: str) -> list[tuple[str | None, Any]]:
        with nlp.select_pipes(disable=["claimtrace_attribution"]):
            doc = nlp(text)
        out = []
        for a in build_attributions(doc, find_rule_attributions(doc)):
            source = a.source.text if a.source else None
            out.append((source, a.source_profile.resolved_to if a.source_profile else None))
        return out

    return run


def test_she_resolves_to_the_earlier_speaker(resolved):
    pairs = resolved("Sen. Jane Doe said the bill would pass. She added that the vote would be close.")
    assert pairs[1] == ("She", "Sen. Jane Doe")
    assert pairs[0][1] is None  # a named source needs no resolving


def test_gender_agreement_skips_the_nearer_speaker(resolved):
    pairs = resolved(
        "Mr. Okafor met Ms. Lindqvist in Geneva on Monday. Ms. Lindqvist said the meeting went well. "
        "He said that no agreement had been reached."
    )
    assert pairs[-1][0] == "He"
    assert "Okafor" in pairs[-1][1]


def test_they_resolves_to_a_plural_source(resolved):
    pairs = resolved(
        "Two senior diplomats from the region said the ceasefire was holding. "
        "They added that talks would resume next month."
    )
    assert pairs[1] == ("They", "Two senior diplomats from the region")


def test_it_resolves_to_an_organisation(resolved):
    pairs = resolved(
        "The ministry said on Monday that the border would reopen. It added that trucks would wait."
    )
    assert pairs[1] == ("It", "The ministry")


def test_definite_description_matches_head_noun(resolved):
    pairs = resolved(
        "A senior European diplomat said the talks had stalled. The mayor said the roads were clear. "
        "The diplomat added that a deal was still possible."
    )
    assert pairs[-1] == ("The diplomat", "A senior European diplomat")


def test_plural_definite_matches_singular_head(resolved):
    pairs = resolved("Three officials said the plan was dropped. The officials said it could return.")
    assert pairs[1] == ("The officials", "Three officials")


def test_the_source_takes_an_earlier_anonymous_source(resolved):
    pairs = resolved(
        "A person familiar with the matter said the deal was off. The source added that lawyers were told."
    )
    assert pairs[1] == ("The source", "A person familiar with the matter")


def test_first_person_inside_a_quote_is_its_speaker(resolved):
    pairs = resolved("“I warned them that the deal was dead,” the minister said.")
    # the rules leave a quoted speaker's own "I warned" out (no further source); the tagger may not
    assert pairs == [("the minister", None)]
    text = "“I warned them that the deal was dead,” the minister said."
    nlp = load_pipeline(components=("claimtrace_attribution",))
    with nlp.select_pipes(disable=["claimtrace_attribution"]):
        doc = nlp(text)

    def at(phrase: str) -> tuple[int, int]:
        return text.index(phrase), text.index(phrase) + len(phrase)

    inner = AttributionSpans(content=[at("that the deal was dead")], cue=[at("warned")], source=[at("I")])
    attributions = build_attributions(doc, [*find_rule_attributions(doc), inner])
    speaker = next(a for a in attributions if a.source and a.source.text == "I")
    assert speaker.source_profile is not None and speaker.source_profile.resolved_to == "the minister"


def test_relative_pronoun_takes_the_noun_it_describes(resolved):
    pairs = resolved("The report came from Chris Cox, who said the rules were wrong.")
    assert ("who", "Chris Cox") in pairs


def test_no_antecedent_stays_unresolved(resolved):
    assert resolved("He said the plan had failed.") == [("He", None)]


def test_resolution_follows_a_chain_of_pronouns(resolved):
    pairs = resolved(
        "The governor said the budget was balanced. She said taxes would not rise. She added that schools "
        "would get more money."
    )
    assert [p[1] for p in pairs] == [None, "The governor", "The governor"]


def test_honorific_elsewhere_in_the_document_gives_gender(resolved):
    pairs = resolved(
        "Ms. Haddad and Mr. Tanaka met on Monday. Haddad said the port would reopen. Tanaka said the ships "
        "were waiting. She added that customs officers had returned."
    )
    assert pairs[-1] == ("She", "Haddad")


def test_definite_role_matches_a_named_speaker_with_that_role(resolved):
    pairs = resolved(
        "Spokeswoman Haley Morris said the campaign would go on. Critics said it had no money left. "
        "The spokeswoman added that donations had doubled."
    )
    assert pairs[-1] == ("The spokeswoman", "Spokeswoman Haley Morris")


def test_they_skips_an_unnamed_document(resolved):
    pairs = resolved(
        "Two diplomats said the talks had failed. The statement said a deal was close. "
        "They added that the ceasefire would hold."
    )
    assert pairs[-1] == ("They", "Two diplomats")


def test_surname_resolves_to_the_full_name(resolved):
    text = (
        "The harbour chief, Mara Ostby, said that the port would reopen. "
        '"It is safe now," Ostby told reporters.'
    )
    assert resolved(text)[-1] == ("Ostby", "Mara Ostby")


def test_newspaper_resolves_to_the_outlet_named_in_a_longer_source(resolved):
    text = (
        "The bridge may close for a year, according to a report by The Coastal Herald. "
        "The newspaper said repairs would start in June."
    )
    assert resolved(text)[-1] == ("The newspaper", "The Coastal Herald")


def test_short_outlet_name_resolves_to_the_full_one(resolved):
    text = (
        "The bridge may close, according to a report by The Coastal Herald. "
        "An engineer told the Herald that repairs would take a year."
    )
    assert ("the Herald", "The Coastal Herald") in resolved(text)


def test_gender_a_pronoun_showed_carries_to_later_mentions(resolved):
    pairs = resolved(
        "Ines Moreau and Mr. Karsten Vogel met at noon. “We need more time,” she said. "
        "“Then take it,” said Vogel. “Will you wait?” asked Ines Moreau. “I will,” said he."
    )
    assert pairs[0] == ("she", "Ines Moreau")
    # "she" showed Ines Moreau to be a woman: her later mention as a speaker keeps that, so "he" passes it by
    assert pairs[-1] == ("he", "Karsten Vogel")
