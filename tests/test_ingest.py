"""Ingest through the real pipeline: idempotence, bad records, WARC input, and kill -9 then resume."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrace.engine.local import ingest_local
from claimtrace.store.db import connect

pytestmark = pytest.mark.slow

TOWNS = ["Tarrow", "Welby", "Ostmark", "Quill Bay", "Farrowgate", "Lindenholm", "Marsk", "Penhallow"]
THINGS = [
    "the desalination plant",
    "the tram depot",
    "the harbour wall",
    "the grain silo",
    "the old mill",
    "the ferry terminal",
    "the tide gauge",
    "the bus station",
]
DOINGS = [
    "will be sold to a private operator",
    "must close for repairs",
    "could reopen in the spring",
    "will be rebuilt with regional funds",
    "might be handed to the county",
    "will get a new roof",
]


def article(number: int) -> str:
    """A short article of my own, different for every number."""
    town, thing = TOWNS[number % len(TOWNS)], THINGS[(number // 3) % len(THINGS)]
    doing = DOINGS[(number // 7) % len(DOINGS)]
    return (
        f"The council of {town} said on Tuesday that {thing} {doing}. "
        f'"We have no other choice," the deputy mayor told reporters after meeting number {number}. '
        f"Residents of {town} warned that the decision could raise local taxes, according to a petition "
        f"signed by {100 + number} people.\n"
    )


def write_texts(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"story-{number:03d}.txt").write_text(article(number), encoding="utf-8")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every content table, without run bookkeeping (which run stored a row differs after a resume)."""
    conn = sqlite3.connect(db)
    tables = {
        "articles": "SELECT id, content_hash, record_id, origin, outlet_id, title, url, published, language, "
        "text, record_json, shingle_minhash, reprint_cluster FROM articles ORDER BY id",
        "attributions": "SELECT * FROM attributions ORDER BY id",
        "events": "SELECT * FROM events ORDER BY id",
        "sources": "SELECT * FROM sources ORDER BY id",
        "outlets": "SELECT * FROM outlets ORDER BY id",
        "claims": "SELECT * FROM claims ORDER BY id",
        "claim_articles": "SELECT * FROM claim_articles ORDER BY claim_id, article_id",
        "links": "SELECT * FROM links ORDER BY id",
        "failures": "SELECT origin, record_id, reason, content_hash FROM failures ORDER BY origin",
    }
    result = {name: conn.execute(sql).fetchall() for name, sql in tables.items()}
    conn.close()
    return result


def claimtrace(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrace", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_same_article_twice_is_stored_once_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_texts(inputs, 4)
    (inputs / "copy-of-story-001.txt").write_text(article(1), encoding="utf-8")
    db = tmp_path / "corpus.db"
    first = ingest_local([str(inputs)], db, workers=1)
    assert (first.counts.seen, first.counts.stored, first.counts.duplicate, first.counts.failed) == (
        5,
        4,
        1,
        0,
    )
    before = snapshot(db)
    second = ingest_local([str(inputs)], db, workers=1)
    assert (second.counts.stored, second.counts.duplicate) == (0, 5)
    assert snapshot(db) == before
    assert len(before["attributions"]) >= 4  # the pipeline really analysed them


def test_bad_records_are_counted_reported_stored_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_texts(inputs, 2)
    (inputs / "blank.txt").write_text("   \n", encoding="utf-8")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    batch = [json.dumps({"id": "ok-line", "text": article(9)}), '{"id": "cut-off", "text": "The co', "[]"]
    (inputs / "batch.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    done = claimtrace("ingest", str(inputs), "--db", str(db), "--workers", "1", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "stored 3, already stored 0, failed 4" in done.stderr
    for origin in ("blank.txt", "image.txt", "batch.jsonl:2", "batch.jsonl:3"):
        assert origin in done.stderr
    conn = connect(db, create=False)
    failures = {
        row["origin"].rsplit("/", 1)[-1]: row["reason"] for row in conn.execute("SELECT * FROM failures")
    }
    assert set(failures) == {"blank.txt", "image.txt", "batch.jsonl:2", "batch.jsonl:3"}
    assert all(reason for reason in failures.values())
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_warc_archives_are_ingested(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, url in enumerate(["https://harbourpost.example/a", "https://valleywire.example/b"]):
        html = (
            f"<html><head><title>Council story {number}</title></head><body><article><h1>Council story "
            f"{number}</h1><p>{article(number + 20)}</p><p>{article(number + 40)}</p></article></body></html>"
        )
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(buffer.getvalue())
    assert gzip.decompress(archive.read_bytes())  # a real gzip WARC
    db = tmp_path / "corpus.db"
    result = ingest_local([str(archive)], db, workers=1)
    assert result.counts.stored == 2
    urls = [row[0] for row in connect(db).execute("SELECT url FROM articles ORDER BY id")]
    assert urls == ["https://harbourpost.example/a", "https://valleywire.example/b"]


def test_after_kill_9_a_rerun_gives_the_database_of_an_uninterrupted_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_texts(inputs, 80)
    (inputs / "broken.jsonl").write_text('{"id": "half\n', encoding="utf-8")
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    command = [
        sys.executable,
        "-m",
        "claimtrace",
        "ingest",
        str(inputs),
        "--db",
        str(killed_db),
        "--workers",
        "1",
        "--batch-size",
        "4",
    ]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if killed_db.exists():
            try:
                with sqlite3.connect(killed_db, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # not created yet
                continue
            if stored >= 12:
                break
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(killed_db) as conn:
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finished = conn.execute("SELECT finished FROM runs").fetchone()[0]
    assert 12 <= partial < 80 and finished is None

    resumed = claimtrace(
        "ingest", str(inputs), "--db", str(killed_db), "--workers", "1", "--batch-size", "4", cwd=tmp_path
    )
    assert resumed.returncode == 1  # the broken JSONL line fails in every run
    assert f"already stored {partial}" in resumed.stderr
    clean = claimtrace(
        "ingest", str(inputs), "--db", str(clean_db), "--workers", "1", "--batch-size", "4", cwd=tmp_path
    )
    assert clean.returncode == 1
    killed, uninterrupted = snapshot(killed_db), snapshot(clean_db)
    assert len(uninterrupted["articles"]) == 80
    for table in uninterrupted:
        assert killed[table] == uninterrupted[table], table
