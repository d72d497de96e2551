"""The corpus commands end to end, as a user runs them: `claimtrace ingest`, then claims, trace, reprints,
search and export, each in its own process over the real pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from test_ingest import claimtrace

pytestmark = pytest.mark.slow

ORIGINAL = (
    "Norvik is ready to reopen the northern rail crossing to freight, according to three people familiar "
    "with the talks. The crossing has been closed since a landslide in the autumn. Hauliers have lobbied for "
    "months to get the line working again, and the regional council has set aside money for the repairs."
)
REREPORT = (
    "Norvik is ready to reopen the northern rail crossing to freight, the Harbour Post reported on Monday, "
    "citing three people familiar with the talks. The government in Norvik declined to comment."
)
CONFIRMED = (
    "A transport ministry spokeswoman said on Tuesday that Norvik was ready to reopen the northern rail "
    "crossing to freight. Freight operators welcomed the news."
)
UNRELATED = (
    "The finance minister said the harbour tax would rise next year. Shipowners called the plan unfair."
)
RECORDS = [
    {"id": "post-1", "text": ORIGINAL, "url": "https://harbourpost.example/rail", "published": "2025-02-01"},
    {"id": "wire-1", "text": REREPORT, "url": "https://valleywire.example/norvik", "published": "2025-02-02"},
    {
        "id": "courier-1",
        "text": CONFIRMED,
        "url": "https://easterncourier.example/rail",
        "published": "2025-02-03",
    },
    {
        "id": "courier-2",
        "text": UNRELATED,
        "url": "https://easterncourier.example/tax",
        "published": "2025-01-20",
    },
    {
        "id": "reprint-1",
        "text": ORIGINAL + " This story first appeared in the Harbour Post.",
        "url": "https://coastaldigest.example/rail",
        "published": "2025-02-04",
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by `claimtrace ingest` in the default place (claimtrace.db in the working directory)."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps(record) for record in RECORDS] + ['{"id": "torn", "text": "Norvik']
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = claimtrace("ingest", "news.jsonl", "--workers", "1", cwd=folder)
    assert done.returncode == 1, done.stderr  # the torn line fails; everything else is stored
    assert "stored 5, already stored 0, failed 1" in done.stderr
    assert "news.jsonl:6" in done.stderr and "Traceback" not in done.stderr
    assert (folder / "claimtrace.db").exists()
    return folder


def claims_json(folder: Path, *args: str) -> list[dict]:
    done = claimtrace("claims", "--format", "json", *args, cwd=folder)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_claims_lists_every_claim_with_source_and_outlet(corpus: Path) -> None:
    rows = claims_json(corpus)
    assert {row["outlet"] for row in rows} >= {
        "harbourpost.example",
        "valleywire.example",
        "easterncourier.example",
    }
    rail = [row for row in rows if "rail crossing" in row["content"]]
    assert any("three people familiar with the talks" in (row["source"] or "") for row in rail)
    assert [row["published"] for row in rows] == sorted((row["published"] for row in rows), reverse=True)


def test_claims_filters_and_paging(corpus: Path) -> None:
    valley = claims_json(corpus, "--outlet", "valleywire")
    assert valley and {row["outlet"] for row in valley} == {"valleywire.example"}
    tax = claims_json(corpus, "--text", "harbour tax")
    assert [row["record_id"] for row in tax] == ["courier-2"]
    january = claims_json(corpus, "--until", "2025-01-31")
    assert {row["record_id"] for row in january} == {"courier-2"}
    everything = claims_json(corpus)
    assert claims_json(corpus, "--limit", "1", "--offset", "1") == everything[1:2]
    bad = claimtrace("claims", "--certainty", "very", cwd=corpus)
    assert bad.returncode == 2 and "certainty must be one of" in bad.stderr and "Traceback" not in bad.stderr


def test_claims_as_csv(corpus: Path) -> None:
    done = claimtrace("claims", "--format", "csv", cwd=corpus)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {"claim_id", "outlet", "source", "content", "certainty_label"} <= set(rows[0])


def test_trace_shows_the_claim_travelling_between_outlets(corpus: Path) -> None:
    rail = [row for row in claims_json(corpus) if "rail crossing" in row["content"]]
    widest = max(rail, key=lambda row: row["claim_articles"])
    assert widest["claim_articles"] >= 3
    done = claimtrace("trace", str(widest["claim_id"]), "--format", "json", cwd=corpus)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    chain = result["chain"]
    assert chain[0]["outlet"] == "harbourpost.example" and chain[0]["published"] == "2025-02-01"
    assert result["claim"]["credited_outlet"] in {"Harbour Post", "harbourpost.example"}
    wire = next(link for link in chain if link["outlet"] == "valleywire.example")
    assert wire["credits"] == "Harbour Post" and wire["cites_article_id"] == chain[0]["article_id"]
    table = claimtrace("trace", str(widest["claim_id"]), cwd=corpus)
    assert table.returncode == 0 and "harbourpost.example" in table.stdout
    missing = claimtrace("trace", "999999", cwd=corpus)
    assert missing.returncode == 2 and "no claim 999999" in missing.stderr


def test_reprints_groups_the_copied_story(corpus: Path) -> None:
    done = claimtrace("reprints", "--format", "json", cwd=corpus)
    assert done.returncode == 0, done.stderr
    clusters = json.loads(done.stdout)
    assert [sorted(a["outlet"] for a in c["articles"]) for c in clusters] == [
        ["coastaldigest.example", "harbourpost.example"]
    ]


def test_search_finds_articles(corpus: Path) -> None:
    done = claimtrace("search", "landslide", "--format", "json", cwd=corpus)
    assert done.returncode == 0, done.stderr
    assert {hit["record_id"] for hit in json.loads(done.stdout)} == {"post-1", "reprint-1"}


def test_export_jsonl_is_exactly_what_analyze_produces(corpus: Path) -> None:
    exported = claimtrace("export", "--format", "jsonl", cwd=corpus)
    assert exported.returncode == 0, exported.stderr
    analysed = claimtrace("analyze", "news.jsonl", "--format", "jsonl", cwd=corpus)
    good = [json.loads(line) for line in analysed.stdout.splitlines() if "error" not in json.loads(line)]
    assert [json.loads(line) for line in exported.stdout.splitlines()] == good


def test_export_parquet_reads_in_duckdb(corpus: Path) -> None:
    import duckdb

    done = claimtrace("export", "--format", "parquet", "--out", "tables", cwd=corpus)
    assert done.returncode == 0, done.stderr
    outlets = duckdb.sql(
        f"SELECT DISTINCT outlet FROM read_parquet('{corpus / 'tables' / 'articles.parquet'}') ORDER BY 1"
    ).fetchall()
    assert [o[0] for o in outlets] == [
        "coastaldigest.example",
        "easterncourier.example",
        "harbourpost.example",
        "valleywire.example",
    ]
    claims = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{corpus / 'tables' / 'claims.parquet'}')"
    ).fetchall()
    assert claims[0][0] == len(claims_json(corpus, "--limit", "1000"))


def test_reading_commands_refuse_a_missing_store(tmp_path: Path) -> None:
    done = claimtrace("claims", "--db", "nowhere.db", cwd=tmp_path)
    assert done.returncode == 2 and "no claimtrace store" in done.stderr
    assert not (tmp_path / "nowhere.db").exists()


def test_ingest_links_only_new_articles_and_relink_rebuilds(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "claimtrace.db").write_bytes((corpus / "claimtrace.db").read_bytes())
    before = claims_json(tmp_path, "--limit", "1000")
    extra = {
        "id": "digest-2",
        "text": "Norvik is ready to reopen the northern rail crossing to freight, officials told reporters.",
        "url": "https://coastaldigest.example/norvik",
        "published": "2025-02-05",
    }
    (tmp_path / "more.jsonl").write_text(json.dumps(extra) + "\n", encoding="utf-8")
    done = claimtrace("ingest", "more.jsonl", "--workers", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "linked 1 new articles" in done.stderr
    incremental = claims_json(tmp_path, "--limit", "1000")
    assert len(incremental) > len(before)
    relinked = claimtrace("ingest", "--relink", cwd=tmp_path)
    assert relinked.returncode == 0, relinked.stderr
    assert "relinked 6 articles" in relinked.stdout
    assert claims_json(tmp_path, "--limit", "1000") == incremental


def test_ingest_without_paths_needs_relink(tmp_path: Path) -> None:
    done = claimtrace("ingest", cwd=tmp_path)
    assert done.returncode == 2 and "--relink" in done.stderr and "Traceback" not in done.stderr
