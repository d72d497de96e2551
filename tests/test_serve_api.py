"""The JSON API over a store of hand-written articles: filters, paging, provenance, timeline, and 4xx for
every bad parameter (never a 5xx for user input)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.serve.app import create_app
from claimtrace.serve.corpus_routes import PAGE_MAX
from claimtrace.serve.store_access import StoreAccess
from support.sample_store import SCOOP, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("serve") / "corpus.db"
    return path, build_store(path)


@pytest.fixture(scope="module")
def api(store: tuple[Path, dict[str, int]]) -> TestClient:
    return TestClient(create_app(store[0]))


def claims(api: TestClient, **params: object) -> list[dict]:
    response = api.get("/api/claims", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_claims_come_newest_first_with_events_and_clusters(api: TestClient) -> None:
    items = claims(api)
    assert len(items) == 10
    dates = [item["published"] for item in items]
    assert dates == sorted(dates, reverse=True)
    rereport = next(item for item in items if item["outlet"] == "Daily Ledger")
    assert rereport["source"] == "the Harbor Post" and rereport["credits"] == "Harbor Post"
    assert [(e["type"], e["status"]) for e in rereport["events"]] == [("CONSULT", "intended")]
    assert rereport["claim_articles"] == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "northern militia"}, 2),
        ({"outlet": "wire"}, 4),
        ({"certainty": "certain"}, 4),
        ({"event_type": "agree"}, 2),
        ({"status": "future"}, 1),
        ({"since": "2026-04", "until": "2026-04-30"}, 4),
        ({"q": "ceasefire"}, 4),
        ({"source": "Harbor"}, 1),
        ({"source_type": "anonymous"}, 2),
        ({"kind": "according_to"}, 1),
        ({"min_certainty": "2.5"}, 4),
        ({"outlet": "wire", "certainty": "doubtful"}, 1),
    ],
)
def test_each_filter_of_claimtrace_claims_narrows_the_list(
    api: TestClient, params: dict, expected: int
) -> None:
    assert len(claims(api, **params)) == expected


def test_paging_walks_the_list_without_overlap(api: TestClient) -> None:
    first = api.get("/api/claims", params={"limit": 4, "offset": 0, "count": "true"}).json()
    second = api.get("/api/claims", params={"limit": 4, "offset": 4}).json()
    last = api.get("/api/claims", params={"limit": 4, "offset": 8}).json()
    assert first["total"] == 10 and first["has_more"] and second["has_more"] and not last["has_more"]
    ids = [c["attribution_id"] for page in (first, second, last) for c in page["items"]]
    assert len(ids) == len(set(ids)) == 10


def test_an_article_comes_with_its_record_and_store_ids(api: TestClient, store) -> None:
    article_id = store[1]["scoop"]
    body = api.get(f"/api/articles/{article_id}").json()
    assert body["record"]["text"] == SCOOP
    assert body["article"]["outlet"] == "Harbor Post"
    assert [a["parent"] for a in body["record"]["attributions"]] == [None, None, "a2"]
    keys = {c["key"]: c for c in body["claims"]}
    assert set(keys) == {"a1", "a2", "a3"} and keys["a1"]["claim_articles"] == 3


def test_article_search_and_listing(api: TestClient) -> None:
    found = api.get("/api/articles", params={"q": "militia"}).json()["items"]
    assert {a["outlet"] for a in found} == {"Wire Service"} and len(found) == 2
    assert all("[" in a["snippet"] for a in found)
    newest = api.get("/api/articles").json()["items"]
    assert [a["published"] for a in newest][:2] == ["2026-05-12", "2026-04-20"]


def test_trace_lists_outlets_in_time_order_with_who_cites_whom(api: TestClient) -> None:
    cluster = api.get("/api/clusters").json()["items"][0]
    trace = api.get(f"/api/claims/{cluster['claim_id']}/trace").json()
    chain = trace["chain"]
    assert [link["outlet"] for link in chain] == ["Harbor Post", "Daily Ledger", "Wire Service"]
    assert chain[0]["is_origin"] and chain[1]["credits"] == "Harbor Post"
    assert chain[1]["cites_article_id"] == chain[0]["article_id"]
    assert chain[2]["adds_own_sourcing"] and chain[2]["own_sources"] == ["Two officials in Ankara"]
    assert all(link["key"] == "a1" for link in chain)
    assert trace["claim"]["credited_outlet"] == "Harbor Post"


def test_trace_and_reprints_answer_alike_in_the_cli_and_the_api(api: TestClient, store) -> None:
    """One answer per question: `claimtrace trace|reprints --format json` print what the API returns."""
    import json
    import subprocess
    import sys

    def cli(*args: str) -> object:
        done = subprocess.run(
            [sys.executable, "-m", "claimtrace", *args, "--db", str(store[0]), "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout)

    claim_id = api.get("/api/clusters").json()["items"][0]["claim_id"]
    assert cli("trace", str(claim_id)) == api.get(f"/api/claims/{claim_id}/trace").json()
    assert cli("reprints") == api.get("/api/reprints").json()["items"]


def test_timeline_counts_by_group_and_month_with_certainty(api: TestClient) -> None:
    body = api.get("/api/timeline", params={"group_by": "event_type", "interval": "month"}).json()
    rows = {(r["period"], r["key"]): r for r in body["rows"]}
    assert rows[("2026-03", "CONSULT")]["count"] == 4
    assert rows[("2026-03", "CONSULT")]["certainty"] == {"unattributed": 1, "probable": 2, "possible": 1}
    assert rows[("2026-05", "AGREE")]["certainty"] == {"certain": 1, "doubtful": 1}
    by_day = api.get("/api/timeline", params={"group_by": "outlet", "interval": "day"}).json()["rows"]
    assert {r["period"] for r in by_day} >= {"2026-03-03", "2026-05-12"}


def test_events_facets_and_stats(api: TestClient) -> None:
    rejects = api.get("/api/events", params={"event_type": "REJECT"}).json()["items"]
    assert len(rejects) == 2
    assert api.get("/api/facets").json()["event_types"] == ["AGREE", "CONSULT", "REJECT"]
    assert api.get("/api/stats").json()["articles"] == 5


@pytest.mark.parametrize(
    ("path", "params", "status", "named"),
    [
        ("/api/claims", {"limit": 0}, 422, "limit"),
        ("/api/claims", {"limit": "many"}, 422, "limit"),
        ("/api/claims", {"offset": -1}, 422, "offset"),
        ("/api/claims", {"certainty": "maybe"}, 422, "certainty"),
        ("/api/claims", {"since": "yesterday"}, 422, "since"),
        ("/api/claims", {"event_type": "DROP TABLE"}, 422, "event_type"),
        ("/api/claims", {"min_certainty": "nan"}, 422, "min_certainty"),
        ("/api/claims", {"q": "!!! ???"}, 400, "search text"),
        ("/api/claims", {"actor": "x" * 201}, 422, "actor"),
        ("/api/timeline", {"group_by": "weather"}, 422, "group_by"),
        ("/api/timeline", {"interval": "year"}, 422, "interval"),
        ("/api/articles/abc", {}, 422, "article_id"),
        ("/api/articles/0", {}, 422, "article_id"),
        ("/api/articles/99999999999999999999999", {}, 422, "article_id"),
        ("/api/articles/999", {}, 404, "999"),
        ("/api/claims/424242/trace", {}, 404, "424242"),
    ],
)
def test_bad_parameters_get_a_4xx_naming_them(
    api: TestClient, path: str, params: dict, status: int, named: str
):
    response = api.get(path, params=params)
    assert response.status_code == status, response.text
    assert named in response.json()["error"]


@pytest.mark.parametrize(
    "path", ["/api/articles", "/api/claims", "/api/events", "/api/clusters", "/api/reprints"]
)
def test_the_largest_page_is_served_and_one_more_is_refused(api: TestClient, path: str) -> None:
    assert api.get(path, params={"limit": PAGE_MAX}).status_code == 200
    too_many = api.get(path, params={"limit": PAGE_MAX + 1})
    assert too_many.status_code == 422 and "limit" in too_many.json()["error"]


def test_the_server_cannot_write_to_the_store(store) -> None:
    conn = StoreAccess(store[0]).connection()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")


FILTERS = [
    "q",
    "actor",
    "source",
    "source_type",
    "outlet",
    "event_type",
    "status",
    "certainty",
    "min_certainty",
    "kind",
    "since",
    "until",
    "limit",
    "offset",
    "count",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/api/claims", "/api/events", "/api/timeline", "/api/articles"]),
    params=st.dictionaries(
        st.sampled_from([*FILTERS, "group_by", "interval"]), st.text(max_size=40), max_size=4
    ),
)
def test_no_query_string_makes_the_server_fail(api: TestClient, path: str, params: dict) -> None:
    response = api.get(path, params=params)
    assert response.status_code < 500, (params, response.text)
    assert response.headers["content-type"].startswith("application/json")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=st.text(min_size=1, max_size=30).filter(lambda s: s not in {".", ".."}))
def test_no_path_segment_makes_the_server_fail(api: TestClient, segment: str) -> None:
    for template in ("/api/articles/{}", "/api/claims/{}/trace", "/static/{}"):
        response = api.get(template.format(quote(segment, safe="")))
        assert response.status_code < 500, (template, segment)


def test_filter_menus_follow_a_store_that_changes_while_served(tmp_path: Path) -> None:
    from claimtrace.link.columns import link_columns
    from claimtrace.store.db import connect
    from claimtrace.store.write import store_record
    from support.sample_store import corpus

    path = tmp_path / "growing.db"
    build_store(path)
    api = TestClient(create_app(path))
    assert "THREATEN" not in api.get("/api/facets").json()["event_types"]
    # the "later" article again, from another outlet, with an event type the store has not seen
    later = next(item for item in corpus() if item["id"] == "later")
    extra = {**later, "id": "extra", "meta": {**later["meta"], "site": "Gazette"}}
    extra["events"] = [{**later["events"][0], "type": "THREATEN"}]
    conn = connect(path)
    with conn:
        store_record(conn, extra, digest="test:extra", origin="tests/extra", link=link_columns(extra))
    conn.close()
    assert "THREATEN" in api.get("/api/facets").json()["event_types"]
    assert api.get("/api/stats").json()["articles"] == 6


def test_a_credit_is_resolved_to_the_outlet_as_stored() -> None:
    from claimtrace.store.queries.clusters import stored_outlet

    outlets = ["The Harbor Post", "Meridian Wire"]
    assert stored_outlet("the Post", outlets) == "The Harbor Post"
    assert stored_outlet("Meridian Wire", outlets) == "Meridian Wire"
    assert stored_outlet("the Evening Courier", outlets) is None
    assert stored_outlet(None, outlets) is None
