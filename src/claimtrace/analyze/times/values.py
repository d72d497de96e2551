"""claimtrace's calendar value of a time expression ("YYYY-MM-DD", "YYYY-MM", "YYYY", "start/end"):
rules for the common shapes, dateparser (cached) for the rest."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from claimtrace.analyze.times.anchoring import (
    Anchor,
    Tense,
    _anchored_year,
    _at_precision,
    _day,
    _interval,
    _month,
    _number,
    _parse_date,
    _rel_month_year,
    _season,
    _season_start_year,
    _shift,
    _weekday_date,
    _weekday_of_week,
    _year_of,
)
from claimtrace.analyze.times.holidays import holiday_calendar
from claimtrace.analyze.times.shapes import DEICTIC_DAY, QUARTERS, SHAPES
from claimtrace.analyze.times.vocabulary import FUZZY, MONTH_PARTS, MONTHS, SET_WORDS, WEEKDAYS, YEAR_PARTS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


@dataclass(frozen=True)
class Resolved:
    value: str | None
    absolute: bool


def resolve(text: str, published: date | None, anchor: Anchor | None = None) -> Resolved:
    """Normalise one time expression to claimtrace's calendar value; relative ones need `published`, and use
    the tense and story year of `anchor` where one is given."""
    phrase = " ".join(SHAPES["url"].sub("", text.lower()).replace("’", "'").split()).strip(" .,")
    since = phrase.startswith("since ")
    if since:
        phrase = phrase[len("since ") :]
    phrase = SHAPES["leading"].sub("", phrase)
    phrase = spelled_day_range(SHAPES["this_past"].sub("", phrase))
    if SHAPES["ago"].match(bare := SHAPES["approximate"].sub("", phrase)):
        phrase = bare  # "about a week ago" is dated as "a week ago"
    resolved = _resolve_rules(phrase, anchor or Anchor(published))
    if resolved is None and _is_no_date(phrase):
        resolved = Resolved(None, False)  # "45-minute" is no date (dateparser would read 1945)
    if resolved is None:
        resolved = _resolve_dateparser(phrase, published.isoformat() if published else None)
    if since and resolved.value and published:
        start = resolved.value.split("/")[0]
        return Resolved(_interval(start, _day(published)), resolved.absolute)
    return resolved


def spelled_day_range(phrase: str) -> str:
    """ "july 25-28" as a range of two days, "july 25 - july 28", for the range rules."""
    if m := SHAPES["day_range"].match(phrase):
        year = m["y"] or ""
        return f"{m['m']} {m['d1']}{year} - {m['m']} {m['d2']}{year}"
    return phrase


def _resolve_rules(phrase: str, anchor: Anchor) -> Resolved | None:
    published = anchor.published
    if m := SHAPES["iso_date"].match(phrase) or SHAPES["us_date"].match(phrase):
        try:
            return Resolved(_day(date(int(m["y"]), int(m["m"]), int(m["d"]))), True)
        except ValueError:
            return Resolved(None, True)
    if m := SHAPES["full_date"].match(phrase):
        month = MONTHS[m["m1"] or m["m2"]]
        day = int(m["d1"] or m["d2"])
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month, day)
        if year is None:
            return Resolved(None, False)
        try:
            return Resolved(_day(date(year, month, day)), m["y"] is not None)
        except ValueError:
            return Resolved(None, m["y"] is not None)
    if m := SHAPES["month_year"].match(phrase):
        month = MONTHS[m["m"]]
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month)
        if year is None:
            return Resolved(None, False)
        if m["part"]:
            first, last = MONTH_PARTS[m["part"]]
            last = min(last, monthrange(year, month)[1])
            return Resolved(
                _interval(_day(date(year, month, first)), _day(date(year, month, last))), bool(m["y"])
            )
        return Resolved(_month(year, month), m["y"] is not None)
    if m := SHAPES["weekday_of_week"].match(phrase):  # "Monday last week"
        if published is None:
            return Resolved(None, False)
        return Resolved(_day(_weekday_of_week(published, WEEKDAYS[m["w"]], m["rel"])), False)
    if m := SHAPES["rel_month"].match(phrase):  # "last September", "late last July"
        if published is None:
            return Resolved(None, False)
        month = MONTHS[m["m"]]
        return Resolved(_month(_rel_month_year(published, month, m["rel"]), month), False)
    if m := SHAPES["month_of_year"].match(phrase):  # "April next year", "March last year"
        if published is None:
            return Resolved(None, False)
        year = published.year + {"last": -1, "next": 1}.get(m["rel"], 0)
        return Resolved(_month(year, MONTHS[m["m"]]), False)
    if m := SHAPES["year"].match(phrase):
        year = int(m["y"])
        if m["part"]:
            first, last = YEAR_PARTS[m["part"]]
            return Resolved(_interval(_month(year, first), _month(year, last)), True)
        return Resolved(str(year), True)
    if m := SHAPES["year_month"].match(phrase):
        return Resolved(_month(int(m["y"]), MONTHS[m["m"]] if m["m"] else int(m["n"])), True)
    if m := SHAPES["old_year"].match(phrase):
        return Resolved(m["y"], True)
    if m := SHAPES["quarter"].match(phrase):
        year, quarter = int(m["y"]), QUARTERS[m["q"]]
        if "half" in phrase:
            first = 1 if quarter == 1 else 7
            return Resolved(_interval(_month(year, first), _month(year, first + 5)), True)
        return Resolved(_interval(_month(year, 3 * quarter - 2), _month(year, 3 * quarter)), True)
    if m := SHAPES["holiday"].match(phrase):
        return Resolved(holiday_calendar(m, anchor), m["y"] is not None)
    clock = SHAPES["clock"].match(phrase)
    if clock and clock["day"] and (clock["word"] or clock["min"] or clock["ampm"] or clock["oc"]):
        # a clock time on a day ("noon Tuesday"): the day's value, as its TIMEX3 takes it
        day = _resolve_rules(SHAPES["leading"].sub("", clock["day"]), anchor)
        if day is not None:
            return day
    if (m := SHAPES["hours_of"].match(phrase)) and (day := _resolve_rules(m["day"], anchor)) is not None:
        return day  # "the early hours of Monday": that day
    if SHAPES["clock_time"].match(phrase):
        return Resolved(None, False)
    if m := SHAPES["decade"].match(phrase):
        start = int(m["y"]) * 10
        return Resolved(_interval(str(start), str(start + 9)), True)
    if m := SHAPES["season"].match(phrase):
        if m["y"]:
            return Resolved(_season(int(m["y"]), m["s"]), True)
        if m["yrel"] and (year := _year_of(m["yrel"], anchor)) is not None:
            return Resolved(_season(year, m["s"]), False)
        if published is None:
            return Resolved(None, False)
        return Resolved(_season(_season_start_year(published, m["s"], m["rel"], anchor.tense), m["s"]), False)
    relative = ("weekday", "relative_unit", "earlier_later", "ago", "ahead", "past_span", "age")
    if phrase in DEICTIC_DAY or any(SHAPES[shape].match(phrase) for shape in relative):
        return Resolved(_resolve_relative(phrase, published, anchor.tense) if published else None, False)
    if m := SHAPES["range"].match(phrase):
        return _resolve_range(m, anchor)
    return None


def _resolve_range(m: re.Match[str], anchor: Anchor) -> Resolved | None:
    """A range of dates of one precision ("2011 to 2016", "1998-99", "from May to July"): the interval from
    the start of its first end to the end of its last."""
    first = _resolve_rules(m["a"], anchor)
    second_text = m["b"]
    if first and first.value and re.fullmatch(r"\d{4}", first.value) and re.fullmatch(r"\d{2}", second_text):
        second_text = first.value[:2] + second_text  # "1998-99"
    second = _resolve_rules(second_text, anchor)
    if not (first and second and first.value and second.value):
        return None
    start, end = first.value.split("/")[0], second.value.split("/")[-1]
    if len(start) != len(end) or start > end:
        return None
    return Resolved(_interval(start, end), first.absolute or second.absolute)


def _resolve_relative(phrase: str, published: date, tense: Tense | None) -> str | None:
    if phrase in DEICTIC_DAY:
        return _day(published + timedelta(days=DEICTIC_DAY[phrase]))
    if m := SHAPES["weekday"].match(phrase):
        return _day(_weekday_date(published, WEEKDAYS[m["w"]], m["rel"], tense))
    if m := SHAPES["relative_unit"].match(phrase):
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"], 0)
        unit = m["u"]
        if unit == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            return _interval(_day(monday), _day(monday + timedelta(days=6)))
        return _at_precision(_shift(published, step, unit), unit)
    if m := SHAPES["earlier_later"].match(phrase):
        unit = m["u"]
        if unit == "week":
            start = published - timedelta(days=published.weekday())
        elif unit == "month":
            start = published.replace(day=1)
        else:
            start = published.replace(month=1, day=1)
        if m["which"] == "earlier":
            return _interval(_day(start), _day(published))
        end = _shift(start, 1, unit) - timedelta(days=1)
        return _interval(_day(published), _day(end))
    if m := SHAPES["ago"].match(phrase):
        n = _number(m["n"])
        return None if n is None else _at_precision(_shift(published, -n, m["u"]), m["u"])
    if m := SHAPES["ahead"].match(phrase):
        n = _number(m["n"])
        return None if n is None else _at_precision(_shift(published, n, m["u"]), m["u"])
    if (m := SHAPES["past_span"].match(phrase)) or (m := SHAPES["age"].match(phrase)):
        n = _number(m["n"])
        if n is None:
            return None
        unit = m["u"]
        start = _shift(published, -n, unit)
        return _interval(
            _at_precision(start, "month" if unit in {"year", "decade"} else unit), _day(published)
        )
    return None


def _is_no_date(phrase: str) -> bool:
    """A duration, a set or a fuzzy reference (it has a TIMEX3 value but no calendar date), or no time
    expression at all (an age)."""
    bare = SHAPES["approximate"].sub("", phrase)
    return bool(
        phrase in FUZZY
        or phrase in SET_WORDS
        or SHAPES["every"].match(phrase)
        or SHAPES["duration"].match(bare)
        or SHAPES["unit_long"].match(bare)
        or SHAPES["fraction"].match(bare)
        or (SHAPES["vague_duration"].match(bare) and not SHAPES["age"].match(phrase))
        or SHAPES["not_timex"].match(phrase)
    )


@lru_cache(maxsize=64)
def _date_parser(published: date | None) -> DateDataParser:
    # imported here: dateparser costs ~0.15 s to import and ~0.2-0.4 s to compile its patterns on its first
    # call, and most processes never need it
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if published:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
# What dateparser is asked about: a calendar word with a number ("Jan 5th 2016 at 3pm", "Tuesday the 5th")
# or a numeric date ("5.1.2016", "2016/01/05"). On news text the rules cover everything else it was asked
# (its answers for bare numbers, ordinals, ages and vague phrases were wrong: "22nd", "‘90s", "2,000 years").
NUMERIC_DATE = re.compile(r"\b\d{1,4}[./]\d{1,2}[./]\d{1,4}\b")


def _worth_parsing(phrase: str) -> bool:
    if NUMERIC_DATE.search(phrase):
        return True
    words = re.findall(r"[a-z]+", phrase)
    return any(ch.isdigit() for ch in phrase) and any(w in MONTHS or w in WEEKDAYS for w in words)


@lru_cache(maxsize=8192)
def _resolve_dateparser(phrase: str, published: str | None) -> Resolved:
    """The slow path for shapes the rules do not know; cached, since news repeats its time phrases. Its
    answer is kept only when it is plausible: in the year the phrase names, or, naming none, within a year
    of publication ("April 24 and 25" is not 1925)."""
    absolute = bool(YEAR.search(phrase))
    if not _worth_parsing(phrase):
        return Resolved(None, absolute)
    base = _parse_date(published) if published else None
    if not absolute and base is None:
        return Resolved(None, False)
    data = _date_parser(base).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return Resolved(None, absolute)
    found = data.date_obj.date()
    named = {int(y) for y in YEAR.findall(phrase)}
    if (named and found.year not in named) or (not named and base and abs(found.year - base.year) > 1):
        return Resolved(None, absolute)
    period = data.period or "day"
    value = (
        str(found.year)
        if period == "year"
        else _month(found.year, found.month)
        if period == "month"
        else _day(found)
    )
    return Resolved(value, absolute)
