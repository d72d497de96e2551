"""Claims (attributions) and events matching the filters of filters.py, one page at a time, newest first.

A page is answered by the facet index (store/facets.py) when every filter has a mask there, else by SQL over
the attributions table and its indexes; the filters are validated once, and only one of the two runs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

import numpy as np

from claimtrace.store.facets import FacetIndex, facet_index
from claimtrace.store.queries.common import check_paging, dict_rows, execute
from claimtrace.store.queries.filters import (
    ClaimFilters,
    claim_clauses,
    event_where,
    facet_masks,
    has_masks,
    validated,
)

SMALL_MATCH_SET = 2000
_PAGE_CHUNK = 16_384  # claims combined per step while filling a page

CLAIM_COLUMNS = """
    a.id AS attribution_id, a.claim_id, a.article_id, a.key, a.kind, a.parent_id,
    a.source_text AS source, s.type AS source_type, s.name AS source_name, a.resolved_to,
    a.cue_text AS cue, a.content_text AS content, a.content_start, a.content_end,
    a.certainty_label, a.certainty_value, a.credited_outlet AS credits,
    ar.record_id, ar.title, ar.url, ar.published, o.name AS outlet,
    c.n_articles AS claim_articles, c.n_outlets AS claim_outlets
"""

CLAIM_FROM = """
FROM attributions a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN outlets o ON o.id = ar.outlet_id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN claims c ON c.id = a.claim_id
"""


def _facets(conn: sqlite3.Connection, filters: ClaimFilters) -> tuple[FacetIndex, list[np.ndarray]] | None:
    """The claims matching validated `filters` as masks over the facet index, all to hold; None when a filter
    has no mask (one claim cluster or article: a small indexed lookup in SQLite) or the store is in memory."""
    if not has_masks(filters):
        return None
    index = facet_index(conn)
    if index is None:
        return None
    return index, facet_masks(conn, index, filters)


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


def _page_ids(conn: sqlite3.Connection, filters: ClaimFilters, limit: int, offset: int) -> list[int]:
    """The attribution ids of one page, newest first, touching only the attributions table and its indexes.

    A filter through another table (full text, actors, events, sources) is a set of ids. A small set drives
    the query: each member is looked up and the few found are sorted. A large one is only probed while SQLite
    walks a date-ordered index, which reaches a page of matches sooner; writing its condition unary-plus
    (`+a.id IN …`) keeps SQLite from driving with it.
    """
    facets = _facets(conn, filters)
    if facets is not None:
        return _facet_page(*facets, limit, offset)
    where: list[str] = []
    params: list[Any] = []
    for clause in claim_clauses(filters):
        prefix = ""
        if clause.column:
            probe = f"SELECT count(*) FROM ({clause.sql} LIMIT ?)"
            large = execute(conn, probe, [*clause.params, SMALL_MATCH_SET]).fetchone()[0] >= SMALL_MATCH_SET
            prefix = "+" if large else ""
        where.append(clause.render(prefix))
        params += clause.params
    sql = "SELECT a.id FROM attributions a" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
    return [row[0] for row in execute(conn, sql, [*params, limit, offset])]


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


def query_claims(
    conn: sqlite3.Connection, filters: ClaimFilters | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Claims (attributions) matching `filters`, newest article first, one page.

    Each dict: attribution_id, claim_id (its claim cluster, for `trace_claim`), article_id, key, kind,
    parent_id, source, source_type, source_name, resolved_to, cue, content, content_start, content_end,
    certainty_label, certainty_value, credits (an outlet credited in its chain), record_id, title, url,
    published, outlet, claim_articles / claim_outlets (cluster size), and events: [{event_id, type, mode,
    status, certainty, trigger, actor, target}] reported under it.
    """
    check_paging(limit, offset)
    ids = _page_ids(conn, validated(filters or ClaimFilters()), limit, offset)
    if not ids:
        return []
    cursor = conn.execute(
        f"SELECT {CLAIM_COLUMNS} {CLAIM_FROM} WHERE a.id IN ({','.join('?' * len(ids))})", ids
    )
    found = {row["attribution_id"]: row for row in dict_rows(cursor)}
    rows = [found[i] for i in ids]
    events = _events_by_attribution(conn, [row["attribution_id"] for row in rows])
    for row in rows:
        row["events"] = events.get(row["attribution_id"], [])
    return rows


def count_claims(conn: sqlite3.Connection, filters: ClaimFilters | None = None) -> int:
    """How many claims match `filters` (for paging)."""
    filters = validated(filters or ClaimFilters())
    facets = _facets(conn, filters)
    if facets is not None:
        return _facet_count(*facets)
    clauses = claim_clauses(filters)
    sql = "SELECT count(*) FROM attributions a JOIN articles ar ON ar.id = a.article_id"
    if clauses:
        sql += " WHERE " + " AND ".join(c.render() for c in clauses)
    return int(execute(conn, sql, [p for c in clauses for p in c.params]).fetchone()[0])


def query_events(
    conn: sqlite3.Connection, filters: ClaimFilters | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Events matching `filters` (actor, event_type, status, outlet, dates, and — through the claim the event
    is reported under — source, certainty and text), newest article first.

    Each dict: event_id, article_id, type, mode, context (list), status, certainty, trigger, actor, target,
    the actor's coding (actor_code, actor_sector, actor_name), the place (place_name, place_country),
    attribution_id, claim_id, source, certainty_label, title, outlet, published.
    """
    check_paging(limit, offset)
    where, params = event_where(validated(filters or ClaimFilters()))
    sql = """
        SELECT e.id AS event_id, e.article_id, e.type, e.mode, e.context, e.status, e.certainty,
               e.trigger_text AS trigger, e.actor_text AS actor, e.target_text AS target, e.attribution_id,
               e.actor_code, e.actor_sector, e.actor_name, e.place_name, e.place_country,
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
    rows = dict_rows(execute(conn, sql, [*params, limit, offset]))
    for row in rows:
        row["context"] = json.loads(row["context"]) if row["context"] else []
    return rows
