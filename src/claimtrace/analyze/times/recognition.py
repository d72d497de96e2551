"""Candidate time expressions: spaCy's DATE and TIME entities, widened or joined where a pattern shows an
expression NER split or cut short, plus patterns NER tends to miss."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from claimtrace.analyze.times.holidays import HOLIDAY_RE
from claimtrace.analyze.times.vocabulary import (
    CLOCK_RE,
    DURATION_UNIT_RE,
    FULL_WEEKDAY_RE,
    FUZZY_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    SEASON_RE,
    SET_WORDS,
    WEEKDAYS,
    ZONE_RE,
)

# Extra candidates that NER misses often, matched on the lowercased text (`_lowercase`): case-insensitive
# matching of these alternations costs three times as much. Every alternative starts a word, so the one
# `\b(?=\w)` in front (not one per alternative) turns most positions away at once: a third faster.
EXTRA_PATTERNS = re.compile(
    r"\b(?=\w)(?:"
    rf"(?:(?:last|next|this|that|on|early|late)\s+)?(?:{FULL_WEEKDAY_RE})\b"
    r"|\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{4}\b"
    r"|(?:yesterday|today|tomorrow|tonight)\b"
    rf"|(?:the\s+)?(?:{FUZZY_RE})\b|the\s+(?:past|present)\b"
    rf"|(?:{'|'.join(SET_WORDS)})\b"
    rf"|(?:every|each)\s+(?:other\s+)?(?:(?:{NUMBER_RE})\s+)?(?:{DURATION_UNIT_RE}|{FULL_WEEKDAY_RE}|{SEASON_RE})\b"
    rf"|(?:(?:this|last|next|that)\s+)(?:{SEASON_RE})\b"
    rf"|(?:once|twice|(?:{NUMBER_RE})\s+times)\s+(?:a|per|each)\s+(?:{DURATION_UNIT_RE})\b"
    rf"|(?:\d+(?:\s+1/2)?|{NUMBER_RE})(?:\s+(?:more|additional|straight|consecutive))?[\s-]+(?:{DURATION_UNIT_RE})"
    r"(?:-long)?\b"
    r"|(?:day|week|month|year)-long\b"
    # a month and day inside a noun phrase ("the Aug. 7 bombings"), where NER often sees none; "May" is left
    # out (the modal), and abbreviations need their dot
    r"|(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|(?:jan|feb|aug|sept?|oct|nov|dec)\.)\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:1[89]|20)\d{2}\b)?"
    r"|(?:pre|post|mid)-(?:1[89]|20)\d{2}\b"
    # a season named with "the" after a preposition ("began in the fall"; not "the fall of Rome")
    r"|(?:(?<=in )|(?<=by )|(?<=during )|(?<=until )|(?<=through )|(?<=since ))"
    rf"the\s+(?:{SEASON_RE})\b(?!\s+of\b)"
    # anaphoric days NER tends to miss ("That night, police searched …", "that same day")
    r"|(?:(?:earlier|later)\s+)?(?:that|the same|that same)\s+"
    r"(?:day|morning|afternoon|evening|night|week|month|year)\b"
    r"|the\s+(?:next|following|previous)\s+(?:day|morning|afternoon|evening|night)\b"
    # the story's neighbour week, month or year ("The following year it recovered"; "the next year" is left
    # to NER: it is as often a span, "over the next year")
    r"|the\s+(?:following|previous|preceding|prior)\s+(?:week|month|year)\b"
    r")",
)
# Expressions NER splits or cuts short (matched, like EXTRA_PATTERNS, on the lowercased text): the match
# replaces every candidate it overlaps.
WHOLE_PATTERNS = re.compile(
    r"\b(?=\w)(?:"
    rf"(?:(?:the\s+)?(?:early|late|mid-?)\s*)?(?:the\s+)?(?:{SEASON_RE})\s+(?:of\s+)?(?:1[89]|20)\d{{2}}\b"
    r"|(?:1[89]|20)\d{2}\s*[-–]\s*(?:(?:1[89]|20)\d{2}|\d{2})\b"
    rf"|(?:from|between)\s+(?:(?:{MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{FULL_WEEKDAY_RE})"
    rf"\s+(?:to|until|through|and)\s+(?:(?:{MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{FULL_WEEKDAY_RE})\b"
    rf"|(?:{CLOCK_RE})(?:\s+(?:{ZONE_RE}))?(?:\s+(?:on\s+)?(?:{FULL_WEEKDAY_RE}|today|tomorrow|yesterday))\b"
    rf"|(?:{FULL_WEEKDAY_RE}|yesterday|tomorrow|this)\s+(?:morning|afternoon|evening|night)\b|last\s+night\b"
    # the story's neighbour day or part of it, ending its clause: NER keeps "The night" of "The night before,"
    r"|the\s+(?:day|morning|afternoon|evening|night)\s+(?:before|after)(?=\s*[,.;:])"
    # the early hours of a day: NER keeps "the early hours of" apart from "Monday"
    rf"|(?:the\s+)?(?:early|small|wee)\s+hours\s+of\s+(?:{FULL_WEEKDAY_RE}|today|yesterday"
    rf"|(?:{MONTH_RE})\.?\s+\d{{1,2}}\b(?:,?\s+(?:1[89]|20)\d{{2}})?)\b"
    # a weekday of a named week, a count from a day, the week after next: NER splits or drops them
    rf"|(?:{FULL_WEEKDAY_RE})\s+(?:of\s+)?(?:last|next|this)\s+week\b"
    rf"|(?:\d+|{NUMBER_RE})\s+(?:days?|weeks?|months?|years?)\s+from\s+(?:today|tomorrow|yesterday|now|{FULL_WEEKDAY_RE})\b"
    r"|(?:the\s+)?week\s+(?:after\s+next|before\s+last)\b"
    # a week of a month: NER may split "the last week" from "December 2012"
    rf"|(?:the\s+)?(?:first|second|third|fourth|last|final)\s+week\s+of\s+(?:{MONTH_RE})\b(?:,?\s+(?:1[89]|20)\d{{2}}\b)?"
    # a month with its year in words: NER may keep "mid-March" of "mid-March next year"
    rf"|(?:(?:early|mid|late)[\s-]+)?(?:{MONTH_RE})\.?\s+(?:of\s+)?(?:this|last|next)\s+year\b"
    # a weekday after the story's day: NER keeps "Monday" of "the following Monday"
    rf"|the\s+(?:following|next|previous|preceding)\s+(?:{FULL_WEEKDAY_RE})\b"
    # a holiday whole, with its week or year: NER keeps "Wednesday 2026" of "Ash Wednesday 2026"
    rf"|(?:(?:last|next|this)\s+)?(?:{HOLIDAY_RE})(?:\s+week(?:end)?)?(?:,?\s+(?:of\s+)?(?:1[89]|20)\d{{2}})?\b"
    r")",
)


# A day moved from a named one ("the day before last Tuesday's hearing", "three days before Christmas"):
# TimeML's one expression, the shifted day, where NER often keeps the named day apart. Found from its unit and
# signal (SHIFT_SIGNAL, quick to turn positions away), read on (SHIFTED_DAY), then widened back over its count
# and article (SHIFT_LEAD).
SHIFT_SIGNAL = re.compile(r"\b(?:day|week)s?\s+(?:before|after)\s+")
SHIFTED_DAY = re.compile(
    r"(?:(?:last|next|this)\s+)?"
    rf"(?:{FULL_WEEKDAY_RE}|yesterday|today|tomorrow|{HOLIDAY_RE}"
    rf"|(?:{MONTH_RE})\.?\s+\d{{1,2}}\b(?:,?\s+(?:1[89]|20)\d{{2}})?)\b"
)
SHIFT_LEAD = re.compile(rf"(?:\bthe\s+)?(?:\b(?:\d+|{NUMBER_RE})\s+)?$")


def _whole_matches(lower: str) -> list[tuple[int, int]]:
    found = [m.span() for m in WHOLE_PATTERNS.finditer(lower)]
    for signal in SHIFT_SIGNAL.finditer(lower):
        if m := SHIFTED_DAY.match(lower, signal.end()):
            lead = SHIFT_LEAD.search(lower, max(0, signal.start() - 30), signal.start())
            found.append((lead.start() if lead else signal.start(), m.end()))
    return found


# A vague measure as an adjective ("a decades-long feud", "a years-old slump"): one expression, TimeML's
# DURATION "PXY", where NER keeps "decades" alone or takes words before it ("an end to a years-old")
VAGUE_ADJECTIVE = re.compile(r"\b(?:centuries|decades|years|months|weeks|days|hours)-(?:old|long)\b")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    read_as: str = ""  # what the expression says where its text alone does not ("25" of "April 24 and 25")

    @property
    def reading(self) -> str:
        """The phrase to normalise: the text, or what it stands for."""
        return self.read_as or self.text


def _lowercase(text: str) -> str:
    """The text in lower case, character for character (a few characters lowercase to two, e.g. "İ")."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# An entity that lists years ("1994, 1995 and 1997", which NER may cut to "1994, 1995 and") is one expression
