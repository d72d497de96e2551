"""Extraction scoring: 4-word shingles per page, averaged, as the Zyte benchmark defines them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import cli
from claimtrace.errors import ClaimtraceError
from claimtrace.evaluate.extraction import evaluate_extraction, score_page, shingles, summarise

TRUTH = "The museum will reopen its east wing in May after a two-year renovation, the director said."


def test_shingles_are_four_token_windows_of_word_characters() -> None:
    assert shingles("One, two; three four five!") == {
        ("One", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }
    assert shingles("too short") == {("too", "short"): 1}
    assert shingles("") == {}


def test_perfect_partial_and_empty_predictions() -> None:
    perfect = score_page("p", TRUTH, TRUTH)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    extra = score_page("e", TRUTH, TRUTH + " Subscribe to read more stories about local culture today.")
    assert extra.recall == 1.0 and 0.0 < extra.precision < 1.0
    missing = score_page("m", TRUTH, "")
    assert (missing.precision, missing.recall) == (0.0, 0.0)
    assert missing.tp + missing.fp + missing.fn == pytest.approx(1.0)


def test_repeated_shingles_count_as_a_multiset() -> None:
    doubled = score_page("d", TRUTH, TRUTH + " " + TRUTH)
    assert doubled.recall == 1.0
    assert doubled.precision == pytest.approx(0.5, abs=0.05)


def test_summary_averages_pages_then_takes_f1_of_the_averages() -> None:
    pages = [score_page("a", TRUTH, TRUTH), score_page("b", TRUTH, "")]
    summary = summarise(pages)
    # Page b predicted nothing, so it has no precision to average (the benchmark skips it); its recall is 0.
    assert summary.precision == pytest.approx(1.0)
    assert summary.recall == pytest.approx(0.5)
    assert summary.f1 == pytest.approx(2 / 3)
    assert summary.mean_page_f1 == pytest.approx(0.5)


def make_benchmark(directory: Path) -> None:
    pages = {
        "museum": f"<html><body><nav>Home | Visit</nav><article><p>{TRUTH}</p>"
        "<p>Tickets for the opening weekend go on sale in April, and members can book a week early.</p>"
        "</article><footer>Copyright 2020 City Museum</footer></body></html>",
        "empty": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    }
    (directory / "html").mkdir()
    for page_id, html in pages.items():
        (directory / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
    truth = {
        "museum": {
            "articleBody": TRUTH
            + "\nTickets for the opening weekend go on sale in April, and members can book "
            "a week early.",
            "url": "https://museum.example/news/east-wing",
        },
        "empty": {"articleBody": "", "url": None},
    }
    (directory / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


def test_benchmark_directory_is_extracted_and_scored(tmp_path: Path) -> None:
    make_benchmark(tmp_path)
    score = evaluate_extraction(tmp_path)
    by_id = {p.id: p for p in score.pages}
    assert by_id["museum"].f1 == pytest.approx(1.0)
    assert by_id["empty"].error is not None and "no article text" in by_id["empty"].error
    assert [p.id for p in score.failed] == ["empty"]


def test_eval_extraction_command_prints_a_table_or_json(tmp_path: Path) -> None:
    make_benchmark(tmp_path)
    runner = CliRunner()
    table = runner.invoke(cli, ["eval", "extraction", str(tmp_path)])
    assert table.exit_code == 0, table.output
    assert "precision" in table.output and "F1" in table.output
    result = runner.invoke(cli, ["eval", "extraction", str(tmp_path), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["pages"] == 2 and data["failed"] == 1
    assert 0.0 <= data["f1"] <= 1.0


@pytest.mark.parametrize(
    ("ground_truth", "expected"),
    [
        (None, "No such file"),
        ("not json", "cannot read the ground truth"),
        ('{"page": "text"}', "expected an object"),
    ],
)
def test_bad_ground_truth_is_one_line_naming_the_file(
    tmp_path: Path, ground_truth: str | None, expected: str
) -> None:
    if ground_truth is not None:
        (tmp_path / "ground-truth.json").write_text(ground_truth, encoding="utf-8")
    with pytest.raises(ClaimtraceError) as raised:
        evaluate_extraction(tmp_path)
    message = str(raised.value)
    assert message.startswith(str(tmp_path / "ground-truth.json"))
    assert expected in message and "\n" not in message


@pytest.mark.corpus
@pytest.mark.slow
def test_zyte_benchmark_is_at_trafilatura_level(shared_eval: Path) -> None:
    score = evaluate_extraction(shared_eval / "zyte")
    assert len(score.pages) == 181
    assert score.f1 >= 0.95
