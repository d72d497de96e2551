"""TIMEX3 type and value of a time expression, in TimeML's value grammar."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from claimtrace.analyze.times.anchoring import (
    Anchor,
    _anchored_part_year,
    _anchored_year,
    _day,
    _month,
    _number,
    _parse_date,
    _rel_month_year,
    _season_start_year,
    _shift,
    _weekday_date,
    _weekday_of_week,
    _year_of,
)
from claimtrace.analyze.times.holidays import holiday_date, holiday_weekend
from claimtrace.analyze.times.shapes import DEICTIC_DAY, QUARTERS, SHAPES
from claimtrace.analyze.times.values import Resolved, spelled_day_range
from claimtrace.analyze.times.vocabulary import (
    DECADE_WORDS,
    DURATION_UNITS,
    FUZZY,
    MONTHS,
    PARTS_OF_DAY,
    SEASON_CODES,
    SET_WORDS,
    WEEKDAYS,
)

Timex3 = dict[str, str | None]
NOT_A_TIMEX = ("", None)  # a rule's answer for an entry that is no TimeML expression


def _holiday_value(m: re.Match[str], anchor: Anchor) -> str | None:
    """A holiday as TimeML writes it: its day, its ISO week ("Easter week"), or its weekend."""
    day = holiday_date(m, anchor)
    if day is None:
        return None
    if m["span"] == "week":
        return _week(day)
    if m["span"] == "weekend":
        return _week(holiday_weekend(day)) + "-WE"
    return _day(day)


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.removesuffix("s")


# The next smaller unit a fraction of a unit is written in ("P1Y6M", "PT5H30M", "PT12H" for half a day), with
# how many of it make the unit; (designator, whether it is written after "T").
SMALLER = {("Y", False): ("M", 12, False), ("D", False): ("H", 24, True), ("H", True): ("M", 60, True)}


def _duration(count: float | None, unit: str) -> str:
    """An ISO 8601 duration: "P3D", "PT5H30M", "P10Y" for a decade; "PXY" when the count is vague."""
    designator, per, is_time = DURATION_UNITS[_unit(unit)]
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{designator}"
    total = count * per
    whole, rest = int(total), total - int(total)
    if rest and (designator, is_time) not in SMALLER:
        return f"{prefix}{total:g}{designator}"
    parts = [(designator, is_time, whole)] if whole or not rest else []
    if rest:
        small, factor, small_is_time = SMALLER[(designator, is_time)]
        parts.append((small, small_is_time, round(rest * factor)))
    dates = "".join(f"{n}{d}" for d, time, n in parts if not time)
    times = "".join(f"{n}{d}" for d, time, n in parts if time)
    return "P" + dates + (f"T{times}" if times else "")


def _count(word: str | None) -> float | None:
    if word is None:
        return 1
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return _number(word)


# A part of a day named with its day ("Friday night", "the next morning", "tonight") is written as that day,
# a DATE: TimeML allows "…TNI", but the AQUAINT annotation scored here writes the day alone more often (10
# times against 7 on the four fifths of train left for choices, and 18 of 21 as DATE), and ends the
# expression at the day where we keep the part whole ("Friday" of "Friday night"). A set ("every morning")
# keeps its part of the day.
def _at_unit(d: date, unit: str) -> str:
    """A date written to the precision of a unit: a day (a part of a day too, as above), an ISO week, a
    month or a year."""
    unit = _unit(unit)
    if unit == "week":
        return _week(d)
    if unit == "day" or unit in PARTS_OF_DAY:
        return _day(d)
    return _month(d.year, d.month) if unit == "month" else str(d.year)


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
    phrase = SHAPES["leading"].sub("", phrase)
    if phrase in {"this", "today", "this day"}:
        return _day(anchor.published) if anchor.published else None
    if phrase in {"that", "the same", "that same"}:
        day = anchor.reference or anchor.published
        return _day(day) if day else None
    if phrase == "last":
        phrase = "yesterday"
    found = _timex3_rules(phrase, anchor)
    if found and found[0] == "DATE" and found[1] and SHAPES["iso_date"].match(found[1]):
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
    phrase = " ".join(SHAPES["url"].sub("", text.lower()).replace("’", "'").split()).strip(' .,;:()"')
    phrase = re.sub(r"\s+or\s+so$", "", phrase)  # "the last 10 years or so": an approximation
    # a quote goes, but not the apostrophe of a decade ("the '60s"; "60s" alone is an age)
    phrase = phrase.rstrip("'") if re.match(r"'\d0s\b", phrase) else phrase.strip("'")
    return phrase.removesuffix("'s").removesuffix("'")


def timex3(text: str, anchor: Anchor, calendar: Resolved | None = None) -> Timex3 | None:
    """The TIMEX3 type and value of one expression, or None where it is no TimeML time expression. Where the
    rules know no TIMEX3 shape, `calendar` (the expression's `resolve` result, which may come from dateparser)
    is the fallback; without it the rules alone answer (dating a page tries many publication months)."""
    phrase = _phrase(text)
    phrase = phrase.removeprefix("since ")
    definite = False  # "the next week" leans on the story's time; "next week" on the publication date
    while (stripped := SHAPES["leading"].sub("", phrase)) != phrase:
        definite = phrase.startswith("the ")
        phrase = stripped
    phrase = spelled_day_range(SHAPES["this_past"].sub("", phrase))
    if SHAPES["not_timex"].match(phrase):
        return None
    if definite and (m := SHAPES["decade_word"].match(phrase)):  # "the nineties"; "their sixties" is an age
        return {"type": "DATE", "value": f"19{DECADE_WORDS[m['d']]}X"}
    if definite and (m := SHAPES["vague_later"].match(phrase)) and m["u"] != "year":
        found: tuple[str, str | None] | None = ("DATE", _vague_period(m["u"], anchor))
    elif not definite and SHAPES["next_unit"].match(phrase):
        found = _deictic(phrase, anchor)
    elif (m := SHAPES["following_weekday"].match(phrase)) and (definite or m["dir"] != "next"):
        found = _neighbour_weekday(m, anchor)
    else:
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
    if (inner := SHAPES["inner_date"].search(phrase)) and (found := _timex3_rules(inner.group(), anchor)):
        return found
    return ("DATE", None) if SHAPES["temporal_word"].search(phrase) else None


def _timex3_rules(phrase: str, anchor: Anchor) -> tuple[str, str | None] | None:
    """(type, value) for the shapes the rules know, NOT_A_TIMEX for a bare part of the day, else None."""
    published = anchor.published
    if phrase in FUZZY:
        return "DATE", FUZZY[phrase]
    if phrase in SET_WORDS:
        return "SET", SET_WORDS[phrase]
    if m := SHAPES["every"].match(phrase):
        what = m["what"]
        if what in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}"
        if what in PARTS_OF_DAY:
            return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}"
        if what in SEASON_CODES:
            return "SET", f"XXXX-{SEASON_CODES[what]}"
        count = _count(m["n"])
        return "SET", _duration((count or 1) * (2 if m["other"] else 1), what)
    if m := SHAPES["weekdays_plural"].match(phrase):
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['w']] + 1}"
    if m := SHAPES["holiday"].match(phrase):
        return "DATE", _holiday_value(m, anchor)
    if (m := SHAPES["clock"].match(phrase)) and (m["word"] or m["min"] or m["ampm"] or m["oc"] or m["p"]):
        return "TIME", _clock_value(m, anchor)
    if phrase in PARTS_OF_DAY or phrase == "overnight":
        return NOT_A_TIMEX
    if phrase == "tonight":
        return "DATE", _day(published) if published else None
    if (m := SHAPES["hours_of"].match(phrase)) and (day := _day_of(m["day"], anchor)):
        return "DATE", day
    if m := SHAPES["part_of_day"].match(phrase):
        day = _day_of(m["day"], anchor)
        if day or m["day"] in {"last", "this", "that", "yesterday", "tomorrow"}:
            return "DATE", day
    if (m := SHAPES["relative_to"].match(phrase)) and (found := _shifted(m, anchor)):
        return found
    if (m := SHAPES["nth_week"].match(phrase)) and (found := _nth_week(m, anchor)):
        return found
    if found := _anaphoric(phrase, anchor):
        return found
    if found := _duration_rules(phrase):
        return found
    if found := _deictic(phrase, anchor):
        return found
    if m := SHAPES["relative_date"].match(phrase):  # "last Oct. 23", "next March 3": the tense the word gives
        tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(m["rel"])
        if found := _deictic(m["rest"], replace(anchor, tense=tense)):
            return found
    if m := SHAPES["month_of_year"].match(phrase):  # "February this year", "April next year"
        if published is None:
            return "DATE", None
        year = published.year + {"last": -1, "next": 1}.get(m["rel"], 0)
        return "DATE", _month(year, MONTHS[m["m"]])
    # "late Monday", "early in 1998": TimeML keeps the value, and marks a mod
    if m := SHAPES["part_of"].match(phrase):
        return _timex3_rules(m["rest"], anchor)
    if m := SHAPES["range"].match(phrase):
        return _range_value(m, anchor)
    return None


def _shifted(m: re.Match[str], anchor: Anchor) -> tuple[str, str | None] | None:
    """ "the day after Christmas", "two weeks before May 3": the named date moved by the count; None when
    the rest names no day ("the day after his death")."""
    found = _timex3_rules(m["x"], anchor)
    day = _parse_date(found[1][:10]) if found and found[0] == "DATE" and found[1] else None
    n = _number(m["n"]) if m["n"] else 1
    if day is None or n is None:
        return None
    return "DATE", _at_unit(_shift(day, n if m["dir"] == "after" else -n, m["u"]), m["u"])


WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _nth_week(m: re.Match[str], anchor: Anchor) -> tuple[str, str | None] | None:
    """ "the first week of January": the ISO week of the month's 1st (8th, 15th, 22nd); "the last week of
    June" that of its last day but six. None when the rest names no month."""
    found = _timex3_rules(m["x"], anchor)
    if not (found and found[0] == "DATE" and found[1] and re.fullmatch(r"\d{4}-\d{2}", found[1])):
        return None
    year, month = int(found[1][:4]), int(found[1][5:])
    if m["n"] in WEEK_ORDINALS:
        return "DATE", _week(date(year, month, 7 * WEEK_ORDINALS[m["n"]] - 6))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=7)
    return "DATE", _week(last)


