"""The store: migrations, record writes, idempotence, and the query functions every shell calls."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.engine.export import export_jsonl, export_tables
from claimtrace.errors import ClaimtraceError
from claimtrace.link.columns import link_columns
from claimtrace.link.linker import link_store
from claimtrace.record import RawInput
from claimtrace.store import queries as q
from claimtrace.store.db import SCHEMA_VERSION, connect
from claimtrace.store.write import content_hash, store_failure, store_record


def make_record(
    record_id: str,
    text: str,
    site: str | None,
    published: str | None,
    claims: list[dict[str, Any]],
    events: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A claimtrace/1 record whose roles are located in `text` by substring.

    Each claim: source, cue, content (substrings), and optionally type (source type), parent, certainty.
    """

    def role(part: str | None) -> dict[str, Any] | None:
        if part is None:
            return None
        start = text.index(part)
        return {"text": part, "spans": [[start, start + len(part)]]}

    attributions = []
    for number, claim in enumerate(claims, 1):
        value, label = claim.get("certainty", (2.0, "probable"))
        attributions.append(
            {
                "id": f"a{number}",
                "kind": claim.get("kind", "indirect"),
                "source": role(claim.get("source")),
                "cue": role(claim.get("cue")),
                "content": role(claim["content"]),
                "parent": claim.get("parent"),
                "source_profile": {
                    "type": claim.get("type", "anonymous"),
                    "name": claim.get("name"),
                    "count": None,
                    "role": None,
                    "affiliation": None,
                    "former": False,
                    "resolved_to": None,
                },
                "certainty": {"value": value, "label": label, "cues": []},
            }
        )
    event_dicts = []
    for number, event in enumerate(events or [], 1):
        event_dicts.append(
            {
                "id": f"e{number}",
                "type": event["type"],
                "mode": None,
                "context": [],
                "trigger": role(event["trigger"]),
                "actor": role(event.get("actor")),
                "target": role(event.get("target")),
                "status": event.get("status", "asserted"),
                "certainty": 3.0,
                "attribution": event.get("attribution"),
            }
        )
    return {
        "schema": "claimtrace/1",
        "id": record_id,
        "text": text,
        "meta": {
            "title": record_id.title(),
            "url": None,
            "site": site,
            "language": "en",
            "published": published,
            "published_basis": "given" if published else "none",
        },
        "removed": [],
        "related": [],
        "entities": [],
        "times": [],
        "attributions": attributions,
        "events": event_dicts,
        "factuality": [],
    }


HARBOUR = make_record(
    "harbour",
    "The port authority said the northern pier will close for repairs in June. "
    "Dock workers warned that the union might strike if wages are frozen, according to two shop stewards.",
    "Coastal Gazette",
    "2025-03-04",
    [
        {
            "source": "The port authority",
            "cue": "said",
            "content": "the northern pier will close for repairs in June",
            "type": "organization",
            "certainty": (3.0, "certain"),
        },
        {
            "source": "two shop stewards",
            "cue": "according to",
            "content": "Dock workers warned that the union might strike if wages are frozen",
            "certainty": (1.0, "possible"),
        },
    ],
    [
        {
            "type": "PROTEST",
            "trigger": "strike",
            "actor": "the union",
            "status": "hypothetical",
            "attribution": "a2",
        }
    ],
)
COUNCIL = make_record(
    "council",
    "The mayor said the council had approved a new ferry timetable. "
    "The ferry operator denied it would cut routes.",
    "Island Courier",
    "2025-04-10",
    [
        {
            "source": "The mayor",
            "cue": "said",
            "content": "the council had approved a new ferry timetable",
            "type": "person",
            "certainty": (3.0, "certain"),
        },
        {
            "source": "The ferry operator",
            "cue": "denied",
            "content": "it would cut routes",
            "type": "organization",
            "certainty": (-3.0, "negated"),
        },
    ],
    [{"type": "AGREE", "trigger": "approved", "actor": "the council", "attribution": "a1"}],
)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = connect(tmp_path / "store.db")
    with connection:
        store_record(connection, HARBOUR, "hash-harbour", "in/harbour.txt", link=link_columns(HARBOUR))
        store_record(connection, COUNCIL, "hash-council", "in/council.txt", link=link_columns(COUNCIL))
    return connection


