"""Provenance of one claim cluster: the earliest report, the outlet credited as the original, and which
articles add sourcing of their own rather than only re-reporting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrace.analyze.lexicon import is_outlet, same_outlet
from claimtrace.link.text import content_tokens, jaccard

SAME_SOURCE_JACCARD = 0.5


@dataclass(frozen=True)
class Report:
    """One mention of the claim, with what its article and attribution chain say about where it came from."""

    attribution_id: int
    article_id: int
    published: str | None
    outlet: str | None
    content: str
    credits: str | None = None  # outlet credited in this mention's chain ("citing the Post")
    sources: tuple[tuple[str, str | None], ...] = ()  # (description, source type) across the mention's chain


@dataclass
class ArticleLink:
    article_id: int
    attribution_id: int  # the article's first mention of the claim
    position: int  # 0 = earliest report
    credits: str | None
    is_origin: bool
    adds_own_sourcing: bool
    own_sources: list[str] = field(default_factory=list)


@dataclass
class Provenance:
    content: str
    earliest_article_id: int
    first_published: str | None
    credited_outlet: str | None
    credited_basis: str  # "credited" | "earliest" | "none"
    n_mentions: int
    n_outlets: int
    articles: list[ArticleLink]


def _order(report: Report) -> tuple[bool, str, int, int]:
    return (report.published is None, report.published or "", report.article_id, report.attribution_id)


def _is_outlet_source(description: str, source_type: str | None) -> bool:
    return source_type == "media" or is_outlet(description, credit=True)


@lru_cache(maxsize=65536)
def _description_tokens(description: str) -> frozenset[str]:
    return frozenset(content_tokens(description))


def same_source(first: str, second: str) -> bool:
    """Two source descriptions name the same source: equal, or mostly the same content words."""
    if first.casefold() == second.casefold():
        return True
    return jaccard(set(_description_tokens(first)), set(_description_tokens(second))) >= SAME_SOURCE_JACCARD


def _credited(per_article: dict[int, list[Report]], order: list[int]) -> str | None:
    """The outlet most articles credit (one vote per article; ties go to the earliest credit), in its fullest
    spelling."""
    votes: list[list[str]] = []  # groups of spellings of one outlet, in order of first credit
    counts: list[int] = []
    for article_id in order:
        credit = next((r.credits for r in per_article[article_id] if r.credits), None)
        if credit is None:
            continue
        for index, spellings in enumerate(votes):
            if same_outlet(spellings[0], credit):
                spellings.append(credit)
                counts[index] += 1
                break
        else:
            votes.append([credit])
            counts.append(1)
    if not votes:
        return None
    best = max(range(len(votes)), key=lambda i: (counts[i], -i))
    return re.sub(r"^[Tt]he\s+", "", max(votes[best], key=len))


def trace(reports: list[Report]) -> Provenance:
    """Order a cluster's reports in time and work out origin, credit and own sourcing."""
    reports = sorted(reports, key=_order)
    per_article: dict[int, list[Report]] = {}
    for report in reports:
        per_article.setdefault(report.article_id, []).append(report)
    order = list(per_article)
    earliest = reports[0]
    credited = _credited(per_article, order)
    origin: int | None
    if credited:
        basis = "credited"
        origin = next(
            (
                a
                for a in order
                if per_article[a][0].outlet and same_outlet(per_article[a][0].outlet or "", credited)
            ),
            None,
        )
    else:
        credited, basis, origin = (
            earliest.outlet,
            ("earliest" if earliest.outlet else "none"),
            earliest.article_id,
        )

    def sources_of(article_reports: list[Report], crediting: bool) -> list[str]:
        """Non-outlet sources of an article's mentions that do (or do not) credit the original outlet."""
        found: list[str] = []
        for report in article_reports:
            credits_origin = bool(report.credits and credited and same_outlet(report.credits, credited))
            if credits_origin != crediting:
                continue
            for description, source_type in report.sources:
                outlet_or_pronoun = _is_outlet_source(description, source_type) or source_type == "pronoun"
                if not outlet_or_pronoun and not any(same_source(description, f) for f in found):
                    found.append(description)
        return found

    # The original's sourcing: its own article's, plus whatever re-reports say the original relied on.
    original: list[str] = []
    if origin is not None:
        original += sources_of(per_article[origin], crediting=False)
    for article_id in order:
        original += sources_of(per_article[article_id], crediting=True)

    links = []
    for position, article_id in enumerate(order):
        first = per_article[article_id][0]
        own: list[str] = []
        if article_id != origin:
            own = [
                s
                for s in sources_of(per_article[article_id], crediting=False)
                if not any(same_source(s, o) for o in original)
            ]
        links.append(
            ArticleLink(
                article_id=article_id,
                attribution_id=first.attribution_id,
                position=position,
                credits=next((r.credits for r in per_article[article_id] if r.credits), None),
                is_origin=article_id == origin,
                adds_own_sourcing=bool(own),
                own_sources=own,
            )
        )
    outlets = {r.outlet.casefold() for r in reports if r.outlet}
    return Provenance(
        content=earliest.content,
        earliest_article_id=earliest.article_id,
        first_published=earliest.published,
        credited_outlet=credited,
        credited_basis=basis,
        n_mentions=len(reports),
        n_outlets=len(outlets),
        articles=links,
    )
