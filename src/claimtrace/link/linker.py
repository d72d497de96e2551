"""The link step: reprint clusters, claim clusters and their provenance, kept up to date incrementally.

Each pass looks only at articles not linked yet: their signatures are compared, by LSH banding, with the
signatures of every article and claim wording already linked (kept in `linked_articles` and `claim_wordings`),
new matches join existing clusters or start new ones, and provenance is recomputed only for the clusters they
touch. Matching is symmetric and clustering is by connectivity, so the result equals a full rebuild
(`link_store(conn, full=True)`, which clears every link and treats all articles as new). One pass is one
transaction: a crash leaves the previous links intact.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimtrace.link.bands import band_keys, new_candidates
from claimtrace.link.claims import (
    CANDIDATE_THRESHOLD,
    CLAIM_NUM_PERM,
    MATCH_SCORE,
    MIN_TOKENS,
    Mention,
    match_score,
    names_in,
)
from claimtrace.link.provenance import Provenance, Report, trace
from claimtrace.link.reprints import Pair, reprint_pairs
from claimtrace.link.text import from_blob, signature, to_blob, token_hashes
from claimtrace.link.unionfind import UnionFind

_CHUNK = 900  # ids per `IN (…)` list, well under SQLite's bound-parameter limit
_EMPTY = np.iinfo(np.uint32).max


@dataclass
class LinkSummary:
    new_articles: int  # articles linked in this pass
    reprint_pairs: int  # reprint pairs found in this pass
    reprint_clusters: int  # reprint clusters in the store
    claim_pairs: int  # claim matches found in this pass
    claim_clusters: int  # claim clusters in the store spanning two or more articles


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def _rows(conn: sqlite3.Connection, sql: str, ids: Iterable[int]) -> Iterator[Any]:
    """Run `sql` (with one `{ids}` placeholder) over `ids` in chunks."""
    for chunk in _chunks(sorted(set(ids))):
        yield from conn.execute(sql.format(ids=",".join("?" * len(chunk))), chunk)


def _link_reprints(conn: sqlite3.Connection, new_articles: list[int]) -> int:
    """Find reprint pairs involving new articles, merge them into the clusters; return the pairs found."""
    new_signatures = {
        row[0]: row[1]
        for row in _rows(conn, "SELECT id, shingle_minhash FROM articles WHERE id IN ({ids})", new_articles)
    }
    conn.executemany(
        "INSERT INTO linked_articles (article_id, shingle_minhash) VALUES (?, ?)",
        [
            (a, blob if blob is not None and not np.all(from_blob(blob) == _EMPTY) else None)
            for a, blob in sorted(new_signatures.items())
        ],
    )
    # Every linked signature, the new ones included: new articles match each other as well as the old.
    ids: list[int] = []
    blobs: list[bytes] = []
    for article_id, blob in conn.execute(
        "SELECT article_id, shingle_minhash FROM linked_articles WHERE shingle_minhash IS NOT NULL ORDER BY 1"
    ):
        ids.append(article_id)
        blobs.append(blob)
    if not ids:
        return 0
    matrix = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(ids), -1)
    del blobs
    new_set = set(new_articles)
    is_new = np.fromiter((a in new_set for a in ids), dtype=bool, count=len(ids))
    pairs = reprint_pairs(ids, matrix, is_new)
    conn.executemany(
        "INSERT INTO links (kind, article_a, article_b, score) VALUES ('reprint', ?, ?, ?)",
        [(p.first, p.second, round(p.score, 4)) for p in pairs],
    )
    if not pairs:
        return 0
    # Merge with the clusters the pairs touch; a cluster's id is its earliest article, so recompute it.
    union = UnionFind()
    touched = {a for p in pairs for a in (p.first, p.second)}
    old_clusters = {
        row[0]
        for row in _rows(conn, "SELECT reprint_cluster FROM articles WHERE id IN ({ids})", touched)
        if row[0] is not None
    }
    for member, cluster in _rows(
        conn, "SELECT id, reprint_cluster FROM articles WHERE reprint_cluster IN ({ids})", old_clusters
    ):
        union.union(member, cluster)
        touched.add(member)
    for pair in pairs:
        union.union(pair.first, pair.second)
    published = dict(_rows(conn, "SELECT id, published FROM articles WHERE id IN ({ids})", touched))
    updates = []
    for members in union.groups(touched).values():
        first = min(members, key=lambda a: (published.get(a) is None, published.get(a) or "", a))
        updates += [(first, member) for member in members]
    conn.executemany("UPDATE articles SET reprint_cluster = ? WHERE id = ?", updates)
    return len(pairs)


def _wording(mention: Mention) -> str:
    """A fixed-size key for a claim's wording: mentions with the same one are the same claim outright."""
    text = " ".join(sorted(mention.tokens)) + "\x1f" + " ".join(sorted(mention.names))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _mentions(conn: sqlite3.Connection, sql: str, params: Iterable[int]) -> dict[int, Mention]:
    """Mentions (attribution id -> Mention) from rows of id, content_norm, source key, cue, content text."""
    return {
        row[0]: Mention(row[0], frozenset(row[1].split()), row[2], row[3], names_in(row[4]))
        for row in _rows(conn, sql, params)
    }