# per year, as TimeML marks them.
YEAR_LIST = re.compile(r"(?:1[89]|20)\d{2}(?:\s*(?:,|\band\b|\bor\b)\s*(?:(?:1[89]|20)\d{2})?)+")
YEAR_IN_LIST = re.compile(r"(?:1[89]|20)\d{2}")
# Days of one month listed ("April 24 and 25", "May 3, 5 and 7, 1999"): TimeML marks each day, and a bare day
# is read with the month (and year) of its list.
DAY_LIST = re.compile(
    rf"(?P<m>(?:{MONTH_RE})\.?)\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?:(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)\d{1,2}(?:st|nd|rd|th)?)+(?P<y>,?\s+(?:1[89]|20)\d{2})?",
    re.IGNORECASE,
)
DAY_IN_LIST = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)")


def _day_list(candidate: Candidate) -> list[Candidate]:
    """A list of days of one month as one candidate a day; the candidate itself when it is none."""
    if not (m := DAY_LIST.fullmatch(candidate.text)):
        return [candidate]
    year = m["y"] or ""
    days = [
        d for d in DAY_IN_LIST.finditer(candidate.text, m.end("m")) if not year or d.end() <= m.start("y")
    ]
    split = []
    for i, day in enumerate(days):
        start = 0 if i == 0 else day.start()
        end = len(candidate.text) if i == len(days) - 1 else day.end()
        split.append(
            Candidate(
                candidate.start + start,
                candidate.start + end,
                candidate.text[start:end],
                f"{m['m']} {day.group()}{year}",
            )
        )
    return split


