"""The claim filters, declared once: each one's name, its CLI option and API parameter, its validation, its
SQL condition and its facet mask. `claimtrace claims`, the HTTP API (/api/claims, /api/events,
/api/timeline) and the store's queries are all built from `FILTERS`, so a filter added here exists
everywhere, and validated the same way.

Every filter is optional and they combine with AND. Text filters (source, outlet) match case-insensitively
anywhere in the stored text; actor and text are full-text (every word must occur). The event type and the
event status are one condition: the same event must have both.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Literal, get_args

from claimtrace.record import (
    CERTAINTY_LABELS,
    EVENT_STATUSES,
    AttributionKind,
    CertaintyLabel,
    EventStatus,
    SourceType,
)
from claimtrace.store.queries.common import QueryError, actor_query, date_bound, execute, fts_query, like

if TYPE_CHECKING:  # numpy only where a mask is computed: the CLI builds its options from this module
    import numpy as np

    from claimtrace.store.facets import FacetIndex

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
# A date_to bound "2024-03" must include "2024-03-31": compare against the bound followed by the highest char.
_END_OF_BOUND = "\uffff"
_CLAIM_TEXT = "{{content_text source_text}} : ({words})"
_FTS_ROWS = "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?"


@dataclass
class ClaimFilters:
    """Filter values for claims (attributions) and events; the fields are the names in `FILTERS`."""

    text: str | None = None
    actor: str | None = None
    source: str | None = None
    source_type: str | None = None
    outlet: str | None = None
    event_type: str | None = None
    status: str | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    actor_name: str | None = None
    certainty: str | None = None
    min_certainty: float | None = None
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    claim_id: int | None = None
    article_id: int | None = None

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> ClaimFilters:
        """Build filters from request parameters, ignoring empty values and unknown keys."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names and v not in (None, "")})


@dataclass(frozen=True)
class Clause:
    """A condition in SQL: plain, or `column IN (sql)`, a set from another table (see claims._page_ids)."""

    sql: str
    params: tuple[Any, ...] = ()
    column: str | None = None

    def render(self, prefix: str = "") -> str:
        """The condition; `prefix` "+" keeps SQLite from driving the query with a membership set."""
        return f"{prefix}{self.column} IN ({self.sql})" if self.column else self.sql


Masker = Callable[[sqlite3.Connection, "FacetIndex", ClaimFilters], "np.ndarray"]


@dataclass(frozen=True)
class Filter:
    """One claim filter. `sql` is its condition over attributions `a` (or, for article filters, any table
    carrying outlet_id and published); `mask` the same selection over the facet index (None: answered in
    SQL); `scope` how an events query applies it: to the event itself (`event_sql`), to its article, or to
    the claim it is reported under. A filter that `joins` another is part of that one's condition."""

    name: str
    help: str
    cli: str | None = ""  # the `claimtrace claims` option ("": --name with dashes; None: no option)
    api: str | None = ""  # the query parameter ("": the name; None: not in the API)
    type: type = str
    choices: tuple[str, ...] = ()  # a claimtrace/1 vocabulary (record.py)
    max_length: int | None = None
    pattern: str | None = None
    ge: float | None = None
    le: float | None = None
    check: Callable[[Any], Any] = lambda value: value  # validates; returns the value the conditions use
    sql: Callable[[ClaimFilters, str], Clause] | None = None
    mask: Masker | None = None
    scope: Literal["claim", "event", "article"] = "claim"
    event_sql: Callable[[ClaimFilters], Clause] | None = None
    joins: str | None = None

    def __post_init__(self) -> None:
        if self.cli == "":
            object.__setattr__(self, "cli", "--" + self.name.replace("_", "-"))
        if self.api == "":
            object.__setattr__(self, "api", self.name)


