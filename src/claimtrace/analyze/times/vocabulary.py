"""Words time expressions are made of, and the codes TimeML writes for them: months, weekdays, seasons,
numbers, duration units, fuzzy references and frequency adverbs, with the alternations the patterns use."""

from __future__ import annotations


def _numbered(groups: tuple[tuple[str, ...], ...], first: int) -> dict[str, int]:
    """Each name in each group of names for one thing → the thing's number, counted from `first`."""
    return {name: number for number, names in enumerate(groups, first) for name in names}


MONTHS = _numbered(
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
# Monday is 0, as date.weekday() counts
WEEKDAYS = _numbered(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    0,
)
# Season → (first month, last month); winter spans the turn of the year.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# Part of a year or month → (first, last) month of the year, or day of the month.
PART_WORDS = {"beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late"}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31)}
YEAR_PARTS |= {words: YEAR_PARTS[part] for words, part in PART_WORDS.items()}
MONTH_PARTS |= {words: MONTH_PARTS[part] for words, part in PART_WORDS.items()}
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
# Decades of the 1900s in words ("the nineties" -> 199X); with "his" or "their" they are ages.
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
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


MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NUMBER_RE = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

UNIT_RE = r"day|week|month|year|decade"
DURATION_UNIT_RE = (
    r"seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|century|centuries"
)
CLOCK_RE = r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d{2}|noon|midday|midnight"
# Time zones, each alternative ending at a word boundary ("EST", "ET", "E.T.", "e.s.t" once its dot is
# dropped).
ZONE_RE = r"(?:local time|gmt|utc|[ecmp][sd]?t)\b|[ecmp]\.(?:[sd]\.)?t\b\.?"
SEASON_RE = "spring|summer|autumn|fall|winter"


# Full weekday names only: abbreviations collide with words ("sat", "sun", "wed").
FULL_WEEKDAY_RE = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
FUZZY_RE = "|".join(sorted((w for w in FUZZY if w not in {"past", "present"}), key=len, reverse=True))