# A bare unit NER marks without the word before it that says which one ("this" of "this year's budget")
BARE_UNITS = frozenset({"day", "week", "weekend", "month", "year", "decade", "century", "quarter"})
RELATIVE_WORDS = frozenset({"this", "last", "next", "past", "coming", "previous", "that"})
# Words an entity cannot end with: NER sometimes takes the conjunction or comma after the last date.
TRAILING = frozenset({"and", "or", ",", "to", "-", "–"})
# A range's opening word: once NER's range has lost its second end to TRAILING, the word is TimeML's signal,
# outside the expression that is left ("now" of "between now and Feb. 10")
RANGE_OPENERS = frozenset({"between", "from"})
# A count before a capitalised unit is a title, which TimeML does not mark ("60 Minutes", "24 Hours")
TITLE = re.compile(rf"\d+\s+(?:{DURATION_UNIT_RE.title()})")
# A month that opens a name after an article ("the annual March for Life", "the March on Washington", "a
# March of Dimes gala"): a title, which TimeML does not mark; a weekday or month after it keeps it a time, and
# so does a preposition before it ("in March for Congress")
NAME_OPENERS = re.compile(r"(?:\b(?:the|a|an|annual|yearly)|'s)\s+$", re.IGNORECASE)
MONTH_TITLE = re.compile(
    rf"\s+(?:for|on|of|against)\s+(?:the\s+|our\s+)?(?!(?:{FULL_WEEKDAY_RE.title()}|{MONTH_RE.title()})\b)[A-Z][a-z]"
)
# "a second" before a word is the ordinal ("a second betrayal"), unless the word makes it a time
ORDINAL_SECOND = re.compile(r"\s+(?!later\b|earlier\b|ago\b|before\b|after\b|or\b|and\b)[a-z]")


