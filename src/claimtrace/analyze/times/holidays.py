"""Holidays: the date of a named holiday in a year, and of one named without a year."""

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
HOLIDAY_RE = "|".join(sorted(map(re.escape, HOLIDAYS), key=len, reverse=True)) + "|election day"


def _holiday(name: str, year: int) -> date:
    if name == "election day":  # the Tuesday after the first Monday of November
        first_monday = date(year, 11, 1) + timedelta(days=(0 - date(year, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    rule = HOLIDAYS[name]
    if len(rule) == 2:
        return date(year, rule[0], rule[1])
    month, weekday, nth = rule  # type: ignore[misc]
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_value(m: re.Match[str], anchor: Anchor) -> str | None:
    name = m["h"]
    if m["y"]:
        return _day(_holiday(name, int(m["y"])))
    published = anchor.published
    if published is None:
        return None
    this_year = _holiday(name, published.year)
    if m["rel"] == "last" or (m["rel"] is None and anchor.tense == "past"):
        return _day(this_year if this_year < published else _holiday(name, published.year - 1))
    if m["rel"] == "next" or (m["rel"] is None and anchor.tense == "future"):
        return _day(this_year if this_year > published else _holiday(name, published.year + 1))
    nearby = (_holiday(name, published.year + step) for step in (-1, 0, 1))
    return _day(min(nearby, key=lambda d: abs((d - published).days)))
