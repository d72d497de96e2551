"""Read-side queries over a claimtrace store: plain functions returning plain dicts.

Every shell calls these — the CLI (`claimtrace claims`, `trace`, `search`, `reprints`), the HTTP API and the
web UI — so filtering, paging and provenance are decided in one place. Bad parameters raise `QueryError` (a
one-line message fit for a user or a 400 response).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from claimtrace.errors import ClaimtraceError
from claimtrace.link.outlets import same_outlet
from claimtrace.store.facets import FacetIndex, facet_index

CERTAINTY_LABELS = ("certain", "probable", "possible", "unknown", "doubtful", "negated")
EVENT_STATUSES = ("asserted", "reported", "intended", "future", "hypothetical", "negated")
INTERVALS = ("day", "week", "month")
EVENT_GROUPS = ("actor", "event_type", "status")
CLAIM_GROUPS = ("outlet", "source_type", "certainty", "kind")
MAX_LIMIT = 1000
SMALL_MATCH_SET = 2000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(ClaimtraceError):
    """A query parameter is invalid (unknown label, malformed date, bad full-text syntax, …)."""


@dataclass
class ClaimFilters:
    """Filters for claims (attributions) and events; every field is optional and they combine with AND.

    Text filters (actor, source, outlet) match case-insensitively anywhere in the stored text.
    """

    actor: str | None = None  # an event reported under the claim has an actor with these words (prefixes)
    source: str | None = None  # source surface text or profile name
    source_type: str | None = None  # person | organization | media | government | anonymous | group | pronoun
    outlet: str | None = None  # the article's outlet
    event_type: str | None = None  # PLOVER type of an event under the claim, e.g. "CONSULT"
    status: str | None = (
        None  # that event's status: asserted | reported | intended | future | hypothetical | negated
    )
    certainty: str | None = None  # certainty label
    min_certainty: float | None = None  # certainty value at least this (FactBank scale, -3..3)
    date_from: str | None = None  # article published on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    date_to: str | None = None  # article published on or before
    text: str | None = None  # FTS5 query over claim content and source
    kind: str | None = None  # direct | indirect | mixed | according_to | no_source
    claim_id: int | None = None  # members of one claim cluster
    article_id: int | None = None  # claims in one article

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> ClaimFilters:
        """Build filters from request parameters, ignoring empty values and unknown keys."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names and v not in (None, "")})


def _check_paging(limit: int, offset: int) -> None:
    if not 0 < limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise QueryError(f"offset must be 0 or more, got {offset}")


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _date_bound(value: str, name: str) -> str:
    if not _DATE.match(value):
        raise QueryError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def fts_query(text: str) -> str:
    """Make user text safe for FTS5 MATCH: every word must occur (operators in user text are not parsed)."""
    words = re.findall(r"\w+", text)
    if not words:
        raise QueryError(f"search text {text!r} has no words to search for")
    return " ".join(f'"{word}"' for word in words)


def actor_query(actor: str, column: str = "actors") -> str:
    """An FTS5 query: actors with words starting with each word given ("Belmor" finds "Belmora")."""
    words = re.findall(r"\w+", actor)
    if not words:
        raise QueryError(f"actor {actor!r} has no words to search for")
    return " AND ".join(f'{column} : "{word}"*' for word in words)


