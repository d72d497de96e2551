"""`claimtrace train …`: rebuild the models shipped in the package, reproducibly (fixed seeds)."""

import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from claimtrace.cli import F, LazyGroup, directory_option

TRAIN_COMMANDS = {
    name: (f"claimtrace.cli.train_{name}", name)
    for name in ("attribution", "factuality", "events", "encoder")
}
TRAIN_COMMANDS["encoder-roles"] = ("claimtrace.cli.train_encoder_roles", "encoder_roles")


@click.group("train", cls=LazyGroup, lazy=TRAIN_COMMANDS)
def train_group() -> None:
    """Retrain a shipped model from a research corpus."""


def out_option(default: Path, written: str) -> Callable[[F], F]:
    """`--out DIR`: where a train command writes `written`, by default over the shipped model."""
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=default,
        show_default=True,
        help=f"Where {written} are written.",
    )


def dev_option(scored: str) -> Callable[[F], F]:
    """`--dev DIR`: a PolNeAR split to score the newly trained model on."""
    return directory_option(
        "--dev",
        "dev_dir",
        f"A PolNeAR split to score the new {scored} on (scores go into the {scored}'s card).",
    )


# The seed of every train command's random choices, so that a rebuild is reproducible.
seed_option = click.option(
    "--seed", type=int, default=13, show_default=True, help="Seed for the training order."
)

# `--cache DIR`: parsed corpora kept between runs of the commands that parse PolNeAR.
cache_option = click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(tempfile.gettempdir()) / "claimtrace-parse-cache",
    show_default=True,
    help="Where parsed corpora are cached between runs (never inside the repository).",
)
