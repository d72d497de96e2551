"""Time expressions: find them, normalise them twice (claimtrace's calendar values and TimeML's TIMEX3),
anchor relative ones to the right reference time, and date a page that gives no date from what its text says.

Candidates are spaCy's DATE and TIME entities plus patterns NER tends to miss (weekday names, numeric dates,
"yesterday", "now", "daily", holidays, durations, "the Aug. 7 bombings"), widened where a pattern shows an
expression NER split or cut short (written-out seasons, ranges, clock times with their day, "Ash Wednesday
2026"), extended by a leading "since" that turns a date into an interval; a list of years is one entry a
year. A range written out ("from 1991 to 1997") is an entry for its interval, with no timex3, followed by
its two ends, each an entry with its TIMEX3, as TimeML marks them. Each entry carries two values:
- `value`: "YYYY-MM-DD" / "YYYY-MM" / "YYYY" for a date, "start/end" for an interval, None when a date cannot
  be told; `basis` "absolute" when the expression names its year, else "relative-to-published";
- `timex3`: {"type": DATE | TIME | DURATION | SET, "value": …} in TimeML's value grammar (weeks "2024-W11",
  seasons "2023-SU", quarters "2024-Q1", times "…T20:00", durations "P3D", "PT5H", "PXY", sets "P1W" /
  "XXXX-WXX-1" / "XXXX-XX-XXTNI" and rates ("interviews a day": P1D), "PRESENT_REF" / "PAST_REF" /
  "FUTURE_REF"; a part of a day named with its day, "Friday night", is that day, as the annotation scored in
  `claimtrace eval timex` mostly writes it), or None where the entry is not a TimeML time expression at all
  (a person's age, "52" after a name, "the day", a range's whole).

Anchoring: deictic expressions ("yesterday", "last week", "three years ago") resolve against the publication
date; anaphoric ones ("that day", "the next morning", "two days later", "that Sunday") against the story's
reference time, the last date an expression named ("an hour later": its last clock time; "in the weeks before
the shooting", a vague stretch around an event, a DATE at the month of it); a day moved from a named one ("the
day before last Tuesday") is one expression, that day moved; a month, day,
season or holiday without a year, and a bare weekday, is placed by the tense of the clause it dates (past:
the latest one not after publication; future: the first not before; otherwise the closest; a plan's time
is future whatever the report's tense, a negated "could"/"would" past), and a past-tense month follows a
year named earlier in its sentence ("In 2012, when in August …" → 2012-08). Rules handle the shapes news
uses; dateparser (imported on first use, cached) is asked only about a calendar word with a number the
rules do not know ("Jan 5th 2016 at 3pm"), its answer kept when it is plausible.

When `doc._.published` is None, the page is dated from its text (`infer_publication`): the narrowest interval
of months consistent with every dated expression and the tense it is used in, `published_inferred` a day
inside it (the latest full date the body states, moved forward to a weekday named after it) or its first
month; never from a copyright line.

Modules: `vocabulary` (words and their codes), `holidays`, `shapes` (the phrase patterns), `recognition`
(candidates), `tense`, `anchoring` (calendar arithmetic and the `Anchor` a relative expression resolves
against), `values` (claimtrace's calendar values), `timex3` (TimeML's values), `publication` (dating an
undated page) and `component` (the spaCy factory `claimtrace_times`, registered on import).
"""

from claimtrace.analyze.times.component import TimesComponent, make_times
from claimtrace.analyze.times.publication import InferredDate, infer_publication
from claimtrace.analyze.times.recognition import Candidate, find_candidates
from claimtrace.analyze.times.tense import clause_tense
from claimtrace.analyze.times.timex3 import timex3
from claimtrace.analyze.times.values import Resolved, resolve

__all__ = [
    "Candidate",
    "InferredDate",
    "Resolved",
    "TimesComponent",
    "clause_tense",
    "find_candidates",
    "infer_publication",
    "make_times",
    "resolve",
    "timex3",
]