def _article_where(filters: ClaimFilters, table: str) -> tuple[list[str], list[Any]]:
    """Outlet and date conditions on `table`: articles, or attributions (which carry copies of both)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        where.append(f"{table}.outlet_id IN (SELECT id FROM outlets WHERE name LIKE ? ESCAPE '\\')")
        params.append(_like(filters.outlet))
    if filters.date_from:
        where.append(f"{table}.published >= ?")
        params.append(_date_bound(filters.date_from, "date_from"))
    if filters.date_to:
        # A bound "2024-03" must include "2024-03-31": compare against the bound followed by the highest char.
        where.append(f"{table}.published <= ?")
        params.append(_date_bound(filters.date_to, "date_to") + "\uffff")
    return where, params


def _source_ids(filters: ClaimFilters) -> tuple[str, list[Any]]:
    """The query (and parameters) for the ids of sources matching the source and source type filters."""
    sub, params = [], []
    if filters.source:
        sub.append("(text LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')")
        params += [_like(filters.source)] * 2
    if filters.source_type:
        sub.append("type = ?")
        params.append(filters.source_type)
    return f"SELECT id FROM sources WHERE {' AND '.join(sub)}", params


_CLAIM_TEXT = "{{content_text source_text}} : ({words})"


def _fts_mask(conn: sqlite3.Connection, index: FacetIndex, match: str) -> np.ndarray:
    sql = "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?"
    return index.cached_mask(
        "fts",
        match,
        lambda: index.mask_of_rows(index.rows_of(row[0] for row in _execute(conn, sql, [match]))),
    )


def _id_mask(
    conn: sqlite3.Connection, index: FacetIndex, column: np.ndarray, kind: str, query: tuple[str, list[Any]]
) -> np.ndarray:
    """Claims whose `column` (source or outlet id) is among the ids `query` selects."""
    sql, params = query
    return index.cached_mask(
        kind, repr((sql, params)), lambda: np.isin(column, [row[0] for row in conn.execute(sql, params)])
    )


def _facet_masks(
    conn: sqlite3.Connection, filters: ClaimFilters
) -> tuple[FacetIndex, list[np.ndarray]] | None:
    """The claims matching `filters` as masks over the facet index (see store/facets.py), all to hold, or
    None when the filters name one claim cluster or article (a small indexed lookup in SQLite) or the store
    is in memory."""
    if filters.claim_id is not None or filters.article_id is not None:
        return None
    index = facet_index(conn)
    if index is None:
        return None
    masks: list[np.ndarray] = []
    if filters.certainty:
        masks.append(index.certainty == index.labels.get(filters.certainty, -2))
    if filters.min_certainty is not None:
        masks.append(index.certainty_value >= float(filters.min_certainty))
    if filters.kind:
        masks.append(index.kind == index.kinds.get(filters.kind, -2))
    if filters.source or filters.source_type:
        masks.append(_id_mask(conn, index, index.source_id, "source", _source_ids(filters)))
    if filters.outlet:
        outlets = ("SELECT id FROM outlets WHERE name LIKE ? ESCAPE '\\'", [_like(filters.outlet)])
        masks.append(_id_mask(conn, index, index.outlet_id, "outlet", outlets))
    if filters.event_type or filters.status:
        masks.append(
            index.event_mask(filters.event_type.upper() if filters.event_type else None, filters.status)
        )
    if filters.date_from or filters.date_to:
        masks.append(
            index.date_slice(filters.date_from, filters.date_to + "\uffff" if filters.date_to else None)
        )
    if filters.actor:
        masks.append(_fts_mask(conn, index, actor_query(filters.actor)))
    if filters.text:
        masks.append(_fts_mask(conn, index, _CLAIM_TEXT.format(words=fts_query(filters.text))))
    return index, masks


_PAGE_CHUNK = 16_384  # claims combined per step while filling a page


def _facet_page(index: FacetIndex, masks: list[np.ndarray], limit: int, offset: int) -> list[int]:
    """The ids of one page: the masks are combined a chunk at a time, newest first, until the page is full,
    so a broad filter touches only the first chunks and an empty one costs one pass."""
    if not masks:
        return index.ids[offset : offset + limit].tolist()
    wanted = offset + limit
    found: list[np.ndarray] = []
    n_found = 0
    for start in range(0, len(index), _PAGE_CHUNK):
        chunk = masks[0][start : start + _PAGE_CHUNK].copy()
        for other in masks[1:]:
            chunk &= other[start : start + _PAGE_CHUNK]
        rows = np.flatnonzero(chunk) + start
        found.append(rows)
        n_found += len(rows)
        if n_found >= wanted:
            break
    rows = np.concatenate(found) if found else np.empty(0, dtype=np.int64)
    return index.ids[rows[offset:wanted]].tolist()


def _facet_count(index: FacetIndex, masks: list[np.ndarray]) -> int:
    if not masks:
        return len(index)
    combined = masks[0].copy()  # cached masks are shared: combine into a fresh one
    for other in masks[1:]:
        combined &= other
    return int(np.count_nonzero(combined))


def _event_conditions(filters: ClaimFilters, prefix: str) -> tuple[list[str], list[Any]]:
    """SQL conditions on the events table for the event-type and status filters (columns after `prefix`)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.event_type:
        where.append(f"{prefix}type = ?")
        params.append(filters.event_type.upper())
    if filters.status:
        if filters.status not in EVENT_STATUSES:
            raise QueryError(f"status must be one of {', '.join(EVENT_STATUSES)}, got {filters.status!r}")
        where.append(f"{prefix}status = ?")
        params.append(filters.status)
    return where, params


