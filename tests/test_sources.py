"""Source profiles read from source descriptions written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span

from claimtrace.analyze.attribution.component import build_attributions
from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.lexicon import outlet_name
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.analyze.sources import EntityIndex, profile_source

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def profile():
    """The profile of the source of "<source> said the plan had failed."."""
    nlp = load_pipeline(components=("claimtrace_attribution",))

    def run(source: str, verb: str = "said") -> dict[str, Any]:
        text = f"{source} {verb} that the plan had failed."
        with nlp.select_pipes(disable=["claimtrace_attribution"]):
            doc = nlp(text)
        (attribution,) = build_attributions(doc, find_rule_attributions(doc))
        assert attribution.source is not None and attribution.source.text == source
        return attribution.to_dict()["source_profile"]

    return run


def test_current_and_former_officials(profile):
    p = profile("Three current and former Western officials")
    assert p["type"] == "anonymous"
    assert (p["count"], p["role"], p["affiliation"]) == (3, "official", "Western")
    # "current and former" flags former: some of the group no longer hold the post
    assert p["former"] is True
    assert p["name"] is None


def test_person_familiar_with_the_matter(profile):
    p = profile("A person familiar with the matter")
    assert (p["type"], p["count"], p["role"]) == ("anonymous", 1, "person familiar with the matter")
    assert p["affiliation"] is None


def test_people_briefed_on_the_talks(profile):
    p = profile("Two people briefed on the talks")
    assert (p["type"], p["count"], p["role"]) == ("anonymous", 2, "person briefed on the talks")


def test_senior_diplomats_from_the_region(profile):
    p = profile("Two senior diplomats from the region")
    assert (p["type"], p["count"], p["role"]) == ("anonymous", 2, "diplomat")
    assert (p["seniority"], p["affiliation"]) == ("senior", "the region")
    assert p["former"] is False


def test_senior_european_diplomat_with_relative_clause(profile):
    p = profile("A senior European diplomat who attended the meeting")
    assert (p["type"], p["count"], p["role"]) == ("anonymous", 1, "diplomat")
    assert (p["seniority"], p["affiliation"]) == ("senior", "European")


def test_plural_without_number_has_no_count(profile):
    p = profile("U.S. officials")
    assert (p["type"], p["count"], p["affiliation"], p["role"]) == ("anonymous", None, "U.S.", "official")


def test_high_ranking_former_aide(profile):
    p = profile("A high-ranking former aide")
    assert (p["seniority"], p["former"], p["count"], p["role"]) == ("high-ranking", True, 1, "aide")


def test_office_holder_is_not_anonymous(profile):
    p = profile("The White House press secretary")
    assert p["type"] == "government"
    assert (p["role"], p["affiliation"], p["name"]) == ("press secretary", "White House", None)


@pytest.mark.parametrize(
    ("source", "name"),
    [("Reuters", "Reuters"), ("The New York Times", "New York Times"), ("CNN", "CNN")],
)
def test_news_outlets_are_media(profile, source, name):
    p = profile(source, verb="reported")
    assert (p["type"], p["name"]) == ("media", name)


def test_senator_with_party_and_state(profile):
    p = profile("Sen. Jane Doe (D-Ore.)")
    assert (p["type"], p["name"], p["role"], p["affiliation"]) == ("person", "Jane Doe", "senator", "D-Ore.")
    assert p["count"] == 1


def test_role_before_name(profile):
    p = profile("Spokeswoman Haley Morris")
    assert (p["type"], p["name"], p["role"]) == ("person", "Haley Morris", "spokeswoman")


def test_name_given_by_appositive(profile):
    p = profile("The minister of trade, Mr. Arturo Benitez,")
    assert (p["type"], p["name"], p["role"]) == ("person", "Arturo Benitez", "minister")


def test_named_spokeswoman_with_affiliation(profile):
    p = profile("Haley Morris, a spokeswoman for the campaign,")
    assert (p["type"], p["name"], p["role"], p["affiliation"]) == (
        "person",
        "Haley Morris",
        "spokeswoman",
        "the campaign",
    )


def test_named_organisation_has_no_place_affiliation(profile):
    p = profile("The Committee for a Responsible Federal Budget")
    assert (p["type"], p["name"], p["affiliation"]) == (
        "organization",
        "Committee for a Responsible Federal Budget",
        None,
    )


def test_one_of_the_aides(profile):
    p = profile("Dana Whitfield, one of the governor's closest aides,")
    assert (p["type"], p["name"], p["role"]) == ("person", "Dana Whitfield", "aide")


def test_government_body(profile):
    p = profile("The State Department")
    assert (p["type"], p["name"]) == ("government", "State Department")


def test_pronoun(profile):
    p = profile("She")
    assert (p["type"], p["count"], p["name"]) == ("pronoun", 1, None)


def test_group(profile):
    p = profile("Protesters")
    assert (p["type"], p["count"]) == ("group", None)


def test_org_label_on_a_name_given_to_a_person_elsewhere():
    nlp = load_pipeline(components=("claimtrace_attribution",))
    with nlp.select_pipes(disable=["claimtrace_attribution"]):
        doc = nlp("Jane Okafor arrived late. Okafor said the plan had failed.")
    # the labels a small NER model sometimes gives: the bare surname as an organisation
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="ORG")]
    p = profile_source(doc[5:6], EntityIndex(doc))
    assert (p.type, p.name) == ("person", "Okafor")


@pytest.mark.parametrize(
    ("source", "name", "role", "affiliation"),
    [
        ("Radio host Dana Okafor", "Dana Okafor", "host", None),
        ("Sky News anchor Dana Okafor", "Dana Okafor", "anchor", "Sky News"),
        ("Dana Okafor of Sky News", "Dana Okafor", None, "Sky News"),
    ],
)
def test_journalist_is_a_person_affiliated_with_the_outlet(profile, source, name, role, affiliation):
    p = profile(source)
    assert (p["type"], p["name"], p["role"]) == ("person", name, role)
    if affiliation is not None:
        assert p["affiliation"] == affiliation


def test_survey_share_is_a_group(profile):
    p = profile("Sixty percent of voters")
    assert p["type"] == "group"


def test_outlet_recognised_by_its_name_words():
    assert outlet_name("The Springfield Herald") == "Springfield Herald"
    assert outlet_name("Yahoo News") == "Yahoo News"
    assert outlet_name("The Springfield Council") is None


def test_outlet_name_needs_a_known_outlet():
    assert outlet_name("the Post") == "Post"
    assert outlet_name("The Wall Street Journal") == "Wall Street Journal"
    assert outlet_name("the committee") is None


def test_surname_alone_is_a_person_not_a_role():
    nlp = load_pipeline(components=("claimtrace_attribution",))
    text = (
        "Norland's fisheries minister, Jorun Vaage, said that the quotas would stay. "
        '"We will not cut them," Vaage told reporters.'
    )
    with nlp.select_pipes(disable=["claimtrace_attribution"]):
        doc = nlp(text)
    profiles = {
        a["source"]["text"]: a["source_profile"]
        for a in (found.to_dict() for found in build_attributions(doc, find_rule_attributions(doc)))
    }
    vaage = profiles["Vaage"]
    assert vaage["type"] == "person"
    assert vaage["name"] == "Vaage" and vaage["role"] is None
    assert vaage["resolved_to"] == "Jorun Vaage"


@pytest.mark.parametrize("source", ["Brandt", "Vaage", "Ms. Kowal"])
def test_role_is_never_the_name_lower_cased(profile, source):
    p = profile(source, verb="says")
    assert p["role"] is None or p["role"] != source.lower()


@pytest.mark.parametrize(
    "source",
    [
        "An employee of the shipyard, who spoke on condition of anonymity,",
        "A person who asked not to be identified",
    ],
)
def test_anonymity_formula_makes_the_source_anonymous(profile, source):
    p = profile(source)
    assert p["type"] == "anonymous"
    assert p["name"] is None
