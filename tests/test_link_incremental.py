"""Incremental linking: linking new articles into a linked store gives what a full rebuild gives."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.link.columns import link_columns
from claimtrace.link.linker import link_store
from claimtrace.store.db import connect
from claimtrace.store.write import store_record
from test_store import make_record
from test_store_facets import synth

# Paraphrases of two claims, in different outlets: matched by LSH and match score, not by identical wording.
PARAPHRASES = [
    "Officials said Corvania is prepared to discuss a ninety day truce with Deltmark at the lakeside talks.",
    "Envoys said Corvania is prepared to discuss a ninety day truce with Deltmark during talks next month.",
    "A spokesman said the port authority will reopen the northern grain terminal after repairs finish.",
    "Officials said Corvania was prepared to discuss a ninety day truce with Deltmark.",
    "Dockers said the port authority will reopen the northern grain terminal once the repairs finish.",
]


def _paraphrase(number: int, text: str) -> dict[str, Any]:
    source, content = text.rstrip(".").split(" said ", 1)
    return make_record(
        f"paraphrase-{number}",
        text,
        f"Outlet {number}",
        f"2024-0{number + 1}-10",
        [{"source": source, "cue": "said", "content": content}],
    )


# Reprints and re-reports at high rates, so that later articles join clusters started by earlier ones; the
# paraphrases are spread so that every split puts some on each side.
RECORDS: list[dict[str, Any]] = [
    synth.to_record(a)
    for a in synth.generate(120, seed=5, reprint_rate=0.25, rereport_rate=0.3, paragraphs=(2, 4))
]
for _number, _text in enumerate(PARAPHRASES):
    RECORDS.insert(5 + 27 * _number, _paraphrase(_number, _text))


def _store(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> None:
    with conn:
        for record in records:
            store_record(conn, record, f"hash-{record['id']}", record["id"], link=link_columns(record))


def _state(conn: sqlite3.Connection) -> dict[str, Any]:
    """Clusters and provenance keyed by record ids and attribution keys, so ids may be renumbered."""
    record_of = dict(conn.execute("SELECT id, record_id FROM articles"))
    mention_of = {
        row[0]: (record_of[row[1]], row[2])
        for row in conn.execute("SELECT id, article_id, key FROM attributions")
    }
    reprints: dict[int, set[str]] = {}
    for article_id, cluster in conn.execute(
        "SELECT id, reprint_cluster FROM articles WHERE reprint_cluster IS NOT NULL"
    ):
        reprints.setdefault(cluster, set()).add(record_of[article_id])
    first_of_reprint = {frozenset(m): record_of[c] for c, m in reprints.items()}
    claims: dict[int, set[tuple[str, str]]] = {}
    for attribution_id, claim in conn.execute("SELECT id, claim_id FROM attributions"):
        claims.setdefault(claim, set()).add(mention_of[attribution_id])
    provenance = {}
    for row in conn.execute("SELECT * FROM claims"):
        chain = tuple(
            (record_of[r[0]], mention_of[r[1]], r[2], r[3], r[4], r[5], r[6])
            for r in conn.execute(
                "SELECT article_id, attribution_id, position, credits, is_origin, adds_own_sourcing, "
                "own_sources FROM claim_articles WHERE claim_id = ? ORDER BY position",
                (row["id"],),
            )
        )
        provenance[frozenset(claims[row["id"]])] = (
            row["content"],
            row["n_mentions"],
            row["n_articles"],
            row["n_outlets"],
            row["first_published"],
            record_of[row["earliest_article_id"]],
            row["credited_outlet"],
            row["credited_basis"],
            chain,
        )
    links = {
        (row[0], record_of[row[1]], record_of[row[2]], mention_of.get(row[3]), mention_of.get(row[4]), row[5])
        for row in conn.execute(
            "SELECT kind, article_a, article_b, attribution_a, attribution_b, score FROM links"
        )
    }
    return {
        "reprints": first_of_reprint,
        "claims": {frozenset(m) for m in claims.values()},
        "provenance": provenance,
        "links": links,
    }


def _linked_in_steps(path: Path, cuts: list[int]) -> dict[str, Any]:
    conn = connect(path)
    start = 0
    for cut in [*cuts, len(RECORDS)]:
        _store(conn, RECORDS[start:cut])
        link_store(conn)
        start = cut
    state = _state(conn)
    conn.close()
    return state


@pytest.fixture(scope="module")
def at_once(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _linked_in_steps(tmp_path_factory.mktemp("once") / "once.db", [])


def test_the_sample_has_clusters_to_merge(at_once: dict[str, Any]) -> None:
    assert len(at_once["reprints"]) >= 5
    assert sum(1 for members in at_once["claims"] if len({r for r, _ in members}) > 1) >= 10
    paraphrased = [
        {r for r, _ in members}
        for members in at_once["claims"]
        if any(r.startswith("paraphrase") for r, _ in members)
    ]
    assert sorted(sorted(group) for group in paraphrased) == [
        ["paraphrase-0", "paraphrase-1", "paraphrase-3"],
        ["paraphrase-2", "paraphrase-4"],
    ]
    assert any(kind == "claim" and score < 1.0 for kind, *_, score in at_once["links"])


def test_a_then_b_equals_a_and_b_at_once(tmp_path: Path, at_once: dict[str, Any]) -> None:
    assert _linked_in_steps(tmp_path / "steps.db", [70]) == at_once


def test_many_small_steps_equal_at_once(tmp_path: Path, at_once: dict[str, Any]) -> None:
    assert _linked_in_steps(tmp_path / "small.db", [10, 11, 40, 41, 42, 90, 124]) == at_once


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=1, max_value=len(RECORDS) - 1), max_size=3, unique=True))
def test_any_split_equals_at_once(
    tmp_path_factory: pytest.TempPathFactory, at_once: dict[str, Any], cuts: list[int]
) -> None:
    path = tmp_path_factory.mktemp("split") / "split.db"
    assert _linked_in_steps(path, sorted(cuts)) == at_once


def test_a_pass_links_only_new_articles_and_relink_rebuilds(tmp_path: Path, at_once: dict[str, Any]) -> None:
    conn = connect(tmp_path / "relink.db")
    _store(conn, RECORDS[:100])
    assert link_store(conn).new_articles == 100
    _store(conn, RECORDS[100:])
    summary = link_store(conn)
    assert summary.new_articles == len(RECORDS) - 100
    assert link_store(conn).new_articles == 0
    assert _state(conn) == at_once
    assert link_store(conn, full=True).new_articles == len(RECORDS)
    assert _state(conn) == at_once


def test_a_store_linked_before_incremental_state_is_rebuilt(tmp_path: Path, at_once: dict[str, Any]) -> None:
    conn = connect(tmp_path / "old.db")
    _store(conn, RECORDS)
    link_store(conn)
    with conn:  # a store linked by a claimtrace that kept no link state
        conn.execute("DELETE FROM linked_articles")
        conn.execute("DELETE FROM claim_wordings")
    link_store(conn)
    assert _state(conn) == at_once
