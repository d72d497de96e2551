"""`claimtrace eval …`: score claimtrace against research corpora as shared/design/evaluation.md describes."""

from collections.abc import Callable

import click

from claimtrace.cli import F, LazyGroup, directory_option, lazy_commands

EVAL_COMMANDS = {
    **lazy_commands("eval_polnear", "polnear"),
    **lazy_commands("eval_factuality", "factuality"),
    **lazy_commands("eval_plover", "plover", "gsr"),
    "events-cv": ("claimtrace.cli.eval_plover", "events_cv"),
    **lazy_commands("eval_extraction", "extraction"),
    **lazy_commands("eval_timex", "timex"),
}


@click.group("eval", cls=LazyGroup, lazy=EVAL_COMMANDS)
def eval_group() -> None:
    """Score claimtrace on evaluation corpora (PolNeAR, UW/MEANTIME, PLOVER, Zyte, TimeML)."""


# The option of every eval command that scores the default profile with a retrained encoder.
encoder_option = directory_option(
    "--encoder", "encoder_dir", "Use the encoder in this directory (from `claimtrace train encoder --out`)."
)
# How every eval command prints its scores.
format_option = click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)


def holdout_option(unit: str, left_out_by: str) -> Callable[[F], F]:
    """`--holdout`: score only the held-out part (every HOLDOUT_EVERY-th `unit`) that `left_out_by` trains
    without."""
    from claimtrace.evaluate.polnear import HOLDOUT_EVERY

    return click.option(
        "--holdout",
        is_flag=True,
        help=f"Score only every {HOLDOUT_EVERY}th {unit}: the part `{left_out_by}` leaves out.",
    )