def test_new_store_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    connection = connect(tmp_path / "new.db")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {
        "articles",
        "attributions",
        "sources",
        "events",
        "claims",
        "links",
        "runs",
        "failures",
        "articles_fts",
        "attributions_fts",
        "claims_view",
        "claim_chain_view",
    } <= names
    connection.close()
    # Reopening applies nothing twice.
    assert connect(tmp_path / "new.db").execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_from_a_newer_claimtrace_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(ClaimtraceError, match="newer"):
        connect(path)


def test_missing_store_is_a_clear_error_for_readers(tmp_path: Path) -> None:
    with pytest.raises(ClaimtraceError, match="no claimtrace store"):
        connect(tmp_path / "absent.db", create=False)


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: eggs, flour\n" * 200)
    with pytest.raises(ClaimtraceError, match="not a usable claimtrace store"):
        connect(path)


def test_record_round_trips_exactly_and_gets_store_ids(conn: sqlite3.Connection) -> None:
    article = q.get_article(conn, 1)
    assert article is not None
    assert article["record"] == HARBOUR
    assert article["outlet"] == "Coastal Gazette"
    assert set(article["attribution_ids"]) == {"a1", "a2"}
    assert q.get_article(conn, 999) is None


def test_same_content_is_stored_once(conn: sqlite3.Connection) -> None:
    with conn:
        assert (
            store_record(conn, HARBOUR, "hash-harbour", "elsewhere/copy.txt", link=link_columns(HARBOUR))
            is None
        )
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_content_hash_depends_on_content_not_name() -> None:
    first = RawInput(id="a.txt", origin="dir/a.txt", text="The pier reopens in June.")
    second = RawInput(id="b.txt", origin="other/b.txt", text="The pier reopens in June.")
    third = RawInput(id="a.txt", origin="dir/a.txt", text="The pier reopens in July.")
    as_html = RawInput(id="a.html", origin="dir/a.html", html="The pier reopens in June.")
    assert content_hash(first) == content_hash(second)
    assert content_hash(first) != content_hash(third)
    assert content_hash(first) != content_hash(as_html)


def test_events_attach_to_the_claim_they_are_reported_under(conn: sqlite3.Connection) -> None:
    rows = {
        r["trigger_text"]: r
        for r in conn.execute(
            "SELECT e.trigger_text, a.key FROM events e JOIN attributions a ON a.id = e.attribution_id"
        )
    }
    assert rows["approved"]["key"] == "a1"  # as the record names it (the events component decides)
    assert rows["strike"]["key"] == "a2"  # an event inside the content of a nested claim


def test_sources_are_shared_across_articles(tmp_path: Path) -> None:
    connection = connect(tmp_path / "s.db")
    again = make_record(
        "again",
        "The mayor said the ferry will run hourly.",
        "Island Courier",
        "2025-05-01",
        [{"source": "The mayor", "cue": "said", "content": "the ferry will run hourly", "type": "person"}],
    )
    with connection:
        store_record(connection, COUNCIL, "h1", "one", link=link_columns(COUNCIL))
        store_record(connection, again, "h2", "two", link=link_columns(again))
    mayors = connection.execute("SELECT count(*) FROM sources WHERE key = 'person:mayor'").fetchone()[0]
    assert mayors == 1
    assert len(q.query_claims(connection, q.ClaimFilters(source="mayor"))) == 2


