"""TIMEX3 values on `times[]` (TimeML's grammar), anchoring by tense and narrative time, recognition that
keeps seasons, ranges and times of day whole, and undated pages dated to an interval — on sentences we
wrote."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimtrace.analyze.pipeline import doc_to_record, load_pipeline
from claimtrace.analyze.times import publication
from claimtrace.record import Document, Meta
from support.times import times, timex

pytestmark = pytest.mark.slow

# TimeML TIMEX3 values: dates (with weeks, seasons, quarters, halves, decades, centuries, parts of day and
# clock times), durations, sets and the three fuzzy references.
TIMEX3_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX.]+[YMWD])*(?:T(?:[\dX.]+[HMS])+)?"
    r"|(?:FY)?\d{2,4}X?|\d{3}X"
    r"|(?:\d{4}|XXXX)-(?:\d{2}|XX|W\d{2}|WXX|SP|SU|FA|WI|Q[1-4]|H[12])"
    r"(?:-(?:\d{2}|XX|\d|WE))?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)$"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=("claimtrace_times",))


def test_durations(nlp: Language) -> None:
    found = timex(
        nlp,
        "The talks lasted three days. The crew worked 5 1/2 hours on a 16-hour shift, after a decade of "
        "neglect and 90 days of strikes. Prices have climbed for the past two months and fallen for years.",
    )
    assert found["three days"] == {"type": "DURATION", "value": "P3D"}
    assert found["5 1/2 hours"] == {"type": "DURATION", "value": "PT5H30M"}
    assert found["16-hour"] == {"type": "DURATION", "value": "PT16H"}
    assert found["a decade"] == {"type": "DURATION", "value": "P10Y"}
    assert found["90 days"] == {"type": "DURATION", "value": "P90D"}
    assert found["the past two months"] == {"type": "DURATION", "value": "P2M"}
    assert found["years"] == {"type": "DURATION", "value": "PXY"}


def test_sets(nlp: Language) -> None:
    found = timex(
        nlp,
        "The paper is printed daily, the council meets every week and every Monday; audits run twice a year.",
    )
    assert found["daily"] == {"type": "SET", "value": "P1D"}
    assert found["every week"] == {"type": "SET", "value": "P1W"}
    assert found["every Monday"] == {"type": "SET", "value": "XXXX-WXX-1"}
    assert found["twice a year"] == {"type": "SET", "value": "P1Y"}


def test_seasons_are_one_expression_with_a_season_value(nlp: Language) -> None:
    entries = times(nlp, "The school reopened in the fall of 2022, and the pool closed last summer.")
    found = {t["text"]: t for t in entries}
    assert found["the fall of 2022"]["timex3"] == {"type": "DATE", "value": "2022-FA"}
    assert found["the fall of 2022"]["value"] == "2022-09/2022-11"  # the calendar value is kept as it was
    assert found["last summer"]["timex3"] == {"type": "DATE", "value": "2023-SU"}
    assert not any(t["text"] == "2022" for t in entries)


def test_ranges(nlp: Language) -> None:
    found = {t["text"]: t for t in times(nlp, "Exports fell in 2009-2010. They fell again from May to July.")}
    assert found["2009-2010"]["timex3"] == {"type": "DURATION", "value": "P2Y"}
    assert found["2009-2010"]["value"] == "2009/2010"
    # a range written out is TimeML's two ends, each a TIMEX3, and the whole for claimtrace's interval
    assert (found["from May to July"]["value"], found["from May to July"]["timex3"]) == (
        "2023-05/2023-07",
        None,
    )
    assert found["May"]["timex3"] == {"type": "DATE", "value": "2023-05"}
    assert found["July"]["timex3"] == {"type": "DATE", "value": "2023-07"}
    found = timex(nlp, "He was convicted twice between 1994 and 1997.")
    assert (found["1994"], found["1997"]) == (
        {"type": "DATE", "value": "1994"},
        {"type": "DATE", "value": "1997"},
    )


def test_times_of_day_stay_whole_and_carry_their_day(nlp: Language) -> None:
    text = "The blast came at 10:35 a.m. Friday. Police arrived at 8 PM. Rescuers left Tuesday night."
    found = timex(nlp, text)
    assert found["10:35 a.m. Friday"] == {"type": "TIME", "value": "2024-03-08T10:35"}
    assert found["8 PM"] == {"type": "TIME", "value": "2024-03-08T20:00"}  # the story's day: that Friday
    # a part of a day is written as its day, as the AQUAINT annotation mostly does (analyze/times/timex3.py)
    assert found["Tuesday night"] == {"type": "DATE", "value": "2024-03-12"}
    found = timex(
        nlp, "The envoy landed on March 3, 2022. The next morning he met the chancellor. He left tonight."
    )
    assert found["The next morning"] == {"type": "DATE", "value": "2022-03-04"}
    assert found["tonight"] == {"type": "DATE", "value": "2024-03-14"}
    # a set keeps its part of the day
    assert timex(nlp, "The guards patrol every night.")["every night"] == {
        "type": "SET",
        "value": "XXXX-XX-XXTNI",
    }


def test_weeks_quarters_and_fuzzy_references(nlp: Language) -> None:
    found = timex(
        nlp,
        "Sales fell last week and in the first quarter of 2023. The firm is now cutting jobs, "
        "recently closed a plant and may sell another in the future.",
    )
    assert found["last week"] == {"type": "DATE", "value": "2024-W10"}
    assert found["the first quarter of 2023"] == {"type": "DATE", "value": "2023-Q1"}
    assert found["now"] == {"type": "DATE", "value": "PRESENT_REF"}
    assert found["recently"] == {"type": "DATE", "value": "PAST_REF"}
    assert found["the future"] == {"type": "DATE", "value": "FUTURE_REF"}


def test_an_age_is_not_a_time_expression(nlp: Language) -> None:
    found = timex(nlp, "A 6-year-old boy was rescued.")
    assert found == {"6-year-old": None}


def test_tense_decides_past_or_future(nlp: Language) -> None:
    past = timex(nlp, "The plant closed in August.", "2013-03-10")
    future = timex(nlp, "The plant will reopen in August.", "2013-03-10")
    assert past["August"] == {"type": "DATE", "value": "2012-08"}
    assert future["August"] == {"type": "DATE", "value": "2013-08"}
    met = timex(nlp, "The envoys met Friday.")
    will_meet = timex(nlp, "The envoys will meet Friday.")
    assert met["Friday"]["value"] == "2024-03-08"  # type: ignore[index]
    assert will_meet["Friday"]["value"] == "2024-03-15"  # type: ignore[index]


def test_the_calendar_value_follows_the_same_anchoring(nlp: Language) -> None:
    entries = times(nlp, "The plant closed in August.", "2013-03-10")
    assert entries[0]["value"] == "2012-08"


def test_narrative_anchoring(nlp: Language) -> None:
    found = timex(
        nlp,
        "The envoy arrived in Vienna on March 3, 2022. The next day he met the chancellor. "
        "Two days later he flew home, and that Sunday he resigned.",
    )
    assert found["The next day"] == {"type": "DATE", "value": "2022-03-04"}
    assert found["Two days later"] == {"type": "DATE", "value": "2022-03-06"}
    assert found["that Sunday"] == {"type": "DATE", "value": "2022-03-06"}


def test_a_past_month_follows_the_year_its_sentence_names(nlp: Language) -> None:
    found = timex(nlp, "In 2009, the company fired its chief in August.", "2013-03-10")
    assert found["August"] == {"type": "DATE", "value": "2009-08"}
    # a deictic expression still resolves against the publication date
    found = timex(nlp, "In 2009, the company was founded; it collapsed last week.", "2013-03-10")
    assert found["last week"] == {"type": "DATE", "value": "2013-W09"}


def test_undated_article_is_dated_to_an_interval(nlp: Language) -> None:
    text = (
        "The school opened a new wing in the fall of 2022. Since last September, enrolment has grown. "
        "This fall, the school will add a gym."
    )
    doc = nlp.make_doc(text)
    doc._.published = None
    doc = nlp(doc)
    record = doc_to_record(doc, Document(id="undated", text=text, meta=Meta()))
    meta = record.meta
    assert meta.published_basis == "inferred"
    assert meta.published_interval == "2022-09/2022-11"
    assert meta.published == "2022-09"
    assert meta.published_evidence is not None
    assert {"the fall of 2022", "This fall"} <= set(meta.published_evidence)


def test_future_tense_bounds_an_undated_page_from_above(nlp: Language) -> None:
    doc = nlp.make_doc("The talks began on May 2, 2023. The treaty will be signed in June 2023.")
    doc._.published = None
    doc = nlp(doc)
    assert doc._.published_interval == "2023-05/2023-06"
    assert doc._.published_inferred == "2023-05-02"


def test_copyright_line_gives_no_interval(nlp: Language) -> None:
    doc = nlp.make_doc("The ministers met on Tuesday.\n© 2019 Example Daily. All rights reserved.")
    doc._.published = None
    doc = nlp(doc)
    assert (doc._.published_inferred, doc._.published_interval) == (None, None)


PHRASES = [
    "on Tuesday night",
    "since the fall of 2021",
    "every Monday",
    "three weeks",
    "at 9 a.m.",
    "now",
    "2009-2010",
    "the next day",
    "last week",
    "in August",
    "a 6-year-old",
    "the 1990s",
    "this century",
    "Thanksgiving Day",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=5),
    st.sampled_from([None, "2024-03-14", "2024-03", "2000-01-01"]),
)
def test_every_timex3_is_well_formed(nlp: Language, phrases: list[str], published: str | None) -> None:
    text = " ".join(f"The envoy left {phrase}." for phrase in phrases)
    for entry in times(nlp, text, published):
        t3 = entry["timex3"]
        if t3 is None:
            continue
        assert set(t3) == {"type", "value"}
        assert t3["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert t3["value"] is None or TIMEX3_VALUE.match(t3["value"]), t3


def test_recognition_splits_year_lists_and_finds_dates_ner_misses(nlp: Language) -> None:
    found = timex(nlp, "Shots were fired near the border in 1994, 1995 and 1997.")
    assert [found.get(year) for year in ("1994", "1995", "1997")] == [
        {"type": "DATE", "value": year} for year in ("1994", "1995", "1997")
    ]
    found = timex(nlp, "Travel fell after the Aug. 7 embassy bombings and the post-1959 exodus.")
    assert found["Aug. 7"] == {"type": "DATE", "value": "2023-08-07"}
    assert found["post-1959"] == {"type": "DATE", "value": "1959"}


def test_a_second_before_a_noun_is_an_ordinal(nlp: Language) -> None:
    assert "a second" not in timex(nlp, "It would be a second betrayal, she said.")
    assert timex(nlp, "He paused for a second.")["a second"] == {"type": "DURATION", "value": "PT1S"}


def test_fractions_of_units_and_centuries(nlp: Language) -> None:
    found = timex(
        nlp,
        "The talks took half an hour, then an hour and a half, then half a day, then 1 1/2 years. "
        "It is a 21st-century problem that has lasted a quarter century.",
    )
    assert found["half an hour"] == {"type": "DURATION", "value": "PT30M"}
    assert found["an hour and a half"] == {"type": "DURATION", "value": "PT1H30M"}
    assert found["half a day"] == {"type": "DURATION", "value": "PT12H"}
    assert found["1 1/2 years"] == {"type": "DURATION", "value": "P1Y6M"}
    assert found["21st-century"] == {"type": "DATE", "value": "20"}
    assert found["a quarter century"] == {"type": "DURATION", "value": "P25Y"}


def test_the_last_or_next_decade_is_ten_years(nlp: Language) -> None:
    found = timex(nlp, "Growth stalled over the last decade and will recover in the next decade.")
    assert found["the last decade"] == {"type": "DURATION", "value": "P10Y"}
    assert found["the next decade"] == {"type": "DURATION", "value": "P10Y"}


def test_an_entity_ending_in_a_conjunction_loses_it(nlp: Language) -> None:
    found = timex(nlp, "The economy grew in the 1980s and 1990s.")
    assert found["1980s"] == {"type": "DATE", "value": "198X"}
    assert found["1990s"] == {"type": "DATE", "value": "199X"}


def test_days_of_one_month_listed_or_spanned(nlp: Language) -> None:
    # a list of days is one expression a day, as TimeML marks them; a bare day takes its list's month
    found = times(nlp, "The summit was held on April 24 and 25.")
    assert [(t["text"], t["timex3"]["value"]) for t in found] == [
        ("April 24", "2023-04-24"),
        ("25", "2023-04-25"),
    ]
    # a span of days is one expression, an anchored duration like "2009-2010"
    (entry,) = times(nlp, "The fair ran July 25-28.")
    assert entry["value"] == "2023-07-25/2023-07-28"
    assert entry["timex3"] == {"type": "DURATION", "value": "P4D"}


def test_dotted_time_zones_keep_a_clock_time_whole(nlp: Language) -> None:
    found = timex(nlp, "The debate starts at 9 p.m. E.S.T. on Tuesday.")
    assert found["9 p.m. E.S.T. on Tuesday"] == {"type": "TIME", "value": "2024-03-19T21:00"}
    found = timex(nlp, "Coverage starts at 8 p.m. E.T.")
    assert found["8 p.m. E.T."] == {"type": "TIME", "value": "2024-03-14T20:00"}


def test_a_year_before_its_month_an_iso_month_and_an_early_year(nlp: Language) -> None:
    found = times(nlp, "The census of 1523 was lost; the figures for 2016-07 were revised in 1963 March.")
    values = {t["text"]: (t["value"], t["timex3"]) for t in found}
    assert values["1523"] == ("1523", {"type": "DATE", "value": "1523"})
    assert values["2016-07"] == ("2016-07", {"type": "DATE", "value": "2016-07"})
    assert values["1963 March"] == ("1963-03", {"type": "DATE", "value": "1963-03"})


def test_seasons_with_the_this_decade_and_this_morning(nlp: Language) -> None:
    found = timex(nlp, "The crisis began in the fall; the fall of the government came later.")
    assert found["the fall"] == {"type": "DATE", "value": "2023-FA"}
    assert "the fall of the government" not in found
    assert timex(nlp, "This decade has been hard.")["This decade"] == {"type": "DATE", "value": "202X"}
    found = timex(nlp, "This morning's rally was peaceful.")
    assert found["This morning"] == {"type": "DATE", "value": "2024-03-14"}


@pytest.mark.parametrize(
    "phrase",
    ["last fall", "in September", "Oct. 23", "next spring", "the third quarter", "Feb. 29", "March 17"],
)
def test_dating_a_page_moves_a_yearly_value_as_working_it_out_would(phrase: str) -> None:
    # publication.py works a month or season out for one year and moves it to the year tried
    for tense in (None, "past", "future"):
        for month in range(1996 * 12, 2029 * 12):
            assert publication._relative_at(phrase, month, tense) == publication._relative_in(
                phrase, month, tense
            )


def test_the_article_before_a_date_is_its_noun_phrase_s(nlp: Language) -> None:
    found = times(
        nlp, "The Aug. 7, 2023 bombings and the 1996 election were recalled over the past two years."
    )
    assert [t["text"] for t in found] == ["Aug. 7, 2023", "1996", "the past two years"]
    assert found[0]["timex3"] == {"type": "DATE", "value": "2023-08-07"}


def test_a_range_cut_short_keeps_its_end_not_its_signal(nlp: Language) -> None:
    # NER takes "between now and" (its second end left off): "between" is TimeML's signal, "now" the time
    found = times(nlp, "The court ruled he will not be deported between now and April 9.")
    assert [t["text"] for t in found] == ["now", "April 9"]
    assert found[0]["timex3"] == {"type": "DATE", "value": "PRESENT_REF"}


def test_a_count_before_a_capitalised_unit_is_a_title(nlp: Language) -> None:
    found = timex(nlp, "She told 60 Minutes that the strike would go on for 60 minutes.")
    assert "60 Minutes" not in found
    assert found["60 minutes"] == {"type": "DURATION", "value": "PT60M"}


def test_a_slated_plan_lies_ahead_of_a_past_report(nlp: Language) -> None:
    # spaCy lemmatises "slated" as "slat": the participle's own form says it plans
    found = timex(nlp, "They talked about the slated visit in September.")
    assert found["September"] == {"type": "DATE", "value": "2024-09"}


def test_quarters_and_halves_without_a_year_are_placed_by_tense(nlp: Language) -> None:
    # published January 2013: last year's fourth quarter is the one reported on
    found = timex(
        nlp,
        "The firm said its fourth-quarter profit rose, and sales fell in the fourth quarter.",
        "2013-01-22",
    )
    assert found["fourth-quarter"] == {"type": "DATE", "value": "2012-Q4"}
    assert found["the fourth quarter"] == {"type": "DATE", "value": "2012-Q4"}
    found = timex(nlp, "Sales will recover in the fourth quarter.", "2013-01-22")
    assert found["the fourth quarter"] == {"type": "DATE", "value": "2013-Q4"}
    # "the first quarter" is the calendar's quarter, not a duration of three months
    assert timex(nlp, "Sales rose in the first quarter.", "2013-05-02")["the first quarter"] == {
        "type": "DATE",
        "value": "2013-Q1",
    }
    assert timex(nlp, "Sales grew for the first two quarters.")["the first two quarters"] == {
        "type": "DURATION",
        "value": "P6M",
    }


def test_a_part_of_a_year_named_with_its_year_in_words(nlp: Language) -> None:
    found = timex(nlp, "Profits fell in the third quarter of last year and in the spring of this year.")
    assert found["the third quarter of last year"] == {"type": "DATE", "value": "2023-Q3"}
    assert found["the spring of this year"] == {"type": "DATE", "value": "2024-SP"}
    found = timex(nlp, "The plant will open in the summer of next year.")
    assert found["the summer of next year"] == {"type": "DATE", "value": "2025-SU"}
    # "the year" and "that year" are the story's where it has just named one
    found = timex(nlp, "In 2009, sales fell in the first half of the year.")
    assert found["the first half of the year"] == {"type": "DATE", "value": "2009-H1"}
    found = timex(nlp, "In 2009, the drought came in the summer of that year.")
    assert found["the summer of that year"] == {"type": "DATE", "value": "2009-SU"}
    # without one, "of the year" is placed as the bare quarter or half is
    found = timex(nlp, "Profits fell in the second half of the year.", "2013-01-22")
    assert found["the second half of the year"] == {"type": "DATE", "value": "2012-H2"}


def test_the_story_s_neighbour_year_and_a_zone_of_two_letters(nlp: Language) -> None:
    found = timex(nlp, "In 2012 the firm lost money. The following year it recovered.")
    assert found["The following year"] == {"type": "DATE", "value": "2013"}
    found = timex(nlp, "The attack came on May 3, 2011; the previous week, police had warned of it.")
    assert found["the previous week"] == {"type": "DATE", "value": "2011-W17"}
    # "ET" is a time zone, not the day of a clock time
    found = timex(nlp, "The vote came on March 12, 2024, at 2 p.m. ET.")
    assert found["2 p.m. ET"] == {"type": "TIME", "value": "2024-03-12T14:00"}
    found = timex(nlp, "Trading resumes at 9:30 a.m. ET Monday.")
    assert found["9:30 a.m. ET Monday"] == {"type": "TIME", "value": "2024-03-18T09:30"}


def test_approximations_earlier_and_possessives_lie_outside_the_extent(nlp: Language) -> None:
    entries = times(
        nlp,
        "The strike lasted about five hours. Officials said earlier this week that last month's talks had "
        "failed after nearly two weeks.",
    )
    found = {t["text"]: t["timex3"] for t in entries}
    # the phrase is still read whole: the values are the measure's and the week's
    assert found["five hours"] == {"type": "DURATION", "value": "PT5H"}
    assert found["this week"] == {"type": "DATE", "value": "2024-W11"}
    assert found["last month"] == {"type": "DATE", "value": "2024-02"}
    assert found["two weeks"] == {"type": "DURATION", "value": "P2W"}
    # "earlier that day" is one anaphoric expression
    found = timex(nlp, "The envoy landed on March 3, 2022. Earlier that day, he had met the king.")
    assert found["Earlier that day"] == {"type": "DATE", "value": "2022-03-03"}


def test_a_month_with_its_year_in_words_is_one_expression(nlp: Language) -> None:
    entries = times(nlp, "The vote will be held in mid-March next year; prices rose in March last year.")
    found = {t["text"]: (t["value"], t["timex3"]) for t in entries}
    assert found["mid-March next year"] == ("2025-03", {"type": "DATE", "value": "2025-03"})
    assert found["March last year"] == ("2023-03", {"type": "DATE", "value": "2023-03"})
    assert "next year" not in found
    # "may" in lower case is the modal
    assert [t["text"] for t in times(nlp, "The dispute may last year after year.")] == ["last year"]


def test_a_decade_in_words_after_the_is_a_decade(nlp: Language) -> None:
    found = timex(nlp, "In the nineties, the city boomed; in the early sixties it had declined.")
    assert found["the nineties"] == {"type": "DATE", "value": "199X"}
    assert found["the early sixties"] == {"type": "DATE", "value": "196X"}
    # with a possessive it is an age
    assert timex(nlp, "Both men are in their sixties.").get("their sixties") is None


def test_a_measure_of_a_named_period_is_a_duration(nlp: Language) -> None:
    found = timex(
        nlp,
        "Sales rose in the first nine months of the year, and profit fell in the nine months ended Sept. 30.",
    )
    assert found["the first nine months of the year"] == {"type": "DURATION", "value": "P9M"}
    assert found["the nine months ended Sept. 30"] == {"type": "DURATION", "value": "P9M"}


def test_the_same_year_and_a_month_of_a_year_the_story_names(nlp: Language) -> None:
    found = timex(nlp, "The plant opened in 2005. The same year, the town grew. That month, it rained.")
    assert found["The same year"] == {"type": "DATE", "value": "2005"}
    # the story names the year, not the month: TimeML writes the month unknown
    assert found["That month"] == {"type": "DATE", "value": "2005-XX"}


def test_an_approximate_or_a_century_ago(nlp: Language) -> None:
    entries = times(nlp, "He left about a week ago; the firm opened more than a century ago.")
    found = {t["text"]: (t["value"], t["timex3"]) for t in entries}
    assert found["a week ago"] == ("2024-03-07", {"type": "DATE", "value": "2024-W10"})
    assert found["more than a century ago"] == ("1924", {"type": "DATE", "value": "1924"})


def test_a_bare_unit_keeps_the_word_that_says_which(nlp: Language) -> None:
    # NER marks "year" alone before a possessive; "this" says which year
    found = timex(nlp, "This year's budget is tight, and last year's crop was poor.")
    assert found["This year"] == {"type": "DATE", "value": "2024"}
    assert found["last year"] == {"type": "DATE", "value": "2023"}


def test_a_half_hour_and_a_hyphened_quarter_century(nlp: Language) -> None:
    found = timex(nlp, "He waited a half hour; the meeting lasted a half-hour; the feud a quarter-century.")
    assert found["a half hour"] == {"type": "DURATION", "value": "PT30M"}
    assert found["a half-hour"] == {"type": "DURATION", "value": "PT30M"}
    assert found["a quarter-century"] == {"type": "DURATION", "value": "P25Y"}


def test_a_decade_with_its_apostrophe_and_the_year_end(nlp: Language) -> None:
    found = timex(nlp, "He was born in the '60s; she is in her 60s.")
    assert found["'60s"] == {"type": "DATE", "value": "196X"}
    assert found.get("her 60s") is None
    found = timex(nlp, "The law expires at year-end; the plan was announced at midyear.")
    assert found["year-end"] == {"type": "DATE", "value": "2024"}
    assert found["midyear"] == {"type": "DATE", "value": "2024"}


def test_a_week_of_a_named_month_is_its_iso_week(nlp: Language) -> None:
    found = timex(
        nlp, "The merger closed in the first week of January; sales fell in the last week of December 2012."
    )
    assert found["the first week of January"] == {"type": "DATE", "value": "2024-W01"}
    assert found["the last week of December 2012"] == {"type": "DATE", "value": "2012-W52"}
    # "or so" is an approximation of what it follows
    found = timex(nlp, "She has worked there for the last 10 years or so.")
    assert found["the last 10 years or so"] == {"type": "DURATION", "value": "P10Y"}


def test_a_vague_count_of_units_later_is_near_the_story_s_time(nlp: Language) -> None:
    found = timex(
        nlp, "The quake struck on Jan. 12, 2010. Hours later, aid arrived. Days later, the rains came."
    )
    assert found["Hours later"] == {"type": "DATE", "value": "2010-01-12"}
    assert found["Days later"] == {"type": "DATE", "value": "2010-01-XX"}
    found = timex(nlp, "The firm was sold in 2009. Weeks later, its chief quit.")
    assert found["Weeks later"] == {"type": "DATE", "value": "2009-WXX"}


def test_a_vague_stretch_before_or_after_an_event_is_a_date_near_the_story_s_time(nlp: Language) -> None:
    text = "The mayor was shot on Oct. 23, 1998. His car was seen in the weeks before the shooting."
    entries = {t["text"]: t for t in times(nlp, text)}
    assert entries["weeks"]["timex3"] == {"type": "DATE", "value": "1998-10"}  # "the" is outside the extent
    text = "The firm collapsed in March 2009. In the months after the collapse, its chief quit."
    assert timex(nlp, text)["months"] == {"type": "DATE", "value": "2009"}
    text = "The bank failed on Jan. 12, 2010. Its chief resigned days after the bank failed."
    assert timex(nlp, text)["days"] == {"type": "DATE", "value": "2010-01-XX"}  # as "Days later"
    # a length stays one: "for weeks before the vote"
    text = "The vote was held on May 3, 2011. He had campaigned for weeks before the vote."
    assert timex(nlp, text)["weeks"] == {"type": "DURATION", "value": "PXW"}


def test_a_day_moved_from_a_named_day_is_one_expression(nlp: Language) -> None:
    # published Thursday 2024-03-14
    found = timex(nlp, "The envoy left the day after Monday's vote.")
    assert found["the day after Monday"] == {"type": "DATE", "value": "2024-03-12"}
    found = timex(nlp, "He arrived three days before Christmas.")
    assert found["three days before Christmas"] == {"type": "DATE", "value": "2023-12-22"}
    # and it is the story's day: "the next morning" follows it
    text = "The day before last Tuesday's hearing, he fell ill. He appeared in court the next morning."
    found = timex(nlp, text)
    assert found["The day before last Tuesday"] == {"type": "DATE", "value": "2024-03-11"}
    assert found["the next morning"] == {"type": "DATE", "value": "2024-03-12"}


def test_a_month_that_opens_a_name_is_no_time(nlp: Language) -> None:
    assert "March" not in timex(nlp, "Protesters joined the annual March for Life on Capitol Hill.")
    assert "March" not in timex(nlp, "She attended a March of Dimes gala.")
    # after a preposition, or before a weekday or a year, it is the month
    assert timex(nlp, "He ran in March for Congress.")["March"] == {"type": "DATE", "value": "2024-03"}
    assert timex(nlp, "Talks resume in March on Monday.")["March"] == {"type": "DATE", "value": "2024-03"}
    found = timex(nlp, "It happened in March of 2012.")
    assert found["March of 2012"] == {"type": "DATE", "value": "2012-03"}


def test_a_unit_after_a_count_of_things_is_a_rate(nlp: Language) -> None:
    found = timex(nlp, "We are doing hundreds of interviews a day, he said.")
    assert found["a day"] == {"type": "SET", "value": "P1D"}
    assert timex(nlp, "Prices rose 5 percent a year.")["a year"] == {"type": "SET", "value": "P1Y"}
    # a length stays one
    assert timex(nlp, "She waited a day before calling.")["a day"] == {"type": "DURATION", "value": "P1D"}


def test_the_night_before_is_the_story_s_neighbour(nlp: Language) -> None:
    found = timex(nlp, "The envoy arrived on May 3, 2011. The night before, rebels had attacked.")
    assert found["The night before"] == {"type": "DATE", "value": "2011-05-02"}
    found = timex(nlp, "He arrived on May 3, 2011, and had called the day before.")
    assert found["the day before"] == {"type": "DATE", "value": "2011-05-02"}


def test_a_weekday_of_a_named_week_a_count_from_a_day_and_the_week_after_next(nlp: Language) -> None:
    # published Thursday 2024-03-14, ISO week 11
    entries = times(nlp, "The cabinet met on Monday last week and will meet again Tuesday next week.")
    found = {t["text"]: (t["value"], t["timex3"]) for t in entries}
    assert found["Monday last week"] == ("2024-03-04", {"type": "DATE", "value": "2024-03-04"})
    assert found["Tuesday next week"] == ("2024-03-19", {"type": "DATE", "value": "2024-03-19"})
    found = timex(
        nlp, "He will return a week from today, or the week after next. The week before last, it rained."
    )
    assert found["a week from today"] == {"type": "DATE", "value": "2024-W12"}
    assert found["the week after next"] == {"type": "DATE", "value": "2024-W13"}
    assert found["The week before last"] == {"type": "DATE", "value": "2024-W09"}


def test_the_early_hours_of_a_day_and_midweek(nlp: Language) -> None:
    entries = times(nlp, "The blast came in the early hours of March 3, 2011; the talks end by midweek.")
    found = {t["text"]: (t["value"], t["timex3"]) for t in entries}
    assert found["the early hours of March 3, 2011"] == (
        "2011-03-03",
        {"type": "DATE", "value": "2011-03-03"},
    )
    assert found["midweek"] == (None, {"type": "DATE", "value": "2024-W11"})


def test_this_day_is_today(nlp: Language) -> None:
    found = {t["text"]: (t["value"], t["timex3"]) for t in times(nlp, "To this day, the case is unsolved.")}
    assert found["this day"] == ("2024-03-14", {"type": "DATE", "value": "2024-03-14"})


def test_all_of_a_unit_is_its_length(nlp: Language) -> None:
    found = timex(nlp, "All week, officials debated the plan; protests went on all weekend.")
    assert found["All week"] == {"type": "DURATION", "value": "P1W"}
    assert found["all weekend"] == {"type": "DURATION", "value": "P2D"}
    found = timex(nlp, "After a weekend of talks, the strike ended.")
    assert found["a weekend"] == {"type": "DURATION", "value": "P2D"}


def test_a_vague_measure_as_an_adjective_is_one_duration(nlp: Language) -> None:
    entries = times(nlp, "Kenya hoped for an end to a years-old slump, after a decades-long feud.")
    assert [(t["text"], t["timex3"]) for t in entries] == [
        ("years-old", {"type": "DURATION", "value": "PXY"}),
        ("decades-long", {"type": "DURATION", "value": "PXY"}),
    ]


def test_a_range_of_clock_times_is_two_times_on_its_day(nlp: Language) -> None:
    found = timex(nlp, "The polls were open from 9 a.m. to 5 p.m. on Tuesday.")
    assert found["9 a.m."] == {"type": "TIME", "value": "2024-03-12T09:00"}
    assert found["5 p.m. on Tuesday"] == {"type": "TIME", "value": "2024-03-12T17:00"}