# A vague stretch of units before or after an event ("in the weeks before the shooting", "days after a
# sniper killed him"): a time placed by the event, TimeML's DATE near the story's reference time, not the
# length PXW; NER marks the unit ("weeks", "the weeks") and leaves the signal outside. The extent is the unit
# alone ("the" is the noun phrase's: 5 of 5 such gold expressions on the four fifths of train start after
# it), read with its article and signal.
PERIOD_UNITS = frozenset({"hours", "days", "weeks", "months"})
PERIOD_SIGNALS = frozenset({"before", "after", "following", "preceding"})
# a stretch without its article after these is a length ("for weeks before the vote")
LENGTH_WORDS = frozenset({"for", "over", "within", "in", "of", "after", "before"})


def _period_around(doc: Doc, first: int, end: int) -> Candidate | None:
    unit = doc[end - 1]
    if unit.lower_ not in PERIOD_UNITS or end >= len(doc) or doc[end].lower_ not in PERIOD_SIGNALS:
        return None
    words = [t.lower_ for t in doc[first : end - 1]]
    before = doc[first - 1].lower_ if first > 0 else ""
    if words not in ([], ["the"]) or (not words and before in LENGTH_WORDS):
        return None
    definite = words == ["the"] or before == "the"
    reading = ("the " if definite else "") + f"{unit.lower_} {doc[end].lower_}"
    return Candidate(unit.idx, unit.idx + len(unit.text), unit.text, reading)


# "a day" after a count of things ("hundreds of interviews a day", "500 cars a week", "5 percent a year") is
# a rate: TimeML's SET, as "per day" is, not the length of one day
RATE = re.compile(r"an?\s+(?P<u>hour|day|week|month|year)", re.IGNORECASE)


def _as_rate(doc: Doc, candidate: Candidate) -> Candidate:
    if not (m := RATE.fullmatch(candidate.text)):
        return candidate
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    before = doc[span.start - 1] if span is not None and span.start > 0 else None
    if before is None or not (before.tag_ in {"NNS", "CD"} or before.lower_ in {"percent", "%"}):
        return candidate
    return Candidate(candidate.start, candidate.end, candidate.text, f"per {m['u'].lower()}")


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
        elif before in RELATIVE_WORDS and len(ent) == 1 and ent[0].lower_ in BARE_UNITS:
            start = doc[ent.start - 1].idx  # "this year's budget": NER keeps "year", the word says which
        if YEAR_LIST.fullmatch(ent.text):
            found.extend(
                Candidate(ent.start_char + y.start(), ent.start_char + y.end(), y.group())
                for y in YEAR_IN_LIST.finditer(ent.text)
            )
            continue
        end = ent.end
        while end - 1 > ent.start and doc[end - 1].lower_ in TRAILING:
            end -= 1  # "the 1980s and" (of "the 1980s and 1990s"): NER took the conjunction
        if end < ent.end and ent[0].lower_ in RANGE_OPENERS:
            start = doc[ent.start + 1].idx  # "between now" (of "between now and"): the range lost its end
        end_char = doc[end - 1].idx + len(doc[end - 1].text)
        if period := _period_around(doc, ent.start, end):
            found.append(period)
            continue
        found.append(Candidate(start, end_char, text[start:end_char]))
    lower = _lowercase(text)
    for m_start, m_end in _whole_matches(lower):
        if text.startswith("may", m_start):
            continue  # the modal, not the month ("it may last year after year")
        inside = [c for c in found if c.start < m_end and m_start < c.end]
        start = min([m_start, *(c.start for c in inside)])
        end = max([m_end, *(c.end for c in inside)])
        found = [c for c in found if c not in inside] + [Candidate(start, end, text[start:end])]
    for m in VAGUE_ADJECTIVE.finditer(lower):  # exactly the adjective: NER may take words before it
        found = [c for c in found if c.end <= m.start() or c.start >= m.end()]
        found.append(Candidate(m.start(), m.end(), text[m.start() : m.end()]))
    taken = [(c.start, c.end) for c in found]
    for m in EXTRA_PATTERNS.finditer(lower):
        if m.group() == "a second" and ORDINAL_SECOND.match(lower, m.end()):
            continue
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), text[m.start() : m.end()]))
    found = [
        _as_rate(doc, c)
        for c in found
        if not TITLE.fullmatch(c.text)
        and not (
            c.text.title() == c.text
            and c.text.lower() in MONTHS
            and MONTH_TITLE.match(text, c.end)
            and NAME_OPENERS.search(text, max(0, c.start - 12), c.start)
        )
    ]
    return sorted(
        (_without_article(end) for c in found for day in _day_list(c) for end in _clock_range(day)),
        key=lambda c: c.start,
    )


