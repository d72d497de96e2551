"""`claimtrace eval polnear DIR`: score attributions on a PolNeAR split (text/ + attributions/)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from claimtrace.cli import directory_option
from claimtrace.cli.evaluate import encoder_option, format_option, holdout_option
from claimtrace.evaluate.polnear import (
    ROLES,
    Breakdown,
    Scores,
    error_breakdowns,
    is_held_out,
    load_corpus,
    predict,
    score_corpus,
)


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
@format_option
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
@directory_option(
    "--model",
    "model_dir",
    "Use the fast profile's attribution model in this directory (from `claimtrace train attribution --out`); "
    "implies --fast.",
)
@click.option("--fast", is_flag=True, help="Score the fast profile (no encoder: the CRF tagger and rules).")
@encoder_option
@holdout_option("article", "train attribution --holdout")
def polnear(
    directory: Path,
    errors: bool,
    output_format: str,
    limit: int | None,
    examples: int,
    outlet_links: bool,
    rules_only: bool,
    model_dir: Path | None,
    fast: bool,
    encoder_dir: Path | None,
    holdout: bool,
) -> None:
    """Score attributions on a PolNeAR split DIRECTORY (with text/ and attributions/), per role (exact and
    token-Jaccard P/R/F1) and as source–cue–content triples.

    \b
    Examples:
      claimtrace eval polnear ../shared/eval/polnear/dev --errors
      claimtrace train attribution ../shared/eval/polnear/train --holdout --out /tmp/attr-holdout
      claimtrace eval polnear ../shared/eval/polnear/train --holdout --model /tmp/attr-holdout
      claimtrace eval polnear ../shared/eval/polnear/train --holdout --encoder /tmp/encoder-holdout
    """
    if (model_dir is not None or encoder_dir is not None) and rules_only:
        raise click.UsageError(
            "--model/--encoder and --rules-only exclude each other: the rules use no model"
        )
    fast = fast or model_dir is not None
    if fast and encoder_dir is not None:
        raise click.UsageError("--encoder has no use in the fast profile (--fast, --model)")
    articles = load_corpus(directory, limit)
    if holdout:
        articles = [article for k, article in enumerate(articles) if is_held_out(k)]
    started = time.perf_counter()
    predictions = predict(articles, outlet_links, rules_only, model_dir, fast, encoder_dir)
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
