"""Export a store: the claimtrace/1 records as JSONL, or flat tables as Parquet or CSV."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TextIO

import pandas as pd

# Flat tables for analysts: one file each, readable by pandas, DuckDB, spreadsheets.
EXPORT_TABLES = {
    "articles": "SELECT ar.id AS article_id, ar.record_id, ar.content_hash, o.name AS outlet, ar.title, "
    "ar.url, "
    "ar.published, ar.published_basis, ar.language, ar.reprint_cluster FROM articles ar "
    "LEFT JOIN outlets o ON o.id = ar.outlet_id ORDER BY ar.id",
    "claims": "SELECT * FROM claims_view ORDER BY attribution_id",
    "events": "SELECT * FROM events_view ORDER BY event_id",
    "claim_chains": "SELECT * FROM claim_chain_view "
    "WHERE claim_id IN (SELECT id FROM claims WHERE n_articles > 1) "
    "ORDER BY claim_id, position",
}


def export_jsonl(conn: sqlite3.Connection, handle: TextIO) -> int:
    """Write every stored record, in ingest order, exactly as stored; return how many."""
    n = 0
    for (record_json,) in conn.execute("SELECT record_json FROM articles ORDER BY id"):
        handle.write(record_json + "\n")
        n += 1
    return n


def export_tables(conn: sqlite3.Connection, directory: Path, fmt: str) -> list[tuple[Path, int]]:
    """Write each table of EXPORT_TABLES as `directory/NAME.parquet` or `.csv`; return (path, rows) pairs."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sql in EXPORT_TABLES.items():
        frame = pd.read_sql_query(sql, conn)
        path = directory / f"{name}.{fmt}"
        if fmt == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        written.append((path, len(frame)))
    return written