def _one_of(name: str, vocabulary: frozenset[str], ordered: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in vocabulary:
            raise QueryError(f"{name} must be one of {', '.join(ordered)}, got {value!r}")
        return value

    return check


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise QueryError(f"min_certainty must be a number, got {value!r}") from exc


def _words_query(value: str) -> str:
    fts_query(value)  # raises when the text has no words
    return value


def _actor(value: str) -> str:
    actor_query(value)
    return value


def _ids_mask(column: str, sql: str, params: Callable[[ClaimFilters], list[Any]]) -> Masker:
    """Claims whose `column` (source or outlet id) is among the ids `sql` selects, cached per query."""

    def mask(conn: sqlite3.Connection, index: FacetIndex, f: ClaimFilters) -> np.ndarray:
        import numpy as np

        values = params(f)
        return index.cached_mask(
            column,
            repr((sql, values)),
            lambda: np.isin(getattr(index, column), [row[0] for row in conn.execute(sql, values)]),
        )

    return mask


def _fts_mask(match: Callable[[ClaimFilters], str]) -> Masker:
    def mask(conn: sqlite3.Connection, index: FacetIndex, f: ClaimFilters) -> np.ndarray:
        query = match(f)
        return index.cached_mask(
            "fts",
            query,
            lambda: index.mask_of_rows(index.rows_of(row[0] for row in execute(conn, _FTS_ROWS, [query]))),
        )

    return mask


def _claim_text(f: ClaimFilters) -> str:
    return _CLAIM_TEXT.format(words=fts_query(f.text or ""))


def _event_clause(f: ClaimFilters, prefix: str) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if f.event_type:
        where.append(f"{prefix}type = ?")
        params.append(f.event_type)
    if f.status:
        where.append(f"{prefix}status = ?")
        params.append(f.status)
    return where, params


def _claims_with_event(f: ClaimFilters, alias: str) -> Clause:
    where, params = _event_clause(f, "")
    sub = " AND ".join(["attribution_id IS NOT NULL", *where])
    return Clause(f"SELECT attribution_id FROM events WHERE {sub}", tuple(params), f"{alias}.id")


def _event_itself(f: ClaimFilters) -> Clause:
    where, params = _event_clause(f, "e.")
    return Clause(" AND ".join(where), tuple(params))


def _published_bound(name: str, option: str, after: bool) -> Filter:
    """A bound on the article's publication date: on or after `date_from` (--since), on or before
    `date_to` (--until)."""

    def bound(f: ClaimFilters) -> str:
        value = str(getattr(f, name))
        return value if after else value + _END_OF_BOUND

    return Filter(
        name,
        f"Published on or {'after' if after else 'before'} (YYYY[-MM[-DD]]).",
        cli=f"--{option}",
        api=option,
        pattern=DATE_PATTERN,
        check=lambda value: date_bound(value, name),
        sql=lambda f, a: Clause(f"{a}.published {'>=' if after else '<='} ?", (bound(f),)),
        mask=lambda conn, index, f: (
            index.date_slice(bound(f), None) if after else index.date_slice(None, bound(f))
        ),
        scope="article",
    )


_CODE = r"^[A-Za-z]{3}$"


def _three_letters(name: str) -> Callable[[str], str]:
    """A country or sector code: three letters, upper-cased (the API's pattern, checked for the CLI too)."""

    def check(value: str) -> str:
        if not re.fullmatch(_CODE, value):
            raise QueryError(f"{name} must be a three-letter code, got {value!r}")
        return value.upper()

    return check


def _coded_actor(name: str, column: str, what: str, pattern: str | None, check: Callable[[str], str],
                 collate: str = "") -> Filter:  # fmt: skip
    """A filter on how an event's actor is coded (events.actor_code, actor_sector, actor_name): an event
    reported under the claim has an actor coded so; over events, the event itself. It is a condition of its
    own, not joined to event_type, so a claim passes with one event of the type and another of the actor;
    an events query applies both to each event."""
    condition = f"{column} = ? {collate}".strip()
    return Filter(
        name,
        f"An event reported under the claim has an actor with this {what}.",
        max_length=None if pattern else 200,
        pattern=pattern,
        check=check,
        sql=lambda f, a: Clause(
            f"SELECT attribution_id FROM events WHERE attribution_id IS NOT NULL AND {condition}",
            (getattr(f, name),),
            f"{a}.id",
        ),
        scope="event",
        event_sql=lambda f: Clause(f"e.{condition}", (getattr(f, name),)),
    )


_SOURCES_NAMED = "SELECT id FROM sources WHERE (text LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')"
_SOURCES_OF_TYPE = "SELECT id FROM sources WHERE type = ?"
_OUTLETS_NAMED = "SELECT id FROM outlets WHERE name LIKE ? ESCAPE '\\'"

_KIND_CHOICES = get_args(AttributionKind)
_SOURCE_TYPE_CHOICES = get_args(SourceType)
_STATUS_CHOICES = get_args(EventStatus)
_CERTAINTY_CHOICES = get_args(CertaintyLabel)

FILTERS: tuple[Filter, ...] = (
    Filter(
        "text",
        "Words that must all occur in the claim's content or source (full text).",
        cli="--text",
        api="q",
        max_length=500,
        check=_words_query,
        sql=lambda f, a: Clause(_FTS_ROWS, (_claim_text(f),), f"{a}.id"),
        mask=_fts_mask(_claim_text),
    ),
    Filter(
        "actor",
        "An event reported under the claim has an actor with these words (word prefixes).",
        max_length=200,
        check=_actor,
        sql=lambda f, a: Clause(_FTS_ROWS, (actor_query(f.actor or ""),), f"{a}.id"),
        mask=_fts_mask(lambda f: actor_query(f.actor or "")),
        scope="event",
        event_sql=lambda f: Clause(
            "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
            (actor_query(f.actor or "", "actor_text"),),
        ),
    ),
    Filter(
        "source",
        "The source's text or name contains this.",
        max_length=200,
        sql=lambda f, a: Clause(_SOURCES_NAMED, (like(f.source or ""),) * 2, f"{a}.source_id"),
        mask=_ids_mask("source_id", _SOURCES_NAMED, lambda f: [like(f.source or "")] * 2),
    ),
    Filter(
        "source_type",
        f"Source type: {', '.join(_SOURCE_TYPE_CHOICES)}.",
        choices=_SOURCE_TYPE_CHOICES,
        sql=lambda f, a: Clause(_SOURCES_OF_TYPE, (f.source_type,), f"{a}.source_id"),
        mask=_ids_mask("source_id", _SOURCES_OF_TYPE, lambda f: [f.source_type]),
    ),
    Filter(
        "outlet",
        "The article's outlet contains this.",
        max_length=200,
        sql=lambda f, a: Clause(f"{a}.outlet_id IN ({_OUTLETS_NAMED})", (like(f.outlet or ""),)),
        mask=_ids_mask("outlet_id", _OUTLETS_NAMED, lambda f: [like(f.outlet or "")]),
        scope="article",
    ),
    Filter(
        "event_type",
        "PLOVER type of an event reported under the claim, e.g. CONSULT.",
        pattern=r"^[A-Za-z_]{1,32}$",
        check=str.upper,
        sql=_claims_with_event,
        mask=lambda conn, index, f: index.event_mask(f.event_type, f.status),
        scope="event",
        event_sql=_event_itself,
    ),
    Filter(
        "status",
        f"That event's status: {', '.join(_STATUS_CHOICES)}.",
        choices=_STATUS_CHOICES,
        check=_one_of("status", EVENT_STATUSES, _STATUS_CHOICES),
        scope="event",
        joins="event_type",
    ),
    _coded_actor(
        "actor_country",
        "actor_code",
        "country (ISO 3166 alpha-3, or IGO / NGO), e.g. RUS",
        _CODE,
        _three_letters("actor_country"),
    ),
    _coded_actor(
        "actor_sector",
        "actor_sector",
        "sector (GOV, MIL, REB, OPP, COP …)",
        _CODE,
        _three_letters("actor_sector"),
    ),
    _coded_actor(
        "actor_name",
        "actor_name",
        'canonical name, e.g. "Vladimir Putin" (any case)',
        None,
        str.strip,
        "COLLATE NOCASE",
    ),
    Filter(
        "certainty",
        f"Certainty label: {', '.join(_CERTAINTY_CHOICES)}.",
        choices=_CERTAINTY_CHOICES,
        check=_one_of("certainty", CERTAINTY_LABELS, _CERTAINTY_CHOICES),
        sql=lambda f, a: Clause(f"{a}.certainty_label = ?", (f.certainty,)),
        mask=lambda conn, index, f: index.certainty == index.labels.get(f.certainty or "", -2),
    ),
    Filter(
        "min_certainty",
        "Certainty value at least this (FactBank scale -3..3).",
        type=float,
        ge=-3,
        le=3,
        check=_number,
        sql=lambda f, a: Clause(f"{a}.certainty_value >= ?", (f.min_certainty,)),
        mask=lambda conn, index, f: index.certainty_value >= float(f.min_certainty or 0),
    ),
    Filter(
        "kind",
        f"Attribution kind: {', '.join(_KIND_CHOICES)}.",
        choices=_KIND_CHOICES,
        sql=lambda f, a: Clause(f"{a}.kind = ?", (f.kind,)),
        mask=lambda conn, index, f: index.kind == index.kinds.get(f.kind or "", -2),
    ),
    _published_bound("date_from", "since", after=True),
    _published_bound("date_to", "until", after=False),
    # One claim cluster or one article is a small indexed lookup: answered in SQL, no mask.
    Filter(
        "claim_id",
        "Members of one claim cluster.",
        cli="--claim",
        api=None,
        type=int,
        check=int,
        sql=lambda f, a: Clause(f"{a}.claim_id = ?", (f.claim_id,)),
    ),
    Filter(
        "article_id",
        "Claims in one article.",
        cli=None,
        api=None,
        type=int,
        check=int,
        sql=lambda f, a: Clause(f"{a}.article_id = ?", (f.article_id,)),
        scope="event",
        event_sql=lambda f: Clause("e.article_id = ?", (f.article_id,)),
    ),
)
BY_NAME: dict[str, Filter] = {f.name: f for f in FILTERS}
# ClaimFilters is the typed value of the same table: the two must name the same filters, in order.
assert list(BY_NAME) == [f.name for f in fields(ClaimFilters)], "FILTERS and ClaimFilters disagree"


def validated(filters: ClaimFilters) -> ClaimFilters:
    """The filters checked (a QueryError names the first bad one) and normalised for the conditions."""
    changes = {
        name: BY_NAME[name].check(value) for name, value in vars(filters).items() if value not in (None, "")
    }
    return replace(filters, **changes)


def _conditions(filters: ClaimFilters) -> Iterator[Filter]:
    """The filters that carry a condition of their own and are set (directly or through a joined one)."""
    active = {name for name, value in vars(filters).items() if value not in (None, "")}
    for spec in FILTERS:
        if spec.joins is None and (spec.name in active or any(BY_NAME[n].joins == spec.name for n in active)):
            yield spec


def claim_clauses(filters: ClaimFilters, alias: str = "a") -> list[Clause]:
    """The SQL conditions of validated filters over attributions `alias`."""
    return [spec.sql(filters, alias) for spec in _conditions(filters) if spec.sql is not None]


def claim_where(filters: ClaimFilters, alias: str = "a") -> tuple[list[str], list[Any]]:
    """Conditions (plain SQL) and parameters over attributions `alias` for the filters, validated here."""
    clauses = claim_clauses(validated(filters), alias)
    return [c.render() for c in clauses], [p for c in clauses for p in c.params]


def has_masks(filters: ClaimFilters) -> bool:
    """Whether every condition of the filters has a facet mask (else they are answered in SQL)."""
    return all(spec.mask is not None for spec in _conditions(filters))


def facet_masks(conn: sqlite3.Connection, index: FacetIndex, filters: ClaimFilters) -> list[np.ndarray]:
    """The validated filters (all with masks, see `has_masks`) as masks over the facet index, all to hold."""
    return [spec.mask(conn, index, filters) for spec in _conditions(filters) if spec.mask is not None]


def event_where(filters: ClaimFilters, through_claims: bool = True) -> tuple[list[str], list[Any]]:
    """Conditions over events `e` (joined to articles `ar`) for validated filters: event filters on the event,
    article filters on its article, and — with `through_claims` — the rest on the claim it is reported
    under."""
    where: list[str] = []
    params: list[Any] = []
    claim_part: dict[str, Any] = {}
    for spec in _conditions(filters):
        if spec.scope == "event" and spec.event_sql is not None:
            clause = spec.event_sql(filters)
        elif spec.scope == "article" and spec.sql is not None:
            clause = spec.sql(filters, "ar")
        else:
            claim_part[spec.name] = getattr(filters, spec.name)
            continue
        where.append(clause.render())
        params += clause.params
    if through_claims and claim_part:
        clauses = claim_clauses(ClaimFilters(**claim_part))
        where.append(f"e.attribution_id IN (SELECT a.id FROM attributions a WHERE {_joined(clauses)})")
        params += [p for c in clauses for p in c.params]
    return where, params


def _joined(clauses: list[Clause]) -> str:
    return " AND ".join(c.render() for c in clauses)
