"""Overviews of a store: counts per period and group (timeline), the values present for filter menus, row
counts, and the inputs that failed."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from claimtrace.store.queries.claims import CLAIM_FROM
from claimtrace.store.queries.common import QueryError, check_paging, dict_rows, execute
from claimtrace.store.queries.filters import ClaimFilters, claim_where, event_where, validated

INTERVALS = ("day", "week", "month")
# Event groups and the column each counts by; "actor" is the coded actor's canonical name where there is one.
EVENT_KEYS = {
    "actor": "coalesce(e.actor_name, e.actor_text)", "actor_country": "e.actor_code",
    "actor_sector": "e.actor_sector", "event_type": "e.type", "event_mode": "e.mode", "status": "e.status",
    "place": "e.place_name", "place_country": "e.place_country",
}  # fmt: skip
EVENT_GROUPS = tuple(EVENT_KEYS)
# One event reported by several reprints of an article: its reprint cluster (else its article), type, coded
# actor and target, counted once with `distinct`.
DISTINCT_EVENT = (
    "coalesce(ar.reprint_cluster, ar.id) || '|' || e.type || '|' || coalesce(e.actor_name, e.actor_text, '') "
    "|| '|' || coalesce(e.target_name, e.target_text, '')"
)
CLAIM_GROUPS = ("outlet", "source_type", "certainty", "kind")


def timeline(
    conn: sqlite3.Connection,
    group_by: str,
    interval: str = "month",
    filters: ClaimFilters | None = None,
    distinct: bool = False,
) -> list[dict[str, Any]]:
    """Counts per period and group, for charts.

    group_by "actor" (canonical name), "actor_country", "actor_sector", "event_type", "event_mode", "status",
    "place" or "place_country" counts events (with `distinct`, an event its reprints repeat counts once per
    reprint cluster); "outlet", "source_type", "certainty" or "kind"
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
        rows = query_events_grouped(conn, filters, period, EVENT_KEYS[group_by], min_length, distinct)
    elif group_by in CLAIM_GROUPS:
        key = {
            "outlet": "o.name",
            "source_type": "s.type",
            "certainty": "a.certainty_label",
            "kind": "a.kind",
        }[group_by]
        where, params = claim_where(filters)
        where.append(f"length(ar.published) >= {min_length}")
        sql = f"""
            SELECT {period} AS period, {key} AS key, coalesce(a.certainty_label, 'unknown') AS label,
                   count(*) AS n
            {CLAIM_FROM} WHERE {" AND ".join(where)}
            GROUP BY 1, 2, 3
        """
        rows = execute(conn, sql, params).fetchall()
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
    conn: sqlite3.Connection, filters: ClaimFilters, period: str, key: str, min_length: int, distinct: bool
) -> list[sqlite3.Row]:
    """Event counts by (period, key, certainty label of the claim they are reported under). Only the event
    and article filters apply: a claim filter would drop the events reported under no claim."""
    where, params = event_where(validated(filters), through_claims=False)
    where.insert(0, f"length(ar.published) >= {min_length}")
    sql = f"""
        SELECT {period} AS period, {key} AS key, coalesce(a.certainty_label, 'unattributed') AS label,
               {f"count(DISTINCT {DISTINCT_EVENT})" if distinct else "count(*)"} AS n
        FROM events e
        JOIN articles ar ON ar.id = e.article_id
        LEFT JOIN outlets o ON o.id = ar.outlet_id
        LEFT JOIN attributions a ON a.id = e.attribution_id
        WHERE {" AND ".join(where)}
        GROUP BY 1, 2, 3
    """
    return execute(conn, sql, params).fetchall()


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
    check_paging(limit, offset)
    return dict_rows(
        conn.execute(
            "SELECT origin, record_id, reason, run_id FROM failures ORDER BY origin LIMIT ? OFFSET ?",
            (limit, offset),
        )
    )