def _claim_where(filters: ClaimFilters) -> tuple[list[str], list[Any]]:
    """SQL conditions over `a` (attributions, which carry their article's date and outlet) for the filters."""
    where, params, sets = _claim_conditions(filters)
    for number in range(len(sets)):
        where = [condition.replace(_drive(number), "") for condition in where]
    return where, params


def _drive(number: int) -> str:
    """The placeholder before the `number`th set-membership condition; see _page_ids."""
    return f"{{drive{number}}}"


def _claim_conditions(filters: ClaimFilters) -> tuple[list[str], list[Any], list[tuple[str, list[Any]]]]:
    """Conditions and parameters, plus each set-membership subquery with its own parameters."""
    where: list[str] = []
    params: list[Any] = []
    sets: list[tuple[str, list[Any]]] = []

    def member(column: str, subquery: str, sub_params: list[Any]) -> None:
        where.append(f"{_drive(len(sets))}{column} IN ({subquery})")
        params.extend(sub_params)
        sets.append((subquery, sub_params))

    if filters.certainty:
        if filters.certainty not in CERTAINTY_LABELS:
            raise QueryError(
                f"certainty must be one of {', '.join(CERTAINTY_LABELS)}, got {filters.certainty!r}"
            )
        where.append("a.certainty_label = ?")
        params.append(filters.certainty)
    if filters.min_certainty is not None:
        try:
            params.append(float(filters.min_certainty))
        except (TypeError, ValueError) as exc:
            raise QueryError(f"min_certainty must be a number, got {filters.min_certainty!r}") from exc
        where.append("a.certainty_value >= ?")
    if filters.kind:
        where.append("a.kind = ?")
        params.append(filters.kind)
    if filters.claim_id is not None:
        where.append("a.claim_id = ?")
        params.append(int(filters.claim_id))
    if filters.article_id is not None:
        where.append("a.article_id = ?")
        params.append(int(filters.article_id))
    if filters.source or filters.source_type:
        member("a.source_id", *_source_ids(filters))
    if filters.actor:
        member(
            "a.id",
            "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?",
            [actor_query(filters.actor)],
        )
    if filters.event_type or filters.status:
        sub, sub_params = _event_conditions(filters, "")
        sub.insert(0, "attribution_id IS NOT NULL")
        member("a.id", f"SELECT attribution_id FROM events WHERE {' AND '.join(sub)}", sub_params)
    article_where, article_params = _article_where(filters, "a")
    where += article_where
    params += article_params
    if filters.text:
        member(
            "a.id",
            "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?",
            [_CLAIM_TEXT.format(words=fts_query(filters.text))],
        )
    return where, params, sets


_CLAIM_COLUMNS = """
    a.id AS attribution_id, a.claim_id, a.article_id, a.key, a.kind, a.parent_id,
    a.source_text AS source, s.type AS source_type, s.name AS source_name, a.resolved_to,
    a.cue_text AS cue, a.content_text AS content, a.content_start, a.content_end,
    a.certainty_label, a.certainty_value, a.credited_outlet AS credits,
    ar.record_id, ar.title, ar.url, ar.published, o.name AS outlet,
    c.n_articles AS claim_articles, c.n_outlets AS claim_outlets
"""

_CLAIM_FROM = """
FROM attributions a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN outlets o ON o.id = ar.outlet_id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN claims c ON c.id = a.claim_id
"""


