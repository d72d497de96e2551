"""Claims and events filtered by how an event's actor is coded (country, sector, canonical name), in the
store's queries, the CLI's options and the API, on a hand-written store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimtrace.link.columns import link_columns
from claimtrace.store import queries as q
from claimtrace.store.db import connect
from claimtrace.store.queries import ClaimFilters, QueryError
from claimtrace.store.write import store_record

TEXT = "Officials said Russian troops shelled the port. The rebels said they attacked a convoy."


def _span(phrase: str) -> list[list[int]]:
    start = TEXT.index(phrase)
    return [[start, start + len(phrase)]]


def _event(number: int, event_type: str, trigger: str, actor: str, coding: dict[str, str | None],
           attribution: str) -> dict[str, Any]:  # fmt: skip
    return {"id": f"e{number}", "type": event_type, "trigger": {"text": trigger, "spans": _span(trigger)},
            "mode": None, "context": [], "actor": {"text": actor, "spans": _span(actor), **coding},
            "target": None, "status": "reported", "certainty": 2.0, "attribution": attribution,
            "location": None}  # fmt: skip


def _attribution(number: int, source: str, content: str) -> dict[str, Any]:
    return {"id": f"a{number}", "kind": "indirect", "source": {"text": source, "spans": _span(source)},
            "cue": {"text": "said", "spans": _span("said")},
            "content": {"text": content, "spans": _span(content)},
            "certainty": {"label": "probable", "value": 2.0}, "parent": None}  # fmt: skip


def _record() -> dict[str, Any]:
    russia = {"code": "RUS", "sector": "MIL", "name": "Russia military"}
    rebels = {"code": None, "sector": "REB", "name": "rebels"}
    meta = {"title": "t", "url": None, "site": "wire.example", "language": "en", "published": "2026-03-12",
            "published_basis": "given"}  # fmt: skip
    return {"schema": "claimtrace/1", "id": "r1", "text": TEXT, "meta": meta, "removed": [], "related": [],
            "entities": [], "times": [], "events": [
                _event(1, "ASSAULT", "shelled", "Russian troops", russia, "a1"),
                _event(2, "ASSAULT", "attacked", "they", rebels, "a2"),
            ], "attributions": [
                _attribution(1, "Officials", "Russian troops shelled the port"),
                _attribution(2, "The rebels", "they attacked a convoy"),
            ], "factuality": []}  # fmt: skip


@pytest.fixture()
def conn(tmp_path: Path):
    db = connect(tmp_path / "store.db")
    with db:
        data = _record()
        store_record(db, data, "h1", "r1.txt", link=link_columns(data))
    return db


def test_events_by_coded_actor(conn) -> None:
    found = q.query_events(conn, ClaimFilters(actor_country="rus"))
    assert [(e["trigger"], e["actor_code"], e["actor_sector"]) for e in found] == [("shelled", "RUS", "MIL")]
    assert [e["trigger"] for e in q.query_events(conn, ClaimFilters(actor_sector="REB"))] == ["attacked"]
    assert [e["trigger"] for e in q.query_events(conn, ClaimFilters(actor_name="RUSSIA MILITARY"))] == [
        "shelled"
    ]
    # Over events, every event condition holds for the same event.
    assert q.query_events(conn, ClaimFilters(actor_country="RUS", actor_sector="REB")) == []


def test_claims_by_coded_actor_of_their_events(conn) -> None:
    claims = q.query_claims(conn, ClaimFilters(actor_sector="MIL"))
    assert [c["source"] for c in claims] == ["Officials"]
    assert q.count_claims(conn, ClaimFilters(actor_country="RUS")) == 1


def test_timeline_by_type_filtered_by_actor_country(conn) -> None:
    rows = q.timeline(conn, "event_type", "month", ClaimFilters(actor_country="RUS"))
    assert [(r["key"], r["count"]) for r in rows] == [("ASSAULT", 1)]


def test_a_bad_country_code_is_refused(conn) -> None:
    with pytest.raises(QueryError):
        q.query_events(conn, ClaimFilters(actor_country="Russia"))


def test_the_api_filters_events_and_the_timeline_by_coded_actor(conn, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from claimtrace.serve.app import create_app

    conn.close()
    api = TestClient(create_app(tmp_path / "store.db"))
    rows = api.get("/api/events", params={"actor_country": "RUS"}).json()["items"]
    assert [(e["trigger"], e["actor_code"]) for e in rows] == [("shelled", "RUS")]
    timeline = api.get("/api/timeline", params={"group_by": "actor_sector", "distinct": "true"}).json()
    assert timeline["distinct"] is True
    assert {(r["key"], r["count"]) for r in timeline["rows"]} == {("MIL", 1), ("REB", 1)}
    assert api.get("/api/events", params={"actor_sector": "military"}).status_code == 422


def test_the_cli_filters_claims_by_coded_actor(conn, tmp_path: Path) -> None:
    conn.close()

    def claims(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "claimtrace", "claims", "--db", "store.db", "--format", "json"]
        command += args
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)

    done = claims("--actor-sector", "reb")
    assert done.returncode == 0, done.stderr
    assert [row["source"] for row in json.loads(done.stdout)] == ["The rebels"]
    refused = claims("--actor-country", "Russia")
    assert refused.returncode != 0 and "three-letter" in refused.stderr