_MENTION_COLUMNS = (
    "SELECT a.id, a.content_norm, s.key, a.cue_text, a.content_text "
    "FROM attributions a LEFT JOIN sources s ON s.id = a.source_id "
)


def _claim_matches(conn: sqlite3.Connection, new: dict[int, Mention]) -> list[Pair]:
    """Matches between new mentions and every linked wording (and among new mentions).

    A mention whose wording is already known joins that wording's first mention; the rest become wordings of
    their own and are matched by LSH candidates confirmed with `match_score`.
    """
    wordings = {m: _wording(mention) for m, mention in new.items() if len(mention.tokens) >= MIN_TOKENS}
    known = dict(
        _rows_text(
            conn, "SELECT wording, attribution_id FROM claim_wordings WHERE wording IN ({ids})", wordings
        )
    )
    pairs: list[Pair] = []
    fresh: dict[int, np.ndarray] = {}
    for mention_id in sorted(wordings):
        wording = wordings[mention_id]
        if wording in known:
            first, second = sorted((known[wording], mention_id))
            pairs.append(Pair(first, second, 1.0))
            continue
        known[wording] = mention_id
        fresh[mention_id] = signature(token_hashes(sorted(new[mention_id].tokens)), CLAIM_NUM_PERM)
    conn.executemany(
        "INSERT INTO claim_wordings (wording, attribution_id, minhash) VALUES (?, ?, ?)",
        [(wordings[m], m, to_blob(values)) for m, values in fresh.items()],
    )
    if not fresh:
        return pairs
    ids: list[int] = []
    blobs: list[bytes] = []
    for attribution_id, blob in conn.execute("SELECT attribution_id, minhash FROM claim_wordings"):
        ids.append(attribution_id)
        blobs.append(blob)
    matrix = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(ids), -1)
    del blobs
    is_new = np.fromiter((a in fresh for a in ids), dtype=bool, count=len(ids))
    mentions = dict(new)
    for row, others in new_candidates(band_keys(matrix, CANDIDATE_THRESHOLD), is_new):
        other_ids = [ids[other] for other in others.tolist()]
        missing = [other for other in other_ids if other not in mentions]
        if missing:  # linked wordings, read once when first needed
            mentions.update(_mentions(conn, _MENTION_COLUMNS + "WHERE a.id IN ({ids})", missing))
        mention = mentions[ids[row]]
        for other in other_ids:
            score = match_score(mention, mentions[other])
            if score >= MATCH_SCORE:
                first, second = sorted((ids[row], other))
                pairs.append(Pair(first, second, min(score, 1.0)))
    return pairs


def _rows_text(conn: sqlite3.Connection, sql: str, keys: dict[int, str]) -> Iterator[Any]:
    values = sorted(set(keys.values()))
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        yield from conn.execute(sql.format(ids=",".join("?" * len(chunk))), chunk)


def _chain_sources(
    conn: sqlite3.Connection, article_ids: set[int]
) -> dict[int, tuple[tuple[str, str | None], ...]]:
    """For every attribution in these articles: the (source description, type) pairs of its report chain."""
    rows: dict[int, tuple[int | None, str | None, str | None]] = {}
    for row in _rows(
        conn,
        "SELECT a.id, a.parent_id, coalesce(a.resolved_to, a.source_text), s.type "
        "FROM attributions a LEFT JOIN sources s ON s.id = a.source_id WHERE a.article_id IN ({ids})",
        article_ids,
    ):
        rows[row[0]] = (row[1], row[2], row[3])
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


