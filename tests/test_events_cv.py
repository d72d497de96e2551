"""`claimtrace eval events-cv`: cross-validation of the event model inside the training parts, on a tiny
PLOVER directory of sentences written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.slow

PLV = [
    ("<s>Ministers from Chad</s> agreed with <t>Niger</t> on a new border treaty.", "AGREE"),
    ("<s>The two governments</s> signed <t>a trade accord</t> on Monday.", "AGREE"),
    ("<s>The unions</s> reached a deal with <t>the employers</t> overnight.", "AGREE"),
    ("<s>Serbia</s> agreed to a ceasefire with <t>Kosovo</t>.", "AGREE"),
    ("<s>The rival parties</s> signed <t>a power-sharing pact</t>.", "AGREE"),
    ("<s>Rebels</s> attacked <t>an army post</t> near the capital.", "ASSAULT"),
    ("<s>Gunmen</s> shot <t>three police officers</t> in the market.", "ASSAULT"),
    ("<s>Militants</s> bombed <t>a bus station</t> in the north.", "ASSAULT"),
    ("<s>Soldiers</s> shelled <t>the rebel town</t> for hours.", "ASSAULT"),
    ("<s>A mob</s> beat <t>two journalists</t> outside the court.", "ASSAULT"),
    ("<s>The opposition</s> accused <t>the president</t> of rigging the vote.", "ACCUSE"),
    ("<s>Activists</s> condemned <t>the ministry</t> for the arrests.", "ACCUSE"),
    ("<s>The watchdog</s> criticised <t>the bank</t> over its lending.", "ACCUSE"),
    ("<s>Prosecutors</s> charged <t>the former mayor</t> with fraud.", "ACCUSE"),
    ("<s>The union</s> denounced <t>the government</t> for the cuts.", "ACCUSE"),
    ("<s>The council</s> rejected <t>the proposal</t> from the mayor.", "REJECT"),
    ("<s>Lawmakers</s> refused <t>the budget plan</t> again.", "REJECT"),
    ("<s>The court</s> dismissed <t>the appeal</t> of the company.", "REJECT"),
    ("<s>Iran</s> turned down <t>the offer</t> of talks.", "REJECT"),
    ("<s>The rebels</s> rejected <t>the peace plan</t> outright.", "REJECT"),
]
GSR = [
    ("French officials agreed with Germany on the plan.", "AGREE", "French", "FRA", "GOV"),
    ("Kenyan troops attacked a militia camp on Sunday.", "ASSAULT", "Kenyan troops", "KEN", "MIL"),
    ("Egypt accused Ethiopia of stealing water.", "ACCUSE", "Egypt", "EGY", "GOV"),
    ("Peru rejected the demands of the miners.", "REJECT", "Peru", "PER", "GOV"),
    ("The Brazilian president met the Argentine president.", "CONSULT", "Brazilian president", "BRA", "GOV"),
    ("Norway sent aid to the earthquake victims.", "AID", "Norway", "NOR", "GOV"),
    ("Canadian diplomats agreed to resume talks.", "AGREE", "Canadian diplomats", "CAN", "GOV"),
    ("Indian soldiers fired on protesters.", "ASSAULT", "Indian soldiers", "IND", "MIL"),
]


def write_plover(directory: Path) -> Path:
    rows = ["\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"]
    for number, (marked, root) in enumerate(PLV):
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        rows.append(f"\t{number}\t{plain}\t{marked}\t\t\t{root}\n")
    (directory / "PLV_train.tsv").write_text("".join(rows), encoding="utf-8")
    records = [{"id": "DOC", "event": "DOCUMENT"}] + [
        {"id": f"R{n}", "event": event, "text": text,
         "source": [{"actorText": actor, "code": code, "sector": sector}], "target": []}
        for n, (text, event, actor, code, sector) in enumerate(GSR)
    ]  # fmt: skip
    (directory / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(records), encoding="utf-8")
    return directory


def test_events_cv_scores_every_training_sentence_reproducibly(tmp_path: Path) -> None:
    from claimtrace.cli import cli

    directory = write_plover(tmp_path)
    args = ["eval", "events-cv", str(directory), "--fast", "--folds", "3", "--format", "json"]
    first = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    figures = json.loads(first.output)
    # the held-out parts (20 % of PLV rows, 30 % of records) are never read: each other sentence once
    assert figures["plv_n"] == 16 and figures["n"] == 5
    for key in ("detection_recall", "root_accuracy", "actor_country_accuracy", "actor_sector_accuracy",
                "plv_accuracy", "plv_macro_f1"):  # fmt: skip
        assert 0.0 <= figures[key] <= 1.0
    assert figures["unexpected_per_sentence"] >= 0.0
    second = json.loads(CliRunner().invoke(cli, args, catch_exceptions=False).output)
    figures.pop("seconds"), second.pop("seconds")
    assert second == figures  # fixed seeds


def test_events_cv_table_names_the_five_figures_and_plv(tmp_path: Path) -> None:
    from claimtrace.cli import cli

    result = CliRunner().invoke(
        cli, ["eval", "events-cv", str(write_plover(tmp_path)), "--fast", "--folds", "2"]
    )
    assert result.exit_code == 0, result.output
    for words in ("detection recall", "unexpected events a sentence", "root type accuracy", "actor country",
                  "sector", "PLV accuracy", "macro-F1", "2-fold"):  # fmt: skip
        assert words in result.output


def test_events_cv_names_a_missing_file(tmp_path: Path) -> None:
    from claimtrace.cli import cli
    from claimtrace.errors import ClaimtraceError

    result = CliRunner().invoke(cli, ["eval", "events-cv", str(tmp_path), "--fast"])
    assert isinstance(result.exception, ClaimtraceError)
    assert "missing PLV_train.tsv" in str(result.exception)


def test_events_cv_reads_the_choices_of_a_model_directory(tmp_path: Path) -> None:
    from claimtrace.analyze.events import MODEL_DIR
    from claimtrace.cli import cli

    args = ["eval", "events-cv", str(write_plover(tmp_path)), "--fast", "--folds", "2", "--format", "json"]
    shipped = json.loads(CliRunner().invoke(cli, args, catch_exceptions=False).output)
    result = CliRunner().invoke(cli, [*args, "--model", str(MODEL_DIR)], catch_exceptions=False)
    named = json.loads(result.output)
    shipped.pop("seconds"), named.pop("seconds")
    assert named == shipped
