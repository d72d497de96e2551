"""`claimtrace eval polnear DIR`: score attributions on a PolNeAR split (text/ + attributions/)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from claimtrace.evaluate.polnear import (
    HOLDOUT_EVERY,
    ROLES,
    Article,
    Breakdown,
    Scores,
    error_breakdowns,
    is_held_out,
    load_corpus,
    score_corpus,
    triples_from_record,
)
from claimtrace.record import Document, Meta


def predict(
    articles: list[Article],
    outlet_links: bool = False,
    rules_only: bool = False,
    model_dir: Path | None = None,
) -> list[list[object]]:
    """Run claimtrace's attribution component over each text verbatim (as `--no-clean` does), with the
    packaged tagger or the one in `model_dir`; with `rules_only`, the rule finder alone (the trained tagger
    has seen the training split, so errors on it are read from the rules)."""
    from claimtrace.analyze.pipeline import ATTRIBUTION, analyze_documents, load_pipeline

    if rules_only:
        return _predict_rules(articles, outlet_links)
    nlp = load_pipeline(components=(ATTRIBUTION,), attribution_model=model_dir)
    documents = [Document(id=a.id, text=a.text, meta=Meta()) for a in articles]
    return [
        triples_from_record(record.attributions, outlet_links)
        for record in analyze_documents(documents, nlp=nlp)
    ]


def _predict_rules(articles: list[Article], outlet_links: bool) -> list[list[object]]:
    from claimtrace.analyze.attribution import build_attributions
    from claimtrace.analyze.attribution_rules import find_rule_attributions
    from claimtrace.analyze.pipeline import load_pipeline

    nlp = load_pipeline(components=())
    return [
        triples_from_record(build_attributions(doc, find_rule_attributions(doc)), outlet_links)
        for doc in nlp.pipe((a.text for a in articles), batch_size=32)
    ]


def _table(scores: Scores, seconds: float, articles: int) -> str:
    figures = scores.figures()
    lines = [
        f"PolNeAR attribution scores over {articles} articles ({seconds:.1f} s)",
        "",
        f"{'role':<9}{'exact P':>9}{'R':>7}{'F1':>7}{'Jacc. P':>10}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}",
    ]
    for role in ROLES:
        r = figures["roles"][role]  # type: ignore[index]
        lines.append(
            f"{role:<9}{100 * r['exact_p']:>9.1f}{100 * r['exact_r']:>7.1f}{100 * r['exact_f1']:>7.1f}"
            f"{100 * r['jaccard_p']:>10.1f}{100 * r['jaccard_r']:>7.1f}{100 * r['jaccard_f1']:>7.1f}"
            f"{r['gold']:>7}{r['predicted']:>7}"
        )
    t = figures["triple"]  # type: ignore[index]
    lines.append(
        f"{'triple':<9}{100 * t['p']:>9.1f}{100 * t['r']:>7.1f}{100 * t['f1']:>7.1f}"
        f"{'':>24}{t['gold']:>7}{t['predicted']:>7}"
    )
    return "\n".join(lines)


def _errors_table(breakdowns: list[Breakdown]) -> str:
    lines = []
    for breakdown in breakdowns:
        groups = sorted(
            set(breakdown.misses) | set(breakdown.false_alarms),
            key=lambda g: -(breakdown.misses[g] + breakdown.false_alarms[g]),
        )
        lines += ["", f"errors by {breakdown.title}", f"  {'group':<22}{'misses':>8}{'false alarms':>14}"]
        for group in groups:
            lines.append(f"  {group:<22}{breakdown.misses[group]:>8}{breakdown.false_alarms[group]:>14}")
        for group in groups:
            for label, examples in (
                ("missed", breakdown.miss_examples.get(group, [])),
                ("false alarm", breakdown.alarm_examples.get(group, [])),
            ):
                lines += [f"  [{group}] {label}: {example}" for example in examples]
    return "\n".join(lines)


@click.command("polnear")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="List misses and false alarms by kind, source type and outlet.")
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Examples shown per error group.",
)
@click.option(
    "--outlet-links",
    is_flag=True,
    help="Also score the outlet links of 'X told the Post' (PolNeAR annotates only the speaker).",
)
@click.option(
    "--rules-only",
    is_flag=True,
    help="Score the rule finder alone, without the trained tagger (error analysis on its training split).",
)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Use the attribution model in this directory (from `claimtrace train attribution --out`).",
)
@click.option(
    "--holdout",
    is_flag=True,
    help=f"Score only every {HOLDOUT_EVERY}th article: the part `train attribution --holdout` leaves out.",
)
def polnear(
    directory: Path,
    errors: bool,
    output_format: str,
    limit: int | None,
    examples: int,
    outlet_links: bool,
    rules_only: bool,
    model_dir: Path | None,
    holdout: bool,
) -> None:
    """Score attributions on a PolNeAR split DIRECTORY (with text/ and attributions/), per role (exact and
    token-Jaccard P/R/F1) and as source–cue–content triples.

    \b
    Examples:
      claimtrace eval polnear ../shared/eval/polnear/dev --errors
      claimtrace train attribution ../shared/eval/polnear/train --holdout --out /tmp/attr-holdout
      claimtrace eval polnear ../shared/eval/polnear/train --holdout --model /tmp/attr-holdout
    """
    if model_dir is not None and rules_only:
        raise click.UsageError("--model and --rules-only exclude each other: the rules use no model")
    articles = load_corpus(directory, limit)
    if holdout:
        articles = [article for k, article in enumerate(articles) if is_held_out(k)]
    started = time.perf_counter()
    predictions = predict(articles, outlet_links, rules_only, model_dir)
    scores = score_corpus(articles, predictions)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    breakdowns = error_breakdowns(scores, {a.id: a.text for a in articles}, examples) if errors else []
    if output_format == "json":
        out: dict[str, object] = {
            "directory": str(directory),
            "articles": len(articles),
            "seconds": round(seconds, 2),
            **scores.figures(),
        }
        if errors:
            out["errors"] = [b.to_dict() for b in breakdowns]
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    click.echo(_table(scores, seconds, len(articles)))
    if errors:
        click.echo(_errors_table(breakdowns))