def _link_claims(conn: sqlite3.Connection, new_articles: list[int]) -> int:
    """Match the new articles' claims, merge them into claim clusters, recompute the touched clusters'
    provenance; return the matches found."""
    new = _mentions(conn, _MENTION_COLUMNS + "WHERE a.article_id IN ({ids})", new_articles)
    pairs = _claim_matches(conn, new)
    article_of = dict(
        _rows(
            conn,
            "SELECT id, article_id FROM attributions WHERE id IN ({ids})",
            {a for p in pairs for a in (p.first, p.second)},
        )
    )
    conn.executemany(
        "INSERT INTO links (kind, article_a, article_b, attribution_a, attribution_b, score) "
        "VALUES ('claim', ?, ?, ?, ?, ?)",
        [(article_of[p.first], article_of[p.second], p.first, p.second, round(p.score, 4)) for p in pairs],
    )
    # Clusters: new mentions, plus every member of an old cluster that a match reaches.
    union = UnionFind()
    members = set(new)
    old_claims = {
        row[0]
        for row in _rows(
            conn,
            "SELECT claim_id FROM attributions WHERE id IN ({ids})",
            {a for p in pairs for a in (p.first, p.second)} - members,
        )
        if row[0] is not None
    }
    claim_of: dict[int, int] = {}
    for member, claim in _rows(
        conn, "SELECT id, claim_id FROM attributions WHERE claim_id IN ({ids})", old_claims
    ):
        union.union(member, claim)
        members.add(member)
        claim_of[member] = claim
    for pair in pairs:
        union.union(pair.first, pair.second)
    clusters = union.groups(members)
    # Claims whose id is no longer a cluster's first member go; their members move to the merged cluster.
    for chunk in _chunks(sorted(old_claims)):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM claim_articles WHERE claim_id IN ({marks})", chunk)
    for chunk in _chunks(sorted(old_claims - clusters.keys())):
        conn.execute(f"DELETE FROM claims WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    _store_clusters(conn, clusters, claim_of)
    return len(pairs)


def _store_clusters(
    conn: sqlite3.Connection, clusters: dict[int, list[int]], claim_of: dict[int, int]
) -> None:
    """Provenance for each cluster (root -> member attribution ids), written to claims and claim_articles;
    `claim_of` holds members' current clusters, so only members that move are rewritten."""
    details = {
        row[0]: row
        for row in _rows(
            conn,
            "SELECT a.id, a.article_id, ar.published, o.name, a.content_text, a.credited_outlet "
            "FROM attributions a JOIN articles ar ON ar.id = a.article_id "
            "LEFT JOIN outlets o ON o.id = ar.outlet_id WHERE a.id IN ({ids})",
            [m for members in clusters.values() for m in members],
        )
    }
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
        assignments += [(root, m) for m in members if claim_of.get(m) != root]
    conn.executemany(
        "INSERT INTO claims (id, content, n_mentions, n_articles, n_outlets, first_published, "
        "earliest_article_id, credited_outlet, credited_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET content = excluded.content, n_mentions = excluded.n_mentions, "
        "n_articles = excluded.n_articles, n_outlets = excluded.n_outlets, "
        "first_published = excluded.first_published, earliest_article_id = excluded.earliest_article_id, "
        "credited_outlet = excluded.credited_outlet, credited_basis = excluded.credited_basis",
        claim_rows,
    )
    conn.executemany(
        "INSERT INTO claim_articles (claim_id, article_id, attribution_id, position, credits, "
        "is_origin, adds_own_sourcing, own_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        article_rows,
    )
    conn.executemany("UPDATE attributions SET claim_id = ? WHERE id = ?", assignments)


def _clear(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM links")
    conn.execute("UPDATE articles SET reprint_cluster = NULL WHERE reprint_cluster IS NOT NULL")
    conn.execute("UPDATE attributions SET claim_id = NULL WHERE claim_id IS NOT NULL")
    conn.execute("DELETE FROM claim_articles")
    conn.execute("DELETE FROM claims")
    conn.execute("DELETE FROM linked_articles")
    conn.execute("DELETE FROM claim_wordings")


def link_store(conn: sqlite3.Connection, full: bool = False) -> LinkSummary:
    """Link the articles not linked yet (all of them with `full`, which first clears every link).

    A store whose link state predates incremental linking (links but no `linked_articles`) is rebuilt fully.
    """
    with conn:
        if full or conn.execute("SELECT 1 FROM linked_articles LIMIT 1").fetchone() is None:
            _clear(conn)
        new_articles = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM linked_articles) ORDER BY id"
            )
        ]
        n_reprint_pairs = n_claim_pairs = 0
        if new_articles:
            n_reprint_pairs = _link_reprints(conn, new_articles)
            n_claim_pairs = _link_claims(conn, new_articles)
        n_reprint_clusters = conn.execute(
            "SELECT count(DISTINCT reprint_cluster) FROM articles WHERE reprint_cluster IS NOT NULL"
        ).fetchone()[0]
        n_claim_clusters = conn.execute("SELECT count(*) FROM claims WHERE n_articles > 1").fetchone()[0]
    return LinkSummary(
        len(new_articles), n_reprint_pairs, n_reprint_clusters, n_claim_pairs, n_claim_clusters
    )
