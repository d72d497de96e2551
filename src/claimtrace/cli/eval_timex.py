"""`claimtrace eval timex DIR`: score time expressions on TimeML documents as TempEval-3 does."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

import click

from claimtrace.evaluate.timex import Timex, same_value

# Published anchors on the TempEval-3 platinum test (relaxed / strict extent F1, value F1), for orientation:
# they were measured on a different (test) set.
ANCHORS = (("HeidelTime", 0.9030, 0.8134, 0.7761), ("SUTime", 0.9032, 0.7957, 0.6738))


@click.command("timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--file", "file_name", default="train.jsonl", show_default=True, help="JSONL file in DIRECTORY."
)
@click.option(
    "--split",
    type=click.Choice(["heldout", "rest", "all"]),
    default="heldout",
    show_default=True,
    help="heldout: every fifth document (not used for choices); rest: the other four fifths; all: all.",
)
@click.option("--errors", is_flag=True, help="List every missed, spurious or wrongly valued expression.")
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def timex(directory: Path, file_name: str, split: str, errors: bool, output_format: str) -> None:
    """Score `times[]` (extents and their TIMEX3 type/value) on DIRECTORY/FILE, e.g. ../shared/eval/timex:
    relaxed and strict extent F1, value F1 and type accuracy, the document creation time given."""
    from claimtrace.analyze.pipeline import load_pipeline
    from claimtrace.evaluate.timex import TimexScores, predicted_timexes, read_corpus, select

    documents = select(read_corpus(directory / file_name), split)
    nlp = load_pipeline(components=("claimtrace_times",))
    scores = TimexScores()
    started = time.perf_counter()
    lines: list[str] = []
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.published = document.published
        doc = nlp(doc)
        predicted = predicted_timexes(document.text, doc._.times or [])
        pairs = scores.add(document.timexes, predicted)
        if errors:
            lines.extend(_errors(document.id, document.timexes, predicted, pairs))
    seconds = time.perf_counter() - started
    figures = scores.as_dict()
    if output_format == "json":
        click.echo(json.dumps({"file": str(directory / file_name), "split": split, **figures}, indent=2))
        return
    click.echo(
        f"TIMEX3 on {directory.name}/{file_name}, split {split}: {figures['documents']} documents, "
        f"{figures['gold']} gold and {figures['predicted']} predicted expressions ({seconds:.1f} s)"
    )
    click.echo(f"{'system':<28}{'relaxed F1':>11}{'strict F1':>11}{'value F1':>10}{'type acc':>10}")
    click.echo(
        f"{'claimtrace':<28}{figures['relaxed']['f1']:>11.3f}{figures['strict']['f1']:>11.3f}"
        f"{figures['value']['f1']:>10.3f}{figures['type_accuracy']:>10.3f}"
    )
    for name, relaxed, strict, value in ANCHORS:
        click.echo(f"{name + ' (TE3 test)':<28}{relaxed:>11.3f}{strict:>11.3f}{value:>10.3f}")
    click.echo(
        "relaxed P/R {precision:.3f}/{recall:.3f}".format(**figures["relaxed"])
        + "   value P/R {precision:.3f}/{recall:.3f}".format(**figures["value"])
    )
    for line in lines:
        click.echo(line)


def _errors(
    doc_id: str, gold: Sequence[Timex], predicted: Sequence[Timex], pairs: list[tuple[Timex, Timex]]
) -> list[str]:
    paired_gold = {id(g) for g, _ in pairs}
    paired_predicted = {id(p) for _, p in pairs}
    out = [f"{doc_id}\tmissed\t{g.text!r}\t{g.type}\t{g.value}" for g in gold if id(g) not in paired_gold]
    out += [
        f"{doc_id}\tspurious\t{p.text!r}\t{p.type}\t{p.value}"
        for p in predicted
        if id(p) not in paired_predicted
    ]
    out += [
        f"{doc_id}\tvalue\t{g.text!r} ~ {p.text!r}\tgold {g.type} {g.value}\tours {p.type} {p.value}"
        for g, p in pairs
        if not same_value(g.value, p.value)
    ]
    return out