DAY_UNITS = frozenset({"day", *PARTS_OF_DAY})


def _unknown_day(value: str | None) -> str | None:
    """ "that day" after "In 2011, …" or "last October": a day the story does not name, of the year or month
    it does, as TimeML writes one ("2011-XX-XX", "1998-10-XX"); None after a week or a season."""
    if value and re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-XX"
    return f"{value}-XX-XX" if value and re.fullmatch(r"\d{4}", value) else None


def _anaphoric(phrase: str, anchor: Anchor) -> tuple[str, str | None] | None:
    """Expressions resolved against the story's reference time: "that day", "the next morning", "two days
    later", "that Sunday"."""
    reference = anchor.reference or anchor.published
    if m := SHAPES["anaphoric"].match(phrase):
        unit = m["u"]
        if unit in DAY_UNITS and anchor.reference is not None and not anchor.reference_is_day:
            return "DATE", _unknown_day(anchor.reference_value)
        if unit in {"week", "month"} and re.fullmatch(r"\d{4}", anchor.reference_value or ""):
            # "that month" after "Later that year": a month (week) the story does not name, of its year
            return "DATE", f"{anchor.reference_value}-{'WXX' if unit == 'week' else 'XX'}"
        return "DATE", _at_unit(reference, unit) if reference else None
    if m := SHAPES["neighbour"].match(phrase):
        unit = m["u1"] or m["u2"]
        step = 1 if (m["dir1"] or m["dir2"]) in {"next", "following", "after", "later"} else -1
        if reference is None:
            return "DATE", None
        shift_unit = "day" if unit in PARTS_OF_DAY else unit
        return "DATE", _at_unit(_shift(reference, step, shift_unit), unit)
    if m := SHAPES["later"].match(SHAPES["approximate"].sub("", phrase)):
        n = _number(m["n"])
        step = None if n is None else n if m["dir"].startswith(("later", "after")) else -n
        if m["u"] in {"hour", "minute"}:
            return _clock_later(step, m["u"], anchor)
        if reference is None or step is None:
            return "DATE", None
        return "DATE", _at_unit(_shift(reference, step, m["u"]), m["u"])
    if m := SHAPES["vague_later"].match(phrase):
        return "DATE", _vaguely_later(m["u"], anchor)
    if m := SHAPES["that_weekday"].match(phrase):
        if reference is None:
            return "DATE", None
        offset = (WEEKDAYS[m["w"]] - reference.weekday()) % 7
        return "DATE", _day(reference + timedelta(days=offset if offset <= 3 else offset - 7))
    return None


