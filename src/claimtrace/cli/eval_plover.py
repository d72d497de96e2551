"""`claimtrace eval plover FILE`: PLOVER root types on a PLV-style table (evaluate/plover.py);
`claimtrace eval gsr FILE`: event detection and actor coding on the PLOVER gold-standard records
(evaluate/gsr.py); `claimtrace eval events-cv DIR`: both, by cross-validation inside their training parts
(train/events.py `cross_validation`), the figures to make choices on."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from claimtrace.cli import F
from claimtrace.cli.evaluate import format_option
from claimtrace.evaluate.gsr import GsrScores, read_gsr, score_gsr, split_records
from claimtrace.evaluate.plover import PloverItem, PloverScores, predicted_root, read_plv, score, split_items


def code_sentences(texts: list[str], fast: bool = False) -> list[list[dict[str, Any]]]:
    """The claimtrace/1 events of each plain sentence, from the events component alone (with the shared
    encoder in front unless `fast`)."""
    from claimtrace.analyze.pipeline import load_pipeline

    nlp = load_pipeline(components=("claimtrace_events",), fast=fast)
    return [list(doc._.events or []) for doc in nlp.pipe(texts, batch_size=64)]


def predict(items: list[PloverItem], fast: bool = False) -> list[str | None]:
    """Code events in each plain sentence and read the root the scorer picks."""
    events = code_sentences([item.text for item in items], fast)
    return [predicted_root(item.text, found, item.source) for found, item in zip(events, items, strict=True)]


def _table(scores: PloverScores, split: str, seconds: float) -> str:
    lines = [
        f"PLOVER root types, split {split}: {scores.n} sentences "
        f"({1000 * seconds / max(scores.n, 1):.1f} ms each, parsing included)",
        f"accuracy {scores.accuracy:.3f}   macro-F1 {scores.macro_f1:.3f}   no event {scores.no_event}"
        "   (zero-shot roberta-large-mnli: 0.838 / 0.824)",
        "",
        f"{'root':<11}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}",
    ]
    for label, figures in scores.per_label.items():
        lines.append(
            f"{label:<11}{figures['precision']:>7.3f}{figures['recall']:>7.3f}{figures['f1']:>7.3f}"
            f"{int(figures['support']):>6}"
        )
    return "\n".join(lines)


def _scored_file(command: str, held_out: str, unit: str) -> Callable[[F], F]:
    """The command, its FILE argument, `--split` (the `held_out` part of the file's `unit`s never trained on,
    or all of them), `--fast` and `--format`, which the PLOVER eval commands share."""

    def decorate(function: F) -> F:
        options = (
            click.command(command),
            click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
            click.option(
                "--split",
                type=click.Choice(["heldout", "train", "all"]),
                default="heldout",
                show_default=True,
                help=f"heldout: the fixed {held_out} never trained on; train: the rest, to make choices on; "
                f"all: every {unit}.",
            ),
            click.option(
                "--fast", is_flag=True, help="Score the fast profile (the sparse event model, no encoder)."
            ),
            format_option,
        )
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@_scored_file("plover", "20%", "row")
def plover(file: Path, split: str, fast: bool, output_format: str) -> None:
    """Score event root types on FILE (PLV_train.tsv-shaped: marked source/target, gold_root)."""
    items = read_plv(file)
    if split != "all":
        train, heldout = split_items(items)
        items = heldout if split == "heldout" else train
    started = time.perf_counter()
    predicted = predict(items, fast)
    seconds = time.perf_counter() - started
    scores = score([item.label for item in items], predicted)
    if output_format == "json":
        click.echo(json.dumps({"split": split, "seconds": round(seconds, 3), **scores.as_dict()}, indent=2))
    else:
        click.echo(_table(scores, split, seconds))


def _gsr_table(scores: GsrScores, split: str, seconds: float) -> str:
    figures = scores.as_dict()
    lines = [
        f"PLOVER gold-standard records, split {split}: {scores.n} sentences "
        f"({1000 * seconds / max(scores.n, 1):.1f} ms each, parsing included)",
        f"detection recall {figures['detection_recall']:.3f} (target >= 0.85)   unexpected events a "
        f"sentence {figures['unexpected_per_sentence']:.3f} (<= 0.3)   root type accuracy "
        f"{figures['root_accuracy']:.3f} (>= 0.85)",
        f"actor country {figures['actor_country_accuracy']:.3f} of {scores.country_n} (>= 0.85)   sector "
        f"{figures['actor_sector_accuracy']:.3f} of {scores.sector_n} (>= 0.75)   matched events without "
        f"actor {scores.no_actor}",
        "",
        f"{'type':<11}{'n':>5}{'detected':>10}{'root':>6}",
    ]
    for label, row in sorted(scores.per_type.items()):
        lines.append(f"{label:<11}{row['n']:>5}{row['detected']:>10}{row['root']:>6}")
    return "\n".join(lines)


def _errors(records: list, predicted: list[list[dict[str, Any]]]) -> str:
    """Each sentence whose gold type was missed or that has unexpected events, with what was coded."""
    lines = []
    for record, events in zip(records, predicted, strict=True):
        coded = [
            (
                e["type"],
                e["trigger"]["text"],
                (e.get("actor") or {}).get("text"),
                (e.get("actor") or {}).get("code"),
                (e.get("actor") or {}).get("sector"),
            )
            for e in events
        ]
        gold = [(g.text, g.code, g.sector) for g in record.sources]
        if any(e["type"] != record.label for e in events) or not any(
            e["type"] == record.label for e in events
        ):
            lines.append(f"{record.id} gold {record.label} {gold}\n  {record.text}\n  coded {coded}")
    return "\n".join(lines)


@_scored_file("gsr", "30%", "record")
@click.option("--errors", is_flag=True, help="Also list missed and unexpected events, sentence by sentence.")
def gsr(file: Path, split: str, fast: bool, output_format: str, errors: bool) -> None:
    """Score event detection, root types and actor coding on FILE (PLOVER_GSR_CAMEO.txt-shaped records)."""
    records = read_gsr(file)
    if split != "all":
        train, heldout = split_records(records)
        records = heldout if split == "heldout" else train
    started = time.perf_counter()
    predicted = code_sentences([record.text for record in records], fast)
    seconds = time.perf_counter() - started
    scores = score_gsr(records, predicted)
    if output_format == "json":
        click.echo(json.dumps({"split": split, "seconds": round(seconds, 3), **scores.as_dict()}, indent=2))
    else:
        click.echo(_gsr_table(scores, split, seconds))
    if errors:
        click.echo(_errors(records, predicted))


def _cv_table(cv: Any, profile: str, seconds: float) -> str:
    figures = cv.gsr.as_dict()
    return "\n".join([
        f"{cv.folds}-fold cross-validation inside the training parts, {profile}: {cv.gsr.n} gold-standard "
        f"and {cv.plv.n} PLV sentences ({seconds:.0f} s)",
        f"detection recall {figures['detection_recall']:.3f} (target >= 0.85)   unexpected events a "
        f"sentence {figures['unexpected_per_sentence']:.3f} (<= 0.3)   root type accuracy "
        f"{figures['root_accuracy']:.3f} (>= 0.85)",
        f"actor country {figures['actor_country_accuracy']:.3f} of {cv.gsr.country_n} (>= 0.85)   sector "
        f"{figures['actor_sector_accuracy']:.3f} of {cv.gsr.sector_n} (>= 0.75)   matched events without "
        f"actor {cv.gsr.no_actor}",
        f"PLV accuracy {cv.plv.accuracy:.3f}   macro-F1 {cv.plv.macro_f1:.3f}   no event {cv.plv.no_event}",
    ])  # fmt: skip


@click.command("events-cv")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--fast", is_flag=True, help="Refit the fast profile's sparse model (else the encoder head).")
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option(
    "--seed",
    type=int,
    default=7,
    show_default=True,
    help="Seed of the folds' permutation (train/events.py CV_SEED).",
)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Refit with the choices of the model in this directory (`claimtrace train events --out`), not the "
    "shipped one's.",
)
@format_option
@click.option("--errors", is_flag=True, help="Also list missed and unexpected events, sentence by sentence.")
def events_cv(directory: Path, fast: bool, folds: int, seed: int, model_dir: Path | None, output_format: str,
              errors: bool) -> None:  # fmt: skip
    """Cross-validate the event model inside the training parts of DIRECTORY (PLV_train.tsv and
    PLOVER_GSR_CAMEO.txt, held-out parts never read): each fold coded by the model refitted on the others with
    the shipped model's choices; prints the gold-standard figures and PLV accuracy / macro-F1."""
    from claimtrace.analyze.pipeline import load_pipeline
    from claimtrace.errors import ClaimtraceError
    from claimtrace.train.events import cross_validation, parse_training, shipped_choices, with_vectors

    for name in ("PLV_train.tsv", "PLOVER_GSR_CAMEO.txt"):
        if not (directory / name).is_file():
            raise ClaimtraceError(f"{directory}: missing {name} (expected the PLOVER data directory)")
    started = time.perf_counter()
    parsed = parse_training(load_pipeline(components=()), directory)
    if not fast:
        parsed = with_vectors(parsed)
    choices = shipped_choices(encoder=not fast, model_dir=model_dir)
    cv = cross_validation(parsed, choices, dense=not fast, folds=folds, seed=seed)
    seconds = time.perf_counter() - started
    profile = "fast profile" if fast else "default profile (encoder head)"
    if output_format == "json":
        plv = cv.plv.as_dict()
        click.echo(json.dumps({"folds": folds, "seed": seed, "fast": fast, "seconds": round(seconds, 3),
                               **cv.gsr.as_dict(), "plv_accuracy": plv["accuracy"],
                               "plv_macro_f1": plv["macro_f1"], "plv_n": plv["n"]}, indent=2))  # fmt: skip
    else:
        click.echo(_cv_table(cv, profile, seconds))
    if errors:
        click.echo(_errors(cv.records, cv.events))
        for gold, predicted, text, found in cv.plv_rows:
            if gold != predicted:
                coded = [(e["type"], e["trigger"]["text"]) for e in found]
                click.echo(f"PLV gold {gold} predicted {predicted}\n  {text}\n  coded {coded}")