def test_failures_are_kept_until_the_input_succeeds(conn: sqlite3.Connection) -> None:
    with conn:
        store_failure(
            conn, "in/late.txt", "late.txt", "in/late.txt: no article text after cleaning", None, None
        )
    assert q.list_failures(conn)[0]["reason"].endswith("no article text after cleaning")
    late = make_record(
        "late",
        "The harbour master said the tide gauge was repaired.",
        None,
        None,
        [{"source": "The harbour master", "cue": "said", "content": "the tide gauge was repaired"}],
    )
    with conn:
        store_record(conn, late, "hash-late", "in/late.txt", link=link_columns(late))
    assert q.list_failures(conn) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (q.ClaimFilters(outlet="gazette"), {"a1@harbour", "a2@harbour"}),
        (q.ClaimFilters(certainty="negated"), {"a2@council"}),
        (q.ClaimFilters(min_certainty=2.5), {"a1@harbour", "a1@council"}),
        (q.ClaimFilters(source_type="person"), {"a1@council"}),
        (q.ClaimFilters(actor="union"), {"a2@harbour"}),
        (q.ClaimFilters(event_type="agree"), {"a1@council"}),
        (q.ClaimFilters(status="hypothetical"), {"a2@harbour"}),
        (q.ClaimFilters(date_from="2025-04"), {"a1@council", "a2@council"}),
        (q.ClaimFilters(date_to="2025-03"), {"a1@harbour", "a2@harbour"}),
        (q.ClaimFilters(text="ferry timetable"), {"a1@council"}),
        (q.ClaimFilters(outlet="courier", certainty="certain"), {"a1@council"}),
    ],
)
def test_claim_filters(conn: sqlite3.Connection, filters: q.ClaimFilters, expected: set[str]) -> None:
    rows = q.query_claims(conn, filters)
    assert {f"{r['key']}@{r['record_id']}" for r in rows} == expected
    assert q.count_claims(conn, filters) == len(expected)


def test_claims_come_newest_first_with_paging_and_events(conn: sqlite3.Connection) -> None:
    rows = q.query_claims(conn, limit=3)
    assert [r["published"] for r in rows] == ["2025-04-10", "2025-04-10", "2025-03-04"]
    assert q.query_claims(conn, limit=3, offset=3)[0]["published"] == "2025-03-04"
    approved = next(r for r in rows if r["content"] == "the council had approved a new ferry timetable")
    assert [(e["type"], e["actor"]) for e in approved["events"]] == [("AGREE", "the council")]


@pytest.mark.parametrize(
    "filters",
    [
        q.ClaimFilters(certainty="sure"),
        q.ClaimFilters(status="maybe"),
        q.ClaimFilters(date_from="March"),
        q.ClaimFilters(text="!!!"),
        q.ClaimFilters(min_certainty="high"),
    ],  # type: ignore[arg-type]
)
def test_bad_filters_raise_query_errors(conn: sqlite3.Connection, filters: q.ClaimFilters) -> None:
    with pytest.raises(q.QueryError):
        q.query_claims(conn, filters)


def test_paging_limits_are_checked(conn: sqlite3.Connection) -> None:
    with pytest.raises(q.QueryError):
        q.query_claims(conn, limit=0)
    with pytest.raises(q.QueryError):
        q.search_articles(conn, "pier", offset=-1)


def test_full_text_search_ranks_and_snippets(conn: sqlite3.Connection) -> None:
    hits = q.search_articles(conn, "ferry routes")
    assert [h["record_id"] for h in hits] == ["council"]
    assert "[ferry]" in hits[0]["snippet"]
    # Operators and quotes in user text are searched as words, not parsed.
    assert [h["record_id"] for h in q.search_articles(conn, '"northern pier')] == ["harbour"]
    assert q.search_articles(conn, "NEAR(") == []


def test_timeline_groups_by_period_with_certainty(conn: sqlite3.Connection) -> None:
    by_outlet = q.timeline(conn, "outlet", "month")
    assert {(r["period"], r["key"], r["count"]) for r in by_outlet} == {
        ("2025-03", "Coastal Gazette", 2),
        ("2025-04", "Island Courier", 2),
    }
    march = next(r for r in by_outlet if r["period"] == "2025-03")
    assert march["certainty"] == {"certain": 1, "possible": 1}
    by_type = q.timeline(conn, "event_type", "day")
    assert {(r["period"], r["key"]) for r in by_type} == {("2025-03-04", "PROTEST"), ("2025-04-10", "AGREE")}
    with pytest.raises(q.QueryError):
        q.timeline(conn, "colour", "month")


def test_events_query_and_filter_options(conn: sqlite3.Connection) -> None:
    events = q.query_events(conn, q.ClaimFilters(status="hypothetical"))
    assert [(e["type"], e["source"]) for e in events] == [("PROTEST", "two shop stewards")]
    options = q.filter_options(conn)
    assert options["outlets"] == ["Coastal Gazette", "Island Courier"]
    assert options["event_types"] == ["AGREE", "PROTEST"]