def _vaguely_later(unit: str, anchor: Anchor) -> str | None:
    """ "Hours later", "Days later", "Weeks later", "Years later": a time the story does not name, near its
    reference time, written with what it does name unknown at the unit's precision, as TimeML writes one:
    the reference day ("hours"), a day of its month ("2010-01-XX"), a week or month of its year ("2010-WXX",
    "2010-XX"); years: no value."""
    reference = anchor.reference or anchor.published
    if reference is None:
        return None
    if unit == "hour":
        if anchor.reference is not None and not anchor.reference_is_day:
            return _unknown_day(anchor.reference_value)
        return _day(reference)
    if unit == "day":
        known_month = (
            anchor.reference is None
            or anchor.reference_is_day
            or bool(re.fullmatch(r"\d{4}-\d{2}", anchor.reference_value or ""))
        )
        return f"{reference:%Y-%m}-XX" if known_month else f"{reference.year}-XX-XX"
    if unit == "week":
        return f"{reference.year}-WXX"
    return f"{reference.year}-XX" if unit == "month" else None  # "years later" may lie in another decade


def _vague_period(unit: str, anchor: Anchor) -> str | None:
    """ "the days before the slaying", "the weeks after the vote": a stretch of units the story does not
    date, near its reference time, written at the precision of the unit that holds it: the reference day for
    hours, its month for days and weeks ("1998-10"; "1998-XX" where the story named only the year), its year
    for months."""
    reference = anchor.reference or anchor.published
    if reference is None:
        return None
    known = anchor.reference_value or ""
    if unit == "hour":
        if anchor.reference is not None and not anchor.reference_is_day:
            return _unknown_day(anchor.reference_value)
        return _day(reference)
    if unit == "month":
        return str(reference.year)
    if anchor.reference is not None and re.fullmatch(r"\d{4}", known):
        return f"{known}-XX"
    return _month(reference.year, reference.month)


