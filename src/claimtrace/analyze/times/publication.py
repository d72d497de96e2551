"""Dating a page that gives no date, from the expressions its text uses and their tenses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from claimtrace.analyze.times.anchoring import Anchor, Tense, _day, _month, _parse_date
from claimtrace.analyze.times.recognition import Candidate
from claimtrace.analyze.times.shapes import SHAPES
from claimtrace.analyze.times.timex3 import timex3
from claimtrace.analyze.times.values import Resolved, resolve
from claimtrace.analyze.times.vocabulary import MONTH_RE, SEASON_RE, WEEKDAYS

COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)


def _in_copyright_line(text: str, candidate: Candidate) -> bool:
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(COPYRIGHT.search(line))


def _months(value: str | None) -> tuple[int, int] | None:
    """The first and last month (as year * 12 + month - 1) of a TIMEX3 date value; None for other values."""
    if value is None:
        return None
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?", value):
        year = int(m[1])
        if m[2]:
            return year * 12 + int(m[2]) - 1, year * 12 + int(m[2]) - 1
        return year * 12, year * 12 + 11
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        sunday = monday + timedelta(days=6)
        return monday.year * 12 + monday.month - 1, sunday.year * 12 + sunday.month - 1
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])", value):
        year, part = int(m[1]), m[2]
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}.get(part) or (
            3 * int(part[1]) - 2 if part[0] == "Q" else 6 * int(part[1]) - 5
        )
        length = 6 if part[0] == "H" else 3
        return year * 12 + first - 1, year * 12 + first - 2 + length
    return None


def _month_text(index: int) -> str:
    return _month(index // 12, index % 12 + 1)


# Relative expressions that can rule a publication month in or out: those naming a season, a month or a
# quarter ("last year" is consistent with every month).
COARSE_RELATIVE = re.compile(rf"\b(?:{SEASON_RE}|{MONTH_RE}|quarter)\b")
# How long after the latest event a page tells in the past tense it may have been written: news reports
# recent events, and without this bound a page saying only what happened has no latest possible date.
RECENCY_MONTHS = 12


# An interval without a stated day gives a publication month only when it is this narrow (in months).
MONTH_PRECISION_AT_MOST = 3


@dataclass(frozen=True)
class InferredDate:
    """A publication date read from the text: a day or month inside the interval, and what narrowed it."""

    published: str | None
    interval: str | None
    evidence: tuple[str, ...]


def infer_publication(text: str, candidates: list[Candidate], tenses: list[Tense | None]) -> InferredDate:
    """The narrowest interval of months consistent with every dated expression (outside copyright lines) and
    its tense: what a past-tense clause dates is not after publication, what a future-tense one dates not
    before it; a relative expression ("this fall", "last September") must resolve, at the candidate month,
    consistently with its tense, and to the same period as an absolute expression naming the same season or
    month, where one does; the latest past event at most RECENCY_MONTHS before. `published` is the latest
    full date stated, moved forward to a weekday named after it, when that lies in the interval, else the
    interval's first month if it spans at most MONTH_PRECISION_AT_MOST months (else nothing is inferred). A
    constraint that would leave no month is skipped."""
    dated: list[tuple[Candidate, Tense | None, tuple[int, int], str]] = []
    relative: list[tuple[Candidate, Tense | None]] = []
    readable = [
        (candidate, tense, resolve(candidate.reading, None))
        for candidate, tense in zip(candidates, tenses, strict=True)
        if not _in_copyright_line(text, candidate)
    ]
    for candidate, tense, calendar in readable:
        if not calendar.absolute:
            relative.append((candidate, tense))
            continue
        found = timex3(candidate.reading, Anchor(None, tense), calendar)
        if found and (months := _months(found["value"])):
            dated.append((candidate, tense, months, str(found["value"])))
    if not dated:
        return InferredDate(None, None, ())
    past = [months[0] for _, tense, months, _ in dated if tense != "future"]
    allowed = set(
        range(min(m[0] for *_, m, _ in dated) - RECENCY_MONTHS, max(m[1] for *_, m, _ in dated) + 13)
    )
    if past:
        allowed = {m for m in allowed if m <= max(past) + RECENCY_MONTHS}
    evidence: list[str] = []

    def narrow(candidate: Candidate, keep: set[int]) -> None:
        nonlocal allowed
        if keep and keep != allowed:
            allowed = keep
            evidence.append(candidate.text)

    for candidate, tense, (first, last), _ in dated:
        if tense == "future":
            narrow(candidate, {m for m in allowed if m <= last})
        elif tense == "past" or candidate.text.lower().startswith("since"):
            narrow(candidate, {m for m in allowed if m >= first})
    named = {value for *_, value in dated}
    seen: set[tuple[str, Tense | None]] = set()
    for candidate, tense in relative:
        key = (candidate.text.lower(), tense)
        if key in seen or not COARSE_RELATIVE.search(key[0]):
            continue  # a repeat, or "Tuesday", "last week": true at every candidate month
        seen.add(key)
        keep, same_period = set(), set()
        for month in sorted(allowed):
            value, months = _relative_at(candidate.reading, month, tense)
            if months is None:
                keep.add(month)
                continue
            if (tense == "past" and months[0] > month) or (tense == "future" and months[1] < month):
                continue
            keep.add(month)
            if value in named and re.search(r"-(?:SP|SU|FA|WI|\d{2})$", str(value)):
                same_period.add(month)
        narrow(candidate, keep)
        narrow(candidate, same_period & allowed)
    low, high = min(allowed), max(allowed)
    interval = _month_text(low) if low == high else f"{_month_text(low)}/{_month_text(high)}"
    point = _latest_stated_day([(candidate, calendar) for candidate, _, calendar in readable])
    if point is not None and low <= point.year * 12 + point.month - 1 <= high:
        return InferredDate(_day(point), interval, tuple(evidence))
    if high - low < MONTH_PRECISION_AT_MOST:
        return InferredDate(_month_text(low), interval, tuple(evidence))
    return InferredDate(None, None, ())  # too wide to stand for a publication date


# A value naming a year, month, day, season, quarter or half ("last fall", "in September", "Oct. 23"):
# resolved against a page published mid-March 2021, it is the one for mid-March 2020 a year on; worked out
# for one year (and checked against the next, a leap year), it is moved to the year tried.
YEARLY_VALUE = re.compile(r"\d{4}(?:-(?:SP|SU|FA|WI|Q[1-4]|H[12]|(?:0[1-9]|1[0-2])(?:-\d{2})?))?")
SOME_YEAR = 2003


def _shifted(value: str, months: tuple[int, int], years: int) -> tuple[str, tuple[int, int]]:
    return f"{int(value[:4]) + years:04d}{value[4:]}", (months[0] + 12 * years, months[1] + 12 * years)


def _relative_at(reading: str, month: int, tense: Tense | None) -> tuple[str | None, tuple[int, int] | None]:
    """A relative expression's TIMEX3 value, and its months, were the page published mid-`month` (months
    counted as year * 12 + month - 1). Every page tries a few dozen months: a value of year, month or season
    precision that moves with the year is moved from the same month of SOME_YEAR; others are worked out for
    the month itself."""
    value, months = _relative_in(reading, SOME_YEAR * 12 + month % 12, tense)
    moves = (
        value is not None
        and months is not None
        and YEARLY_VALUE.fullmatch(value)
        and _relative_in(reading, (SOME_YEAR + 1) * 12 + month % 12, tense) == _shifted(value, months, 1)
    )
    if moves and value is not None and months is not None:
        return _shifted(value, months, month // 12 - SOME_YEAR)
    return _relative_in(reading, month, tense)


@lru_cache(maxsize=16384)
def _relative_in(reading: str, month: int, tense: Tense | None) -> tuple[str | None, tuple[int, int] | None]:
    found = timex3(reading, Anchor(date(month // 12, month % 12 + 1, 15), tense))
    if not found:
        return None, None
    return found["value"], _months(found["value"])


def _bare(text: str) -> str:
    return SHAPES["leading"].sub("", text.lower().strip(" .,"))


def _latest_stated_day(readable: list[tuple[Candidate, Resolved]]) -> date | None:
    """The latest full date the text states (outside copyright lines: `readable` holds the others, with their
    calendar values), moved forward to the latest weekday named in the text within the week after it ("… on
    March 4, 2024. On Wednesday, …" → March 6)."""
    stated: list[date] = []
    weekdays: list[int] = []
    for candidate, resolved in readable:
        if resolved.absolute and resolved.value and (day := _parse_date(resolved.value)):
            stated.append(day)
        elif (m := SHAPES["weekday"].match(_bare(candidate.reading))) and m["rel"] != "next":
            weekdays.append(WEEKDAYS[m["w"]])
    if not stated:
        return None
    latest = max(stated)
    ahead = max(((w - latest.weekday()) % 7 for w in weekdays), default=0)
    return latest + timedelta(days=ahead)


def _start_day(value: str | None) -> date | None:
    """The first day of a TIMEX3 date or time value, for the story's reference time."""
    months = _months(value)
    if months is None or value is None:
        return None
    if m := re.match(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(m.group())
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
        return date.fromisocalendar(int(m[1]), int(m[2]), 6 if value.endswith("WE") else 1)
    return date(months[0] // 12, months[0] % 12 + 1, 1)
