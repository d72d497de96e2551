"""`claimtrace eval factuality DIR`: score predicate factuality on a UW or MEANTIME split."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from claimtrace.cli.evaluate import encoder_option, format_option, holdout_option
from claimtrace.evaluate.polnear import is_held_out

# Published anchors on the dev splits (their own scoring), shown beside the measured figures.
ANCHORS = {
    "UW": (("always +3", 0.781, None), ("Stanovsky et al. 2017", 0.399, 0.668), ("DLGRN 2021", 0.346, 0.863)),
    "MEANTIME": (("always +3", 0.315, None), ("Stanovsky et al. 2017", 0.243, 0.412)),
}


@click.command("factuality")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True, help="Which SPLIT.jsonl of DIRECTORY to score.")
@format_option
@click.option("--fast", is_flag=True, help="Score the fast profile (the trees alone, no encoder).")
@encoder_option
@holdout_option("sentence", "claimtrace train encoder")
def factuality(
    directory: Path, split: str, output_format: str, fast: bool, encoder_dir: Path | None, holdout: bool
) -> None:
    """Score predicate factuality on DIRECTORY/SPLIT.jsonl (../shared/eval/factuality/UW or MEANTIME): MAE and
    Pearson r over all gold predicates; a predicate given no value counts as +3."""
    from claimtrace.evaluate.factuality import (
        corpus_style,
        factuality_pipeline,
        parse_sentences,
        read_split,
        score_docs,
        split_path,
    )
    from claimtrace.settings import Settings

    if fast and encoder_dir is not None:
        raise click.UsageError("--encoder has no use in the fast profile")
    sentences = read_split(split_path(directory, split))
    if holdout:
        sentences = [s for k, s in enumerate(sentences) if is_held_out(k)]
    corpus = corpus_style(directory)
    nlp = factuality_pipeline(Settings().model, corpus, fast, encoder_dir)
    started = time.perf_counter()
    scores = score_docs(sentences, parse_sentences(nlp, sentences))
    seconds = time.perf_counter() - started
    if output_format == "json":
        out = {
            "directory": str(directory),
            "split": split,
            "style": corpus,
            "sentences": len(sentences),
            "seconds": round(seconds, 2),
            **scores.as_dict(),
        }
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(
        f"factuality on {directory.name}/{split}.jsonl: {len(sentences)} sentences, "
        f"{scores.count} predicates ({seconds:.1f} s)"
    )
    click.echo(f"{'system':<36}{'MAE':>8}{'r':>8}")
    click.echo(f"{'claimtrace':<36}{scores.mae:>8.3f}{scores.pearson_r:>8.3f}")
    for name, mae, r in ANCHORS.get(corpus, ()) if split == "dev" else ():
        click.echo(f"{name + ' (published)':<36}{mae:>8.3f}{r if r is not None else '–':>8}")
    click.echo(f"gold predicates given no value (scored as +3): {scores.unscored}")