def _neighbour_weekday(m: re.Match[str], anchor: Anchor) -> tuple[str, str | None]:
    """ "the following Monday": the first such weekday after the story's reference day; "the previous
    Sunday" the last before it."""
    reference = anchor.reference or anchor.published
    if reference is None:
        return "DATE", None
    weekday = WEEKDAYS[m["w"]]
    if m["dir"] in {"previous", "preceding"}:
        return "DATE", _day(reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1))
    return "DATE", _day(reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1))


def _clock_later(step: int | None, unit: str, anchor: Anchor) -> tuple[str, str | None]:
    """ "an hour later", "30 minutes earlier": the story's last clock time moved by that much; without one,
    TimeML's reading of the measure alone (the duration "an hour", "later" its signal)."""
    if step is None or anchor.clock is None:
        return "DURATION", _duration(None if step is None else abs(step), unit)
    moved = anchor.clock + (timedelta(hours=step) if unit == "hour" else timedelta(minutes=step))
    return "TIME", f"{_day(moved.date())}T{moved:%H:%M}"


def _duration_rules(phrase: str) -> tuple[str, str | None] | None:
    if (m := SHAPES["measure_of"].match(phrase)) and (count := _count(m["n"])) is not None:
        return "DURATION", _duration(count, m["u"])
    if m := SHAPES["span_of"].match(phrase):
        count = None if m["n"] in {"several", "few", "many"} else _count(m["n"])
        plural = m["u"].endswith("s")
        # "the past week", "the next two years", "the last decade" (ten years to now, not a calendar decade);
        # "the first quarter" is the calendar's (`_deictic`)
        calendar_quarter = m["rel"] == "first" and m["u"] == "quarter" and not m["n"]
        if not calendar_quarter and (m["n"] or plural or m["rel"] in {"past", "first"} or m["u"] == "decade"):
            return "DURATION", _duration(count if m["n"] else (None if plural else 1), m["u"])
    bare = SHAPES["approximate"].sub("", phrase)
    if m := SHAPES["duration"].match(bare):
        count = _count(m["n"])
        if count is not None:
            return "DURATION", _duration(count + (0.5 if m["half"] else 0), m["u"])
    if m := SHAPES["fraction"].match(bare):
        if m["n"]:
            count = _count(m["n"])
            return ("DURATION", _duration(count + 0.5, m["unit"])) if count is not None else None
        return "DURATION", _duration(0.5 if m["half"] or m["ahalf"] else 0.25, m["u"])
    if m := SHAPES["all_unit"].match(bare):  # "all week": the week's length, TimeML's DURATION
        return "DURATION", "P2D" if m["w"] or m["u"] == "weekend" else _duration(1, m["u"])
    if m := SHAPES["unit_long"].match(bare):
        return "DURATION", _duration(1, "day" if m["u"] == "night" else m["u"])
    if (m := SHAPES["vague_duration"].match(bare)) and m["u"].endswith(("s", "centuries")):
        return "DURATION", _duration(None, m["u"])
    return None


