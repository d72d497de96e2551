"""The shapes of normalised time phrases, as anchored patterns (a phrase is lowercased, its quotes
straightened and its leading preposition or article dropped before it is matched)."""

from __future__ import annotations

import re

from claimtrace.analyze.times.holidays import HOLIDAY_RE
from claimtrace.analyze.times.vocabulary import (
    DECADE_WORDS,
    DURATION_UNIT_RE,
    FULL_WEEKDAY_RE,
    MONTH_RE,
    NUMBER_RE,
    SEASON_RE,
    UNIT_RE,
    WEEKDAY_RE,
    ZONE_RE,
)

DEICTIC_DAY = {
    "today": 0,
    "this day": 0,  # "to this day", "This day, in the history of …": today
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "last night": -1,
    "day before yesterday": -2,
    "day after tomorrow": 2,
}

APPROXIMATELY = r"(?:(?:nearly|almost|about|around|roughly|some|more than|over)\s+)?"

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

# Each shape by name; compiled once, below.
_SOURCES: dict[str, str] = {
    "full_date": (
        rf"^(?:(?:{WEEKDAY_RE})\.?,?\s+)?(?:(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_RE})\.?)(?:,?\s+(?P<y>\d{{4}}))?$"
    ),
    "month_year": (
        rf"^(?:(?P<part>early|mid|middle|late|(?:beginning|start|middle|end)\s+of)[\s-]+)?(?P<m>{MONTH_RE})\.?"
        r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?$"
    ),
    "year": (
        r"^(?:(?P<part>early|mid|middle|late|(?:beginning|start|middle|end)\s+of)[\s-]+)?"
        r"(?:(?:the\s+)?year\s+)?(?P<y>(?:1[89]|20)\d{2})$"
    ),
    # "1963 March" (a year before its month), "2016-07" (ISO 8601's month), and a year before 1800 alone,
    # as NER marks one ("in 1523")
    "year_month": rf"^(?P<y>(?:1[89]|20)\d{{2}})(?:\s+(?P<m>{MONTH_RE})\.?|-(?P<n>0[1-9]|1[0-2]))$",
    "old_year": r"^(?:the\s+year\s+)?(?P<y>1[0-7]\d{2})$",
    "decade": r"^(?:the\s+)?(?P<y>(?:1[89]|20)\d)0'?s$",
    "season": (
        r"^(?P<rel>last|this|next|past|coming)?\s*(?P<s>spring|summer|autumn|fall|winter)"
        r"(?:\s+(?:of\s+)?(?:(?P<y>\d{4})|(?P<yrel>this|last|next|the|that)\s+year))?$"
    ),
    "iso_date": r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$",
    "us_date": r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$",
    "weekday": (
        rf"^(?:(?P<rel>last|next|this|on)\s+)?(?P<w>{WEEKDAY_RE})\.?(?:\s+(?:morning|afternoon|evening|night))?$"
    ),
    "relative_unit": r"^(?P<rel>last|this|next|past|previous|coming|current)\s+(?P<u>week|month|year)$",
    "earlier_later": r"^(?P<which>earlier|later)\s+this\s+(?P<u>week|month|year)$",
    "ago": rf"^(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE}|century|centuries)s?\s+(?:ago|earlier|before)$",
    "ahead": rf"^(?:in\s+)?(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?(?:'s?)?\s+(?:from now|time|later)$",
    "past_span": rf"^(?:the\s+)?(?:past|last|previous)\s+(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?$",
    "age": rf"^{APPROXIMATELY}(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})s?[\s-]+old$",
    "quarter": (
        r"^(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s+(?:quarter|half)?\s*(?:of\s+)?(?P<y>\d{4})$"
    ),
    # A clock time alone names no day.
    "clock_time": (
        r"^(?:about\s+|around\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight)"
        rf"(?:\s+(?:{ZONE_RE}|[a-z]{{2,4}}t))?$"
    ),
    # a link glued to the expression ("September 30th.https://t.co/…", as tweets are pasted): no part of it
    "url": r"(?:https?://|www\.)\S*",
    "leading": r"^(?:the|on|in|at|during|by|of|for|from|until|till|within|over|throughout)\s+",
    # TIMEX3 shapes beyond the calendar values above.
    "approximate": (
        r"^(?:(?:nearly|almost|about|around|roughly|some|more than|less than|fewer than|well over|"
        r"just over|over|under|at least|at most|least|most|as (?:long|many|much|few|little) as|up to|only|"
        r"just|barely|another|a full|the first|the last|the next|the past)\s+)+"
    ),
    "duration": (
        rf"^(?P<n>{NUMBER_RE}|\d+(?:\.\d+)?)(?P<half>\s+1/2|\s+and\s+a\s+half)?"
        r"(?:\s+(?:more|additional|full|straight|consecutive|long))?[\s-]+"
        rf"(?P<u>{DURATION_UNIT_RE})(?:[\s-]+long)?$"
    ),
    # "half an hour", "a half hour", "a quarter century", "a quarter of an hour", "an hour and a half"
    "fraction": (
        rf"^(?:(?P<half>half)\s+an?|an?\s+(?P<quarter>quarter)(?:\s+of\s+an?)?|an?\s+(?P<ahalf>half))[\s-]+"
        rf"(?P<u>{DURATION_UNIT_RE})$"
        rf"|^(?P<n>{NUMBER_RE})\s+(?P<unit>{DURATION_UNIT_RE})\s+and\s+a\s+half$"
    ),
    # a measure of a named period ("the first nine months of the year", "the nine months ended Sept. 30",
    # "the final three months of 2012"): TimeML's DURATION, the period its anchor
    "measure_of": (
        rf"^(?:(?:first|last|final|past|next|previous|latest)\s+)?(?P<n>{NUMBER_RE})\s+(?P<u>{DURATION_UNIT_RE})"
        r"\s+(?:of|ended|ending|through|to)\s+\S.*$"
    ),
    # the whole of a unit: "all week", "all day long", "all weekend"; "a weekend" (of talks) is two days
    "all_unit": r"^(?:all\s+(?P<u>day|week|month|year|weekend)(?:\s+long)?|(?:a|one)\s+(?P<w>weekend))$",
    "unit_long": r"^(?P<u>day|week|month|year|hour|night)-long$",
    "vague_duration": (
        r"^(?:(?:past|last|previous|next|coming|recent|several|few|a few|many|the past few|the last few)\s+)*"
        r"(?:several|few|many|recent|coming|past|last|previous|next)?\s*"
        rf"(?P<u>{DURATION_UNIT_RE})(?:-long|-old)?$"
    ),
    "span_of": (
        rf"^(?P<rel>past|last|previous|next|coming|first)\s+(?:(?P<n>{NUMBER_RE}|several|few|many)\s+)?(?P<u>{DURATION_UNIT_RE})$"
    ),
    "every": (
        rf"^(?:every|each|per|once a|twice a|(?:{NUMBER_RE}) times (?:a|per|each))\s+(?P<other>other\s+)?"
        rf"(?:(?P<n>{NUMBER_RE})\s+)?(?P<what>{DURATION_UNIT_RE}|{WEEKDAY_RE}|{SEASON_RE}|morning|afternoon|evening|night)s?$"
    ),
    "weekdays_plural": rf"^(?P<w>{FULL_WEEKDAY_RE})s$",
    "part_of_day": r"^(?P<day>.+?)\s+(?P<p>morning|afternoon|evening|night)$",
    # "the early hours of Monday": a part of that day, written as the day (as "Monday night" is)
    "hours_of": r"^(?:early|small|wee)\s+hours\s+of\s+(?P<day>.+)$",
    "clock": (
        r"^(?:about\s+|around\s+|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)?"
        r"(?:(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?:(?P<ampm>a\.?m\.?|p\.?m\.?)|(?P<oc>o'clock))?"
        r"(?:\s+in\s+the\s+(?P<p>morning|afternoon|evening|night))?|(?P<word>noon|midday|midnight))"
        rf"(?:\s+\(?(?:{ZONE_RE})\)?)?(?:\s+(?:on\s+)?(?P<day>.+))?$"
    ),
    "anaphoric": (
        r"^(?:(?P<which>earlier|later)\s+)?(?:that|the same|that same|this same|the very same|same|very same"
        r"|(?<=earlier )in the|(?<=later )in the)\s+"
        r"(?P<u>day|morning|afternoon|evening|night|week|month|year)$"
    ),
    "neighbour": (
        r"^(?:the\s+)?(?:(?P<dir1>next|following|previous|preceding|prior)\s+(?P<u1>day|morning|afternoon|evening|night|week|month|year)"
        r"|(?P<u2>day|morning|afternoon|evening|night|week|month|year)\s+(?P<dir2>before|after|earlier|later))$"
    ),
    # "next week", "next month", "next year" without an article: deictic, the one after publication's
    # ("the next week" and "next day" are the neighbour shape's, anaphoric)
    "next_unit": r"^(?:next|coming)\s+(?:week|month|year)$",
    # "the day after Christmas", "two weeks before May 3": a shift from the date the rest names
    "relative_to": (
        rf"^(?:(?P<n>{NUMBER_RE})\s+)?(?P<u>day|week|month|year)s?\s+(?P<dir>before|after)\s+(?P<x>.+)$"
    ),
    # "the first week of January", "the last week of June 2012": an ISO week of a named month
    "nth_week": r"^(?P<n>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<x>.+)$",
    # "this past weekend", "this coming week": the word after "this" says which
    "this_past": r"^this\s+(?=(?:past|coming)\s)",
    "later": (
        rf"^(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE}|hour|minute)s?\s+"
        r"(?P<dir>later|after(?:ward)?|afterwards|earlier|before)$"
    ),
    # a vague count of units from the story's time ("Days later", "a few weeks later", "Years earlier")
    "vague_later": (
        r"^(?:(?:a\s+)?few\s+|several\s+|many\s+)?(?P<u>hour|day|week|month|year)s\s+"
        r"(?:later|after(?:ward)?|afterwards|earlier|before)$"
    ),
    "that_weekday": rf"^that\s+(?P<w>{WEEKDAY_RE})$",
    # "the following Monday", "the previous Sunday" (with "the", "next" too): the story's neighbour weekday
    "following_weekday": rf"^(?P<dir>following|next|previous|preceding)\s+(?P<w>{WEEKDAY_RE})$",
    "vague_ago": rf"^(?:(?:a few|few|several|many|some)\s+)?(?:{DURATION_UNIT_RE})\s+ago$",
    "in_future": rf"^(?:in|within)\s+(?P<n>{NUMBER_RE})\s+(?P<u>{UNIT_RE})s?$",
    "week_of": r"^week\s+of\s+(?P<d>.+)$",
    # "Monday last week", "Tuesday of next week": a weekday of a week named from publication
    "weekday_of_week": rf"^(?P<w>{WEEKDAY_RE})\.?,?\s+(?:of\s+)?(?P<rel>last|next|this)\s+week$",
    "week_after_next": r"^week\s+(?P<dir>after\s+next|before\s+last)$",
    # "a week from today", "two days from Friday"
    "from_day": (
        rf"^(?P<n>{NUMBER_RE})\s+(?P<u>day|week|month|year)s?\s+from\s+(?P<d>today|tomorrow|yesterday|now|{WEEKDAY_RE})$"
    ),
    "week_part": (
        r"^(?:early|late|earlier|later|mid)\s+(?P<rel>this|last|next)\s+week$|^(?P<rel2>this|last|next)\s+week(?:end)?$"
    ),
    "weekend": r"^(?:(?P<rel>last|next|this|past|coming)\s+)?weekend$",
    "part_relative": (
        r"^(?:(?:early|late|mid|middle|earlier|later)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?)"
        r"(?P<rel>this|last|next|the)?\s*(?P<u>year|month|week)$"
    ),
    # the end or middle of the current year, month or week in one word: "year-end", "midyear", "midweek"
    "unit_end": r"^(?:(?P<u1>year|month)[\s-]?end|mid-?(?P<u2>year|month|week))$",
    "rel_month": rf"^(?:(?:early|mid|middle|late)[\s-]+)?(?P<rel>last|next|this)\s+(?P<m>{MONTH_RE})$",
    "century": r"^(?:(?P<rel>this|last|next|past)|(?P<n>\d{1,2})(?:st|nd|rd|th))[\s-]+century$",
    "this_decade": r"^this\s+decade$",
    "decade_short": r"^(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?'(?P<d>\d)0s$",
    "decade_word": rf"^(?:(?:early|mid|middle|late)[\s-]+)?(?P<d>{'|'.join(DECADE_WORDS)})$",
    "decade_part": r"^(?:early|mid|middle|late)[\s-]+(?:the\s+)?(?P<y>(?:1[89]|20)\d)0'?s$",
    "year_affix": r"^(?:pre|post|mid|fiscal|fy)[\s-]*(?P<y>(?:1[89]|20)\d{2})$",
    # "the fourth quarter", "fourth-quarter" (profit), "the first half of last year", "next quarter"
    "rel_quarter": (
        r"^(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)|(?P<rel>last|this|next|previous|current))[\s-]+"
        r"(?P<u>quarter|half)(?:\s+of\s+(?P<yrel>the|that|this|last|next|the current|the previous|the past)"
        r"\s+(?:fiscal\s+)?year)?$"
    ),
    "relative_date": (
        rf"^(?P<rel>last|past|next|coming|this)\s+(?P<rest>(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|(?:{MONTH_RE})\.?)$"
    ),
    "month_of_year": (
        rf"^(?:(?:early|mid|middle|late)[\s-]+)?(?P<m>{MONTH_RE})\.?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year$"
    ),
    "part_of": r"^(?:early|late|mid|middle|earlier|later)(?:[\s-]+in)?[\s-]+(?P<rest>.+)$",
    # days of one month: "July 25-28", "May 13 to 22" (a range, each end its month's day)
    "day_range": (
        rf"^(?P<m>(?:{MONTH_RE})\.?)\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until)\s*"
        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?P<y>,?\s+\d{4})?$"
    ),
    "range": (
        r"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:-|–|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*(?P<b>.+)$"
    ),
    "holiday": (
        rf"^(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY_RE})(?:\s+(?P<span>week(?:end)?))?"
        r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?$"
    ),
    "inner_date": (
        rf"\b(?:(?:{MONTH_RE})\.?\s+\d{{1,2}}\b|{FULL_WEEKDAY_RE}|(?:1[89]|20)\d{{2}}|(?:{MONTH_RE})\b)"
    ),
    # Not TimeML time expressions: a person's age ("a 6-year-old", "in his 30s", "Smith, 52,").
    # and a bare unit, its article dropped ("the day", "the night of"), or someone's ("his year"): no time
    # of their own
    "not_timex": (
        rf"^(?:{NUMBER_RE})[\s-]+(?:{UNIT_RE})s?[\s-]+old$|^\d{{1,3}}$|^\d0s$|^0\d{{3}}$"
        r"|^(?:(?:his|her|its|their|my|our|your)\s+)?(?:day|night|year|month)(?:\s+of)?$"
        # ages and temperatures ("the mid-30s", "between the ages of 17 and 20")
        r"|^(?:mid|low|high|upper|early|late)[\s-]*\d0'?s$|^(?:between\s+)?(?:the\s+)?ages?\s+(?:of\s+)?\d"
    ),
    "temporal_word": (
        rf"\b(?:{DURATION_UNIT_RE}|{MONTH_RE}|{WEEKDAY_RE}|{SEASON_RE}|morning|afternoon|evening|night|tonight|"
        r"weekend|(?:1[89]|20)\d{2})\b"
    ),
}
SHAPES: dict[str, re.Pattern[str]] = {name: re.compile(source) for name, source in _SOURCES.items()}
