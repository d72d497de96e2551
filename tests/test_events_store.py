"""Coded events in the store: actor country, sector and name, and place, stored and counted by the
timeline, with reprints of one event counted once when distinct events are asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.link.columns import link_columns
from claimtrace.store import queries as q
from claimtrace.store.db import connect
from claimtrace.store.write import store_record

pytestmark = pytest.mark.slow

TEXT = "MANILA -- Police arrested forty protesters on Monday. Chinese warships shelled the island in March."


@pytest.fixture(scope="module")
def coded_events() -> list[dict]:
    """The events of TEXT, from the real parse and the events component (no attributions needed here)."""
    return list(load_pipeline(components=("claimtrace_events",))(TEXT)._.events)


def record(record_id: str, events: list[dict]) -> dict:
    meta = {"title": record_id, "url": None, "site": f"{record_id}.example", "language": "en",
            "published": "2026-03-12", "published_basis": "given"}  # fmt: skip
    return {"schema": "claimtrace/1", "id": record_id, "text": TEXT, "meta": meta, "removed": [],
            "related": [], "entities": [], "times": [], "attributions": [], "events": events,
            "factuality": []}  # fmt: skip


def test_coded_events_are_stored_and_grouped(tmp_path: Path, coded_events: list[dict]) -> None:
    conn = connect(tmp_path / "store.db")
    first = record("a", coded_events)
    with conn:
        store_record(conn, first, "h1", "a.txt", link=link_columns(first))
    rows = conn.execute(
        "SELECT type, actor_code, actor_sector, actor_name, place_name FROM events"
    ).fetchall()
    coded = {(r["type"], r["actor_code"], r["actor_sector"], r["place_name"]) for r in rows}
    # The police of a sentence that names one country (its dateline, Manila) are that country's.
    assert ("COERCE", "PHL", "COP", "Manila") in coded
    assert any(code == "CHN" and sector == "MIL" for _, code, sector, _ in coded)
    by_country = q.timeline(conn, "actor_country", "month")
    assert {row["key"] for row in by_country} >= {"CHN"}
    by_place = q.timeline(conn, "place", "month")
    assert {row["key"] for row in by_place} == {"Manila"}


def test_distinct_events_count_once_per_reprint_cluster(tmp_path: Path, coded_events: list[dict]) -> None:
    conn = connect(tmp_path / "store.db")
    with conn:
        for name in ("a", "b"):
            data = record(name, coded_events)
            store_record(conn, data, f"h-{name}", f"{name}.txt", link=link_columns(data))
        first = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
        conn.execute("UPDATE articles SET reprint_cluster = ?", (first,))
    every = sum(row["count"] for row in q.timeline(conn, "event_type", "month"))
    distinct = sum(row["count"] for row in q.timeline(conn, "event_type", "month", distinct=True))
    assert every == 2 * distinct > 0
