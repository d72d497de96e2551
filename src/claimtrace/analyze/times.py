"""Time expressions: find them, normalise them, and infer a publication date when the page gives none.

Candidates are spaCy's DATE and TIME entities plus a few patterns NER tends to miss (weekday names, numeric
dates, "yesterday"), extended by a leading "since" that turns a date into an interval. Values:
"YYYY-MM-DD" / "YYYY-MM" / "YYYY" for a date, "start/end" for an interval, None when a date cannot be told.
Expressions that name their year are "absolute"; the rest ("Tuesday", "last week", "the three-year-old
dispute") are resolved against the publication date, basis "relative-to-published". Fast rules handle the
common shapes; dateparser, cached, handles the remainder.

When `doc._.published` is None, a publication date is inferred from the text itself: the latest full date the
body states, moved forward to a weekday the text names after it ("on Tuesday"); never from a copyright line.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc

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
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NUMBER_RE = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
UNIT_RE = r"day|week|month|year|decade"

# Extra candidates that NER misses often.
# Full weekday names only: abbreviations collide with words ("sat", "sun", "wed").
FULL_WEEKDAY_RE = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
EXTRA_PATTERNS = re.compile(
    rf"\b(?:(?:last|next|this|on|early|late)\s+)?(?:{FULL_WEEKDAY_RE})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
    r"|\b(?:yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
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
LEADING = re.compile(r"^(?:the|on|in|at|during|by|of)\s+")


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


def _season_start_year(published: date, season: str, relation: str | None) -> int:
    """The year a season named without one starts in: "last spring" is the latest spring already over,
    "next spring" the first not yet begun, otherwise the one of the publication year."""
    first, last = SEASONS[season]
    now = published.year * 12 + published.month
    years = range(published.year - 2, published.year + 2)

    def bounds(year: int) -> tuple[int, int]:
        return year * 12 + first, (year + (first > last)) * 12 + last

    if relation in {"last", "past"}:
        return max(y for y in years if bounds(y)[1] < now)
    if relation in {"next", "coming"}:
        return min(y for y in years if bounds(y)[0] > now)
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


def resolve(text: str, published: date | None) -> Resolved:
    """Normalise one time expression; relative ones need `published`."""
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" .,")
    since = phrase.startswith("since ")
    if since:
        phrase = phrase[len("since ") :]
    phrase = LEADING.sub("", phrase)
    resolved = _resolve_rules(phrase, published)
    if resolved is None:
        resolved = _resolve_dateparser(phrase, published.isoformat() if published else None)
    if since and resolved.value and published:
        start = resolved.value.split("/")[0]
        return Resolved(_interval(start, _day(published)), resolved.absolute)
    return resolved


def _resolve_rules(phrase: str, published: date | None) -> Resolved | None:
    if m := ISO_DATE.match(phrase) or US_DATE.match(phrase):
        try:
            return Resolved(_day(date(int(m["y"]), int(m["m"]), int(m["d"]))), True)
        except ValueError:
            return Resolved(None, True)
    if m := FULL_DATE.match(phrase):
        month = MONTHS[m["m1"] or m["m2"]]
        day = int(m["d1"] or m["d2"])
        if m["y"] is None and published is None:
            return Resolved(None, False)
        year = int(m["y"]) if m["y"] else _closest_year(published, month, day)  # type: ignore[arg-type]
        try:
            return Resolved(_day(date(year, month, day)), m["y"] is not None)
        except ValueError:
            return Resolved(None, m["y"] is not None)
    if m := MONTH_YEAR.match(phrase):
        month = MONTHS[m["m"]]
        if m["y"] is None and published is None:
            return Resolved(None, False)
        year = int(m["y"]) if m["y"] else _closest_year(published, month)  # type: ignore[arg-type]
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
        return Resolved(_season(_season_start_year(published, m["s"], m["rel"]), m["s"]), False)
    relative = (WEEKDAY, RELATIVE_UNIT, EARLIER_LATER, AGO, AHEAD, PAST_SPAN, AGE)
    if phrase in DEICTIC_DAY or any(p.match(phrase) for p in relative):
        return Resolved(_resolve_relative(phrase, published) if published else None, False)
    return None


def _resolve_relative(phrase: str, published: date) -> str | None:
    if phrase in DEICTIC_DAY:
        return _day(published + timedelta(days=DEICTIC_DAY[phrase]))
    if m := WEEKDAY.match(phrase):
        weekday = WEEKDAYS[m["w"]]
        if m["rel"] == "next":
            return _day(published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1))
        back = (published.weekday() - weekday) % 7
        if m["rel"] == "last" and back == 0:
            back = 7
        return _day(published - timedelta(days=back))
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


def find_candidates(doc: Doc) -> list[Candidate]:
    """DATE/TIME entities (with a leading "since"), plus pattern matches that overlap none of them."""
    text = doc.text  # spaCy rebuilds doc.text from the tokens on every access: read it once
    found: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ == "since":
            start = doc[ent.start - 1].idx
        found.append(Candidate(start, ent.end_char, text[start : ent.end_char]))
    taken = [(c.start, c.end) for c in found]
    for m in EXTRA_PATTERNS.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), m.group()))
    return sorted(found, key=lambda c: c.start)


def _in_copyright_line(text: str, candidate: Candidate) -> bool:
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(COPYRIGHT.search(line))


def infer_published(doc: Doc, candidates: list[Candidate]) -> str | None:
    """The latest full date the text states (outside copyright lines), moved forward to the latest weekday
    named in the text within the week after it ("… on March 4, 2024. On Wednesday, …" → March 6)."""
    stated: list[date] = []
    weekdays: list[int] = []
    text = doc.text
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
    anchor = max(stated)
    ahead = max(((w - anchor.weekday()) % 7 for w in weekdays), default=0)
    return _day(anchor + timedelta(days=ahead))


class TimesComponent:
    def __call__(self, doc: Doc) -> Doc:
        candidates = find_candidates(doc)
        published_text = doc._.published
        if published_text is None:
            doc._.published_inferred = infer_published(doc, candidates)
            published_text = doc._.published_inferred
        published, precision = _parse_published(published_text)
        times = []
        for candidate in candidates:
            resolved = resolve(candidate.text, published)
            value = resolved.value
            if not resolved.absolute and precision == "month":
                value = _coarsen(value)
            times.append(
                {
                    "start": candidate.start,
                    "end": candidate.end,
                    "text": candidate.text,
                    "value": value,
                    "basis": "absolute" if resolved.absolute else "relative-to-published",
                }
            )
        doc._.times = times
        return doc


@Language.factory("claimtrace_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    register_extensions()
    return TimesComponent()
