"""Write claimtrace/1 records into the store: one article with its attributions, sources and events.

Writes are idempotent on the content hash of the raw input: storing the same input twice keeps the first copy.
Callers group writes in transactions (`with conn:`), one per batch, so a crash loses at most the open batch.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from claimtrace.analyze.lexicon import without_article
from claimtrace.record import RawInput


@dataclass(frozen=True)
class LinkColumns:
    """The columns the link step reads, computed by it from the record (link/columns.py) and persisted here
    as given: the article's shingle MinHash signature, and per attribution key its normalised content and
    the outlet its chain credits."""

    shingle_minhash: bytes
    content_norm: Mapping[str, str]
    credited_outlet: Mapping[str, str]


def content_hash(raw: RawInput) -> str:
    """The idempotence key: sha256 of the raw input's body (HTML or text), independent of its name or path."""
    body = raw.html if raw.html is not None else (raw.text or "")
    kind = "html" if raw.html is not None else "text"
    return hashlib.sha256(f"{kind}\0{body}".encode("utf-8", "surrogatepass")).hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(conn: sqlite3.Connection, command: str, inputs: list[str], engine: str) -> int:
    with conn:
        cursor = conn.execute(
            "INSERT INTO runs (started, command, inputs, engine) VALUES (?, ?, ?, ?)",
            (now(), command, json.dumps(inputs), engine),
        )
    return int(cursor.lastrowid or 0)


def update_run(conn: sqlite3.Connection, run_id: int, counts: dict[str, int], finished: bool = False) -> None:
    """Record progress counters (seen, stored, duplicate, failed); call inside the batch transaction."""
    conn.execute(
        "UPDATE runs SET n_seen = ?, n_stored = ?, n_duplicate = ?, n_failed = ?, finished = ? WHERE id = ?",
        (
            counts.get("seen", 0),
            counts.get("stored", 0),
            counts.get("duplicate", 0),
            counts.get("failed", 0),
            now() if finished else None,
            run_id,
        ),
    )


def stored_hashes(conn: sqlite3.Connection) -> set[str]:
    """Content hashes already in the store, so a rerun skips them before any extraction or analysis."""
    return set(stored_record_ids(conn))


def stored_record_ids(conn: sqlite3.Connection) -> dict[str, str]:
    """The record id stored under each content hash: a skipped duplicate can name what it duplicates."""
    return {row[0]: row[1] for row in conn.execute("SELECT content_hash, record_id FROM articles")}


def store_failure(
    conn: sqlite3.Connection, origin: str, record_id: str, reason: str, digest: str | None, run_id: int | None
) -> None:
    conn.execute(
        "INSERT INTO failures (origin, record_id, reason, content_hash, run_id) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (origin) DO UPDATE SET record_id = excluded.record_id, reason = excluded.reason, "
        "content_hash = excluded.content_hash, run_id = excluded.run_id",
        (origin, record_id, reason, digest, run_id),
    )


def outlet_name(meta: dict[str, Any]) -> str | None:
    """meta.site, else the host of meta.url without "www."."""
    if meta.get("site"):
        return str(meta["site"]).strip() or None
    if meta.get("url"):
        host = urlsplit(str(meta["url"])).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _id_for(conn: sqlite3.Connection, insert: str, select: str, params: tuple[Any, ...], key: Any) -> int:
    row = conn.execute(select, (key,)).fetchone()
    if row is not None:
        return int(row[0])
    return int(conn.execute(insert, params).lastrowid or 0)


def source_key(attribution: dict[str, Any]) -> str | None:
    """type + normalised name/description: the identity of a source across the corpus."""
    source = attribution.get("source")
    profile = attribution.get("source_profile") or {}
    if not source and not profile:
        return None
    label = profile.get("resolved_to") or profile.get("name") or (source or {}).get("text") or ""
    label = without_article(" ".join(label.casefold().split()), indefinite=True)
    if not label:
        return None
    return f"{profile.get('type') or 'unknown'}:{label}"


def _source_id(conn: sqlite3.Connection, attribution: dict[str, Any]) -> int | None:
    key = source_key(attribution)
    if key is None:
        return None
    profile = attribution.get("source_profile") or {}
    text = (attribution.get("source") or {}).get("text") or profile.get("name") or key.split(":", 1)[1]
    return _id_for(
        conn,
        "INSERT INTO sources (key, type, text, name, count, role, affiliation, seniority, former) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "SELECT id FROM sources WHERE key = ?",
        (
            key,
            profile.get("type") or "unknown",
            text,
            profile.get("name"),
            profile.get("count"),
            profile.get("role"),
            profile.get("affiliation"),
            profile.get("seniority"),
            int(bool(profile.get("former"))),
        ),
        key,
    )


