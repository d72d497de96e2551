"""Anchoring time expressions by tense and narrative time, movable feasts and holiday weeks, and words that
are no time expression — on sentences we wrote."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.analyze.times.holidays import easter
from support.times import PUBLISHED, times, timex

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=("claimtrace_times",))


def date_of(nlp: Language, text: str, expression: str, published: str = PUBLISHED) -> str | None:
    found = timex(nlp, text, published)[expression]
    assert found is not None
    return found["value"]


def test_a_plan_names_a_coming_day_whatever_the_tense_of_the_report(nlp: Language) -> None:
    assert date_of(nlp, "Organisers planned a rally on Saturday.", "Saturday") == "2024-03-16"
    assert date_of(nlp, "The court has scheduled a hearing Monday.", "Monday") == "2024-03-18"
    assert date_of(nlp, "Officials postponed the vote until Tuesday.", "Tuesday") == "2024-03-19"
    assert date_of(nlp, "The summit was planned for early May.", "early May") == "2024-05"
    assert date_of(nlp, "The court has scheduled a hearing Monday to announce its ruling.", "Monday") == (
        "2024-03-18"
    )
    # a time on a verb whose plan is a clause dates the planning; the plan's own time goes with the clause
    assert (
        date_of(nlp, "On Friday, the government planned to pay the first claims.", "Friday") == "2024-03-08"
    )
    assert date_of(nlp, "The government planned to pay the first claims on Friday.", "Friday") == "2024-03-15"
    # without a plan, a past-tense clause still names the last such day
    assert date_of(nlp, "Organisers held a rally on Saturday.", "Saturday") == "2024-03-09"


def test_a_negated_past_modal_reports_the_past(nlp: Language) -> None:
    assert date_of(nlp, "The minister could not be reached Wednesday.", "Wednesday") == "2024-03-13"
    assert date_of(nlp, "Neither he nor his aides could be located Wednesday.", "Wednesday") == "2024-03-13"
    # an affirmative modal still looks ahead
    assert date_of(nlp, "Talks could resume Wednesday.", "Wednesday") == "2024-03-20"


def test_an_infinitive_takes_the_future_of_the_verb_it_completes(nlp: Language) -> None:
    text = "The delegation would be ready to leave as soon as Friday."
    assert date_of(nlp, text, "Friday") == "2024-03-15"


def test_easter_dates() -> None:
    assert easter(2000) == date(2000, 4, 23)
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2025) == date(2025, 4, 20)
    assert easter(2285) == date(2285, 3, 22)  # the earliest possible


def test_movable_feasts(nlp: Language) -> None:
    assert date_of(nlp, "Pilgrims walked the old road on Good Friday.", "Good Friday", "2024-04-02") == (
        "2024-03-29"
    )
    assert date_of(nlp, "The fast begins on Ash Wednesday 2026.", "Ash Wednesday 2026") == "2026-02-18"
    entries = {t["text"]: t for t in times(nlp, "Crowds filled the square on Easter Monday.", "2024-04-03")}
    assert entries["Easter Monday"]["value"] == "2024-04-01"  # the calendar value too


def test_the_week_or_weekend_of_a_holiday(nlp: Language) -> None:
    # a week that has begun by publication is this year's, in a past-tense clause too
    text = "Crowds filled the square as Easter week began."
    entries = {t["text"]: t for t in times(nlp, text, "2025-04-15")}
    assert entries["Easter week"]["timex3"] == {"type": "DATE", "value": "2025-W16"}
    assert entries["Easter week"]["value"] == "2025-04-14/2025-04-20"
    # the weekend before a Monday holiday
    text = "The shops will close over the Memorial Day weekend."
    assert date_of(nlp, text, "the Memorial Day weekend", "2024-05-20") == "2024-W21-WE"


def test_a_clock_time_later_moves_the_story_clock(nlp: Language) -> None:
    text = "The blast came at 10 p.m. on Tuesday. An hour later, the police arrived."
    assert timex(nlp, text)["An hour later"] == {"type": "TIME", "value": "2024-03-12T23:00"}
    # with no clock time to move, TimeML reads the measure alone
    text = "The talks ended on Monday. Just over an hour later, the envoy left."
    assert timex(nlp, text)["over an hour later"] == {"type": "DURATION", "value": "PT1H"}


def test_days_later_still_move_the_story_day(nlp: Language) -> None:
    text = "The envoy arrived on March 3, 2022. About two days later he flew home."
    assert date_of(nlp, text, "two days later") == "2022-03-05"  # "About" is outside the extent


def test_a_bare_unit_or_someone_s_year_is_no_time_expression(nlp: Language) -> None:
    for text, words in (
        ("Late in the day, the lawyers emerged.", "the day"),
        ("She kept a photograph from her year in kindergarten.", "her year"),
        ("He was shot on the night of Oct. 23 in his kitchen.", "the night of"),
    ):
        found = timex(nlp, text)
        assert found.get(words) is None, (text, found)
    # the date beside it still is one
    assert date_of(nlp, "He was shot on the night of Oct. 23 in his kitchen.", "Oct. 23") == "2023-10-23"


def test_days_around_a_named_day(nlp: Language) -> None:
    found = timex(nlp, "He left the day before yesterday and returns the day after tomorrow.")
    assert found["the day before yesterday"] == {"type": "DATE", "value": "2024-03-12"}
    assert found["the day after tomorrow"] == {"type": "DATE", "value": "2024-03-16"}
    assert date_of(nlp, "The deal was signed the day after Christmas.", "the day after Christmas") == (
        "2023-12-26"
    )


def test_this_past_and_this_coming(nlp: Language) -> None:
    found = timex(nlp, "This past weekend was quiet; this coming week will not be.")
    assert found["This past weekend"] == {"type": "DATE", "value": "2024-W10-WE"}
    assert found["this coming week"] == {"type": "DATE", "value": "2024-W12"}


def test_a_clock_time_on_a_day_has_that_day_for_its_calendar_value(nlp: Language) -> None:
    entry = next(t for t in times(nlp, "The vote is at noon Tuesday.") if t["text"] == "noon Tuesday")
    assert (entry["value"], entry["timex3"]) == ("2024-03-19", {"type": "TIME", "value": "2024-03-19T12:00"})


def test_next_week_without_an_article_is_the_week_after_publication(nlp: Language) -> None:
    # a date earlier in the story does not move "next month" or "next week": they are deictic
    found = timex(
        nlp, "On March 3, 2023, the army attacked. Next month it will return, and talks open next week."
    )
    assert found["Next month"] == {"type": "DATE", "value": "2024-04"}
    assert found["next week"] == {"type": "DATE", "value": "2024-W12"}
    # "the next week" leans on the story's time: the week after March 3, 2023 (ISO week 9)
    found = timex(nlp, "On March 3, 2023, the army attacked. The next week, it withdrew.")
    assert found["The next week"] == {"type": "DATE", "value": "2023-W10"}


def test_a_deadline_given_or_extended_lies_ahead(nlp: Language) -> None:
    text = "The ministry has given the families until 9 a.m. Tuesday to leave the camp."
    assert date_of(nlp, text, "9 a.m. Tuesday") == "2024-03-19T09:00"
    assert date_of(nlp, "The court extended its deadline until Monday.", "Monday") == "2024-03-18"
    # "until" alone says nothing of the future
    assert date_of(nlp, "The talks lasted until Tuesday.", "Tuesday") == "2024-03-12"


def test_earlier_or_later_in_the_day_is_the_story_s_day(nlp: Language) -> None:
    text = "The envoy arrived on March 3, 2022. Earlier in the day, rebels had shelled the airport."
    assert date_of(nlp, text, "Earlier in the day") == "2022-03-03"


def test_that_day_after_a_year_alone_is_an_unknown_day_of_it(nlp: Language) -> None:
    found = timex(nlp, "In 2011, the rebels took the city. That day, the president fled.")
    assert found["That day"] == {"type": "DATE", "value": "2011-XX-XX"}
    found = timex(nlp, "The rebels took the city last October. The president fled that same day.")
    assert found["that same day"] == {"type": "DATE", "value": "2023-10-XX"}
    assert date_of(
        nlp, "The rebels took the city on May 3, 2011. That day, the president fled.", "That day"
    ) == ("2011-05-03")


def test_anaphoric_days_ner_misses_lean_on_the_story_s_day(nlp: Language) -> None:
    text = "The embassy was bombed on Aug. 7, 2023. That night, police searched the port."
    assert date_of(nlp, text, "That night") == "2023-08-07"
    text = (
        "The embassy was bombed on Aug. 7, 2023. On the following Monday the FBI arrived; "
        "the previous Friday it had warned."
    )
    found = timex(nlp, text)
    assert found["the following Monday"] == {"type": "DATE", "value": "2023-08-14"}
    assert found["the previous Friday"] == {"type": "DATE", "value": "2023-08-11"}
    # without "the", "next Monday" is the one after publication (a Thursday)
    assert date_of(
        nlp, "The embassy was bombed on Aug. 7, 2023. The FBI arrives next Monday.", "next Monday"
    ) == ("2024-03-18")
