"""`claimtrace eval …`: score claimtrace against research corpora as shared/design/evaluation.md describes."""

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
