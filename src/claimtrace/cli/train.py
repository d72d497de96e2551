"""`claimtrace train …`: rebuild the models shipped in the package, reproducibly (fixed seeds)."""

import click

from claimtrace.cli import LazyGroup

TRAIN_COMMANDS = {
    "attribution": ("claimtrace.cli.train_attribution", "attribution"),
    "factuality": ("claimtrace.cli.train_factuality", "factuality"),
    "events": ("claimtrace.cli.train_events", "events"),
    "encoder": ("claimtrace.cli.train_encoder", "encoder"),
}


@click.group("train", cls=LazyGroup, lazy=TRAIN_COMMANDS)
def train_group() -> None:
    """Retrain a shipped model from a research corpus."""
