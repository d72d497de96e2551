"""Parquet partitions: the hand-off between cluster workers and the store.

Layout of a parts directory (each partition is one Dask task's batch of inputs, numbered in input order):

    DIR/articles/part-00000.parquet      one row per input: content_hash, origin, record_id, error, title,
                                         url, site, published, language, n_attributions, n_events,
                                         record_json
    DIR/attributions/part-00000.parquet  one row per attribution: content_hash, record_id, attribution,
                                         parent, kind, source, source_type, cue, content, certainty_value,
                                         certainty_label
    DIR/events/part-00000.parquet        one row per event: content_hash, record_id, event, attribution,
                                         type, mode, status, certainty, trigger, actor, target

`record_json` is the full claimtrace/1 record (null when `error` says why the input failed). A partition is
complete once its articles file exists (written last, by rename). DuckDB reads a table directly with
`read_parquet('DIR/attributions/*.parquet')`; pandas with `pd.read_parquet('DIR/attributions')`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from claimtrace.engine.local import IngestResult
from claimtrace.engine.sink import Counts, Outcome, StoreSink
from claimtrace.errors import ClaimtraceError
from claimtrace.link.linker import link_store
from claimtrace.store.db import connect
from claimtrace.store.write import start_run

TABLES = ("attributions", "events", "articles")  # articles last: its presence marks a complete partition
_PART = re.compile(r"^part-(\d{5,})\.parquet$")

SCHEMAS = {
    "articles": pa.schema(
        [
            ("content_hash", pa.string()),
            ("origin", pa.string()),
            ("record_id", pa.string()),
            ("error", pa.string()),
            ("title", pa.string()),
            ("url", pa.string()),
            ("site", pa.string()),
            ("published", pa.string()),
            ("language", pa.string()),
            ("n_attributions", pa.int32()),
            ("n_events", pa.int32()),
            ("record_json", pa.large_string()),
        ]
    ),
    "attributions": pa.schema(
        [
            ("content_hash", pa.string()),
            ("record_id", pa.string()),
            ("attribution", pa.string()),
            ("parent", pa.string()),
            ("kind", pa.string()),
            ("source", pa.string()),
            ("source_type", pa.string()),
            ("cue", pa.string()),
            ("content", pa.string()),
            ("certainty_value", pa.float64()),
            ("certainty_label", pa.string()),
        ]
    ),
    "events": pa.schema(
        [
            ("content_hash", pa.string()),
            ("record_id", pa.string()),
            ("event", pa.string()),
            ("attribution", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("status", pa.string()),
            ("certainty", pa.float64()),
            ("trigger", pa.string()),
            ("actor", pa.string()),
            ("target", pa.string()),
        ]
    ),
}


def _text(role: dict[str, Any] | None) -> str | None:
    return role.get("text") if role else None


def partition_tables(outcomes: list[Outcome]) -> dict[str, pa.Table]:
    """The three tables of one partition."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for outcome in outcomes:
        record = outcome.record or {}
        meta = record.get("meta") or {}
        base = {"content_hash": outcome.digest, "record_id": outcome.record_id}
        rows["articles"].append(
            {
                **base,
                "origin": outcome.origin,
                "error": outcome.error,
                "title": meta.get("title"),
                "url": meta.get("url"),
                "site": meta.get("site"),
                "published": meta.get("published"),
                "language": meta.get("language"),
                "n_attributions": len(record.get("attributions") or []),
                "n_events": len(record.get("events") or []),
                "record_json": json.dumps(record, ensure_ascii=False) if outcome.record is not None else None,
            }
        )
        for a in record.get("attributions") or []:
            certainty = a.get("certainty") or {}
            rows["attributions"].append(
                {
                    **base,
                    "attribution": a["id"],
                    "parent": a.get("parent"),
                    "kind": a.get("kind"),
                    "source": _text(a.get("source")),
                    "source_type": (a.get("source_profile") or {}).get("type"),
                    "cue": _text(a.get("cue")),
                    "content": _text(a.get("content")),
                    "certainty_value": certainty.get("value"),
                    "certainty_label": certainty.get("label"),
                }
            )
        for e in record.get("events") or []:
            rows["events"].append(
                {
                    **base,
                    "event": e["id"],
                    "attribution": e.get("attribution"),
                    "type": e.get("type"),
                    "mode": e.get("mode"),
                    "status": e.get("status"),
                    "certainty": e.get("certainty"),
                    "trigger": _text(e.get("trigger")),
                    "actor": _text(e.get("actor")),
                    "target": _text(e.get("target")),
                }
            )
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def next_partition(directory: Path) -> int:
    """The number after the highest complete partition, so a rerun appends instead of overwriting."""
    numbers = [
        int(m.group(1)) for p in (directory / "articles").glob("part-*.parquet") if (m := _PART.match(p.name))
    ]
    return max(numbers, default=-1) + 1


def write_partition(directory: Path, index: int, tables: dict[str, pa.Table]) -> None:
    for name in TABLES:
        folder = directory / name
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{index:05d}.parquet"
        temporary = folder / f".part-{index:05d}.parquet.tmp"
        pq.write_table(tables[name], temporary)
        os.replace(temporary, final)


def iter_outcomes(directory: Path) -> Iterator[Outcome]:
    """Every input's outcome from complete partitions, in partition order."""
    folder = directory / "articles"
    if not folder.is_dir():
        raise ClaimtraceError(f"{directory}: not a claimtrace parts directory (no articles/ inside)")
    parts = sorted((int(m.group(1)), p) for p in folder.iterdir() if (m := _PART.match(p.name)))
    for _, path in parts:
        try:
            table = pq.read_table(
                path, columns=["content_hash", "origin", "record_id", "error", "record_json"]
            )
        except (OSError, pa.ArrowException) as exc:
            raise ClaimtraceError(f"{path}: cannot read Parquet partition ({exc})") from exc
        for row in table.to_pylist():
            record = json.loads(row["record_json"]) if row["record_json"] else None
            yield Outcome(
                row["origin"], row["record_id"], row["content_hash"], record=record, error=row["error"]
            )


def load_parts(
    directory: str | Path, db: str | Path, link: bool = True, batch_size: int = 256
) -> IngestResult:
    """Store every outcome of a parts directory (already stored content hashes are skipped), then link."""
    directory = Path(directory)
    conn = connect(db)
    try:
        counts = Counts()
        run_id = start_run(conn, "load", [str(directory)], "parquet")
        sink = StoreSink(conn, run_id, counts, batch_size)
        for outcome in iter_outcomes(directory):
            counts.seen += 1
            sink.add(outcome)
        sink.close()
        return IngestResult(run_id, counts, link_store(conn) if link else None)
    finally:
        conn.close()
