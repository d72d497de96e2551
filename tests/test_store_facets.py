"""The facet index answers claim pages exactly as the SQL conditions do, and follows the store as it grows."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.link.columns import link_columns
from claimtrace.store import queries as q
from claimtrace.store.db import connect
from claimtrace.store.facets import facet_index
from claimtrace.store.queries import claims
from claimtrace.store.write import store_record

# bench/synth.py, the generator of the bench stores (also used by test_link_incremental).
_SYNTH_PATH = Path(__file__).parent.parent / "bench" / "synth.py"
_spec = importlib.util.spec_from_file_location("claimtrace_bench_synth", _SYNTH_PATH)
assert _spec and _spec.loader
synth = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = synth
_spec.loader.exec_module(synth)

ARTICLES = list(synth.generate(150, seed=9, paragraphs=(2, 3)))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    conn = connect(tmp_path_factory.mktemp("facets") / "facets.db")
    with conn:
        for number, article in enumerate(ARTICLES):
            record = synth.to_record(article)
            if number % 17 == 0:  # some undated articles: they come last
                record["meta"]["published"] = None
                record["meta"]["published_basis"] = "none"
            store_record(conn, record, f"hash-{number}", article.id, link=link_columns(record))
    return conn


def by_sql(conn: sqlite3.Connection, filters: q.ClaimFilters, limit: int, offset: int) -> list[int]:
    where, params = q.claim_where(filters)
    sql = "SELECT a.id FROM attributions a" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
    return [row[0] for row in conn.execute(sql, [*params, limit, offset])]


def count_by_sql(conn: sqlite3.Connection, filters: q.ClaimFilters) -> int:
    where, params = q.claim_where(filters)
    sql = "SELECT count(*) FROM attributions a" + (" WHERE " + " AND ".join(where) if where else "")
    return int(conn.execute(sql, params).fetchone()[0])


def _options() -> dict[str, st.SearchStrategy[Any]]:
    labels = [label for _, label in synth.CERTAINTIES] + ["doubtful"]
    types = [*sorted({t for _, t, _ in synth.CLAIMS}), "THREATEN"]
    statuses = [*sorted({s for _, _, s in synth.CLAIMS}), "reported"]
    months = st.sampled_from([f"2024-{m:02d}" for m in range(1, 13)] + ["2024", "2024-03-15", "2025"])
    return {
        "outlet": st.sampled_from([name for name, _ in synth.OUTLETS] + ["wire", "no such outlet"]),
        "actor": st.sampled_from([*synth.STATES, "Atlantis"]),
        "certainty": st.sampled_from(labels),
        "min_certainty": st.sampled_from([-3.0, 0.0, 1.5, 3.0]),
        "event_type": st.sampled_from(types + [t.lower() for t in types[:2]]),
        "status": st.sampled_from(statuses),
        "source": st.sampled_from(["officials", "diplomat", "ministry", "spokeswoman", "100%", "a_b"]),
        "source_type": st.sampled_from(["person", "organization", "anonymous", "government", "media"]),
        "text": st.sampled_from(["ceasefire", "grain shipments", "sanctions", "talks", "zebra"]),
        "date_from": months,
        "date_to": months,
        "kind": st.sampled_from(["direct", "indirect", "according_to"]),
    }


FILTERS = st.fixed_dictionaries({}, optional=_options())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=FILTERS, limit=st.integers(1, 60), offset=st.sampled_from([0, 0, 5, 40, 300]))
def test_pages_and_counts_equal_the_sql_conditions(
    store: sqlite3.Connection, values: dict[str, Any], limit: int, offset: int
) -> None:
    filters = q.ClaimFilters(**values)
    got = [row["attribution_id"] for row in q.query_claims(store, filters, limit=limit, offset=offset)]
    assert got == by_sql(store, filters, limit, offset)
    assert q.count_claims(store, filters) == count_by_sql(store, filters)


@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_pages_filled_chunk_by_chunk_are_the_same(
    store: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(claims, "_PAGE_CHUNK", chunk)
    for values in (
        {},
        {"certainty": "probable"},
        {"status": "negated", "source_type": "person"},
        {"text": "ceasefire", "date_from": "2024-02", "date_to": "2024-10"},
        {"outlet": "Post", "min_certainty": 1.5},
        {"source": "spokeswoman", "source_type": "organization"},
    ):
        filters = q.ClaimFilters(**values)
        for limit, offset in ((10, 0), (25, 30), (50, 500)):
            got = [
                row["attribution_id"] for row in q.query_claims(store, filters, limit=limit, offset=offset)
            ]
            assert got == by_sql(store, filters, limit, offset), (values, limit, offset)


def test_the_sample_has_matches_for_the_filters(store: sqlite3.Connection) -> None:
    assert q.count_claims(store, q.ClaimFilters(status="negated", event_type="REJECT")) > 0
    assert q.count_claims(store, q.ClaimFilters(text="ceasefire", date_from="2024-03")) > 0
    undated = q.query_claims(store, q.ClaimFilters(), limit=1000)[-1]
    assert undated["published"] is None


def test_the_index_follows_new_claims(tmp_path: Path) -> None:
    conn = connect(tmp_path / "grow.db")
    with conn:
        record = synth.to_record(ARTICLES[0])
        store_record(conn, record, "hash-0", ARTICLES[0].id, link=link_columns(record))
    first = facet_index(conn)
    assert first is not None and q.count_claims(conn, q.ClaimFilters()) == len(first)
    with conn:
        record = synth.to_record(ARTICLES[1])
        store_record(conn, record, "hash-1", ARTICLES[1].id, link=link_columns(record))
    assert facet_index(conn) is not first
    total = conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
    assert q.count_claims(conn, q.ClaimFilters()) == total
    newest = q.query_claims(conn, q.ClaimFilters(), limit=1)[0]
    assert newest["record_id"] == max((ARTICLES[0], ARTICLES[1]), key=lambda a: a.published).id


def test_bad_filters_still_fail_clearly(store: sqlite3.Connection) -> None:
    with pytest.raises(q.QueryError):
        q.query_claims(store, q.ClaimFilters(status="maybe"))
    with pytest.raises(q.QueryError):
        q.count_claims(store, q.ClaimFilters(date_from="March"))
    with pytest.raises(q.QueryError):
        q.query_claims(store, q.ClaimFilters(text="!!!"))
