"""Time expressions: find them, normalise them twice (claimtrace's calendar values and TimeML's TIMEX3),
anchor relative ones to the right reference time, and date a page that gives no date from what its text says.

Candidates are spaCy's DATE and TIME entities plus patterns NER tends to miss (weekday names, numeric dates,
"yesterday", "now", "daily", holidays, durations), widened where a pattern shows an expression NER split or
cut short (written-out seasons, ranges, clock times with their day), extended by a leading "since" that turns
a date into an interval. Each entry carries two values:
- `value`: "YYYY-MM-DD" / "YYYY-MM" / "YYYY" for a date, "start/end" for an interval, None when a date cannot
  be told; `basis` "absolute" when the expression names its year, else "relative-to-published";
- `timex3`: {"type": DATE | TIME | DURATION | SET, "value": …} in TimeML's value grammar (weeks "2024-W11",
  seasons "2023-SU", quarters "2024-Q1", parts of day "2024-03-14TEV", times "…T20:00", durations "P3D",
  "PT5H", "PXY", sets "P1W" / "XXXX-WXX-1", "PRESENT_REF" / "PAST_REF" / "FUTURE_REF"), or None where the
  entry is not a TimeML time expression at all (a person's age, "52" after a name).

Anchoring: deictic expressions ("yesterday", "last week", "three years ago") resolve against the publication
date; anaphoric ones ("that day", "the next morning", "two days later", "that Sunday") against the story's
reference time, the last date an expression named; a month, day or season without a year, and a bare
weekday, is placed by the tense of the clause it dates (past: the latest one not after publication; future:
the first not before; otherwise the closest), and a past-tense month follows a year named earlier in its
sentence ("In 2012, when in August …" → 2012-08). Fast rules handle the common shapes; dateparser, cached,
handles the remainder.

When `doc._.published` is None, the page is dated from its text (`infer_publication`): the narrowest interval
of months consistent with every dated expression and the tense it is used in, `published_inferred` a day
inside it (the latest full date the body states, moved forward to a weekday named after it) or its first
month; never from a copyright line.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrace.analyze.extensions import register_extensions

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
# Season → (first month, last month); winter spans the turn of the year.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# Part of a year or month → (first, last) month of the year, or day of the month.
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31)}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBER_WORDS |= {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "couple of": 2}
# TimeML's codes for seasons and parts of the day.
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Duration units → (ISO 8601 designator, how many of it, whether it is a time-of-day unit written after "T").
DURATION_UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "week": ("W", 1, False),
    "month": ("M", 1, False),
    "quarter": ("M", 3, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
# Vague references TimeML writes as PRESENT_REF / PAST_REF / FUTURE_REF.
FUZZY = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "current": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "present": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "past": "PAST_REF",
    "formerly": "PAST_REF",
    "future": "FUTURE_REF",
    "near future": "FUTURE_REF",
}
# Adverbs of frequency (TimeML SETs).
SET_WORDS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "XXXX-XX-XXTNI",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annually": "P1Y",
}
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
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NUMBER_RE = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

UNIT_RE = r"day|week|month|year|decade"
DURATION_UNIT_RE = (
    r"seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|century|centuries"
)
CLOCK_RE = r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d{2}|noon|midday|midnight"
ZONE_RE = r"local time|gmt|utc|[ecmp][sd]t"
SEASON_RE = "spring|summer|autumn|fall|winter"

# Extra candidates that NER misses often, matched on the lowercased text (`_lowercase`): case-insensitive
# matching of these alternations costs three times as much.
# Full weekday names only: abbreviations collide with words ("sat", "sun", "wed").
FULL_WEEKDAY_RE = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
FUZZY_RE = "|".join(sorted((w for w in FUZZY if w not in {"past", "present"}), key=len, reverse=True))
EXTRA_PATTERNS = re.compile(
    rf"\b(?:(?:last|next|this|that|on|early|late)\s+)?(?:{FULL_WEEKDAY_RE})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
    r"|\b(?:yesterday|today|tomorrow|tonight)\b"
    rf"|\b(?:the\s+)?(?:{FUZZY_RE})\b|\bthe\s+(?:past|present)\b"
    rf"|\b(?:{'|'.join(SET_WORDS)})\b"
    rf"|\b(?:every|each)\s+(?:other\s+)?(?:(?:{NUMBER_RE})\s+)?(?:{DURATION_UNIT_RE}|{FULL_WEEKDAY_RE}|{SEASON_RE})\b"
    rf"|\b(?:(?:last|next|this)\s+)?(?:{HOLIDAY_RE})\b"
    rf"|\b(?:(?:this|last|next|that)\s+)(?:{SEASON_RE})\b"
    rf"|\b(?:once|twice|(?:{NUMBER_RE})\s+times)\s+(?:a|per|each)\s+(?:{DURATION_UNIT_RE})\b"
    rf"|\b(?:\d+(?:\s+1/2)?|{NUMBER_RE})(?:\s+(?:more|additional|straight|consecutive))?[\s-]+(?:{DURATION_UNIT_RE})"
    r"(?:-long)?\b"
    r"|\b(?:day|week|month|year)-long\b",
)
# Expressions NER splits or cuts short (matched, like EXTRA_PATTERNS, on the lowercased text): the match
# replaces every candidate it overlaps.
WHOLE_PATTERNS = re.compile(
    rf"\b(?:(?:the\s+)?(?:early|late|mid-?)\s*)?(?:the\s+)?(?:{SEASON_RE})\s+(?:of\s+)?(?:1[89]|20)\d{{2}}\b"
    r"|\b(?:1[89]|20)\d{2}\s*[-–]\s*(?:(?:1[89]|20)\d{2}|\d{2})\b"
    rf"|\b(?:from|between)\s+(?:(?:{MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{FULL_WEEKDAY_RE})"
    rf"\s+(?:to|until|through|and)\s+(?:(?:{MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{FULL_WEEKDAY_RE})\b"
    rf"|\b(?:{CLOCK_RE})(?:\s+(?:{ZONE_RE})\b)?(?:\s+(?:on\s+)?(?:{FULL_WEEKDAY_RE}|today|tomorrow|yesterday))\b"
    rf"|\b(?:{FULL_WEEKDAY_RE}|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)\b",
)

FULL_DATE = re.compile(
    rf"^(?:(?:{WEEKDAY_RE})\.?,?\s+)?(?:(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_RE})\.?)(?:,?\s+(?P<y>\d{{4}}))?$"
)
MONTH_YEAR = re.compile(
    rf"^(?:(?P<part>early|mid|middle|late)[\s-]+)?(?P<m>{MONTH_RE})\.?(?:,?\s+(?:of\s+)?(?P<y>\d{{4}}))?$"
)
YEAR = re.compile(r"^(?:(?P<part>early|mid|middle|late)[\s-]+)?(?:the\s+year\s+)?(?P<y>(?:1[89]|20)\d{2})$")
DECADE = re.compile(r"^(?:the\s+)?(?P<y>(?:1[89]|20)\d)0'?s$")
SEASON = re.compile(
    r"^(?P<rel>last|this|next|past|coming)?\s*(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?$"
)
ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
US_DATE = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$")
WEEKDAY = re.compile(
    rf"^(?:(?P<rel>last|next|this|on)\s+)?(?P<w>{WEEKDAY_RE})\.?(?:\s+(?:morning|afternoon|evening|night))?$"
)
DEICTIC_DAY = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "last night": -1,
}
RELATIVE_UNIT = re.compile(r"^(?P<rel>last|this|next|past|previous|coming|current)\s+(?P<u>week|month|year)$")
EARLIER_LATER = re.compile(r"^(?P<which>earlier|later)\s+this\s+(?P<u>week|month|year)$")
AGO = re.compile(rf"^(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?\s+(?:ago|earlier|before)$")
AHEAD = re.compile(rf"^(?:in\s+)?(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?(?:'s?)?\s+(?:from now|time|later)$")
PAST_SPAN = re.compile(rf"^(?:the\s+)?(?:past|last|previous)\s+(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?$")
APPROXIMATELY = r"(?:(?:nearly|almost|about|around|roughly|some|more than|over)\s+)?"
AGE = re.compile(rf"^{APPROXIMATELY}(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})s?[\s-]+old$")
QUARTER = re.compile(
    r"^(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s+(?:quarter|half)?\s*(?:of\s+)?(?P<y>\d{4})$"
)
QUARTERS = {
    "first": 1,
    "1st": 1,
    "q1": 1,
    "second": 2,
    "2nd": 2,
    "q2": 2,
    "third": 3,
    "3rd": 3,
    "q3": 3,
    "fourth": 4,
    "4th": 4,
    "q4": 4,
}
# A clock time alone names no day.
CLOCK_TIME = re.compile(
    r"^(?:about\s+|around\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight)"
    r"(?:\s+(?:local time|gmt|utc|[a-z]{2,4}t))?$"
)
LEADING = re.compile(r"^(?:the|on|in|at|during|by|of|for|from|until|till|within|over|throughout)\s+")

# TIMEX3 shapes beyond the calendar values above.
APPROXIMATE = re.compile(
    r"^(?:(?:nearly|almost|about|around|roughly|some|more than|less than|fewer than|well over|just over|over|"
    r"under|at least|at most|least|most|as (?:long|many|much|few|little) as|up to|only|just|barely|another|"
    r"a full|the first|the last|the next|the past)\s+)+"
)
DURATION = re.compile(
    rf"^(?P<n>{NUMBER_RE}|\d+(?:\.\d+)?)(?P<half>\s+1/2|\s+and\s+a\s+half)?"
    r"(?:\s+(?:more|additional|full|straight|consecutive|long))?[\s-]+"
    rf"(?P<u>{DURATION_UNIT_RE})(?:[\s-]+long)?$"
)
UNIT_LONG = re.compile(r"^(?P<u>day|week|month|year|hour|night)-long$")
VAGUE_DURATION = re.compile(
    r"^(?:(?:past|last|previous|next|coming|recent|several|few|a few|many|the past few|the last few)\s+)*"
    r"(?:several|few|many|recent|coming|past|last|previous|next)?\s*"
    rf"(?P<u>{DURATION_UNIT_RE})(?:-long)?$"
)
SPAN_OF = re.compile(
    rf"^(?P<rel>past|last|previous|next|coming|first)\s+(?:(?P<n>{NUMBER_RE}|several|few|many)\s+)?(?P<u>{DURATION_UNIT_RE})$"
)
EVERY = re.compile(
    rf"^(?:every|each|per|once a|twice a|(?:{NUMBER_RE}) times (?:a|per|each))\s+(?P<other>other\s+)?"
    rf"(?:(?P<n>{NUMBER_RE})\s+)?(?P<what>{DURATION_UNIT_RE}|{WEEKDAY_RE}|{SEASON_RE}|morning|afternoon|evening|night)s?$"
)
WEEKDAYS_PLURAL = re.compile(rf"^(?P<w>{FULL_WEEKDAY_RE})s$")
PART_OF_DAY = re.compile(r"^(?P<day>.+?)\s+(?P<p>morning|afternoon|evening|night)$")
CLOCK = re.compile(
    r"^(?:about\s+|around\s+|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)?"
    r"(?:(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?:(?P<ampm>a\.?m\.?|p\.?m\.?)|(?P<oc>o'clock))?"
    r"(?:\s+in\s+the\s+(?P<p>morning|afternoon|evening|night))?|(?P<word>noon|midday|midnight))"
    rf"(?:\s+\(?(?:{ZONE_RE})\)?)?(?:\s+(?:on\s+)?(?P<day>.+))?$"
)
ANAPHORIC = re.compile(
    r"^(?:(?P<which>earlier|later)\s+)?(?:that|the same|that same|this same|the very same)\s+"
    r"(?P<u>day|morning|afternoon|evening|night|week|month|year)$"
)
NEIGHBOUR = re.compile(
    r"^(?:the\s+)?(?:(?P<dir1>next|following|previous|preceding|prior)\s+(?P<u1>day|morning|afternoon|evening|night|week|month|year)"
    r"|(?P<u2>day|week|month|year)\s+(?P<dir2>before|after|earlier|later))$"
)
LATER = re.compile(
    rf"^(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?\s+(?P<dir>later|after(?:ward)?|afterwards|earlier|before)$"
)
THAT_WEEKDAY = re.compile(rf"^that\s+(?P<w>{WEEKDAY_RE})$")
VAGUE_AGO = re.compile(rf"^(?:(?:a few|few|several|many|some)\s+)?(?:{DURATION_UNIT_RE})\s+ago$")
IN_FUTURE = re.compile(rf"^(?:in|within)\s+(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?$")
WEEK_OF = re.compile(r"^week\s+of\s+(?P<d>.+)$")
WEEK_PART = re.compile(
    r"^(?:early|late|earlier|later|mid)\s+(?P<rel>this|last|next)\s+week$|^(?P<rel2>this|last|next)\s+week(?:end)?$"
)
WEEKEND = re.compile(r"^(?:(?P<rel>last|next|this|past|coming)\s+)?weekend$")
PART_RELATIVE = re.compile(
    r"^(?:(?:early|late|mid|middle|earlier|later)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?)"
    r"(?P<rel>this|last|next|the)?\s*(?P<u>year|month|week)$"
)
REL_MONTH = re.compile(rf"^(?:(?:early|mid|middle|late)[\s-]+)?(?P<rel>last|next|this)\s+(?P<m>{MONTH_RE})$")
CENTURY = re.compile(r"^(?:(?P<rel>this|last|next|past)|(?P<n>\d{1,2})(?:st|nd|rd|th))\s+century$")
DECADE_SHORT = re.compile(r"^(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?'(?P<d>\d)0s$")
DECADE_PART = re.compile(r"^(?:early|mid|middle|late)[\s-]+(?:the\s+)?(?P<y>(?:1[89]|20)\d)0'?s$")
YEAR_AFFIX = re.compile(r"^(?:pre|post|mid|fiscal|fy)[\s-]*(?P<y>(?:1[89]|20)\d{2})$")
REL_QUARTER = re.compile(
    r"^(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)|(?P<rel>last|this|next|previous|current))\s+(?P<u>quarter|half)$"
)
RELATIVE_DATE = re.compile(
    rf"^(?P<rel>last|past|next|coming|this)\s+(?P<rest>(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|(?:{MONTH_RE})\.?)$"
)
MONTH_OF_YEAR = re.compile(
    rf"^(?:(?:early|mid|middle|late)[\s-]+)?(?P<m>{MONTH_RE})\.?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year$"
)
PART_OF = re.compile(r"^(?:early|late|mid|middle|earlier|later)(?:[\s-]+in)?[\s-]+(?P<rest>.+)$")
RANGE = re.compile(
    r"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:-|–|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*(?P<b>.+)$"
)
HOLIDAY = re.compile(
    rf"^(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY_RE})(?:,?\s+(?:of\s+)?(?P<y>\d{{4}}))?$"
)
INNER_DATE = re.compile(
    rf"\b(?:(?:{MONTH_RE})\.?\s+\d{{1,2}}\b|{FULL_WEEKDAY_RE}|(?:1[89]|20)\d{{2}}|(?:{MONTH_RE})\b)"
)
# Not TimeML time expressions: a person's age ("a 6-year-old", "in his 30s", "Smith, 52,").
NOT_TIMEX = re.compile(rf"^(?:{NUMBER_RE})[\s-]+(?:{UNIT_RE})s?[\s-]+old$|^\d{{1,3}}$|^\d0s$|^0\d{{3}}$")
TEMPORAL_WORD = re.compile(
    rf"\b(?:{DURATION_UNIT_RE}|{MONTH_RE}|{WEEKDAY_RE}|{SEASON_RE}|morning|afternoon|evening|night|tonight|"
    r"weekend|(?:1[89]|20)\d{2})\b"
)


Tense = Literal["past", "present", "future"]
# How far ahead an untensed month or day may lie and still be read as the coming one, not the last one.
NEAR_FUTURE_DAYS = 92


@dataclass(frozen=True)
class Resolved:
    value: str | None
    absolute: bool


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
    return _shift_months(d, 12 * n * (10 if unit == "decade" else 1))


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


def _closest_year(published: date, month: int, day: int | None = None) -> int:
    """The year that puts a month (and day) named without a year closest to the publication date."""
    candidates = (published.year - 1, published.year, published.year + 1)
    return min(candidates, key=lambda y: abs((date(y, month, min(day or 15, 28)) - published).days))


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


Timex3 = dict[str, str | None]
NOT_A_TIMEX = ("", None)  # a rule's answer for an entry that is no TimeML expression


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


def _weekday_date(published: date, weekday: int, relation: str | None, tense: Tense | None) -> date:
    """A weekday's date: "last"/"next" the one strictly before/after publication; a bare one in a future- or
    present-tense clause ("talks resume Monday") the first on or after it, otherwise the latest on or before
    it (news names past days so)."""
    ahead = (weekday - published.weekday()) % 7
    if relation == "next" or (relation != "last" and tense in {"future", "present"}):
        return published + timedelta(days=ahead or (7 if relation == "next" else 0))
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if relation == "last" else 0))


def resolve(text: str, published: date | None, anchor: Anchor | None = None) -> Resolved:
    """Normalise one time expression to claimtrace's calendar value; relative ones need `published`, and use
    the tense and story year of `anchor` where one is given."""
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" .,")
    since = phrase.startswith("since ")
    if since:
        phrase = phrase[len("since ") :]
    phrase = LEADING.sub("", phrase)
    resolved = _resolve_rules(phrase, anchor or Anchor(published))
    if resolved is None and _is_no_date(phrase):
        resolved = Resolved(None, False)  # "45-minute" is no date (dateparser would read 1945)
    if resolved is None:
        resolved = _resolve_dateparser(phrase, published.isoformat() if published else None)
    if since and resolved.value and published:
        start = resolved.value.split("/")[0]
        return Resolved(_interval(start, _day(published)), resolved.absolute)
    return resolved


def _resolve_rules(phrase: str, anchor: Anchor) -> Resolved | None:
    published = anchor.published
    if m := ISO_DATE.match(phrase) or US_DATE.match(phrase):
        try:
            return Resolved(_day(date(int(m["y"]), int(m["m"]), int(m["d"]))), True)
        except ValueError:
            return Resolved(None, True)
    if m := FULL_DATE.match(phrase):
        month = MONTHS[m["m1"] or m["m2"]]
        day = int(m["d1"] or m["d2"])
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month, day)
        if year is None:
            return Resolved(None, False)
        try:
            return Resolved(_day(date(year, month, day)), m["y"] is not None)
        except ValueError:
            return Resolved(None, m["y"] is not None)
    if m := MONTH_YEAR.match(phrase):
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
    if m := YEAR.match(phrase):
        year = int(m["y"])
        if m["part"]:
            first, last = YEAR_PARTS[m["part"]]
            return Resolved(_interval(_month(year, first), _month(year, last)), True)
        return Resolved(str(year), True)
    if m := QUARTER.match(phrase):
        year, quarter = int(m["y"]), QUARTERS[m["q"]]
        if "half" in phrase:
            first = 1 if quarter == 1 else 7
            return Resolved(_interval(_month(year, first), _month(year, first + 5)), True)
        return Resolved(_interval(_month(year, 3 * quarter - 2), _month(year, 3 * quarter)), True)
    if CLOCK_TIME.match(phrase):
        return Resolved(None, False)
    if m := DECADE.match(phrase):
        start = int(m["y"]) * 10
        return Resolved(_interval(str(start), str(start + 9)), True)
    if m := SEASON.match(phrase):
        if m["y"]:
            return Resolved(_season(int(m["y"]), m["s"]), True)
        if published is None:
            return Resolved(None, False)
        return Resolved(_season(_season_start_year(published, m["s"], m["rel"], anchor.tense), m["s"]), False)
    relative = (WEEKDAY, RELATIVE_UNIT, EARLIER_LATER, AGO, AHEAD, PAST_SPAN, AGE)
    if phrase in DEICTIC_DAY or any(p.match(phrase) for p in relative):
        return Resolved(_resolve_relative(phrase, published, anchor.tense) if published else None, False)
    return None


def _resolve_relative(phrase: str, published: date, tense: Tense | None) -> str | None:
    if phrase in DEICTIC_DAY:
        return _day(published + timedelta(days=DEICTIC_DAY[phrase]))
    if m := WEEKDAY.match(phrase):
        return _day(_weekday_date(published, WEEKDAYS[m["w"]], m["rel"], tense))
    if m := RELATIVE_UNIT.match(phrase):
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"], 0)
        unit = m["u"]
        if unit == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            return _interval(_day(monday), _day(monday + timedelta(days=6)))
        return _at_precision(_shift(published, step, unit), unit)
    if m := EARLIER_LATER.match(phrase):
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
    if m := AGO.match(phrase):
        n = _number(m["n"])
        return None if n is None else _at_precision(_shift(published, -n, m["u"]), m["u"])
    if m := AHEAD.match(phrase):
        n = _number(m["n"])
        return None if n is None else _at_precision(_shift(published, n, m["u"]), m["u"])
    if (m := PAST_SPAN.match(phrase)) or (m := AGE.match(phrase)):
        n = _number(m["n"])
        if n is None:
            return None
        unit = m["u"]
        start = _shift(published, -n, unit)
        return _interval(
            _at_precision(start, "month" if unit in {"year", "decade"} else unit), _day(published)
        )
    return None


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.removesuffix("s")


def _duration(count: float | None, unit: str) -> str:
    """An ISO 8601 duration: "P3D", "PT5H30M", "P10Y" for a decade; "PXY" when the count is vague."""
    designator, per, is_time = DURATION_UNITS[_unit(unit)]
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{designator}"
    total = count * per
    if total == int(total):
        return f"{prefix}{int(total)}{designator}"
    if _unit(unit) == "hour":
        return f"PT{int(total)}H{round(60 * (total - int(total)))}M"
    return f"{prefix}{total:g}{designator}"


def _count(word: str | None) -> float | None:
    if word is None:
        return 1
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return _number(word)


def _at_unit(d: date, unit: str) -> str:
    """A date written to the precision of a unit: a day, an ISO week, a month or a year."""
    unit = _unit(unit)
    if unit == "week":
        return _week(d)
    if unit in {"day", "morning", "afternoon", "evening", "night"}:
        return _day(d) + (f"T{PARTS_OF_DAY[unit]}" if unit in PARTS_OF_DAY else "")
    return _month(d.year, d.month) if unit == "month" else str(d.year)


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


def _clock_value(m: re.Match[str], anchor: Anchor) -> str | None:
    if m["word"]:
        hour, minute = (0, 0) if m["word"] == "midnight" else (12, 0)
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if hour > 23 or minute > 59:
            return None
        afternoon = (m["ampm"] or "").startswith("p") or m["p"] in {"afternoon", "evening", "night"}
        if afternoon and hour < 12:
            hour += 12
        elif (m["ampm"] or "").startswith("a") and hour == 12:
            hour = 0
    if m["day"]:
        day = _day_of(m["day"], anchor)
    else:  # a clock time alone is on the story's current day
        current = anchor.reference if anchor.reference_is_day else anchor.published
        day = _day(current) if current else None
    return f"{day or 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}"


def _day_of(phrase: str, anchor: Anchor) -> str | None:
    """The day a phrase names ("Tuesday", "yesterday", "that", "March 3"), for a time or part of day on it."""
    phrase = LEADING.sub("", phrase)
    if phrase in {"this", "today", "this day"}:
        return _day(anchor.published) if anchor.published else None
    if phrase in {"that", "the same", "that same"}:
        day = anchor.reference or anchor.published
        return _day(day) if day else None
    if phrase == "last":
        phrase = "yesterday"
    found = _timex3_rules(phrase, anchor)
    if found and found[0] == "DATE" and found[1] and ISO_DATE.match(found[1]):
        return found[1]
    return None


def _range_value(m: re.Match[str], anchor: Anchor) -> tuple[str, str | None] | None:
    """A range of dates ("2009-2010", "from May to July"), as TimeML writes an anchored duration: its
    length."""
    first = _timex3_rules(m["a"], anchor)
    second_text = m["b"]
    if first and first[1] and re.fullmatch(r"\d{4}", first[1]) and re.fullmatch(r"\d{2}", second_text):
        second_text = first[1][:2] + second_text  # "1998-99"
    second = _timex3_rules(second_text, anchor)
    if not (first and second and first[0] == second[0] == "DATE" and first[1] and second[1]):
        return None
    a, b = first[1], second[1]
    shapes = (r"\d{4}", r"\d{4}-\d{2}", r"\d{4}-\d{2}-\d{2}")
    for shape, unit in zip(shapes, ("year", "month", "day"), strict=True):
        if re.fullmatch(shape, a) and re.fullmatch(shape, b):
            if unit == "year":
                n = int(b) - int(a) + 1
            elif unit == "month":
                n = (int(b[:4]) - int(a[:4])) * 12 + int(b[5:]) - int(a[5:]) + 1
            else:
                n = (date.fromisoformat(b) - date.fromisoformat(a)).days + 1
            return ("DURATION", _duration(n, unit)) if n > 0 else None
    return None


def _phrase(text: str) -> str:
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" .,;:()\"'")
    return phrase.removesuffix("'s").removesuffix("'")


def timex3(text: str, anchor: Anchor, calendar: Resolved | None = None) -> Timex3 | None:
    """The TIMEX3 type and value of one expression, or None where it is no TimeML time expression. Where the
    rules know no TIMEX3 shape, `calendar` (the expression's `resolve` result, which may come from dateparser)
    is the fallback; without it the rules alone answer (dating a page tries many publication months)."""
    phrase = _phrase(text)
    phrase = phrase.removeprefix("since ")
    while (stripped := LEADING.sub("", phrase)) != phrase:
        phrase = stripped
    if NOT_TIMEX.match(phrase):
        return None
    found = _timex3_rules(phrase, anchor)
    if found is None and calendar is not None:
        found = _fallback(phrase, anchor, calendar)
    if found is None or found == NOT_A_TIMEX:
        return None
    return {"type": found[0], "value": found[1]}


def _fallback(phrase: str, anchor: Anchor, calendar: Resolved) -> tuple[str, str | None] | None:
    """A shape the rules do not know: its calendar value when that is one plausible TIMEX3 date (dateparser
    reads "April 24 and 25" as 1925), else the date inside an extent NER drew too wide ("the day Friday"),
    else a DATE of unknown value when the phrase has a temporal word."""
    value = calendar.value
    published = anchor.published
    near = value is not None and published is not None and abs(int(value[:4]) - published.year) <= 2
    if value and (calendar.absolute or near) and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return "DATE", value
    if (inner := INNER_DATE.search(phrase)) and (found := _timex3_rules(inner.group(), anchor)):
        return found
    return ("DATE", None) if TEMPORAL_WORD.search(phrase) else None


def _timex3_rules(phrase: str, anchor: Anchor) -> tuple[str, str | None] | None:
    """(type, value) for the shapes the rules know, NOT_A_TIMEX for a bare part of the day, else None."""
    published = anchor.published
    if phrase in FUZZY:
        return "DATE", FUZZY[phrase]
    if phrase in SET_WORDS:
        return "SET", SET_WORDS[phrase]
    if m := EVERY.match(phrase):
        what = m["what"]
        if what in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}"
        if what in PARTS_OF_DAY:
            return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}"
        if what in SEASON_CODES:
            return "SET", f"XXXX-{SEASON_CODES[what]}"
        count = _count(m["n"])
        return "SET", _duration((count or 1) * (2 if m["other"] else 1), what)
    if m := WEEKDAYS_PLURAL.match(phrase):
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['w']] + 1}"
    if m := HOLIDAY.match(phrase):
        return "DATE", _holiday_value(m, anchor)
    if (m := CLOCK.match(phrase)) and (m["word"] or m["min"] or m["ampm"] or m["oc"] or m["p"]):
        return "TIME", _clock_value(m, anchor)
    if phrase in PARTS_OF_DAY or phrase == "overnight":
        return NOT_A_TIMEX
    if phrase == "tonight":
        return "TIME", f"{_day(published)}TNI" if published else None
    if m := PART_OF_DAY.match(phrase):
        day = _day_of(m["day"], anchor)
        if day or m["day"] in {"last", "this", "that", "yesterday", "tomorrow"}:
            return "TIME", f"{day}T{PARTS_OF_DAY[m['p']]}" if day else None
    if found := _anaphoric(phrase, anchor):
        return found
    if found := _duration_rules(phrase):
        return found
    if found := _deictic(phrase, anchor):
        return found
    if m := RELATIVE_DATE.match(phrase):  # "last Oct. 23", "next March 3": the tense the word gives
        tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(m["rel"])
        if found := _deictic(m["rest"], replace(anchor, tense=tense)):
            return found
    if m := MONTH_OF_YEAR.match(phrase):  # "February this year", "April next year"
        if published is None:
            return "DATE", None
        year = published.year + {"last": -1, "next": 1}.get(m["rel"], 0)
        return "DATE", _month(year, MONTHS[m["m"]])
    if m := PART_OF.match(phrase):  # "late Monday", "early in 1998": TimeML keeps the value, marks a mod
        return _timex3_rules(m["rest"], anchor)
    if m := RANGE.match(phrase):
        return _range_value(m, anchor)
    return None


def _anaphoric(phrase: str, anchor: Anchor) -> tuple[str, str | None] | None:
    """Expressions resolved against the story's reference time: "that day", "the next morning", "two days
    later", "that Sunday"."""
    reference = anchor.reference or anchor.published
    if m := ANAPHORIC.match(phrase):
        unit = m["u"]
        return ("TIME" if unit in PARTS_OF_DAY else "DATE"), _at_unit(reference, unit) if reference else None
    if m := NEIGHBOUR.match(phrase):
        unit = m["u1"] or m["u2"]
        step = 1 if (m["dir1"] or m["dir2"]) in {"next", "following", "after", "later"} else -1
        kind = "TIME" if unit in PARTS_OF_DAY else "DATE"
        if reference is None:
            return kind, None
        shift_unit = "day" if unit in PARTS_OF_DAY else unit
        return kind, _at_unit(_shift(reference, step, shift_unit), unit)
    if m := LATER.match(phrase):
        n = _number(m["n"])
        if reference is None or n is None:
            return "DATE", None
        step = n if m["dir"].startswith(("later", "after")) else -n
        return "DATE", _at_unit(_shift(reference, step, m["u"]), m["u"])
    if m := THAT_WEEKDAY.match(phrase):
        if reference is None:
            return "DATE", None
        offset = (WEEKDAYS[m["w"]] - reference.weekday()) % 7
        return "DATE", _day(reference + timedelta(days=offset if offset <= 3 else offset - 7))
    return None


def _duration_rules(phrase: str) -> tuple[str, str | None] | None:
    if m := SPAN_OF.match(phrase):
        count = None if m["n"] in {"several", "few", "many"} else _count(m["n"])
        plural = m["u"].endswith("s")
        if m["n"] or plural or m["rel"] in {"past", "first"}:
            return "DURATION", _duration(count if m["n"] else (None if plural else 1), m["u"])
    bare = APPROXIMATE.sub("", phrase)
    if m := DURATION.match(bare):
        count = _count(m["n"])
        if count is not None:
            return "DURATION", _duration(count + (0.5 if m["half"] else 0), m["u"])
    if m := UNIT_LONG.match(bare):
        return "DURATION", _duration(1, "day" if m["u"] == "night" else m["u"])
    if (m := VAGUE_DURATION.match(bare)) and m["u"].endswith(("s", "centuries")):
        return "DURATION", _duration(None, m["u"])
    return None


def _deictic(phrase: str, anchor: Anchor) -> tuple[str, str | None] | None:
    """Calendar expressions: absolute ones, and relative ones resolved against the publication date with the
    clause's tense deciding between past and future."""
    published, tense = anchor.published, anchor.tense
    if m := ISO_DATE.match(phrase) or US_DATE.match(phrase):
        try:
            return "DATE", _day(date(int(m["y"]), int(m["m"]), int(m["d"])))
        except ValueError:
            return "DATE", None
    if m := FULL_DATE.match(phrase):
        month, day = MONTHS[m["m1"] or m["m2"]], int(m["d1"] or m["d2"])
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month, day)
        try:
            return "DATE", _day(date(year, month, day)) if year else None
        except ValueError:
            return "DATE", None
    if m := MONTH_YEAR.match(phrase):
        month = MONTHS[m["m"]]
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month)
        return "DATE", _month(year, month) if year else None
    if m := REL_MONTH.match(phrase):
        if published is None:
            return "DATE", None
        month = MONTHS[m["m"]]
        year = published.year
        if m["rel"] == "last" and month >= published.month:
            year -= 1
        elif m["rel"] == "next" and month <= published.month:
            year += 1
        return "DATE", _month(year, month)
    if m := YEAR.match(phrase) or YEAR_AFFIX.match(phrase):
        return "DATE", ("FY" if phrase.startswith(("fiscal", "fy")) else "") + m["y"]
    if m := DECADE.match(phrase) or DECADE_PART.match(phrase):
        return "DATE", f"{m['y']}X"
    if m := DECADE_SHORT.match(phrase):
        return "DATE", f"19{m['d']}X"
    if m := CENTURY.match(phrase):
        if m["n"]:
            return "DATE", f"{int(m['n']) - 1:02d}"
        if published is None:
            return "DATE", None
        step = {"last": -1, "past": -1, "next": 1}.get(m["rel"], 0)
        return "DATE", f"{published.year // 100 + step:02d}"
    if m := QUARTER.match(phrase):
        quarter = QUARTERS[m["q"]]
        if "half" in phrase:
            return "DATE", f"{m['y']}-H{1 if quarter == 1 else 2}"
        return "DATE", f"{m['y']}-Q{quarter}"
    if m := REL_QUARTER.match(phrase):
        if published is None:
            return "DATE", None
        half = m["u"] == "half"
        current = (published.month - 1) // (6 if half else 3) + 1
        if m["q"]:
            index = QUARTERS[m["q"]] if not half else min(QUARTERS[m["q"]], 2)
            year = published.year
        else:
            step = {"last": -1, "previous": -1, "next": 1}.get(m["rel"], 0)
            per_year = 2 if half else 4
            year, index = divmod(published.year * per_year + current - 1 + step, per_year)
            index += 1
        return "DATE", f"{year}-{'H' if half else 'Q'}{index}"
    if m := SEASON.match(re.sub(r"^(?:early|late|mid)[\s-]+", "", phrase)):
        code = SEASON_CODES[m["s"]]
        if m["y"]:
            return "DATE", f"{m['y']}-{code}"
        if published is None:
            return "DATE", None
        return "DATE", f"{_season_start_year(published, m['s'], m['rel'], tense)}-{code}"
    if published is None:
        return None if not TEMPORAL_WORD.search(phrase) and phrase not in DEICTIC_DAY else ("DATE", None)
    if m := WEEKDAY.match(phrase):
        return "DATE", _day(_weekday_date(published, WEEKDAYS[m["w"]], m["rel"], tense))
    if phrase in DEICTIC_DAY:
        return "DATE", _day(published + timedelta(days=DEICTIC_DAY[phrase]))
    if m := WEEK_OF.match(phrase):
        day = _day_of(m["d"], anchor)
        return "DATE", _week(date.fromisoformat(day)) if day else None
    if m := WEEKEND.match(phrase):
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m["rel"] or "", 0)
        if m["rel"] is None and tense != "future":
            step = -1 if published.weekday() < 5 else 0
        return "DATE", _week(published + timedelta(weeks=step)) + "-WE"
    if m := WEEK_PART.match(phrase):
        step = {"last": -1, "next": 1}.get(m["rel"] or m["rel2"], 0)
        return "DATE", _week(published + timedelta(weeks=step))
    if m := RELATIVE_UNIT.match(phrase):
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"], 0)
        return "DATE", _at_unit(_shift(published, step, m["u"]), m["u"])
    if m := PART_RELATIVE.match(phrase):
        step = {"last": -1, "next": 1}.get(m["rel"] or "", 0)
        return "DATE", _at_unit(_shift(published, step, m["u"]), m["u"])
    if m := AGO.match(phrase):
        n = _number(m["n"])
        unit = "year" if m["u"] == "decade" else m["u"]
        return "DATE", None if n is None else _at_unit(_shift(published, -n, m["u"]), unit)
    if VAGUE_AGO.match(phrase):
        return "DATE", "PAST_REF"
    if m := AHEAD.match(phrase) or IN_FUTURE.match(phrase):
        n = _number(m["n"])
        unit = "year" if m["u"] == "decade" else m["u"]
        return "DATE", None if n is None else _at_unit(_shift(published, n, m["u"]), unit)
    return None


