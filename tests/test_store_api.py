"""Read-side query additions: the article list, case-insensitive timeline groups, credits matched to stored
outlets in traces, and read-only opening of stores whose path holds URI characters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimtrace.link.columns import link_columns
from claimtrace.link.linker import link_store
from claimtrace.store import queries as q
from claimtrace.store.db import connect
from claimtrace.store.write import store_record
from test_store import make_record

TALKS_EARLY = make_record(
    "talks-early",
    "The two governments agreed to meet in Lisk, a ministry official said.",
    "Harbor Post",
    "2025-05-02",
    [
        {
            "source": "a ministry official",
            "cue": "said",
            "content": "The two governments agreed to meet in Lisk",
        }
    ],
    [{"type": "CONSULT", "trigger": "meet", "actor": "The two governments", "attribution": "a1"}],
)
TALKS_LATE = make_record(
    "talks-late",
    "the two governments agreed to meet in Lisk, the Post reported, citing a ministry official.",
    "Valley Wire",
    "2025-05-03",
    [
        {"source": "the Post", "cue": "reported", "content": "the two governments agreed to meet in Lisk"},
    ],
    [{"type": "CONSULT", "trigger": "meet", "actor": "the two governments", "attribution": "a1"}],
)
UNDATED = make_record(
    "undated",
    "A harbour pilot said fog closed the channel twice.",
    "Valley Wire",
    None,
    [{"source": "A harbour pilot", "cue": "said", "content": "fog closed the channel twice"}],
)
LATEST = make_record(
    "latest",
    "The mayor said the bridge toll is scrapped.",
    "Island Courier",
    "2025-06-01",
    [{"source": "The mayor", "cue": "said", "content": "the bridge toll is scrapped"}],
)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = connect(tmp_path / "api.db")
    with connection:
        for record in (TALKS_EARLY, UNDATED, TALKS_LATE, LATEST):
            store_record(connection, record, f"hash-{record['id']}", record["id"], link=link_columns(record))
    # The late report credits "the Post": give it that credit as the link step reads it.
    with connection:
        connection.execute(
            "UPDATE attributions SET credited_outlet = 'the Post' WHERE article_id = "
            "(SELECT id FROM articles WHERE record_id = 'talks-late')"
        )
    link_store(connection)
    return connection


def test_list_articles_newest_first_undated_last_with_paging(conn: sqlite3.Connection) -> None:
    ids = [a["record_id"] for a in q.list_articles(conn, limit=10)]
    assert ids == ["latest", "talks-late", "talks-early", "undated"]
    assert [a["record_id"] for a in q.list_articles(conn, limit=2, offset=1)] == ["talks-late", "talks-early"]
    first = q.list_articles(conn, limit=1)[0]
    assert first["outlet"] == "Island Courier" and first["published"] == "2025-06-01"
    with pytest.raises(q.QueryError):
        q.list_articles(conn, limit=0)


def test_timeline_groups_keys_that_differ_only_in_case(conn: sqlite3.Connection) -> None:
    lanes = q.timeline(conn, "actor", "month")
    assert [(r["period"], r["key"].casefold(), r["count"]) for r in lanes] == [
        ("2025-05", "the two governments", 2)
    ]
    assert lanes[0]["key"] in {"The two governments", "the two governments"}


def test_trace_matches_a_short_credit_to_the_stored_outlet(conn: sqlite3.Connection) -> None:
    claim_id = q.list_claim_clusters(conn)[0]["claim_id"]
    result = q.trace_claim(conn, claim_id)
    assert result is not None
    chain = {link["outlet"]: link for link in result["chain"]}
    assert chain["Valley Wire"]["credits"] == "the Post"
    assert chain["Valley Wire"]["credits_outlet"] == "Harbor Post"
    assert chain["Valley Wire"]["cites_article_id"] == chain["Harbor Post"]["article_id"]
    assert chain["Harbor Post"]["credits_outlet"] is None and chain["Harbor Post"]["cites_article_id"] is None
    assert result["claim"]["credited_outlet_stored"] == "Harbor Post"


@pytest.mark.parametrize("name", ["what?.db", "issue #5.db", "100% news.db", "a%3Fb.db"])
def test_read_only_open_of_a_path_with_uri_characters(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    writer = connect(path)
    with writer:
        store_record(writer, LATEST, "hash-latest", "latest", link=link_columns(LATEST))
    writer.close()
    viewer = connect(path, create=False, readonly=True)
    assert q.corpus_stats(viewer)["articles"] == 1
    with pytest.raises(sqlite3.OperationalError):
        viewer.execute("DELETE FROM articles")
    assert not (tmp_path / "what").exists() and sorted(
        p.name for p in tmp_path.iterdir() if p.suffix == ".db"
    ) == [name]
