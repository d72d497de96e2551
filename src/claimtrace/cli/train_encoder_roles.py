"""`claimtrace train encoder-roles POLNEAR`: the role scorer over the shared encoder's vectors and the
default profile's role CRF that reads it."""

from __future__ import annotations

from pathlib import Path

import click

from claimtrace.analyze.attribution.tagger import MODEL_DIR
from claimtrace.cli.train import cache_option, out_option, seed_option


@click.command("encoder-roles")
@click.argument("polnear", type=click.Path(exists=True, file_okay=False, path_type=Path))
@out_option(MODEL_DIR, "the role scorer, the role CRF and the card's encoder_roles entry")
@seed_option
@cache_option
def encoder_roles(polnear: Path, out_dir: Path, seed: int, cache_dir: Path) -> None:
    """Fit the role scorer and its CRF on the four fifths of the PolNeAR split POLNEAR the packaged encoder
    was fine-tuned on, and score the default profile on the fifth it never saw. Needs the train extra
    (pip install 'claimtrace[train]').

    \b
    Example:
      claimtrace train encoder-roles ../shared/eval/polnear/train --out /tmp/attribution
    """
    from claimtrace.analyze.pipeline import load_pipeline
    from claimtrace.train.encoder_roles import train

    card = train(
        polnear, out_dir, load_pipeline(components=()), seed=seed, cache_dir=cache_dir, report=click.echo
    )
    figures = card["encoder_roles"]["holdout_fifth_default_profile"]  # type: ignore[index]
    roles = figures["roles"]
    click.echo(
        "held-out fifth, default profile: exact F1 source/cue/content "
        + " / ".join(f"{100 * roles[r]['exact_f1']:.1f}" for r in ("source", "cue", "content"))
        + f"; triple F1 {100 * figures['triple']['f1']:.1f}"
    )
