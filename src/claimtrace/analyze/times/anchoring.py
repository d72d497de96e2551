"""Calendar arithmetic, and what a relative expression resolves against (`Anchor`): the publication date, the
story's reference time, the tense of the clause it dates and the year the story has just named."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from claimtrace.analyze.times.vocabulary import NUMBER_WORDS, SEASONS

Tense = Literal["past", "present", "future"]
# How far ahead an untensed month or day may lie and still be read as the coming one, not the last one.
NEAR_FUTURE_DAYS = 92


def _day(d: date) -> str:
    return d.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _interval(start: str, end: str) -> str:
    return start if start == end else f"{start}/{end}"


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, monthrange(year, month + 1)[1]))


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _shift_months(d, n)
    return _shift_months(d, 12 * n * {"decade": 10, "century": 100, "centuries": 100}.get(unit, 1))


def _at_precision(d: date, unit: str) -> str:
    return _day(d) if unit in {"day", "week"} else _month(d.year, d.month) if unit == "month" else str(d.year)


def _season(year: int, season: str) -> str:
    first, last = SEASONS[season]
    if first > last:  # winter: December to the next February
        return _interval(_month(year, first), _month(year + 1, last))
    return _interval(_month(year, first), _month(year, last))


def _season_start_year(published: date, season: str, relation: str | None, tense: Tense | None = None) -> int:
    """The year a season named without one starts in: "last spring" is the latest spring already over,
    "next spring" the first not yet begun; a bare one in a past-tense clause the latest already begun, in a
    future-tense clause the first not yet over; otherwise the one of the publication year."""
    first, last = SEASONS[season]
    now = published.year * 12 + published.month
    years = range(published.year - 2, published.year + 2)

    def bounds(year: int) -> tuple[int, int]:
        return year * 12 + first, (year + (first > last)) * 12 + last

    if relation in {"last", "past"}:
        return max(y for y in years if bounds(y)[1] < now)
    if relation in {"next", "coming"}:
        return min(y for y in years if bounds(y)[0] > now)
    if relation is None and tense == "past":
        return max(y for y in years if bounds(y)[0] <= now)
    if relation is None and tense == "future":
        return min(y for y in years if bounds(y)[1] >= now)
    return published.year - 1 if first > last and published.month <= last else published.year


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Anchor:
    """What a relative expression resolves against: the publication date (deictic expressions), the story's
    reference time (anaphoric ones), the tense of the clause it dates and the year the story has just
    named."""

    published: date | None
    tense: Tense | None = None
    reference: date | None = None
    story_year: int | None = None
    reference_is_day: bool = False  # whether `reference` came from a day, not a month or year
    clock: datetime | None = None  # the clock time the story last named, for "an hour later"
    reference_value: str | None = None  # the TIMEX3 value `reference` came from ("2011", "1998-10")


def _anchored_year(anchor: Anchor, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) named without one: the story's year in a past-tense clause that follows
    one; else, by tense, the latest such date not after publication (past) or the first not before (future);
    else the latest one unless the next one is at most NEAR_FUTURE_DAYS ahead."""
    if anchor.story_year is not None and anchor.tense == "past":
        return anchor.story_year
    published = anchor.published
    if published is None:
        return None
    if anchor.tense == "past":
        return published.year if (month, day or 1) <= (published.month, published.day) else published.year - 1
    if anchor.tense == "future":
        return (
            published.year if (month, day or 31) >= (published.month, published.day) else published.year + 1
        )
    # untensed or present tense ("the Oct. 23 slaying", "the vote is in May"): news tells of the past, so the
    # latest such month or day, unless the next one is near
    ahead = published.year if (month, day or 31) >= (published.month, published.day) else published.year + 1
    return (
        ahead if (date(ahead, month, min(day or 1, 28)) - published).days <= NEAR_FUTURE_DAYS else ahead - 1
    )


def _anchored_part_year(anchor: Anchor, first: int, last: int) -> int | None:
    """The year of a part of a year named without one, from its first and last month ("the fourth quarter",
    "the first half"), as a month is placed (`_anchored_year`): the story's year in a past-tense clause that
    follows one; past, the latest one begun by publication; future, the first not yet over; otherwise the
    first not yet over when it begins at most NEAR_FUTURE_DAYS ahead, else the one before it ("fourth-quarter
    profit" in January is last year's)."""
    if anchor.story_year is not None and anchor.tense == "past":
        return anchor.story_year
    published = anchor.published
    if published is None:
        return None
    if anchor.tense == "past":
        return published.year if first <= published.month else published.year - 1
    ahead = published.year if last >= published.month else published.year + 1
    if anchor.tense == "future":
        return ahead
    return ahead if (date(ahead, first, 1) - published).days <= NEAR_FUTURE_DAYS else ahead - 1


# The year a part of a year names with "of … year" ("the first half of last year"): its step from the
# publication year; "of the year" and "of that year" are the story's year where it has just named one,
# "of that year" otherwise the year of the story's reference time.
YEAR_STEPS = {"last": -1, "the previous": -1, "the past": -1, "next": 1, "this": 0, "the current": 0}


def _year_of(relation: str, anchor: Anchor) -> int | None:
    if relation in {"the", "that"} and anchor.story_year is not None:
        return anchor.story_year
    if relation == "that" and anchor.reference is not None:
        return anchor.reference.year
    if anchor.published is None:
        return None
    return anchor.published.year + YEAR_STEPS.get(relation, 0)


def _rel_month_year(published: date, month: int, relation: str) -> int:
    """The year of "last July", "next March", "this May": the last one before the publication month, the
    first after it, or the publication year's."""
    if relation == "last" and month >= published.month:
        return published.year - 1
    if relation == "next" and month <= published.month:
        return published.year + 1
    return published.year


def _weekday_date(published: date, weekday: int, relation: str | None, tense: Tense | None) -> date:
    """A weekday's date: "last"/"next" the one strictly before/after publication; a bare one in a future- or
    present-tense clause ("talks resume Monday") the first on or after it, otherwise the latest on or before
    it (news names past days so)."""
    ahead = (weekday - published.weekday()) % 7
    if relation == "next" or (relation != "last" and tense in {"future", "present"}):
        return published + timedelta(days=ahead or (7 if relation == "next" else 0))
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if relation == "last" else 0))


def _weekday_of_week(published: date, weekday: int, relation: str) -> date:
    """A weekday of the week before, after or of publication ("Monday last week")."""
    step = {"last": -1, "next": 1}.get(relation, 0)
    return published - timedelta(days=published.weekday()) + timedelta(weeks=step, days=weekday)