def _deictic(phrase: str, anchor: Anchor) -> tuple[str, str | None] | None:
    """Calendar expressions: absolute ones, and relative ones resolved against the publication date with the
    clause's tense deciding between past and future."""
    published, tense = anchor.published, anchor.tense
    if m := SHAPES["iso_date"].match(phrase) or SHAPES["us_date"].match(phrase):
        try:
            return "DATE", _day(date(int(m["y"]), int(m["m"]), int(m["d"])))
        except ValueError:
            return "DATE", None
    if m := SHAPES["full_date"].match(phrase):
        month, day = MONTHS[m["m1"] or m["m2"]], int(m["d1"] or m["d2"])
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month, day)
        try:
            return "DATE", _day(date(year, month, day)) if year else None
        except ValueError:
            return "DATE", None
    if m := SHAPES["month_year"].match(phrase):
        month = MONTHS[m["m"]]
        year = int(m["y"]) if m["y"] else _anchored_year(anchor, month)
        return "DATE", _month(year, month) if year else None
    if m := SHAPES["rel_month"].match(phrase):
        if published is None:
            return "DATE", None
        month = MONTHS[m["m"]]
        return "DATE", _month(_rel_month_year(published, month, m["rel"]), month)
    if m := SHAPES["year_month"].match(phrase):
        return "DATE", _month(int(m["y"]), MONTHS[m["m"]] if m["m"] else int(m["n"]))
    if (
        m := SHAPES["year"].match(phrase)
        or SHAPES["year_affix"].match(phrase)
        or SHAPES["old_year"].match(phrase)
    ):
        return "DATE", ("FY" if phrase.startswith(("fiscal", "fy")) else "") + m["y"]
    if m := SHAPES["decade"].match(phrase) or SHAPES["decade_part"].match(phrase):
        return "DATE", f"{m['y']}X"
    if m := SHAPES["decade_short"].match(phrase):
        return "DATE", f"19{m['d']}X"
    if m := SHAPES["century"].match(phrase):
        if m["n"]:
            return "DATE", f"{int(m['n']) - 1:02d}"
        if published is None:
            return "DATE", None
        step = {"last": -1, "past": -1, "next": 1}.get(m["rel"], 0)
        return "DATE", f"{published.year // 100 + step:02d}"
    if SHAPES["this_decade"].match(phrase):  # the decade of publication, as "the 1990s" is written
        return "DATE", f"{published.year // 10}X" if published else None
    if m := SHAPES["quarter"].match(phrase):
        quarter = QUARTERS[m["q"]]
        if "half" in phrase:
            return "DATE", f"{m['y']}-H{1 if quarter == 1 else 2}"
        return "DATE", f"{m['y']}-Q{quarter}"
    if m := SHAPES["rel_quarter"].match(phrase):
        if published is None:
            return "DATE", None
        half = m["u"] == "half"
        size = 6 if half else 3
        current = (published.month - 1) // size + 1
        if m["q"]:
            index = QUARTERS[m["q"]] if not half else min(QUARTERS[m["q"]], 2)
            if m["yrel"] and (m["yrel"] != "the" or anchor.story_year is not None):
                found_year = _year_of(m["yrel"], anchor)
            else:  # placed by the clause's tense, as a month is
                found_year = _anchored_part_year(anchor, size * (index - 1) + 1, size * index)
            if found_year is None:
                return "DATE", None
            year = found_year
        else:
            step = {"last": -1, "previous": -1, "next": 1}.get(m["rel"], 0)
            per_year = 2 if half else 4
            year, index = divmod(published.year * per_year + current - 1 + step, per_year)
            index += 1
        return "DATE", f"{year}-{'H' if half else 'Q'}{index}"
    if m := SHAPES["season"].match(re.sub(r"^(?:early|late|mid)[\s-]+", "", phrase)):
        code = SEASON_CODES[m["s"]]
        if m["y"]:
            return "DATE", f"{m['y']}-{code}"
        if m["yrel"] and (year := _year_of(m["yrel"], anchor)) is not None:
            return "DATE", f"{year}-{code}"  # "the spring of last year"
        if published is None:
            return "DATE", None
        return "DATE", f"{_season_start_year(published, m['s'], m['rel'], tense)}-{code}"
    if published is None:
        temporal = SHAPES["temporal_word"].search(phrase) or phrase in DEICTIC_DAY
        return ("DATE", None) if temporal else None
    if m := SHAPES["weekday"].match(phrase):
        return "DATE", _day(_weekday_date(published, WEEKDAYS[m["w"]], m["rel"], tense))
    if phrase in DEICTIC_DAY:
        return "DATE", _day(published + timedelta(days=DEICTIC_DAY[phrase]))
    if m := SHAPES["week_of"].match(phrase):
        day = _day_of(m["d"], anchor)
        return "DATE", _week(date.fromisoformat(day)) if day else None
    if m := SHAPES["weekday_of_week"].match(phrase):
        return "DATE", _day(_weekday_of_week(published, WEEKDAYS[m["w"]], m["rel"]))
    if m := SHAPES["week_after_next"].match(phrase):
        return "DATE", _week(published + timedelta(weeks=2 if m["dir"].startswith("after") else -2))
    if m := SHAPES["from_day"].match(phrase):
        day = _day(published) if m["d"] == "now" else _day_of(m["d"], anchor)
        n = _number(m["n"])
        if day is None or n is None:
            return "DATE", None
        return "DATE", _at_unit(_shift(date.fromisoformat(day), n, m["u"]), m["u"])
    if m := SHAPES["weekend"].match(phrase):
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m["rel"] or "", 0)
        if m["rel"] is None and tense != "future":
            step = -1 if published.weekday() < 5 else 0
        return "DATE", _week(published + timedelta(weeks=step)) + "-WE"
    if m := SHAPES["week_part"].match(phrase):
        step = {"last": -1, "next": 1}.get(m["rel"] or m["rel2"], 0)
        return "DATE", _week(published + timedelta(weeks=step))
    if m := SHAPES["relative_unit"].match(phrase):
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"], 0)
        return "DATE", _at_unit(_shift(published, step, m["u"]), m["u"])
    if m := SHAPES["unit_end"].match(phrase):  # "year-end", "midyear"
        return "DATE", _at_unit(published, m["u1"] or m["u2"])
    if m := SHAPES["part_relative"].match(phrase):
        step = {"last": -1, "next": 1}.get(m["rel"] or "", 0)
        return "DATE", _at_unit(_shift(published, step, m["u"]), m["u"])
    # "three years ago", and with an approximation ("about a week ago", "more than a century ago")
    if m := SHAPES["ago"].match(SHAPES["approximate"].sub("", phrase)):
        n = _number(m["n"])
        unit = "year" if m["u"].startswith(("decade", "centur")) else m["u"]
        return "DATE", None if n is None else _at_unit(_shift(published, -n, m["u"]), unit)
    if SHAPES["vague_ago"].match(phrase):
        return "DATE", "PAST_REF"
    if m := SHAPES["ahead"].match(phrase) or SHAPES["in_future"].match(phrase):
        n = _number(m["n"])
        unit = "year" if m["u"] == "decade" else m["u"]
        return "DATE", None if n is None else _at_unit(_shift(published, n, m["u"]), unit)
    return None
