"""A small store of hand-written articles for the API and browser tests (servers and Chromium come from
support.harness and support.browser).

The records are composed here (text written for these tests; spans computed from it) and written with the
store's own `store_record` and `link_store`, so the server reads exactly what an ingest would have stored.
One article is hostile: every field the UI shows carries markup or script that must never run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimtrace.link.columns import link_columns
from claimtrace.store.db import connect
from claimtrace.store.write import store_record

# Each payload would set window.__pwned (or the document title) if it ever ran.
PAYLOAD_SCRIPT = "<script>window.__pwned = 'script'; document.title = 'pwned'</script>"
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
PAYLOAD_LINK = "javascript:window.__pwned='link'"
PAYLOAD_SVG = "<svg onload=\"window.__pwned = 'svg'\"></svg>"
PAYLOAD_HOVER = "<b onmouseover=\"window.__pwned = 'hover'\">hover me</b>"


def role(text: str, phrase: str, after: str = "") -> dict[str, Any]:
    """The claimtrace/1 role for the first `phrase` in `text` that follows `after`."""
    start = text.index(phrase, text.index(after) if after else 0)
    return {"text": phrase, "spans": [[start, start + len(phrase)]]}


def attribution(
    text: str,
    key: str,
    kind: str,
    source: str | None,
    cue: str | None,
    content: str,
    label: str,
    value: float,
    source_type: str,
    parent: str | None = None,
) -> dict[str, Any]:
    return {
        "id": key,
        "kind": kind,
        "source": role(text, source) if source else None,
        "cue": role(text, cue) if cue else None,
        "content": role(text, content),
        "parent": parent,
        "source_profile": {
            "type": source_type,
            "name": source if source_type != "anonymous" else None,
            "count": None,
            "role": None,
            "affiliation": None,
            "former": False,
            "resolved_to": None,
        }
        if source
        else None,
        "certainty": {"value": value, "label": label, "cues": []},
    }


def event(
    text: str,
    key: str,
    kind: str,
    trigger: str,
    actor: str | None,
    status: str,
    attributed_to: str | None,
    after: str = "",
) -> dict[str, Any]:
    return {
        "id": key,
        "type": kind,
        "mode": None,
        "context": [],
        "trigger": role(text, trigger, after),
        "actor": role(text, actor) if actor else None,
        "target": None,
        "status": status,
        "certainty": 2.0,
        "attribution": attributed_to,
    }


def record(
    key: str,
    text: str,
    site: str,
    published: str,
    title: str,
    url: str,
    attributions: list[dict[str, Any]],
    events: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "schema": "claimtrace/1",
        "id": key,
        "text": text,
        "meta": {
            "title": title,
            "url": url,
            "site": site,
            "language": "en",
            "published": published,
            "published_basis": "metadata",
        },
        "removed": [],
        "related": [],
        "entities": [],
        "times": [],
        "attributions": attributions,
        "events": events,
        "factuality": [],
    }


SCOOP = (
    "Negotiators from both sides met in Lisbon on Tuesday. A senior European diplomat who attended the "
    "meeting told the Harbor Post that the two governments were ready to discuss a ceasefire. According to "
    "the diplomat, the foreign minister said the talks “might resume next month”."
)
REREPORT = (
    "The two governments were ready to discuss a ceasefire, the Harbor Post reported on Wednesday, citing a "
    "senior European diplomat."
)
CONFIRMATION = (
    "Two officials in Ankara said the two governments were ready to discuss a ceasefire. The northern "
    "militia rejected any truce, a militia spokesman insisted."
)
LATER = (
    "The foreign ministry said the two governments agreed to a ceasefire in principle. Observers doubted "
    "that the northern militia would sign the deal."
)
HOSTILE = (
    f"Officials said {PAYLOAD_SCRIPT} was only text. A reader wrote {PAYLOAD_IMG} in a comment, "
    f"and {PAYLOAD_HOVER} appeared too. The spokesman said {PAYLOAD_SVG} meant nothing."
)


def corpus() -> list[dict[str, Any]]:
    scoop = record(
        "scoop",
        SCOOP,
        "Harbor Post",
        "2026-03-03",
        "Both sides ready to discuss a ceasefire, diplomat says",
        "https://harbor.example/ceasefire",
        [
            attribution(
                SCOOP,
                "a1",
                "indirect",
                "A senior European diplomat who attended the meeting",
                "told",
                "the two governments were ready to discuss a ceasefire",
                "probable",
                2.0,
                "anonymous",
            ),
            attribution(
                SCOOP,
                "a2",
                "according_to",
                "the diplomat",
                "According to",
                "the foreign minister said the talks “might resume next month”",
                "probable",
                2.0,
                "anonymous",
            ),
            attribution(
                SCOOP,
                "a3",
                "mixed",
                "the foreign minister",
                "said",
                "the talks “might resume next month”",
                "possible",
                1.0,
                "person",
                parent="a2",
            ),
        ],
        [
            event(SCOOP, "e1", "CONSULT", "met", "Negotiators from both sides", "asserted", None),
            event(SCOOP, "e2", "CONSULT", "discuss", "the two governments", "intended", "a1"),
            event(SCOOP, "e3", "CONSULT", "resume", "the talks", "future", "a3"),
        ],
    )
    rereport = record(
        "rereport",
        REREPORT,
        "Daily Ledger",
        "2026-03-04",
        "Report: ceasefire talks possible",
        "https://ledger.example/talks",
        [
            attribution(
                REREPORT,
                "a1",
                "indirect",
                "the Harbor Post",
                "reported",
                "The two governments were ready to discuss a ceasefire",
                "probable",
                2.0,
                "media",
            )
        ],
        [event(REREPORT, "e1", "CONSULT", "discuss", "The two governments", "intended", "a1")],
    )
    confirmation = record(
        "confirmation",
        CONFIRMATION,
        "Wire Service",
        "2026-04-08",
        "Officials confirm readiness for talks",
        "https://wire.example/officials",
        [
            attribution(
                CONFIRMATION,
                "a1",
                "indirect",
                "Two officials in Ankara",
                "said",
                "the two governments were ready to discuss a ceasefire",
                "certain",
                3.0,
                "government",
            ),
            attribution(
                CONFIRMATION,
                "a2",
                "indirect",
                "a militia spokesman",
                "insisted",
                "The northern militia rejected any truce",
                "certain",
                3.0,
                "person",
            ),
        ],
        [
            event(CONFIRMATION, "e1", "CONSULT", "discuss", "the two governments", "intended", "a1"),
            event(CONFIRMATION, "e2", "REJECT", "rejected", "The northern militia", "reported", "a2"),
        ],
    )
    later = record(
        "later",
        LATER,
        "Wire Service",
        "2026-05-12",
        "Ceasefire agreed in principle",
        "https://wire.example/agreed",
        [
            attribution(
                LATER,
                "a1",
                "indirect",
                "The foreign ministry",
                "said",
                "the two governments agreed to a ceasefire in principle",
                "certain",
                3.0,
                "government",
            ),
            attribution(
                LATER,
                "a2",
                "indirect",
                "Observers",
                "doubted",
                "the northern militia would sign the deal",
                "doubtful",
                -1.0,
                "group",
            ),
        ],
        [
            event(LATER, "e1", "AGREE", "agreed", "the two governments", "reported", "a1"),
            event(LATER, "e2", "AGREE", "sign", "the northern militia", "hypothetical", "a2"),
        ],
    )
    hostile = record(
        "hostile",
        HOSTILE,
        f"Evil {PAYLOAD_SCRIPT} Outlet",
        "2026-04-20",
        f"{PAYLOAD_IMG} Breaking news",
        PAYLOAD_LINK,
        [
            attribution(
                HOSTILE,
                "a1",
                "indirect",
                "Officials",
                "said",
                f"{PAYLOAD_SCRIPT} was only text",
                "certain",
                3.0,
                "government",
            ),
            attribution(
                HOSTILE,
                "a2",
                "indirect",
                "The spokesman",
                "said",
                f"{PAYLOAD_SVG} meant nothing",
                "possible",
                1.0,
                "person",
            ),
        ],
        [event(HOSTILE, "e1", "REJECT", "meant", PAYLOAD_SVG, "reported", "a2")],
    )
    return [scoop, rereport, confirmation, later, hostile]


def build_store(path: Path, records: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """Write the records and link them; return {record id: article id}."""
    from claimtrace.link.linker import link_store

    conn = connect(path)
    ids: dict[str, int] = {}
    with conn:
        for item in records or corpus():
            article_id = store_record(
                conn, item, digest=f"test:{item['id']}", origin=f"tests/{item['id']}", link=link_columns(item)
            )
            assert article_id is not None
            ids[item["id"]] = article_id
    link_store(conn)
    conn.close()
    return ids