def _is_no_date(phrase: str) -> bool:
    """A duration, a set or a fuzzy reference: it has a TIMEX3 value but no calendar date."""
    bare = APPROXIMATE.sub("", phrase)
    return bool(
        phrase in FUZZY
        or phrase in SET_WORDS
        or EVERY.match(phrase)
        or DURATION.match(bare)
        or UNIT_LONG.match(bare)
        or (VAGUE_DURATION.match(bare) and not AGE.match(phrase))
    )


@lru_cache(maxsize=64)
def _date_parser(published: date | None) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if published:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def _resolve_dateparser(phrase: str, published: str | None) -> Resolved:
    """The slow path for shapes the rules do not know; cached, since news repeats its time phrases."""
    if not any(ch.isdigit() for ch in phrase) and not any(
        w in MONTHS or w in WEEKDAYS for w in phrase.split()
    ):
        return Resolved(None, False)  # vague ("recent weeks", "the future"): dateparser would guess
    base = _parse_date(published) if published else None
    absolute = bool(re.search(r"\b(?:1[89]|20)\d{2}\b", phrase))
    if not absolute and base is None:
        return Resolved(None, False)
    data = _date_parser(base).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return Resolved(None, absolute)
    found = data.date_obj.date()
    period = data.period or "day"
    value = (
        str(found.year)
        if period == "year"
        else _month(found.year, found.month)
        if period == "month"
        else _day(found)
    )
    return Resolved(value, absolute)


