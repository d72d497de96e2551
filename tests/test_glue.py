"""Glued-word repair: split where the evidence is clear, never break a real word."""

from __future__ import annotations

import pytest

from claimtrace.extract.glue import repair_glued_words


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        (
            "a report by the Washington PostCiting three people familiar with the talks",
            "a report by the Washington Post. Citing three people familiar with the talks",
        ),
        ("progress in the talks.The envoy left Geneva", "progress in the talks. The envoy left Geneva"),
        ("the ceasefire held.”The army said", "the ceasefire held.” The army said"),
        ("no deal was reached?However the sides", "no deal was reached? However the sides"),
        ("the parliament votedThe motion failed", "the parliament voted. The motion failed"),
        (
            "a report in the GuardianAccording to the paper",
            "a report in the Guardian. According to the paper",
        ),
    ],
)
def test_clear_glue_is_split(glued: str, repaired: str) -> None:
    assert repair_glued_words(glued) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "She bought an iPhone and an iPad before flying home.",
        "He ordered at McDonald's and met a McDonald from Ohio and Mr. MacArthur.",
        "The clip spread on YouTube and on LinkedIn within hours.",
        "Her PhD thesis was written in JavaScript and presented in PowerPoint.",
        "Investors in BlackRock and FedEx followed Governor DeSantis on WhatsApp.",
        "Visit LiveNation.com or email press@NewsDesk.org for details.",
        "The guest stayed at the WoodSpring Suites near the airport.",
        "Shares of eBay and PayPal rose; JPMorgan and GlaxoSmithKline fell.",
        "The U.S.The",
        "It was 3 p.m.Officials said",
    ],
)
def test_real_words_are_never_broken(text: str) -> None:
    assert repair_glued_words(text) == text


def test_a_mixed_case_word_written_twice_is_a_name_not_glue() -> None:
    text = "The startup FleetStone raised money. FleetStone plans to hire."
    assert repair_glued_words(text) == text


def test_split_needs_english_halves() -> None:
    text = "The minister met Ms KowalskaZbrowski in Warsaw."
    assert repair_glued_words(text) == text


def test_text_evidence_supports_a_split() -> None:
    # "Harbour" and "council" stand alone elsewhere in the text, so "HarbourCouncil" is two words.
    text = "The Harbour board met the council. The HarbourCouncil meeting ended late."
    assert (
        repair_glued_words(text)
        == "The Harbour board met the council. The Harbour Council meeting ended late."
    )
