"""Holidays: the date of a named holiday in a year, and of one named without a year; fixed ones, the n-th
weekday of a month, Election Day, and the movable feasts of Easter. "Easter week", "Memorial Day weekend":
the week or weekend of a holiday."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from claimtrace.analyze.times.anchoring import Anchor, _day

# Holidays: a fixed (month, day), or (month, weekday, n) for the n-th such weekday (-1: the last).
HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {  # and Election Day: _holiday
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1),
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
}
# Movable feasts: days from (Western) Easter Sunday.
EASTER_FEASTS = {
    "easter": 0,
    "easter sunday": 0,
    "easter monday": 1,
    "good friday": -2,
    "holy thursday": -3,
    "maundy thursday": -3,
    "palm sunday": -7,
    "ash wednesday": -46,
    "mardi gras": -47,
    "shrove tuesday": -47,
    "ascension day": 39,
    "pentecost": 49,
    "whitsunday": 49,
}
HOLIDAY_RE = (
    "|".join(sorted(map(re.escape, [*HOLIDAYS, *EASTER_FEASTS]), key=len, reverse=True)) + "|election day"
)


def easter(year: int) -> date:
    """Western Easter Sunday: the Gregorian computus (the anonymous algorithm of Meeus, Jones and
    Butcher)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, leap_remainder = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    leap_years, leap_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * leap_remainder + 2 * leap_years - epact - leap_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _holiday(name: str, year: int) -> date:
    if name == "election day":  # the Tuesday after the first Monday of November
        first_monday = date(year, 11, 1) + timedelta(days=(0 - date(year, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    if name in EASTER_FEASTS:
        return easter(year) + timedelta(days=EASTER_FEASTS[name])
    rule = HOLIDAYS[name]
    if len(rule) == 2:
        return date(year, rule[0], rule[1])
    month, weekday, nth = rule  # type: ignore[misc]
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(m: re.Match[str], anchor: Anchor) -> date | None:
    """The day of a holiday matched by the "holiday" shape: in the year it names, else by the word before it
    or the clause's tense (in the past the latest one before publication, in the future the first after it;
    a week or weekend that has begun or not yet ended by publication counts for either), else the one
    closest to publication."""
    name = m["h"]
    if m["y"]:
        return _holiday(name, int(m["y"]))
    published = anchor.published
    if published is None:
        return None
    this_year = _holiday(name, published.year)
    first, last = _span(this_year, m["span"])
    if m["rel"] == "last" or (m["rel"] is None and anchor.tense == "past"):
        begun = first <= published if m["span"] else first < published
        return this_year if begun else _holiday(name, published.year - 1)
    if m["rel"] == "next" or (m["rel"] is None and anchor.tense == "future"):
        ahead = last >= published if m["span"] else last > published
        return this_year if ahead else _holiday(name, published.year + 1)
    nearby = (_holiday(name, published.year + step) for step in (-1, 0, 1))
    return min(nearby, key=lambda d: abs((d - published).days))


def _span(day: date, span: str | None) -> tuple[date, date]:
    """The first and last day of a holiday, its week or its weekend."""
    if span == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if span == "weekend":
        saturday = holiday_weekend(day)
        return saturday, saturday + timedelta(days=1)
    return day, day


def holiday_weekend(day: date) -> date:
    """The Saturday of a holiday's weekend: the one nearest the holiday (before a Monday holiday, after a
    Thursday or Friday one, the day before Easter Sunday)."""
    before = day - timedelta(days=(day.weekday() - 5) % 7)
    after = before + timedelta(days=7)
    return before if (day - before) < (after - day) else after


def holiday_calendar(m: re.Match[str], anchor: Anchor) -> str | None:
    """The holiday's calendar value: its day, or the days of its week or weekend as an interval."""
    day = holiday_date(m, anchor)
    if day is None:
        return None
    first, last = _span(day, m["span"])
    return _day(day) if first == last else f"{_day(first)}/{_day(last)}"