def _parse_published(published: str | None) -> tuple[date | None, str | None]:
    """The publication date as a day, and its precision ("day" or "month")."""
    if not published:
        return None, None
    if m := re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published.strip()):
        try:
            return date(int(m[1]), int(m[2]), int(m[3] or 15)), "day" if m[3] else "month"
        except ValueError:
            return None, None
    return None, None


def _coarsen(value: str | None) -> str | None:
    """Day-level values resolved against a month-only publication date are only good to the month."""
    if value is None:
        return None
    return "/".join(part[:7] for part in value.split("/"))


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str


def _lowercase(text: str) -> str:
    """The text in lower case, character for character (a few characters lowercase to two, e.g. "İ")."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_candidates(doc: Doc, text: str) -> list[Candidate]:
    """DATE/TIME entities (with a leading "since"), plus pattern matches that overlap none of them; a
    WHOLE_PATTERNS match (a season with its year, a range, a clock time with its day) replaces the candidates
    it overlaps, so that "the fall of" + "2022" is one expression."""
    found: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        start = ent.start_char
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        # "since" makes the date an interval; "that" makes a weekday anaphoric ("that Sunday"), "every" a set
        if before == "since" or (before in {"that", "every", "each"} and ent[0].lower_ in WEEKDAYS):
            start = doc[ent.start - 1].idx
        found.append(Candidate(start, ent.end_char, text[start : ent.end_char]))
    lower = _lowercase(text)
    for m in WHOLE_PATTERNS.finditer(lower):
        inside = [c for c in found if c.start < m.end() and m.start() < c.end]
        start = min([m.start(), *(c.start for c in inside)])
        end = max([m.end(), *(c.end for c in inside)])
        found = [c for c in found if c not in inside] + [Candidate(start, end, text[start:end])]
    taken = [(c.start, c.end) for c in found]
    for m in EXTRA_PATTERNS.finditer(lower):
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), text[m.start() : m.end()]))
    return sorted(found, key=lambda c: c.start)


# Auxiliaries and governing words that put a clause in the future ("will meet", "is expected to meet").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
FUTURE_GOVERNORS = frozenset(
    {"expect", "schedule", "plan", "due", "set", "intend", "aim", "go", "hope", "likely"}
)


def clause_tense(span: Span) -> Tense | None:
    """The tense of the verb a time expression dates: up from the expression's root to the first verb; None
    for an expression inside a noun phrase ("the Jan. 14 deadline"): the clause's tense does not date it."""
    token = span.root
    if token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in {"NOUN", "PROPN"}:
        return None
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.lemma_ == "have" for c in auxiliaries)
    if perfect:
        return "past"  # "has risen since May", "would have met on Friday"
    if any(c.lower_ in FUTURE_AUXILIARIES or c.tag_ == "MD" for c in auxiliaries):
        return "future"  # "will meet", and modals: "could resume Tuesday", "would leave on Friday"
    if token.dep_ == "xcomp" and token.head.lemma_ in FUTURE_GOVERNORS:
        return "future"
    if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
        return "past"
    if token.tag_ in {"VBZ", "VBP"} or any(c.tag_ in {"VBZ", "VBP"} for c in auxiliaries):
        return "present"
    return None


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
    for candidate, tense in zip(candidates, tenses, strict=True):
        if _in_copyright_line(text, candidate):
            continue
        calendar = resolve(candidate.text, None)
        if not calendar.absolute:
            relative.append((candidate, tense))
            continue
        found = timex3(candidate.text, Anchor(None, tense), calendar)
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
            found = timex3(candidate.text, Anchor(date(month // 12, month % 12 + 1, 15), tense))
            if not found or not (months := _months(found["value"])):
                keep.add(month)
                continue
            if (tense == "past" and months[0] > month) or (tense == "future" and months[1] < month):
                continue
            keep.add(month)
            if found["value"] in named and re.search(r"-(?:SP|SU|FA|WI|\d{2})$", str(found["value"])):
                same_period.add(month)
        narrow(candidate, keep)
        narrow(candidate, same_period & allowed)
    low, high = min(allowed), max(allowed)
    interval = _month_text(low) if low == high else f"{_month_text(low)}/{_month_text(high)}"
    point = _latest_stated_day(text, candidates)
    if point is not None and low <= point.year * 12 + point.month - 1 <= high:
        return InferredDate(_day(point), interval, tuple(evidence))
    if high - low < MONTH_PRECISION_AT_MOST:
        return InferredDate(_month_text(low), interval, tuple(evidence))
    return InferredDate(None, None, ())  # too wide to stand for a publication date


def _latest_stated_day(text: str, candidates: list[Candidate]) -> date | None:
    """The latest full date the text states (outside copyright lines), moved forward to the latest weekday
    named in the text within the week after it ("… on March 4, 2024. On Wednesday, …" → March 6)."""
    stated: list[date] = []
    weekdays: list[int] = []
    for candidate in candidates:
        if _in_copyright_line(text, candidate):
            continue
        resolved = resolve(candidate.text, None)
        if resolved.absolute and resolved.value and (day := _parse_date(resolved.value)):
            stated.append(day)
        elif (m := WEEKDAY.match(LEADING.sub("", candidate.text.lower().strip(" .,")))) and m[
            "rel"
        ] != "next":
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


class TimesComponent:
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds doc.text from the tokens on every access: read it once
        candidates = find_candidates(doc, text)
        parsed = doc.has_annotation("DEP")
        spans = [
            doc.char_span(c.start, c.end, alignment_mode="expand") if parsed else None for c in candidates
        ]
        tenses = [clause_tense(span) if span is not None else None for span in spans]
        published_text = doc._.published
        if published_text is None:
            inferred = infer_publication(text, candidates, tenses)
            doc._.published_inferred = inferred.published
            doc._.published_interval = inferred.interval
            doc._.published_evidence = list(inferred.evidence) or None
            published_text = inferred.published
        published, precision = _parse_published(published_text)
        reference = published
        reference_is_day = precision == "day"  # a month-only date stands in as its 15th
        story: tuple[int, int] | None = None  # (year, token index of the end of its sentence)
        times = []
        for candidate, span, tense in zip(candidates, spans, tenses, strict=True):
            story_year = story[0] if story and span is not None and span.start < story[1] else None
            anchor = Anchor(published, tense, reference, story_year, reference_is_day)
            resolved = resolve(candidate.text, published, anchor)
            value = resolved.value
            found = timex3(candidate.text, anchor, resolved)
            if not resolved.absolute and precision == "month":
                value = _coarsen(value)
                if found and found["value"] and ISO_DATE.match(found["value"][:10]):
                    found = {**found, "value": found["value"][:7]}
            if found and (day := _start_day(found["value"])):
                reference, reference_is_day = day, bool(ISO_DATE.match(str(found["value"])[:10]))
            if resolved.absolute and value and span is not None:
                year = int(value[:4])
                story = None if published and year == published.year else (year, span.sent.end)
            times.append(
                {
                    "start": candidate.start,
                    "end": candidate.end,
                    "text": candidate.text,
                    "value": value,
                    "basis": "absolute" if resolved.absolute else "relative-to-published",
                    "timex3": found,
                }
            )
        doc._.times = times
        return doc


@Language.factory("claimtrace_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    register_extensions()
    return TimesComponent()
