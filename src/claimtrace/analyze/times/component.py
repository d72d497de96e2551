"""The `claimtrace_times` spaCy component: finds, anchors and normalises the time expressions of a Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrace.analyze.extensions import register_extensions
from claimtrace.analyze.times.anchoring import Anchor, Tense
from claimtrace.analyze.times.publication import _start_day, infer_publication
from claimtrace.analyze.times.recognition import Candidate, find_candidates
from claimtrace.analyze.times.shapes import SHAPES
from claimtrace.analyze.times.tense import clause_tense
from claimtrace.analyze.times.timex3 import timex3
from claimtrace.analyze.times.values import resolve


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


CLOCK_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


# A range written out ("from 1991 to 1997", "between May and July"): TimeML marks its two ends, each a TIMEX3
# of its own, and gives the whole no extent; the whole stays an entry for claimtrace's calendar interval
# (what a claim or event it dates is dated by), with no timex3, and each end follows it as an entry.
SPELLED_RANGE = re.compile(
    r"(?:from|between)\s+(?P<a>.+?)\s+(?:to|until|through|and)\s+(?P<b>.+)", re.IGNORECASE
)


def _range_ends(candidate: Candidate) -> list[Candidate]:
    if not (m := SPELLED_RANGE.fullmatch(candidate.text)):
        return []
    return [Candidate(candidate.start + m.start(end), candidate.start + m.end(end), m[end]) for end in "ab"]


@dataclass
class _Narrative:
    """The story's time as the expressions read so far set it, and what each new one resolves against."""

    published: date | None
    precision: str | None  # of the publication date: "day" or "month"
    reference: date | None
    reference_is_day: bool  # a month-only publication date stands in as its 15th
    story: tuple[int, int] | None = None  # (year, token index of the end of its sentence)
    clock: datetime | None = None
    reference_value: str | None = None

    def entry(self, candidate: Candidate, span: Span | None, tense: Tense | None) -> dict[str, Any]:
        story_year = self.story[0] if self.story and span is not None and span.start < self.story[1] else None
        anchor = Anchor(
            self.published,
            tense,
            self.reference,
            story_year,
            self.reference_is_day,
            self.clock,
            self.reference_value,
        )
        resolved = resolve(candidate.reading, self.published, anchor)
        value = resolved.value
        found = timex3(candidate.reading, anchor, resolved)
        if not resolved.absolute and self.precision == "month":
            value = _coarsen(value)
            if found and found["value"] and SHAPES["iso_date"].match(found["value"][:10]):
                found = {**found, "value": found["value"][:7]}
        if found and (day := _start_day(found["value"])):
            self.reference = day
            self.reference_value = found["value"]
            self.reference_is_day = bool(SHAPES["iso_date"].match(str(found["value"])[:10]))
            timed = CLOCK_VALUE.fullmatch(str(found["value"]))
            self.clock = datetime.fromisoformat(timed.group()) if timed else None
        if resolved.absolute and value and span is not None:
            year = int(value[:4])
            published = self.published
            self.story = None if published and year == published.year else (year, span.sent.end)
        return {
            "start": candidate.start,
            "end": candidate.end,
            "text": candidate.text,
            "value": value,
            "basis": "absolute" if resolved.absolute else "relative-to-published",
            "timex3": found,
        }


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
        narrative = _Narrative(published, precision, published, precision == "day")
        times = []
        for candidate, span, tense in zip(candidates, spans, tenses, strict=True):
            times.append(narrative.entry(candidate, span, tense))
            if ends := _range_ends(candidate):
                times[-1]["timex3"] = None
                times.extend(narrative.entry(end, span, tense) for end in ends)
        doc._.times = times
        return doc


@Language.factory(
    "claimtrace_times",
    assigns=[
        "doc._.times",
        "doc._.published_inferred",
        "doc._.published_interval",
        "doc._.published_evidence",
    ],
    requires=["token.dep", "token.head", "token.tag", "token.lemma", "doc.ents", "doc.sents"],
)
def make_times(nlp: Language, name: str) -> TimesComponent:
    register_extensions()
    return TimesComponent()