def _coding(role: Any) -> tuple[Any, Any, Any]:
    """An event role's country code, sector and canonical name (claimtrace/1 `actor.code` …), if coded."""
    role = role if isinstance(role, dict) else {}
    return role.get("code"), role.get("sector"), role.get("name")


def _role_text(role: dict[str, Any] | None) -> str | None:
    return role.get("text") if role else None


def _role_start(role: dict[str, Any] | None) -> int | None:
    return min(s for s, _ in role["spans"]) if role and role.get("spans") else None


def store_record(
    conn: sqlite3.Connection,
    record: dict[str, Any],
    digest: str,
    origin: str,
    run_id: int | None = None,
    *,
    link: LinkColumns,
) -> int | None:
    """Insert one claimtrace/1 record with its link columns; return its article id, or None when its content
    hash is stored already.

    Events go under the attribution the record names (the events component decided it). Call inside a
    transaction. A success clears an earlier failure of the same origin.
    """
    if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
        return None
    meta = record.get("meta") or {}
    outlet = outlet_name(meta)
    outlet_id = (
        _id_for(
            conn,
            "INSERT INTO outlets (name) VALUES (?)",
            "SELECT id FROM outlets WHERE name = ?",
            (outlet,),
            outlet,
        )
        if outlet
        else None
    )
    text = record.get("text") or ""
    article_id = int(
        conn.execute(
            "INSERT INTO articles (content_hash, record_id, origin, outlet_id, title, url, published, "
            "published_basis, language, text, warnings, record_json, shingle_minhash, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                digest,
                str(record.get("id", origin)),
                origin,
                outlet_id,
                meta.get("title"),
                meta.get("url"),
                meta.get("published"),
                meta.get("published_basis") or "none",
                meta.get("language") or "en",
                text,
                json.dumps(record["warnings"], ensure_ascii=False) if record.get("warnings") else None,
                json.dumps(record, ensure_ascii=False),
                link.shingle_minhash,
                run_id,
            ),
        ).lastrowid
        or 0
    )
    attributions = record.get("attributions") or []
    events = record.get("events") or []
    keys = {a["id"] for a in attributions}
    event_attribution = [e.get("attribution") if e.get("attribution") in keys else None for e in events]
    actors: dict[str, list[str]] = {}
    for event, key in zip(events, event_attribution, strict=True):
        if key and event.get("actor"):
            actors.setdefault(key, []).append(event["actor"].get("text") or "")
    ids: dict[str, int] = {}
    for attribution in attributions:
        content = attribution["content"]
        certainty = attribution.get("certainty") or {}
        profile = attribution.get("source_profile") or {}
        ids[attribution["id"]] = int(
            conn.execute(
                "INSERT INTO attributions (article_id, published, outlet_id, key, kind, source_id, "
                "source_text, source_start, cue_text, content_text, content_start, content_end, resolved_to, "
                "certainty_value, certainty_label, content_norm, credited_outlet, actors) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    meta.get("published"),
                    outlet_id,
                    attribution["id"],
                    attribution.get("kind") or "indirect",
                    _source_id(conn, attribution),
                    _role_text(attribution.get("source")),
                    _role_start(attribution.get("source")),
                    _role_text(attribution.get("cue")),
                    content.get("text") or "",
                    _role_start(content) or 0,
                    max((e for _, e in content.get("spans") or []), default=0),
                    profile.get("resolved_to"),
                    certainty.get("value"),
                    certainty.get("label"),
                    link.content_norm.get(attribution["id"], ""),
                    link.credited_outlet.get(attribution["id"]),
                    "; ".join(actors[attribution["id"]]) if attribution["id"] in actors else None,
                ),
            ).lastrowid
            or 0
        )
    conn.executemany(
        "UPDATE attributions SET parent_id = ? WHERE id = ?",
        [(ids[a["parent"]], ids[a["id"]]) for a in attributions if a.get("parent") in ids],
    )
    for event, attribution_key in zip(events, event_attribution, strict=True):
        conn.execute(
            "INSERT INTO events (article_id, key, type, mode, context, trigger_text, trigger_start, "
            "actor_text, target_text, status, certainty, attribution_id, actor_code, actor_sector, "
            "actor_name, target_code, target_sector, target_name, place_name, place_country) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                event["id"],
                event.get("type") or "",
                event.get("mode"),
                json.dumps(event.get("context") or []),
                _role_text(event.get("trigger")) or "",
                _role_start(event.get("trigger")) or 0,
                _role_text(event.get("actor")),
                _role_text(event.get("target")),
                event.get("status") or "asserted",
                event.get("certainty"),
                ids.get(attribution_key) if attribution_key else None,
                *_coding(event.get("actor")),
                *_coding(event.get("target")),
                (event.get("location") or {}).get("name"),
                (event.get("location") or {}).get("country"),
            ),
        )
    conn.execute("DELETE FROM failures WHERE origin = ?", (origin,))
    return article_id
