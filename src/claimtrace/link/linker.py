"""The link step over a whole store: reprint clusters, claim clusters and their provenance, rebuilt in one
transaction: the result depends only on the stored articles, and a crash leaves the previous links intact."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from claimtrace.link.claims import Mention, claim_clusters, claim_pairs, names_in
from claimtrace.link.provenance import Provenance, Report, trace
from claimtrace.link.reprints import reprint_clusters, reprint_pairs
from claimtrace.link.text import from_blob


@dataclass
class LinkSummary:
    reprint_pairs: int
    reprint_clusters: int
    claim_pairs: int
    claim_clusters: int  # clusters spanning two or more articles


def _link_reprints(conn: sqlite3.Connection) -> tuple[int, int]:
    signatures = [
        (row[0], from_blob(row[1]))
        for row in conn.execute(
            "SELECT id, shingle_minhash FROM articles WHERE shingle_minhash IS NOT NULL ORDER BY id"
        )
    ]
    pairs = reprint_pairs(signatures)
    del signatures
    conn.executemany(
        "INSERT INTO links (kind, article_a, article_b, score) VALUES ('reprint', ?, ?, ?)",
        [(p.first, p.second, round(p.score, 4)) for p in pairs],
    )
    clusters = reprint_clusters(pairs)
    published = dict(
        conn.execute(
            "SELECT id, published FROM articles WHERE id IN (SELECT article_a FROM links "
            "WHERE kind = 'reprint' UNION SELECT article_b FROM links WHERE kind = 'reprint')"
        )
    )
    updates = []
    for members in clusters.values():
        first = min(members, key=lambda a: (published.get(a) is None, published.get(a) or "", a))
        updates += [(first, member) for member in members]
    conn.executemany("UPDATE articles SET reprint_cluster = ? WHERE id = ?", updates)
    return len(pairs), len(clusters)


def _chain_sources(
    conn: sqlite3.Connection, article_ids: set[int]
) -> dict[int, tuple[tuple[str, str | None], ...]]:
    """For every attribution in these articles: the (source description, type) pairs of its report chain."""
    rows: dict[int, tuple[int | None, str | None, str | None]] = {}
    by_article: dict[int, list[int]] = defaultdict(list)
    marks = ",".join("?" * len(article_ids))
    for row in conn.execute(
        f"SELECT a.id, a.article_id, a.parent_id, coalesce(a.resolved_to, a.source_text), s.type "
        f"FROM attributions a LEFT JOIN sources s ON s.id = a.source_id WHERE a.article_id IN ({marks})",
        sorted(article_ids),
    ):
        rows[row[0]] = (row[2], row[3], row[4])
        by_article[row[1]].append(row[0])
    children: dict[int, list[int]] = defaultdict(list)
    for attribution_id, (parent, _, _) in rows.items():
        if parent is not None:
            children[parent].append(attribution_id)
    chains: dict[int, tuple[tuple[str, str | None], ...]] = {}
    for attribution_id in rows:
        chain = [attribution_id]
        parent = rows[attribution_id][0]
        while parent is not None and parent in rows and parent not in chain:
            chain.append(parent)
            parent = rows[parent][0]
        stack = list(children[attribution_id])
        while stack:
            child = stack.pop()
            if child not in chain:
                chain.append(child)
                stack += children[child]
        chains[attribution_id] = tuple((rows[m][1] or "", rows[m][2]) for m in chain if rows[m][1])
    return chains


def _link_claims(conn: sqlite3.Connection) -> tuple[int, int]:
    details = {
        row[0]: row
        for row in conn.execute(
            "SELECT a.id, a.article_id, ar.published, o.name, a.content_text, a.credited_outlet, "
            "a.content_norm, "
            "s.key, a.cue_text FROM attributions a JOIN articles ar ON ar.id = a.article_id "
            "LEFT JOIN outlets o ON o.id = ar.outlet_id LEFT JOIN sources s ON s.id = a.source_id "
            "ORDER BY a.id"
        )
    }
    pairs = claim_pairs(
        Mention(row[0], frozenset(row[6].split()), row[7], row[8], names_in(row[4]))
        for row in details.values()
    )
    conn.executemany(
        "INSERT INTO links (kind, article_a, article_b, attribution_a, attribution_b, score) "
        "VALUES ('claim', ?, ?, ?, ?, ?)",
        [(details[p.first][1], details[p.second][1], p.first, p.second, round(p.score, 4)) for p in pairs],
    )
    clusters = claim_clusters(details, pairs)
    wide = {root: members for root, members in clusters.items() if len({details[m][1] for m in members}) > 1}
    chains = (
        _chain_sources(conn, {details[m][1] for members in wide.values() for m in members}) if wide else {}
    )
    claim_rows, article_rows, assignments = [], [], []
    for root, members in clusters.items():
        reports = [
            Report(
                attribution_id=m,
                article_id=details[m][1],
                published=details[m][2],
                outlet=details[m][3],
                content=details[m][4],
                credits=details[m][5],
                sources=chains.get(m, ()),
            )
            for m in members
        ]
        provenance: Provenance = trace(reports)
        claim_rows.append(
            (
                root,
                provenance.content,
                provenance.n_mentions,
                len(provenance.articles),
                provenance.n_outlets,
                provenance.first_published,
                provenance.earliest_article_id,
                provenance.credited_outlet,
                provenance.credited_basis,
            )
        )
        article_rows += [
            (
                root,
                link.article_id,
                link.attribution_id,
                link.position,
                link.credits,
                int(link.is_origin),
                int(link.adds_own_sourcing),
                json.dumps(link.own_sources, ensure_ascii=False) if link.own_sources else None,
            )
            for link in provenance.articles
        ]
        assignments += [(root, m) for m in members]
    conn.executemany(
        "INSERT INTO claims (id, content, n_mentions, n_articles, n_outlets, first_published, "
        "earliest_article_id, credited_outlet, credited_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claim_rows,
    )
    conn.executemany(
        "INSERT INTO claim_articles (claim_id, article_id, attribution_id, position, credits, "
        "is_origin, adds_own_sourcing, own_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        article_rows,
    )
    conn.executemany("UPDATE attributions SET claim_id = ? WHERE id = ?", assignments)
    return len(pairs), len(wide)


def link_store(conn: sqlite3.Connection) -> LinkSummary:
    """Rebuild reprint links and clusters, claim links, claim clusters and their provenance."""
    with conn:
        conn.execute("DELETE FROM links")
        conn.execute("UPDATE articles SET reprint_cluster = NULL WHERE reprint_cluster IS NOT NULL")
        conn.execute("UPDATE attributions SET claim_id = NULL WHERE claim_id IS NOT NULL")
        conn.execute("DELETE FROM claim_articles")
        conn.execute("DELETE FROM claims")
        n_reprint_pairs, n_reprint_clusters = _link_reprints(conn)
        n_claim_pairs, n_claim_clusters = _link_claims(conn)
    return LinkSummary(n_reprint_pairs, n_reprint_clusters, n_claim_pairs, n_claim_clusters)
