"""`claimtrace eval …`: score claimtrace against research corpora as shared/design/evaluation.md describes."""

from pathlib import Path

import click

from claimtrace.cli import LazyGroup

EVAL_COMMANDS = {
    "polnear": ("claimtrace.cli.eval_polnear", "polnear"),
    "factuality": ("claimtrace.cli.eval_factuality", "factuality"),
    "plover": ("claimtrace.cli.eval_plover", "plover"),
    "gsr": ("claimtrace.cli.eval_plover", "gsr"),
    "extraction": ("claimtrace.cli.eval_extraction", "extraction"),
    "timex": ("claimtrace.cli.eval_timex", "timex"),
}


@click.group("eval", cls=LazyGroup, lazy=EVAL_COMMANDS)
def eval_group() -> None:
    """Score claimtrace on evaluation corpora (PolNeAR, UW/MEANTIME, PLOVER, Zyte, TimeML)."""


# The option of every eval command that scores the default profile with a retrained encoder.
encoder_option = click.option(
    "--encoder",
    "encoder_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Use the encoder in this directory (from `claimtrace train encoder --out`).",
)
