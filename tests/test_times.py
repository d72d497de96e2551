"""Time expressions: absolute and relative normalisation, and publication dates inferred from the text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.analyze.times.values import Resolved, resolve

PUBLISHED = "2024-03-14"  # a Thursday
PUBLISHED_DAY = date(2024, 3, 14)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=("claimtrace_times",))


def run(nlp: Language, text: str, published: str | None = PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def values(nlp: Language, text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str | None, str]]:
    return {t["text"]: (t["value"], t["basis"]) for t in run(nlp, text, published)._.times}


def test_explicit_dates_are_absolute(nlp: Language) -> None:
    found = values(nlp, "The accord was signed on March 3, 2022, and amended in June 2023 and again in 2024.")
    assert found["March 3, 2022"] == ("2022-03-03", "absolute")
    assert found["June 2023"] == ("2023-06", "absolute")
    assert found["2024"] == ("2024", "absolute")


def test_season_of_a_year_is_an_interval(nlp: Language) -> None:
    found = values(nlp, "Negotiators first met in the spring of 2021 at a hotel in Vienna.")
    assert found["the spring of 2021"] == ("2021-03/2021-05", "absolute")


def test_weekday_resolves_to_the_latest_such_day_before_publication(nlp: Language) -> None:
    found = values(nlp, "The envoy flew home on Tuesday after the meeting.")
    value, basis = next(v for k, v in found.items() if "Tuesday" in k)
    assert (value, basis) == ("2024-03-12", "relative-to-published")


def test_last_week_and_earlier_this_month(nlp: Language) -> None:
    found = values(nlp, "The rebels withdrew last week. Earlier this month, the council voted for sanctions.")
    assert found["last week"] == ("2024-03-04/2024-03-10", "relative-to-published")
    # "Earlier" lies outside TimeML's extent; the phrase is still read whole
    assert found["this month"] == ("2024-03-01/2024-03-14", "relative-to-published")


def test_since_last_spring_runs_until_publication(nlp: Language) -> None:
    found = values(nlp, "Since last spring, the two parties have exchanged letters.")
    assert found["Since last spring"] == ("2023-03/2024-03-14", "relative-to-published")


def test_age_of_a_dispute_starts_that_long_before_publication(nlp: Language) -> None:
    found = values(nlp, "The nearly three-year-old dispute over fishing rights flared up again.")
    value, basis = next(v for k, v in found.items() if "three-year-old" in k)
    assert value == "2021-03/2024-03-14"
    assert basis == "relative-to-published"


def test_relative_expression_without_publication_date_is_unresolved(nlp: Language) -> None:
    doc = run(nlp, "The minister resigned yesterday.", published=None)
    assert doc._.published_inferred is None
    assert [t["value"] for t in doc._.times] == [None]


def test_publication_date_inferred_from_latest_date_and_later_weekday(nlp: Language) -> None:
    text = (
        "The summit opened on Monday, April 8, 2024 in Geneva after talks on April 2, 2024. "
        "On Wednesday the delegations left without a statement."
    )
    doc = run(nlp, text, published=None)
    assert doc._.published_inferred == "2024-04-10"
    wednesday = next(t for t in doc._.times if "Wednesday" in t["text"])
    assert wednesday["value"] == "2024-04-10"


def test_copyright_year_is_never_a_publication_date(nlp: Language) -> None:
    text = "The ministers met on Tuesday to discuss the harvest.\n© 2019 Example Daily. All rights reserved."
    doc = run(nlp, text, published=None)
    assert doc._.published_inferred is None
    text = "Talks resumed on May 2, 2023.\nCopyright May 9, 2025 Example Daily"
    assert run(nlp, text, published=None)._.published_inferred == "2023-05-02"


def test_month_precision_publication_date_keeps_relative_days_to_the_month(nlp: Language) -> None:
    found = values(nlp, "The vote happened yesterday.", published="2024-03")
    assert found["yesterday"] == ("2024-03", "relative-to-published")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two years ago", "2022"),
        ("last summer", "2023-06/2023-08"),
        ("next winter", "2024-12/2025-02"),
        ("late January", "2024-01-21/2024-01-31"),
        ("mid-2022", "2022-05/2022-08"),
        ("the 1990s", "1990/1999"),
        ("the first quarter of 2023", "2023-01/2023-03"),
        ("10 a.m.", None),
        ("recent weeks", None),
        ("next Friday", "2024-03-15"),
        ("the past three years", "2021-03/2024-03-14"),
    ],
)
def test_rules(text: str, expected: str | None) -> None:
    assert resolve(text, PUBLISHED_DAY).value == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_resolve_never_raises_and_values_are_well_formed(text: str) -> None:
    value = resolve(text, PUBLISHED_DAY).value
    if value is not None:
        for part in value.split("/"):
            assert len(part) in {4, 7, 10}
            assert part[:4].isdigit()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "On Tuesday",
                "March 3, 2021",
                "the talks",
                "last spring",
                "© 2019",
                "\n",
                "since 2020",
                "yesterday",
                "12/31/2020",
                "2021-02-30",
                "the 1990s",
                "Friday",
                ",",
                ".",
                "three-year-old",
                "were held",
            ]
        ),
        max_size=12,
    ),
    st.sampled_from([None, "2024-03-14", "2024-03", "not a date"]),
)
def test_component_handles_any_mix_of_time_phrases(
    nlp: Language, parts: list[str], published: str | None
) -> None:
    doc = run(nlp, " ".join(parts), published)
    for time in doc._.times:
        assert doc.text[time["start"] : time["end"]] == time["text"]
        assert time["basis"] in {"absolute", "relative-to-published"}
    if published is None and doc._.published_inferred is not None:
        assert len(doc._.published_inferred) in {7, 10}  # a day, or a month when no day is stated
        assert doc._.published_interval is not None


def test_words_that_look_like_weekday_abbreviations_are_not_times(nlp: Language) -> None:
    doc = run(nlp, "The envoy sat in the sun while the couple wed in the garden.")
    assert doc._.times == []


def test_ranges_parts_of_a_month_and_ages_without_dateparser(nlp: Language) -> None:
    found = values(
        nlp, "Exports fell from 2011 to 2016 and in 1998-99. The plant will close at the end of August."
    )
    assert found["from 2011 to 2016"] == ("2011/2016", "absolute")
    assert found["1998-99"] == ("1998/1999", "absolute")
    assert found["the end of August"] == ("2024-08-21/2024-08-31", "relative-to-published")
    found = values(nlp, "The millennium began in the year 2000.")
    assert found["the year 2000"] == ("2000", "absolute")
    # ages are no dates (dateparser would read a year or a day into them)
    entries = run(nlp, "Voters between the ages of 17 and 20 and those in their mid-30s stayed home.")._.times
    assert all(t["value"] is None and t["timex3"] is None for t in entries)


def test_dateparser_is_asked_only_about_a_calendar_word_with_a_number() -> None:
    # what the rules do not know and dateparser does: kept, in the year the phrase names
    assert resolve("Jan 5th 2016 at 3pm", PUBLISHED_DAY) == Resolved("2016-01-05", True)
    # ordinals, counts and a weekday with a number word are not asked about (dateparser made dates of them)
    for phrase in ("22nd", "2,000 years", "Tuesday - seven", "10 in 2000"):
        assert resolve(phrase, PUBLISHED_DAY).value is None, phrase


def test_importing_the_times_component_does_not_import_dateparser() -> None:
    code = "import sys, claimtrace.analyze.times; print('dateparser' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_link_glued_to_a_date_is_no_part_of_it(nlp: Language) -> None:
    (entry,) = run(nlp, "The debate will be held on September 30th.https://t.co/AbCdEf")._.times
    assert entry["value"] == "2024-09-30"
    assert entry["timex3"] == {"type": "DATE", "value": "2024-09-30"}


def test_a_month_named_relative_to_publication_has_a_calendar_value(nlp: Language) -> None:
    found = values(
        nlp, "Since last September, the plant has been closed; the deal was signed late last July."
    )
    assert found["Since last September"] == ("2023-09/2024-03-14", "relative-to-published")
    assert found["late last July"] == ("2023-07", "relative-to-published")