def _events_by_attribution(conn: sqlite3.Connection, attribution_ids: list[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    if not attribution_ids:
        return found
    marks = ",".join("?" * len(attribution_ids))
    for row in conn.execute(
        f"SELECT id, attribution_id, type, mode, status, certainty, trigger_text, actor_text, target_text "
        f"FROM events WHERE attribution_id IN ({marks}) ORDER BY id",
        attribution_ids,
    ):
        found[row["attribution_id"]].append(
            {
                "event_id": row["id"],
                "type": row["type"],
                "mode": row["mode"],
                "status": row["status"],
                "certainty": row["certainty"],
                "trigger": row["trigger_text"],
                "actor": row["actor_text"],
                "target": row["target_text"],
            }
        )
    return found


def _page_ids(conn: sqlite3.Connection, filters: ClaimFilters, limit: int, offset: int) -> list[int]:
    """The attribution ids of one page, newest first, touching only the attributions table and its indexes.

    A filter through another table (full text, actors, events, sources) is a set of ids. A small set drives
    the query: each member is looked up and the few found are sorted. A large one is only probed while SQLite
    walks a date-ordered index, which reaches a page of matches sooner; writing its condition unary-plus
    (`+a.id IN …`) keeps SQLite from driving with it.
    """
    where, params, sets = _claim_conditions(filters)  # validates the filters, whichever path answers
    facets = _facet_masks(conn, filters)
    if facets is not None:
        return _facet_page(*facets, limit, offset)
    for number, (subquery, sub_params) in enumerate(sets):
        probe = f"SELECT count(*) FROM ({subquery} LIMIT ?)"
        large = _execute(conn, probe, [*sub_params, SMALL_MATCH_SET]).fetchone()[0] >= SMALL_MATCH_SET
        where = [condition.replace(_drive(number), "+" if large else "") for condition in where]
    sql = "SELECT a.id FROM attributions a" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
    return [row[0] for row in _execute(conn, sql, [*params, limit, offset])]


def query_claims(
    conn: sqlite3.Connection, filters: ClaimFilters | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Claims (attributions) matching `filters`, newest article first, one page.

    Each dict: attribution_id, claim_id (its cluster, for `trace_claim`), article_id, key, kind, parent_id,
    source, source_type, source_name, resolved_to, cue, content, content_start, content_end, certainty_label,
    certainty_value, credits (an outlet credited in its chain), record_id, title, url, published, outlet,
    claim_articles / claim_outlets (cluster size), and events: [{event_id, type, mode, status, certainty,
    trigger, actor, target}] reported under it.
    """
    _check_paging(limit, offset)
    ids = _page_ids(conn, filters or ClaimFilters(), limit, offset)
    if not ids:
        return []
    cursor = conn.execute(
        f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE a.id IN ({','.join('?' * len(ids))})", ids
    )
    found = {row["attribution_id"]: row for row in dict_rows(cursor)}
    rows = [found[i] for i in ids]
    events = _events_by_attribution(conn, [row["attribution_id"] for row in rows])
    for row in rows:
        row["events"] = events.get(row["attribution_id"], [])
    return rows


def count_claims(conn: sqlite3.Connection, filters: ClaimFilters | None = None) -> int:
    """How many claims match `filters` (for paging)."""
    filters = filters or ClaimFilters()
    where, params = _claim_where(filters)
    facets = _facet_masks(conn, filters)
    if facets is not None:
        return _facet_count(*facets)
    sql = "SELECT count(*) FROM attributions a JOIN articles ar ON ar.id = a.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return int(_execute(conn, sql, params).fetchone()[0])


def query_events(
    conn: sqlite3.Connection, filters: ClaimFilters | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Events matching `filters` (actor, event_type, status, outlet, dates, and — through the claim the event
    is reported under — source, certainty and text), newest article first.

    Each dict: event_id, article_id, type, mode, context (list), status, certainty, trigger, actor, target,
    attribution_id, claim_id, source, certainty_label, title, outlet, published.
    """
    _check_paging(limit, offset)
    filters = filters or ClaimFilters()
    where: list[str] = []
    params: list[Any] = []
    if filters.actor:
        where.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(actor_query(filters.actor, "actor_text"))
    event_where, event_params = _event_conditions(filters, "e.")
    where += event_where
    params += event_params
    claim_filters = ClaimFilters(
        source=filters.source,
        source_type=filters.source_type,
        certainty=filters.certainty,
        min_certainty=filters.min_certainty,
        text=filters.text,
        kind=filters.kind,
        claim_id=filters.claim_id,
    )
    claim_where, claim_params = _claim_where(claim_filters)
    if claim_where:
        where.append(
            f"e.attribution_id IN (SELECT a.id FROM attributions a WHERE {' AND '.join(claim_where)})"
        )
        params += claim_params
    if filters.article_id is not None:
        where.append("e.article_id = ?")
        params.append(int(filters.article_id))
    article_where, article_params = _article_where(filters, "ar")
    where += article_where
    params += article_params
    sql = """
        SELECT e.id AS event_id, e.article_id, e.type, e.mode, e.context, e.status, e.certainty,
               e.trigger_text AS trigger, e.actor_text AS actor, e.target_text AS target, e.attribution_id,
               a.claim_id, a.source_text AS source, a.certainty_label, ar.title, ar.published,
               o.name AS outlet
        FROM events e
        JOIN articles ar ON ar.id = e.article_id
        LEFT JOIN outlets o ON o.id = ar.outlet_id
        LEFT JOIN attributions a ON a.id = e.attribution_id
    """
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY ar.published DESC, e.id DESC LIMIT ? OFFSET ?"
    rows = dict_rows(_execute(conn, sql, [*params, limit, offset]))
    for row in rows:
        row["context"] = json.loads(row["context"]) if row["context"] else []
    return rows


def search_articles(
    conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0
) -> list[dict[str, Any]]:
    """Full-text search over article titles and text, best match first.

    Each dict: article_id, record_id, title, outlet, url, published, snippet (matches wrapped in [ ]), rank.
    """
    _check_paging(limit, offset)
    sql = """
        SELECT ar.id AS article_id, ar.record_id, ar.title, o.name AS outlet, ar.url, ar.published,
               snippet(articles_fts, 1, '[', ']', ' … ', 24) AS snippet, bm25(articles_fts) AS rank
        FROM articles_fts
        JOIN articles ar ON ar.id = articles_fts.rowid
        LEFT JOIN outlets o ON o.id = ar.outlet_id
        WHERE articles_fts MATCH ?
        ORDER BY rank LIMIT ? OFFSET ?
    """
    return dict_rows(_execute(conn, sql, [fts_query(query), limit, offset]))


def list_articles(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first (undated ones last, then by id, newest first).

    Each dict: article_id, record_id, title, outlet, url, published.
    """
    _check_paging(limit, offset)
    sql = """
        SELECT ar.id AS article_id, ar.record_id, ar.title, o.name AS outlet, ar.url, ar.published
        FROM articles ar LEFT JOIN outlets o ON o.id = ar.outlet_id
        ORDER BY ar.published DESC, ar.id DESC LIMIT ? OFFSET ?
    """
    return dict_rows(conn.execute(sql, (limit, offset)))


def get_article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """One stored article: its claimtrace/1 record exactly as produced, plus store ids.

    Keys: article_id, content_hash, outlet, published, reprint_cluster, reprints (other article ids in its
    cluster), record (the claimtrace/1 dict), attribution_ids ({record key: db id}), claim_ids ({record key:
    claim cluster id}), event_ids ({record key: db id}). None when there is no such article.
    """
    row = conn.execute(
        "SELECT ar.id, ar.content_hash, ar.published, ar.reprint_cluster, ar.record_json, o.name AS outlet "
        "FROM articles ar LEFT JOIN outlets o ON o.id = ar.outlet_id WHERE ar.id = ?",
        (int(article_id),),
    ).fetchone()
    if row is None:
        return None
    attributions = conn.execute(
        "SELECT key, id, claim_id FROM attributions WHERE article_id = ? ORDER BY id", (row["id"],)
    ).fetchall()
    events = conn.execute(
        "SELECT key, id FROM events WHERE article_id = ? ORDER BY id", (row["id"],)
    ).fetchall()
    reprints: list[int] = []
    if row["reprint_cluster"] is not None:
        reprints = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE reprint_cluster = ? AND id != ? ORDER BY id",
                (row["reprint_cluster"], row["id"]),
            )
        ]
    return {
        "article_id": row["id"],
        "content_hash": row["content_hash"],
        "outlet": row["outlet"],
        "published": row["published"],
        "reprint_cluster": row["reprint_cluster"],
        "reprints": reprints,
        "record": json.loads(row["record_json"]),
        "attribution_ids": {r["key"]: r["id"] for r in attributions},
        "claim_ids": {r["key"]: r["claim_id"] for r in attributions},
        "event_ids": {r["key"]: r["id"] for r in events},
    }


def _stored_outlet(credit: str | None, outlets: list[str]) -> str | None:
    """The stored outlet a credit names: reports credit outlets as their text does ("the Post" is
    "The Harbor Post", or "harborpost.example" when the store knows it by its domain)."""
    if not credit:
        return None
    return next((outlet for outlet in outlets if same_outlet(credit, outlet)), None)


def trace_claim(conn: sqlite3.Connection, claim_id: int) -> dict[str, Any] | None:
    """The provenance chain of one claim cluster, earliest report first.

    Returns {"claim": {claim_id, content, n_mentions, n_articles, n_outlets, first_published,
    earliest_article_id, credited_outlet, credited_outlet_stored (the stored outlet it names, matched as
    `same_outlet` does), credited_basis}, "chain": [{position, article_id, record_id, title, outlet,
    published, url, attribution_id, kind, source, source_type, cue, content, certainty_label, certainty_value,
    credits, credits_outlet (the stored outlet the credit names: "the Post" finds "The Harbor Post"),
    cites_article_id (the earliest other article in this chain from that outlet, if any), is_origin,
    adds_own_sourcing, own_sources (list)}], "mentions": every member attribution as in `query_claims`}, or
    None.
    """
    claim = conn.execute("SELECT * FROM claims WHERE id = ?", (int(claim_id),)).fetchone()
    if claim is None:
        return None
    chain = dict_rows(
        conn.execute(
            """
            SELECT ca.position, ca.article_id, ar.record_id, ar.title, o.name AS outlet, ar.published, ar.url,
                   ca.attribution_id, a.kind, a.source_text AS source, s.type AS source_type,
                   a.cue_text AS cue,
                   a.content_text AS content, a.certainty_label, a.certainty_value, ca.credits,
                   ca.is_origin, ca.adds_own_sourcing, ca.own_sources
            FROM claim_articles ca
            JOIN articles ar ON ar.id = ca.article_id
            LEFT JOIN outlets o ON o.id = ar.outlet_id
            JOIN attributions a ON a.id = ca.attribution_id
            LEFT JOIN sources s ON s.id = a.source_id
            WHERE ca.claim_id = ? ORDER BY ca.position
            """,
            (claim["id"],),
        )
    )
    outlets = list(dict.fromkeys(link["outlet"] for link in chain if link["outlet"]))
    for link in chain:
        link["is_origin"] = bool(link["is_origin"])
        link["adds_own_sourcing"] = bool(link["adds_own_sourcing"])
        link["own_sources"] = json.loads(link["own_sources"]) if link["own_sources"] else []
        credited = _stored_outlet(link["credits"], outlets)
        link["credits_outlet"] = credited
        link["cites_article_id"] = next(
            (
                c["article_id"]
                for c in chain
                if credited and c["outlet"] == credited and c["article_id"] != link["article_id"]
            ),
            None,
        )
    return {
        "claim": {
            "claim_id": claim["id"],
            "content": claim["content"],
            "n_mentions": claim["n_mentions"],
            "n_articles": claim["n_articles"],
            "n_outlets": claim["n_outlets"],
            "first_published": claim["first_published"],
            "earliest_article_id": claim["earliest_article_id"],
            "credited_outlet": claim["credited_outlet"],
            "credited_outlet_stored": _stored_outlet(claim["credited_outlet"], outlets),
            "credited_basis": claim["credited_basis"],
        },
        "chain": chain,
        "mentions": query_claims(conn, ClaimFilters(claim_id=claim["id"]), limit=MAX_LIMIT),
    }


def list_claim_clusters(
    conn: sqlite3.Connection, limit: int = 50, offset: int = 0, min_articles: int = 2
) -> list[dict[str, Any]]:
    """Claim clusters that span at least `min_articles` articles, widest first.

    Each dict: claim_id, content, n_mentions, n_articles, n_outlets, first_published, credited_outlet,
    credited_basis, n_adding_sourcing (articles that add their own sourcing).
    """
    _check_paging(limit, offset)
    sql = """
        SELECT c.id AS claim_id, c.content, c.n_mentions, c.n_articles, c.n_outlets, c.first_published,
               c.credited_outlet, c.credited_basis,
               (SELECT count(*) FROM claim_articles ca WHERE ca.claim_id = c.id AND ca.adds_own_sourcing)
                   AS n_adding_sourcing
        FROM claims c WHERE c.n_articles >= ?
        ORDER BY c.n_articles DESC, c.first_published, c.id LIMIT ? OFFSET ?
    """
    return dict_rows(conn.execute(sql, (min_articles, limit, offset)))


def reprint_clusters(
    conn: sqlite3.Connection, limit: int = 50, offset: int = 0, min_size: int = 2
) -> list[dict[str, Any]]:
    """Clusters of near-duplicate (reprinted or rewritten) articles, largest first.

    Each dict: cluster (id of its earliest article), size, first_published, articles: [{article_id, record_id,
    title, outlet, published, url, score (estimated Jaccard with the cluster's first article, None for
    itself)}].
    """
    _check_paging(limit, offset)
    clusters = conn.execute(
        """
        SELECT reprint_cluster AS cluster, count(*) AS size, min(published) AS first_published
        FROM articles WHERE reprint_cluster IS NOT NULL
        GROUP BY reprint_cluster HAVING count(*) >= ?
        ORDER BY size DESC, cluster LIMIT ? OFFSET ?
        """,
        (min_size, limit, offset),
    ).fetchall()
    result = []
    for cluster in clusters:
        members = conn.execute(
            """
            SELECT ar.id AS article_id, ar.record_id, ar.title, o.name AS outlet, ar.published, ar.url,
                   (SELECT max(l.score) FROM links l
                    WHERE l.kind = 'reprint' AND ((l.article_a = ?1 AND l.article_b = ar.id)
                                               OR (l.article_b = ?1 AND l.article_a = ar.id))) AS score
            FROM articles ar LEFT JOIN outlets o ON o.id = ar.outlet_id
            WHERE ar.reprint_cluster = ?1 ORDER BY ar.published IS NULL, ar.published, ar.id
            """,
            (cluster["cluster"],),
        ).fetchall()
        result.append({**dict(cluster), "articles": [dict(m) for m in members]})
    return result


def timeline(
    conn: sqlite3.Connection, group_by: str, interval: str = "month", filters: ClaimFilters | None = None
) -> list[dict[str, Any]]:
    """Counts per period and group, for charts.

    group_by "actor", "event_type" or "status" counts events; "outlet", "source_type", "certainty" or "kind"
    counts claims; keys that differ only in case are one group. interval is "day", "week" (ISO-like
    "2024-W07") or "month". Articles without a date (or only a month, for day/week) are left out. Each dict:
    period, key, count, certainty ({label: count}, the claims' certainty labels; events count under the label
    of the claim they are reported under, or "unattributed").
    """
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}, got {interval!r}")
    period = {
        "day": "substr(ar.published, 1, 10)",
        "week": "strftime('%Y-W%W', ar.published)",
        "month": "substr(ar.published, 1, 7)",
    }[interval]
    min_length = 7 if interval == "month" else 10
    filters = filters or ClaimFilters()
    if group_by in EVENT_GROUPS:
        key = {"actor": "e.actor_text", "event_type": "e.type", "status": "e.status"}[group_by]
        rows = query_events_grouped(conn, filters, period, key, min_length)
    elif group_by in CLAIM_GROUPS:
        key = {
            "outlet": "o.name",
            "source_type": "s.type",
            "certainty": "a.certainty_label",
            "kind": "a.kind",
        }[group_by]
        where, params = _claim_where(filters)
        where.append(f"length(ar.published) >= {min_length}")
        sql = f"""
            SELECT {period} AS period, {key} AS key, coalesce(a.certainty_label, 'unknown') AS label,
                   count(*) AS n
            {_CLAIM_FROM} WHERE {" AND ".join(where)}
            GROUP BY 1, 2, 3
        """
        rows = _execute(conn, sql, params).fetchall()
    else:
        raise QueryError(
            f"group_by must be one of {', '.join(EVENT_GROUPS + CLAIM_GROUPS)}, got {group_by!r}"
        )
    rows = [row for row in rows if row["period"] is not None and row["key"] is not None]
    # Keys differing only in case are one group ("The two governments", "the two governments"), shown in
    # their most frequent spelling (ties: the first in sort order).
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        spellings[row["key"].casefold()][row["key"]] += row["n"]
    shown = {
        folded: min(counts, key=lambda spelling: (-counts[spelling], spelling))
        for folded, counts in spellings.items()
    }
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = shown[row["key"].casefold()]
        entry = merged.setdefault(
            (row["period"], key), {"period": row["period"], "key": key, "count": 0, "certainty": {}}
        )
        entry["count"] += row["n"]
        entry["certainty"][row["label"]] = entry["certainty"].get(row["label"], 0) + row["n"]
    return sorted(merged.values(), key=lambda e: (e["period"], -e["count"], e["key"]))


def query_events_grouped(
    conn: sqlite3.Connection, filters: ClaimFilters, period: str, key: str, min_length: int
) -> list[sqlite3.Row]:
    """Event counts by (period, key, certainty label of the claim they are reported under)."""
    where = [f"length(ar.published) >= {min_length}"]
    params: list[Any] = []
    if filters.actor:
        where.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(actor_query(filters.actor, "actor_text"))
    if filters.event_type:
        where.append("e.type = ?")
        params.append(filters.event_type.upper())
    if filters.status:
        where.append("e.status = ?")
        params.append(filters.status)
    article_where, article_params = _article_where(filters, "ar")
    where += article_where
    params += article_params
    sql = f"""
        SELECT {period} AS period, {key} AS key, coalesce(a.certainty_label, 'unattributed') AS label,
               count(*) AS n
        FROM events e
        JOIN articles ar ON ar.id = e.article_id
        LEFT JOIN outlets o ON o.id = ar.outlet_id
        LEFT JOIN attributions a ON a.id = e.attribution_id
        WHERE {" AND ".join(where)}
        GROUP BY 1, 2, 3
    """
    return _execute(conn, sql, params).fetchall()


def filter_options(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Values present in the store, for filter menus: outlets, source_types, event_types, statuses,
    certainty labels, kinds."""

    def distinct(sql: str) -> list[str]:
        return [row[0] for row in conn.execute(sql) if row[0] is not None]

    return {
        "outlets": distinct("SELECT name FROM outlets ORDER BY name"),
        "source_types": distinct("SELECT DISTINCT type FROM sources ORDER BY type"),
        "event_types": distinct("SELECT DISTINCT type FROM events ORDER BY type"),
        "statuses": distinct("SELECT DISTINCT status FROM events ORDER BY status"),
        "certainty_labels": distinct("SELECT DISTINCT certainty_label FROM attributions ORDER BY 1"),
        "kinds": distinct("SELECT DISTINCT kind FROM attributions ORDER BY kind"),
    }


def corpus_stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts: articles, attributions, events, sources, outlets, claim clusters spanning several articles,
    reprint clusters, failures."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "attributions": one("SELECT count(*) FROM attributions"),
        "events": one("SELECT count(*) FROM events"),
        "sources": one("SELECT count(*) FROM sources"),
        "outlets": one("SELECT count(*) FROM outlets"),
        "claim_clusters": one("SELECT count(*) FROM claims WHERE n_articles > 1"),
        "reprint_clusters": one("SELECT count(DISTINCT reprint_cluster) FROM articles"),
        "failures": one("SELECT count(*) FROM failures"),
    }


def list_failures(conn: sqlite3.Connection, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Inputs that could not be stored: origin, record_id, reason, run_id."""
    _check_paging(limit, offset)
    return dict_rows(
        conn.execute(
            "SELECT origin, record_id, reason, run_id FROM failures ORDER BY origin LIMIT ? OFFSET ?",
            (limit, offset),
        )
    )


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A query's rows as dicts, built from plain tuples: `dict(sqlite3.Row)` goes column by column through
    the Row's mapping interface, and on a page of claims costs as much as the query (0.25 ms of 0.47)."""
    cursor.row_factory = None
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _execute(conn: sqlite3.Connection, sql: str, params: list[Any]) -> sqlite3.Cursor:
    try:
        return conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in str(exc):
            raise QueryError(f"bad search text: {exc}") from exc
        raise
