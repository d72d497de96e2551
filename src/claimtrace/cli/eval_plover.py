"""`claimtrace eval plover FILE`: score PLOVER root types on a PLV-style table (evaluate/plover.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from claimtrace.evaluate.plover import PloverItem, PloverScores, predicted_root, read_plv, score, split_items


def predict(items: list[PloverItem]) -> list[str | None]:
    """Code events in each plain sentence with the events component and read the root the scorer picks."""
    from claimtrace.analyze.pipeline import load_pipeline

    nlp = load_pipeline(components=("claimtrace_events",))
    docs = nlp.pipe((item.text for item in items), batch_size=64)
    return [
        predicted_root(item.text, doc._.events or [], item.source)
        for doc, item in zip(docs, items, strict=True)
    ]


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


@click.command("plover")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--split",
    type=click.Choice(["heldout", "all"]),
    default="heldout",
    show_default=True,
    help="heldout: the fixed 20% never trained on; all: every row (includes training rows).",
)
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def plover(file: Path, split: str, output_format: str) -> None:
    """Score event root types on FILE (PLV_train.tsv-shaped: marked source/target, gold_root)."""
    items = read_plv(file)
    if split == "heldout":
        _, items = split_items(items)
    started = time.perf_counter()
    predicted = predict(items)
    seconds = time.perf_counter() - started
    scores = score([item.label for item in items], predicted)
    if output_format == "json":
        click.echo(json.dumps({"split": split, "seconds": round(seconds, 3), **scores.as_dict()}, indent=2))
    else:
        click.echo(_table(scores, split, seconds))
