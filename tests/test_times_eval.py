"""`claimtrace eval timex`: TempEval-3 scoring (relaxed/strict extent, value, type) on documents we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import cli
from claimtrace.evaluate.timex import Timex, TimexScores, predicted_timexes, read_corpus, select


def test_relaxed_strict_value_and_type_are_scored_on_one_to_one_pairs() -> None:
    gold = [Timex(0, 6, "Friday", "DATE", "1998-08-07"), Timex(20, 34, "the past month", "DURATION", "P1M")]
    predicted = [
        Timex(0, 6, "Friday", "DATE", "1998-08-07"),  # exact, right value
        Timex(24, 34, "past month", "DATE", "1998-07"),  # overlaps: relaxed only, wrong value and type
        Timex(26, 30, "t mo", "DATE", None),  # overlaps the same gold: no second pair
        Timex(40, 43, "now", "DATE", "PRESENT_REF"),  # spurious
    ]
    scores = TimexScores()
    scores.add(gold, predicted)
    figures = scores.as_dict()
    assert figures["relaxed"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert figures["strict"]["recall"] == 0.5
    assert figures["value"] == {"precision": 0.25, "recall": 0.5, "f1": 0.3333}
    assert figures["type_accuracy"] == 0.5


def test_week_numbers_compare_without_zero_padding() -> None:
    scores = TimexScores()
    scores.add([Timex(0, 9, "this week", "DATE", "2000-W7")], [Timex(0, 9, "this week", "DATE", "2000-W07")])
    assert scores.value == 1


def test_predicted_extents_drop_since_and_entries_that_are_no_timex3() -> None:
    text = "Since May, a 6-year-old has waited."
    entries = [
        {"start": 0, "end": 9, "text": "Since May", "timex3": {"type": "DATE", "value": "2024-05"}},
        {"start": 13, "end": 23, "text": "6-year-old", "timex3": None},
    ]
    assert predicted_timexes(text, entries) == [Timex(6, 9, "May", "DATE", "2024-05")]


def _write_corpus(directory: Path, count: int) -> None:
    lines = []
    for i in range(count):
        text = "The bomb exploded Friday."
        gold = [{"start": 18, "end": 24, "text": "Friday", "type": "DATE", "value": "1998-08-07"}]
        lines.append(json.dumps({"id": f"d{i}", "text": text, "published": "1998-08-08", "timexes": gold}))
    (directory / "train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_fifth_document_is_held_out(tmp_path: Path) -> None:
    _write_corpus(tmp_path, 11)
    documents = read_corpus(tmp_path / "train.jsonl")
    assert [d.id for d in select(documents, "heldout")] == ["d0", "d5", "d10"]
    assert len(select(documents, "rest")) == 8
    assert len(select(documents, "all")) == 11


@pytest.mark.slow
def test_cli_scores_a_corpus(tmp_path: Path) -> None:
    _write_corpus(tmp_path, 2)
    result = CliRunner().invoke(cli, ["eval", "timex", str(tmp_path), "--split", "all", "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 2
    assert figures["relaxed"]["f1"] == figures["value"]["f1"] == 1.0
