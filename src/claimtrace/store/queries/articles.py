"""Articles: full-text search, the newest, and one article with its record and store ids."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from claimtrace.store.queries.common import check_paging, dict_rows, execute, fts_query


def search_articles(
    conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0
) -> list[dict[str, Any]]:
    """Full-text search over article titles and text, best match first.

    Each dict: article_id, record_id, title, outlet, url, published, snippet (matches wrapped in [ ]), rank.
    """
    check_paging(limit, offset)
    sql = """
        SELECT ar.id AS article_id, ar.record_id, ar.title, o.name AS outlet, ar.url, ar.published,
               snippet(articles_fts, 1, '[', ']', ' … ', 24) AS snippet, bm25(articles_fts) AS rank
        FROM articles_fts
        JOIN articles ar ON ar.id = articles_fts.rowid
        LEFT JOIN outlets o ON o.id = ar.outlet_id
        WHERE articles_fts MATCH ?
        ORDER BY rank LIMIT ? OFFSET ?
    """
    return dict_rows(execute(conn, sql, [fts_query(query), limit, offset]))


def list_articles(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first (undated ones last, then by id, newest first).

    Each dict: article_id, record_id, title, outlet, url, published.
    """
    check_paging(limit, offset)
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
