"""Where rule attributions begin and end: quotes that go on past a long reporting clause, contents kept to
their paragraph, and outlet links that follow their speaker. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def text_of(role: dict[str, Any] | None) -> str | None:
    return None if role is None else role["text"]


def by_source(attributions: list[dict[str, Any]], source: str) -> dict[str, Any]:
    matches = [a for a in attributions if text_of(a["source"]) == source]
    assert len(matches) == 1, [(text_of(a["source"]), text_of(a["content"])) for a in attributions]
    return matches[0]


def test_a_quote_goes_on_after_a_long_reporting_clause(rules):
    text = (
        "“The dam will hold through the winter,” the chief engineer said on Monday, standing beside the "
        "spillway that the county rebuilt after the floods of last spring. “We tested every gate twice.”"
    )
    a = by_source(rules(text), "the chief engineer")
    assert a["content"]["text"].endswith("“We tested every gate twice.”")


def test_a_quote_after_another_speakers_sentence_is_not_continued(rules):
    text = (
        "“The dam will hold,” the chief engineer said. Residents of the valley were not convinced. "
        "“We have heard that before.”"
    )
    a = by_source(rules(text), "the chief engineer")
    assert text_of(a["content"]) == "“The dam will hold,”"


def test_a_parenthetical_report_takes_no_quote_from_the_paragraph_before(rules):
    text = (
        "“It is really the managers. Barry was not the first choice,” Alvarez said. “I do not remember which "
        "choice Barry was, but it was far from first.”"
        "\n\nA new campaign manager, she said, could set a new tone."
    )
    attributions = rules(text)
    quoted = by_source(attributions, "Alvarez")
    assert quoted["content"]["text"].endswith("but it was far from first.”")
    later = by_source(attributions, "she")
    assert "“" not in later["content"]["text"]
    assert "could set a new tone" in later["content"]["text"]


def test_an_outlet_link_carries_the_continued_quote_and_stays_the_parent(rules):
    text = (
        "“The budget is not final,” the treasurer told the Gazette on Friday, after a long council "
        "session. “Every line is still open.”"
    )
    attributions = rules(text)
    speaker = by_source(attributions, "the treasurer")
    outlet = by_source(attributions, "the Gazette")
    assert speaker["content"] == outlet["content"]
    assert speaker["content"]["text"].endswith("“Every line is still open.”")
    assert speaker["parent"] == outlet["id"]


def by_cue_start(attributions: list[dict[str, Any]], word: str) -> dict[str, Any]:
    matches = [a for a in attributions if a["cue"] and a["cue"]["text"].startswith(word)]
    assert len(matches) == 1, [text_of(a["cue"]) for a in attributions]
    return matches[0]


def test_the_time_of_speaking_joins_the_cue(rules):
    a = by_cue_start(
        rules("The harbour authority said Sunday that the pier would close for repairs."), "said"
    )
    assert text_of(a["cue"]) == "said Sunday"
    assert text_of(a["content"]) == "that the pier would close for repairs"


def test_a_date_phrase_after_a_quote_joins_the_cue(rules):
    text = "“We are not leaving,” the tenants’ association wrote earlier this week."
    assert text_of(by_cue_start(rules(text), "wrote")["cue"]) == "wrote earlier this week"


def test_a_place_or_an_interview_stays_out_of_the_cue(rules):
    text = "The senator said in an interview that the vote would be delayed."
    assert text_of(by_cue_start(rules(text), "said")["cue"]) == "said"
    plain = by_cue_start(rules("The senator said that the vote would be delayed."), "said")
    assert text_of(plain["cue"]) == "said"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor went on to say that the bridge would reopen in May.", "went on to say"),
        ("The governor continues to insist that the budget is balanced.", "continues to insist"),
        (
            "The union released a statement saying that the strike would end on Friday.",
            "released a statement saying",
        ),
    ],
)
def test_the_verb_leading_into_a_report_joins_the_cue(rules, text, cue):
    (a,) = [a for a in rules(text) if a["cue"] and a["cue"]["text"].endswith(cue.split()[-1])]
    assert text_of(a["cue"]) == cue


def test_the_issuer_of_a_statement_is_the_source(rules):
    text = "The union released a statement saying that the strike would end on Friday."
    assert text_of(by_cue_start(rules(text), "released")["source"]) == "The union"


def test_a_verb_with_an_object_or_a_sign_does_not_lead_into_the_cue(rules):
    led = rules("The storm led officials to say that the harbour would stay closed.")
    assert [text_of(a["cue"]) for a in led] == ["to say"]
    sign = rules("Protesters held up a sign saying that the mine must close.")
    assert [text_of(a["cue"]) for a in sign] == ["saying"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“We need the money,” the crowd chanted.", "chanted"),
        ("“We are closed until Monday,” the sign read.", "read"),
        ("“The vote is rigged,” the senator charged.", "charged"),
    ],
)
def test_verbs_that_voice_a_quote_next_to_them(rules, text, cue):
    (a,) = rules(text)
    assert (text_of(a["cue"]), a["kind"]) == (cue, "direct")


def test_reading_a_book_is_no_report(rules):
    assert rules("She read the book on the train to the coast.") == []


@pytest.mark.parametrize(
    "text",
    [
        "“Bring your boots, because the river is rising!” she told the volunteers at the depot.",
        "“Who will pay for the new roof?” the treasurer asked the council on Monday.",
    ],
)
def test_an_exclaimed_or_asked_quote_belongs_to_the_clause_after_it(rules, text):
    (a,) = rules(text)
    assert a["kind"] == "direct"
    assert text_of(a["source"]) in ("she", "the treasurer")


def test_a_quote_closed_by_a_period_is_not_taken_by_the_next_sentence(rules):
    text = "“The river is rising.” She told the volunteers that the depot would close at noon."
    (a,) = rules(text)
    assert text_of(a["content"]) == "that the depot would close at noon"


def test_a_report_inside_a_relative_clause(rules):
    text = "The leaks, which the auditor said were hidden to protect the director, began in 2019."
    (a,) = rules(text)
    assert (text_of(a["source"]), text_of(a["cue"])) == ("the auditor", "said")
    assert text_of(a["content"]) == "which … were hidden to protect the director"


def test_a_short_quote_that_hands_over_to_its_speaker(rules):
    (a,) = rules("“Absolutely not,” he said of the plan to merge the two schools.")
    assert (text_of(a["source"]), text_of(a["content"])) == ("he", "“Absolutely not,”")
    (b,) = rules("The minister said: “Never.”")
    assert text_of(b["content"]) == "“Never.”"


def test_a_scare_quote_is_not_speech(rules):
    found = rules("The “reform” was approved, the mayor said, after a long night.")
    assert all(text_of(a["content"]) != "“reform”" for a in found)


def test_a_speaker_named_after_the_verb_that_follows_a_quote(rules):
    found = rules("“Nobody asked us about the road,” wrote a farmer who lives by the river.")
    assert ("a farmer who lives by the river", "wrote") in [
        (text_of(a["source"]), text_of(a["cue"])) for a in found
    ]
    brief = by_source(
        rules("“Meh,” wrote a reader who follows the council. “Who pays for it?”"),
        "a reader who follows the council",
    )
    assert brief["content"]["text"] == "“Meh,” … “Who pays for it?”"


def test_an_object_after_a_verb_with_no_quote_before_it_is_no_speaker(rules):
    found = rules("The clerk wrote a letter to the council about the road.")
    assert all(text_of(a["source"]) != "a letter" for a in found)


def test_a_question_put_to_someone_has_no_source(rules):
    found = rules("Asked if the new rules had rattled them, the growers said the harvest would go ahead.")
    asked = by_cue_start(found, "Asked")
    assert (asked["source"], asked["kind"]) == (None, "no_source")
    assert text_of(asked["content"]) == "if the new rules had rattled them"


def test_asked_about_a_topic_is_no_question(rules):
    found = rules("Asked about the harvest, the growers left the hall.")
    assert all(not (a["cue"] and a["cue"]["text"] == "Asked") for a in found)


def test_a_prepositional_opener_stays_in_an_according_to_content(rules):
    a = by_cue_start(
        rules("In 2014, burglaries in the valley fell by a third, according to the sheriff."), "according"
    )
    assert text_of(a["content"]) == "In 2014, burglaries in the valley fell by a third"


def test_an_adverbial_opener_frames_the_claim_and_stays_out(rules):
    a = by_cue_start(
        rules("Still, the levy will pass next month, according to two council aides."), "according"
    )
    assert text_of(a["content"]) == "the levy will pass next month"


def test_a_content_keeps_the_conjunction_that_opens_its_sentence(rules):
    (a,) = rules("The plan has support. But that is not good enough, the treasurer said.")
    assert text_of(a["content"]) == "But that is not good enough"


def test_a_conjunction_inside_a_sentence_stays_out(rules):
    (a,) = rules("The treasurer said the plan has support but that the vote was close.")
    assert not text_of(a["content"]).startswith("But")


def test_an_announced_object_is_what_was_said(rules):
    a = by_cue_start(rules("The ministry announced a recall of the faulty heaters on Monday."), "announced")
    assert text_of(a["content"]).startswith("a recall of the faulty heaters")


def test_an_announced_pronoun_points_elsewhere(rules):
    assert rules("The ministry announced it on Monday.") == []


def test_a_focus_word_before_the_speaker_stays_out_of_the_source(rules):
    (a,) = rules("Even the harbour master said the ferry was unsafe.")
    assert text_of(a["source"]) == "the harbour master"
    (b,) = rules("The harbour master said the ferry was unsafe.")
    assert text_of(b["source"]) == "The harbour master"


def test_a_contrast_goes_on_with_what_was_said(rules):
    (a,) = rules("The mayor said the levy raised ten million, while the school tax raised four.")
    assert text_of(a["content"]) == "the levy raised ten million, while the school tax raised four"


def test_a_participle_after_the_content_is_the_reporters_own(rules):
    found = rules("The mayor said the levy had passed, calling the vote a turning point for the town.")
    assert text_of(by_cue_start(found, "said")["content"]) == "the levy had passed"


def test_a_participle_hung_on_the_reported_clause_speaks_for_the_reporter(rules):
    text = "The coach insisted that the team had trained hard all winter, saying that the loss was bad luck."
    saying = by_cue_start(rules(text), "saying")
    assert text_of(saying["source"]) == "The coach"
    assert text_of(saying["content"]) == "that the loss was bad luck"


def test_a_coordinated_report_hung_on_the_reported_clause_speaks_for_the_reporter(rules):
    text = "The minister said the talks had stalled over fishing rights and added that a deal was possible."
    added = by_cue_start(rules(text), "added")
    assert text_of(added["source"]) == "The minister"


def test_a_coordinated_clause_with_its_own_subject_keeps_it(rules):
    text = "The minister said the talks had stalled and the envoy added that a deal was still possible."
    found = rules(text)
    assert all(text_of(a["source"]) != "The minister" for a in found if text_of(a["cue"]) == "added")
