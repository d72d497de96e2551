"""Actor coding conventions of the PLOVER gold records (CAMEO country and sector), on sentences written for
these tests: demonyms in the plural and through a country's short alias, former office holders as elites,
security forces as police, "it" for a body, the country of an actor named without one, well-known leaders and
groups, CAMEO's press, medical, farming and criminal sectors, and the unidentified armed force known by its
weapon and coded by the place it struck."""

from __future__ import annotations

import pytest
import spacy

from claimtrace.analyze.pipeline import add_claimtrace_components
from claimtrace.analyze.places import gazetteer
from claimtrace.settings import Settings


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Americans", "USA"),  # not American Samoa
        ("Turks", "TUR"),  # not Turks and Caicos
        ("Danes", "DNK"),
        ("Britons", "GBR"),
        ("Macedonian", "MKD"),  # the country is "North Macedonia"; its alias gives the demonym
        ("Macedonians", "MKD"),
        ("Togolese", "TGO"),
        ("Iraqis", "IRQ"),
    ],
)
def test_demonyms(word: str, code: str) -> None:
    assert gazetteer().demonym(word) == code


@pytest.mark.parametrize(
    ("name", "code"), [("Kandahar", "AFG"), ("Basra", "IRQ"), ("Samarra", "IRQ"), ("Herat", "AFG")]
)
def test_cities_by_their_plain_english_spelling(name: str, code: str) -> None:
    """geonames spells these "Kandahār", "Basrah", "Sāmarrā’"; news writes them plainly."""
    place = gazetteer().place(name)
    assert place is not None and place.country == code and place.kind == "city"


def test_plain_spellings_never_hide_a_country_or_a_capital() -> None:
    assert gazetteer().place("Georgia").kind == "country"
    assert gazetteer().place("Paris").country == "FRA"


def test_qualifiers_are_no_demonyms() -> None:
    assert gazetteer().demonym("Western") is None
    assert gazetteer().demonym("North") is None


@pytest.fixture(scope="module")
def nlp():
    return add_claimtrace_components(spacy.load(Settings().model), ("claimtrace_events",))


def actor_of(nlp, text: str, trigger: str) -> dict:
    found = [e for e in nlp(text)._.events if trigger in e["trigger"]["text"]]
    assert found, f"no event on {trigger!r} in {text!r}"
    assert found[0]["actor"] is not None
    return found[0]["actor"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "code", "sector"),
    [
        # An office held no longer is an elite, and a former office holder acts at home.
        ("Former prime minister Lars Halvorsen demanded elections in Norway.", "demanded", "NOR", "ELI"),
        ("Ousted president Amadou Kone condemned the Malian junta.", "condemned", "MLI", "ELI"),
        # Security forces and chiefs are the police.
        ("Security forces in Guinea arrested forty students.", "arrested", "GIN", "COP"),
        ("Senegal's security chief banned the rally.", "banned", "SEN", "COP"),
        # A body named without a country acts in the one country the sentence names.
        ("The interior minister banned all rallies in Bamako.", "banned", "MLI", "GOV"),
        ("Teachers of the Kenya National Union marched on the ministry.", "marched", "KEN", "EDU"),
        # A people by its plural demonym.
        ("Hundreds of Macedonians protested outside the embassy.", "protested", "MKD", "CVL"),
        # Well-known leaders and organisations named without a country (analyze/data/known_actors.json).
        ("Putin threatened to cut gas supplies to Ukraine.", "threatened", "RUS", "GOV"),
        ("The Erdogan administration condemned the raid.", "condemned", "TUR", "GOV"),
        ("Former president Chirac demanded a new inquiry.", "demanded", "FRA", "ELI"),
        ("Hezbollah fired rockets at the border town.", "fired", "LBN", "REB"),
        ("The Boko Haram group kidnapped forty villagers.", "kidnapped", "NGA", "REB"),
        ("NATO bombed the bridges over the river.", "bombed", "IGO", "MIL"),
        # CAMEO's sectors: the press is JRN, medicine MED, intelligence SPY, farming AGR.
        ("Kenyan journalists protested outside parliament.", "protested", "KEN", "JRN"),
        ("Nigerian doctors went on strike over pay.", "strike", "NGA", "MED"),
        ("Belgian farmers blocked the roads with tractors.", "blocked", "BEL", "AGR"),
        # Activists are the opposition, inhabitants civilians, hackers and prisoners CAMEO's criminals.
        ("Zambian activists staged a sit-in outside the court.", "staged", "ZMB", "OPP"),
        ("Angry inhabitants of the Nepalese town blocked the highway.", "blocked", "NPL", "CVL"),
        ("Ukrainian hackers attacked the websites of three ministries.", "attacked", "UKR", "CRM"),
        # An attacker known only by its weapon, or as unknown, is an unidentified armed force, coded by the
        # place it struck: the place in its own phrase, the event's place, else the sentence's one country
        # other than the victims' ("a Dutch engineer").
        ("A car bomb near Mosul killed four policemen.", "killed", "IRQ", "UAF"),
        ("Unidentified gunmen shot a Dutch engineer in Kandahar.", "shot", "AFG", "UAF"),
        (
            "Two Canadian soldiers were wounded by an explosive device outside the Afghan town.",
            "wounded",
            "AFG",
            "UAF",
        ),
    ],
)
def test_actor_country_and_sector(nlp, text: str, trigger: str, code: str, sector: str) -> None:
    actor = actor_of(nlp, text, trigger)
    assert (actor["code"], actor["sector"]) == (code, sector)


@pytest.mark.slow
def test_it_stands_for_the_body_that_reports() -> None:
    nlp = add_claimtrace_components(spacy.load(Settings().model), ("claimtrace_events",))
    actor = actor_of(nlp, "The Chadian government announced that it would close the border.", "close")
    assert actor["text"] == "it" and (actor["code"], actor["sector"]) == ("TCD", "GOV")
    assert actor["resolved_to"] == "The Chadian government"


@pytest.mark.slow
def test_the_other_side_of_an_act_is_not_the_actors_country(nlp) -> None:
    actor = actor_of(nlp, "President Okafor threatened sanctions against Liberia.", "threatened")
    assert actor["code"] != "LBR"
