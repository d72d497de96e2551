"""`claimtrace train attribution DIR`: rebuild the shipped attribution tagger from a PolNeAR split."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimtrace.analyze.attribution.tagger import MODEL_DIR
from claimtrace.cli.train import cache_option, dev_option, out_option, seed_option


@click.command("attribution")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@dev_option("model")
@out_option(MODEL_DIR, "the model files and card")
@seed_option
@cache_option
@click.option(
    "--holdout",
    is_flag=True,
    help="Model selection only: fit on 4/5 of DIRECTORY and score the tagger alone on the other fifth "
    "(every 5th article); use with an --out outside the package.",
)
def attribution(
    directory: Path, dev_dir: Path | None, out_dir: Path, seed: int, cache_dir: Path, holdout: bool
) -> None:
    """Train the attribution tagger on the PolNeAR split DIRECTORY (text/ + attributions/)."""
    from claimtrace.analyze.pipeline import load_pipeline
    from claimtrace.train import attribution as training

    if holdout and out_dir.resolve() == MODEL_DIR.resolve():
        raise click.UsageError("--holdout would overwrite the shipped model: pass --out DIR")
    nlp = load_pipeline(components=())
    if holdout:
        card = training.holdout(directory, out_dir, nlp, seed=seed, cache_dir=cache_dir, report=click.echo)
        scores = card["holdout_scores"]
        if isinstance(scores, dict):
            click.echo(_summary("held-out fifth (tagger alone)", scores))
        return
    card = training.train(
        directory, out_dir, nlp, dev_dir=dev_dir, seed=seed, cache_dir=cache_dir, report=click.echo
    )
    click.echo(f"wrote {out_dir} (trained in {card['training_seconds']} s)")
    scores = card.get("dev_scores")
    if isinstance(scores, dict):
        click.echo(_summary("dev", scores))


def _summary(label: str, scores: dict[str, Any]) -> str:
    roles = scores["roles"]
    return (
        f"{label} exact F1 source/cue/content: "
        + " / ".join(f"{100 * roles[r]['exact_f1']:.1f}" for r in ("source", "cue", "content"))
        + f"; triple F1 {100 * scores['triple']['f1']:.1f}"
    )