# A range of clock times NER marks as one ("9 a.m. to 5 p.m. on Tuesday"): TimeML marks each time, and the
# first is read with the day the range names
CLOCK_RANGE = re.compile(
    rf"(?P<a>{CLOCK_RE})\s*(?:-|–|to|until|till|through)\s*(?P<b>{CLOCK_RE})"
    rf"(?P<day>(?:\s+(?:{ZONE_RE}))?\s+(?:on\s+)?(?:{FULL_WEEKDAY_RE}|today|tomorrow|yesterday))?",
    re.IGNORECASE,
)


def _clock_range(candidate: Candidate) -> list[Candidate]:
    if not (m := CLOCK_RANGE.fullmatch(candidate.text)):
        return [candidate]
    day = m["day"] or ""
    first = Candidate(candidate.start, candidate.start + m.end("a"), m["a"], m["a"] + day)
    second_start = m.start("b")
    second = Candidate(candidate.start + second_start, candidate.end, candidate.text[second_start:])
    return [first, second]


# "the" before a date or year is its noun phrase's ("the Aug. 7 bombings", "the 1996 election"), not the
# date's: TimeML's extent starts at the date (the phrase is still read whole)
ARTICLE_BEFORE_DATE = re.compile(rf"the\s+(?=\d|(?:{MONTH_RE})\b)", re.IGNORECASE)
# Words around an expression that TimeML leaves outside its extent (the phrase is still read whole, so the
# value is unchanged): an approximation before a measure or a clock time ("about five hours", "only 14 days",
# "nearly five months": its mod, not its text; 13 of 13 such gold expressions on the four fifths of train
# start after it), "earlier"/"later" before a day or "this week" ("earlier this week", "Later Thursday": 8 of
# 9 start after it, "earlier this year" the one that does not; "earlier that day" keeps it, as the anaphoric
# shape reads it), and a possessive ending ("last month's discovery": 15 of 15 end before it).
LEADING_OUTSIDE = re.compile(
    r"(?:(?:about|around|roughly|approximately|nearly|almost|only|just|barely|as long as)\s+)+(?=\w)"
    r"|(?:earlier|later)\s+(?!that\b|in\b|the\b)(?=\w)",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _without_article(candidate: Candidate) -> Candidate:
    """The candidate's extent as TimeML draws it: without "the" before a date, a leading approximation or
    "earlier"/"later", or a trailing possessive; its reading stays the phrase as written."""
    text, start = candidate.text, candidate.start
    if m := ARTICLE_BEFORE_DATE.match(text) or LEADING_OUTSIDE.match(text):
        text, start = text[m.end() :], start + m.end()
    if (m := POSSESSIVE.search(text)) and m.start() > 0:
        text = text[: m.start()]
    if text == candidate.text:
        return candidate
    return Candidate(start, start + len(text), text, candidate.reading)
