"""Issue 15 through the real CLI: a bad record fails alone and the batch is written, every message is one
escaped line, and ingest says what it skipped and why."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.store.db import connect

TEXT = "Officials in Norvik said on Monday that the ferry talks would resume, according to the Harbor Post."


def claimtrace(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrace", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
        env={**os.environ, **env},
    )


def test_bad_inputs_fail_alone_each_on_one_escaped_line(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(TEXT * 5)
    (tmp_path / "ok.txt").write_text(TEXT)
    os.mkfifo(tmp_path / "pipe.txt")
    odd = "we\nird\x1b[31m.txt"
    done = claimtrace(
        "analyze",
        "big.txt",
        "ok.txt",
        "pipe.txt",
        odd,
        "--max-chars",
        "300",
        "--format",
        "jsonl",
        cwd=tmp_path,
    )
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [("error" in r, r["id"]) for r in records] == [
        (True, "big.txt"),
        (False, "ok.txt"),
        (True, "pipe.txt"),
        (True, odd),
    ]
    lines = done.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("claimtrace: error: ") for line in lines)
    assert re.search(
        r"big\.txt: article text is \d{3} characters, over the limit of 300 \(--max-chars", lines[0]
    )
    assert len(lines[0]) > 120  # long, and still one line: never wrapped at 80 columns
    assert "pipe.txt: a named pipe (FIFO)" in lines[1]
    assert lines[2] == "claimtrace: error: we\\nird\\x1b[31m.txt: no such file or directory"


def test_ingest_reports_skips_and_repeats_and_keeps_its_log_plain(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": TEXT},
        {"id": "b", "text": TEXT},  # the same text under another id
        {"id": "a", "text": TEXT.replace("Monday", "Tuesday")},  # the same id for another text
        {"id": "s", "text": "a \ud800 b"},
        {"id": [1, 2], "text": TEXT.replace("Monday", "Friday")},
    ]
    batch = tmp_path / "news.jsonl"
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    done = claimtrace("ingest", "news.jsonl", "--db", "news.db", "--workers", "1", "--no-link", cwd=tmp_path)
    assert done.returncode == 1
    log = done.stderr.splitlines()
    assert log[0] == "stored 2, already stored 1, failed 2"
    assert "  note: news.jsonl:2: id 'b' not stored: same text as 'a'" in log
    assert "  note: news.jsonl:3: id 'a' also given to news.jsonl:1: both stored" in log
    assert any(line.startswith('  failed: news.jsonl:4: "text": lone surrogate \\ud800') for line in log)
    assert any(
        line.startswith('  failed: news.jsonl:5: "id" must be a string or a whole number') for line in log
    )
    assert not any(mark in done.stderr for mark in ("━", "\r", "\x1b"))  # no progress bar in a log
    assert (
        connect(tmp_path / "news.db", readonly=True).execute("SELECT count(*) FROM articles").fetchone()[0]
        == 2
    )


def test_a_bad_limit_in_the_environment_is_one_line_and_status_2(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TEXT)
    done = claimtrace("analyze", "ok.txt", cwd=tmp_path, CLAIMTRACE_MAX_BYTES="abc")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "claimtrace: error: CLAIMTRACE_MAX_BYTES must be a positive int, got 'abc'\n"


@pytest.mark.parametrize(("given", "expected"), [([], os.cpu_count() or 1), (["-p", "1"], 1)])
def test_analyze_uses_every_core_unless_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, given: list[str], expected: int
) -> None:
    import claimtrace.cli.analyze as command

    used: list[int] = []
    monkeypatch.setattr(
        command, "run_analysis", lambda paths, settings, fmt, processes: used.append(processes) or 0
    )
    result = CliRunner().invoke(command.analyze, [str(tmp_path), *given])
    assert result.exit_code == 0 and used == [expected]
