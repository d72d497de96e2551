"""The PLOVER scorer: PLV reading, the fixed held-back split, event selection and the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from claimtrace.analyze.plover import EVENT_TYPES, current_type, legacy_root
from claimtrace.errors import InputError
from claimtrace.evaluate.plover import PloverItem, predicted_root, read_plv, score, split_items

HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"


def write_plv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = [HEADER]
    for number, (plain, marked, root) in enumerate(rows):
        lines.append(f"\t{number}\t{plain}\t{marked}\t\t\t{root}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_read_plv_recovers_offsets(tmp_path: Path) -> None:
    marked = "<s>The harbour authority</s> fined <t>two shipping firms</t> on Monday."
    path = write_plv(tmp_path / "p.tsv", [("", marked, "SANCTION")])
    (item,) = read_plv(path)
    assert item.text == "The harbour authority fined two shipping firms on Monday."
    assert [item.text[s:e] for s, e in item.source] == ["The harbour authority"]
    assert [item.text[s:e] for s, e in item.target] == ["two shipping firms"]
    assert item.label == "SANCTION"


def test_read_plv_errors_name_file_and_line(tmp_path: Path) -> None:
    path = write_plv(tmp_path / "p.tsv", [("", "<s>A</s> met <t>B</t>.", "CONSULT"), ("", "B left.", "")])
    with pytest.raises(InputError, match=r"p\.tsv:3"):
        read_plv(path)
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        read_plv(bad)
    with pytest.raises(InputError, match="cannot read"):
        read_plv(tmp_path / "absent.tsv")


@given(st.binary(max_size=400))
def test_read_plv_random_bytes_never_crash_otherwise(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "r.tsv"
        path.write_bytes(data)
        try:
            items = read_plv(path)
        except InputError:
            return
        except UnicodeDecodeError:
            pytest.fail("undecodable bytes must become an InputError")
        assert all(item.label for item in items)


def _items(n_per_label: int) -> list[PloverItem]:
    labels = ["AGREE", "ASSAULT", "YIELD", "REJECT"]
    return [
        PloverItem(f"{label}{i}", f"text {i}", [], [], label) for label in labels for i in range(n_per_label)
    ]


def test_split_is_fixed_disjoint_and_stratified() -> None:
    items = _items(10)
    train, heldout = split_items(items)
    assert split_items(items) == (train, heldout)
    assert {i.sentence_id for i in train}.isdisjoint({i.sentence_id for i in heldout})
    assert len(heldout) == 8 and len(train) == 32
    assert sorted(i.label for i in heldout) == sorted(["AGREE", "ASSAULT", "YIELD", "REJECT"] * 2)


def _event(event_type: str, actor: tuple[int, int] | None) -> dict:
    return {"type": event_type, "actor": {"text": "", "spans": [list(actor)]} if actor else None}


def test_scored_event_is_the_one_whose_actor_matches_the_source() -> None:
    text = "Rebels shelled the town and the army arrested two commanders."
    army = (text.index("the army"), text.index("the army") + 8)
    events = [_event("ASSAULT", (0, 6)), _event("COERCE", army)]
    assert predicted_root(text, events, [army]) == "COERCE"
    assert predicted_root(text, events, [(text.index("town"), text.index("town") + 4)]) == "ASSAULT"
    assert predicted_root(text, [_event("RETREAT", None)], [army]) == "YIELD"
    assert predicted_root(text, [], [army]) is None


def test_score_counts_missing_predictions_as_wrong() -> None:
    scores = score(["AGREE", "AGREE", "ASSAULT", "REJECT"], ["AGREE", None, "ASSAULT", "AGREE"])
    assert scores.accuracy == 0.5
    assert scores.no_event == 1
    assert scores.per_label["AGREE"]["precision"] == 0.5 and scores.per_label["AGREE"]["recall"] == 0.5
    assert scores.per_label["REJECT"]["f1"] == 0.0
    assert scores.macro_f1 == pytest.approx((0.5 + 1.0 + 0.0) / 3)


def test_legacy_roots_round_trip() -> None:
    for event_type in EVENT_TYPES:
        assert event_type in current_type(legacy_root(event_type))
    assert current_type("DISAPPROVE") == ("ACCUSE",)


@pytest.mark.slow
def test_eval_command_scores_a_small_file(tmp_path: Path) -> None:
    from claimtrace.cli import cli

    rows = [
        ("", "<s>Police</s> arrested <t>forty opposition activists</t> in the capital.", "COERCE"),
        ("", "<s>The rebels</s> released <t>twelve hostages</t> on Sunday.", "YIELD"),
    ]
    path = write_plv(tmp_path / "small.tsv", rows)
    result = CliRunner().invoke(cli, ["eval", "plover", str(path), "--split", "all", "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["n"] == 2 and figures["accuracy"] == 1.0


@pytest.mark.corpus
@pytest.mark.slow
def test_heldout_scores_stay_near_the_anchor(shared_eval: Path) -> None:
    from claimtrace.cli.eval_plover import predict

    _, heldout = split_items(read_plv(shared_eval / "plover" / "PLV_train.tsv"))
    scores = score([item.label for item in heldout], predict(heldout))
    assert scores.accuracy >= 0.82 and scores.macro_f1 >= 0.80
