"""End to end through the real CLI: residue removed, sentences kept, claims with sources and chains."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrace.cli.analyze import example_paths

EXAMPLES = {p.name: p for p in example_paths()}


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrace", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def analyze_json(path: Path, *extra: str) -> dict:
    result = run_cli("analyze", str(path), "--format", "json", *extra)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def by_cue(record: dict, verb: str) -> list[dict]:
    """Attributions whose cue ends in `verb` ("denied" matches "has denied")."""
    return [a for a in record["attributions"] if a["cue"] and a["cue"]["text"].lower().split()[-1] == verb]


@pytest.fixture(scope="module")
def scraped() -> dict:
    return analyze_json(EXAMPLES["02-scraped-rereport.txt"])


@pytest.fixture(scope="module")
def scoop() -> dict:
    return analyze_json(EXAMPLES["01-harbor-post-scoop.html"])


def test_record_follows_the_public_format(scraped: dict) -> None:
    assert scraped["schema"] == "claimtrace/1"
    assert set(scraped) >= {
        "id",
        "text",
        "meta",
        "removed",
        "related",
        "entities",
        "times",
        "attributions",
        "events",
        "factuality",
    }
    for attribution in scraped["attributions"]:
        for role in ("source", "cue", "content"):
            if attribution[role] is None:
                continue
            for start, end in attribution[role]["spans"]:
                assert scraped["text"][start:end] in attribution[role]["text"]


def test_residue_is_removed_and_listed(scraped: dict) -> None:
    text = scraped["text"]
    for residue in ("{{", "{%", "Read more", "Load more", "Five recipes"):
        assert residue not in text
    reasons = {item["reason"] for item in scraped["removed"]}
    assert {"template", "ui", "related"} <= reasons
    titles = [item["title"] for item in scraped["related"]]
    assert "Storm damages harbour in northern port city" in titles
    assert "Football league announces new season schedule" in titles


def test_every_article_sentence_is_kept_and_glued_words_repaired(scraped: dict) -> None:
    text = scraped["text"]
    for sentence in (
        "Velorian President Ilan Dorsk may be prepared to discuss a ceasefire with Kestania",
        "three current and former Western officials",
        "A senior European diplomat who attended a meeting in Geneva told the Post",
        "The Kestanian foreign ministry has denied that any talks took place.",
        '"We will hold every position," Brandt told reporters in the capital.',
    ):
        assert sentence in text
    assert "PostCiting" not in text


def test_reported_claims_have_their_sources(scraped: dict) -> None:
    told = [a for a in by_cue(scraped, "told") if a["source"]]
    sources = {a["source"]["text"] for a in told}
    assert any("senior European diplomat" in s for s in sources)
    assert "Brandt" in sources
    diplomat = next(a for a in told if "diplomat" in a["source"]["text"])
    assert diplomat["source_profile"]["type"] == "anonymous"
    assert "readiness to negotiate" in diplomat["content"]["text"]
    denied = by_cue(scraped, "denied")
    assert denied and "foreign ministry" in denied[0]["source"]["text"]


def test_citing_chain_links_officials_to_the_newspaper(scraped: dict) -> None:
    officials = [
        a for a in scraped["attributions"] if a["source"] and "Western officials" in a["source"]["text"]
    ]
    assert officials, "the officials cited by the newspaper are a source"
    profile = officials[0]["source_profile"]
    assert profile["type"] == "anonymous" and profile["count"] == 3 and profile["former"] is True
    parent = officials[0]["parent"]
    assert parent is not None
    reporter = next(a for a in scraped["attributions"] if a["id"] == parent)
    assert reporter["source"] and (
        "newspaper" in reporter["source"]["text"] or "Post" in reporter["source"]["text"]
    )


def test_quote_inside_a_quote_links_to_its_reporter(scoop: dict) -> None:
    inner = [
        a
        for a in scoop["attributions"]
        if "We will not sign anything" in a["content"]["text"]
        and "did not reject" not in a["content"]["text"]
    ]
    assert inner, "the inner quote is an attribution of its own"
    parent = next(a for a in scoop["attributions"] if a["id"] == inner[0]["parent"])
    assert parent["source"] and "diplomat" in parent["source"]["text"]


def test_html_metadata_ignores_the_copyright_footer(scoop: dict) -> None:
    meta = scoop["meta"]
    assert meta["published"] == "2026-03-12" and meta["published_basis"] == "metadata"
    assert meta["site"] == "The Harbor Post"
    assert "Veloria signals readiness" in meta["title"]
    assert "All rights reserved" not in scoop["text"]


def test_no_clean_keeps_text_verbatim(tmp_path: Path) -> None:
    raw = "{{x}} The minister said talks would resume.\nRead more\n"
    path = tmp_path / "verbatim.txt"
    path.write_text(raw, encoding="utf-8")
    record = analyze_json(path, "--no-clean")
    assert record["text"] == raw


def test_batch_goes_on_after_bad_records_and_exit_status_tells(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"id": "good", "text": "The mayor said the bridge would reopen on Monday."}\n'
        '{"id": "broken", "text": \n'
        '{"id": "also-good", "text": "Police said two people were arrested."}\n',
        encoding="utf-8",
    )
    result = run_cli("analyze", str(batch), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["id"] for line in lines if "error" not in line] == ["good", "also-good"]
    assert any("error" in line for line in lines)
    stderr = result.stderr.decode()
    assert "batch.jsonl:2" in stderr and "Traceback" not in stderr


def test_stdin_and_missing_file(tmp_path: Path) -> None:
    result = run_cli("analyze", "-", "--format", "json", stdin=b"The governor said the dam was safe.")
    assert result.returncode == 0
    assert json.loads(result.stdout)["attributions"]
    missing = run_cli("analyze", str(tmp_path / "nope.txt"), "--format", "json")
    assert missing.returncode == 1
    assert "nope.txt" in missing.stderr.decode() and "Traceback" not in missing.stderr.decode()


def test_report_format_shows_claims_and_certainty() -> None:
    result = run_cli("analyze", str(EXAMPLES["01-harbor-post-scoop.html"]), "--format", "report")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "senior European diplomat" in out
    assert any(label in out for label in ("certain", "probable", "possible", "doubtful", "negated"))
