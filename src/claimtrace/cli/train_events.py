"""`claimtrace train events DIR`: rebuild the shipped PLOVER event classifier from ../shared/eval/plover."""

from __future__ import annotations

from pathlib import Path

import click

from claimtrace.analyze.events import MODEL_DIR
from claimtrace.cli.train import out_option


@click.command("events")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@out_option(MODEL_DIR, "model.json, weights.npz and card.md")
@click.option(
    "--search-c", is_flag=True, help="Choose the regularisation C by 5-fold cross-validation (slower)."
)
def events(directory: Path, out_dir: Path, search_c: bool) -> None:
    """Train the PLOVER event classifier on DIRECTORY (PLV_train.tsv and PLOVER_GSR_CAMEO.txt); the held-back
    20% of PLV_train is never trained on and is scored into the model card."""
    from claimtrace.analyze.pipeline import load_pipeline
    from claimtrace.errors import ClaimtraceError
    from claimtrace.train.events import train

    for name in ("PLV_train.tsv", "PLOVER_GSR_CAMEO.txt"):
        if not (directory / name).is_file():
            raise ClaimtraceError(f"{directory}: missing {name} (expected the PLOVER data directory)")
    nlp = load_pipeline(components=())
    heldout = train(nlp, directory, out_dir, search_c=search_c, log=click.echo)
    click.echo(
        f"held-out accuracy {heldout['accuracy']:.3f}, macro-F1 {heldout['macro_f1']:.3f} "
        f"over {heldout['n']} sentences"
    )