def test_export_jsonl_reproduces_the_records(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert export_jsonl(conn, out) == 2
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [HARBOUR, COUNCIL]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_tables_are_readable(conn: sqlite3.Connection, tmp_path: Path, fmt: str) -> None:
    import pandas as pd

    written = dict(export_tables(conn, tmp_path / "out", fmt))
    claims_path = tmp_path / "out" / f"claims.{fmt}"
    assert written[claims_path] == 4
    frame = pd.read_csv(claims_path) if fmt == "csv" else pd.read_parquet(claims_path)
    assert set(frame["outlet"]) == {"Coastal Gazette", "Island Courier"}


def test_store_opens_read_only_for_viewers(conn: sqlite3.Connection, tmp_path: Path) -> None:
    conn.close()
    viewer = connect(tmp_path / "store.db", create=False, readonly=True)
    assert q.corpus_stats(viewer)["articles"] == 2
    with pytest.raises(sqlite3.OperationalError):
        viewer.execute("DELETE FROM articles")


def test_an_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    from claimtrace.store.db import migrations

    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path)
    raw.executescript(migrations()[0][1] + "\nPRAGMA user_version = 1;")
    raw.execute("INSERT INTO outlets (id, name) VALUES (1, 'Coastal Gazette')")
    raw.execute(
        "INSERT INTO articles (id, content_hash, record_id, origin, outlet_id, published, published_basis, "
        "language, text, record_json) VALUES (1, 'h', 'old', 'old.txt', 1, '2023-11-02', 'given', 'en', "
        "'The lighthouse keeper said the lamp failed.', '{}')"
    )
    raw.execute(
        "INSERT INTO attributions (article_id, key, kind, content_text, content_start, content_end, "
        "content_norm) VALUES (1, 'a1', 'indirect', 'the lamp failed', 28, 43, 'lamp fail')"
    )
    raw.execute(
        "INSERT INTO events (article_id, key, type, trigger_text, trigger_start, actor_text, status) "
        "VALUES (1, 'e1', 'ASSAULT', 'failed', 37, 'the lamp', 'asserted')"
    )
    raw.commit()
    raw.close()
    upgraded = connect(path)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = q.query_claims(upgraded, q.ClaimFilters(outlet="gazette", date_from="2023-11"))
    assert [(r["content"], r["published"]) for r in rows] == [("the lamp failed", "2023-11-02")]
    assert [e["actor"] for e in q.query_events(upgraded, q.ClaimFilters(actor="lamp"))] == ["the lamp"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1, max_size=300),
    published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.just("2024-07")),
    site=st.one_of(st.none(), st.text(max_size=30)),
    data=st.data(),
)
def test_any_record_round_trips_through_the_store(
    tmp_path: Path, text: str, published: str | None, site: str | None, data: st.DataObject
) -> None:
    """Whatever the text (any Unicode, quotes, SQL or FTS syntax) and spans, the record is kept exactly."""
    claims = []
    for _ in range(data.draw(st.integers(0, 3))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        claims.append({"content": text[start:end], "source": None, "cue": None})
    record = make_record("random", text, site, published, [])
    record["attributions"] = [
        {
            "id": f"a{n}",
            "kind": "no_source",
            "source": None,
            "cue": None,
            "parent": None,
            "content": {
                "text": c["content"],
                "spans": [[text.index(c["content"]), text.index(c["content"]) + len(c["content"])]],
            },
            "source_profile": None,
            "certainty": None,
        }
        for n, c in enumerate(claims, 1)
    ]
    path = tmp_path / f"random-{abs(hash((text, published, site))) % 10**9}.db"
    connection = connect(path)
    with connection:
        article_id = store_record(connection, record, "hash", "random.txt", link=link_columns(record))
    assert article_id is not None
    stored = q.get_article(connection, article_id)
    assert stored is not None and stored["record"] == record
    assert q.count_claims(connection) == len(claims)
    link_store(connection)
    connection.close()
    path.unlink()
