"""Claim clusters and reprint clusters: the widest, one cluster's provenance (`trace_claim`), the reprints.

These are the answers `claimtrace trace` / `claimtrace reprints` and /api/claims/{id}/trace / /api/reprints
give alike: the shells only lay them out.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from claimtrace.analyze.lexicon import same_outlet
from claimtrace.store.queries.claims import query_claims
from claimtrace.store.queries.common import MAX_LIMIT, check_paging, dict_rows
from claimtrace.store.queries.filters import ClaimFilters


def stored_outlet(credit: str | None, outlets: Iterable[str]) -> str | None:
    """The stored outlet a credit names: reports credit outlets as their text does ("the Post" is
    "The Harbor Post", or "harborpost.example" when the store knows it by its domain)."""
    if not credit:
        return None
    return next((outlet for outlet in outlets if same_outlet(credit, outlet)), None)


def trace_claim(conn: sqlite3.Connection, claim_id: int) -> dict[str, Any] | None:
    """The provenance chain of one claim cluster, earliest report first: what `claimtrace trace` and
    /api/claims/{claim_id}/trace both answer.

    Returns {"claim": {claim_id, content, n_mentions, n_articles, n_outlets, first_published,
    earliest_article_id, credited_outlet, credited_outlet_stored (the stored outlet it names, matched as
    `same_outlet` does), credited_basis}, "chain": [{position, article_id, record_id, title, outlet,
    published, url, attribution_id, key (the attribution's id in its record), kind, source, source_type, cue,
    content, certainty_label, certainty_value, credits, credits_outlet (the stored outlet the credit names:
    "the Post" finds "The Harbor Post"; None when no stored outlet matches), cites_article_id (the earliest
    other article in this chain from that outlet, if any), is_origin, adds_own_sourcing, own_sources
    (list)}], "mentions": every member attribution as in `query_claims`}, or None.
    """
    claim = conn.execute("SELECT * FROM claims WHERE id = ?", (int(claim_id),)).fetchone()
    if claim is None:
        return None
    chain = dict_rows(
        conn.execute(
            """
            SELECT ca.position, ca.article_id, ar.record_id, ar.title, o.name AS outlet, ar.published, ar.url,
                   ca.attribution_id, a.key, a.kind, a.source_text AS source, s.type AS source_type,
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
        credited = stored_outlet(link["credits"], outlets)
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
            "credited_outlet_stored": stored_outlet(claim["credited_outlet"], outlets),
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
    check_paging(limit, offset)
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
    check_paging(limit, offset)
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
