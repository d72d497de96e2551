"""`claimtrace train encoder POLNEAR`: fine-tune the shared encoder and export it for onnxruntime."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimtrace.analyze.encoder import CARD, MODEL_DIR
from claimtrace.cli.train import dev_option, out_option, seed_option

TRAIN_COMMAND = (
    "claimtrace train encoder ../shared/eval/polnear/train "
    "--factuality ../shared/eval/factuality/UW --factuality ../shared/eval/factuality/MEANTIME"
)


@click.command("encoder")
@click.argument("polnear", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--factuality",
    "factuality_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A UW or MEANTIME directory (train.jsonl) for the factuality head; give UW first, then MEANTIME.",
)
@out_option(MODEL_DIR, "the ONNX model, tokenizer, heads and card")
@dev_option("encoder")
@seed_option
@click.option("--epochs", type=click.FloatRange(min=0.01), default=2.0, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Train on a tiny slice (tests).")
@click.option(
    "--checkpoint",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also keep the torch weights here (outside the package), to export again without retraining.",
)
def encoder(
    polnear: Path,
    factuality_dirs: tuple[Path, ...],
    out_dir: Path,
    dev_dir: Path | None,
    seed: int,
    epochs: float,
    limit: int | None,
    checkpoint: Path | None,
) -> None:
    """Fine-tune all-MiniLM-L6-v2 on the PolNeAR split POLNEAR (cue and source/content heads) and the
    --factuality splits (a factuality head), leaving every 5th article and sentence out; the left-out fifth
    chooses the factuality blend and is scored into the model card. Needs the train extra
    (pip install 'claimtrace[train]').

    \b
    Example:
      claimtrace train encoder ../shared/eval/polnear/train \\
        --factuality ../shared/eval/factuality/UW --factuality ../shared/eval/factuality/MEANTIME \\
        --dev ../shared/eval/polnear/dev --out /tmp/encoder
    """
    from claimtrace.train.encoder import TrainingSettings, choose_blend, score_attribution, train

    settings = TrainingSettings(seed=seed, epochs=epochs, limit=limit, checkpoint=checkpoint)
    card = train(polnear, factuality_dirs, out_dir, settings, holdout=True, report=click.echo)
    card["factuality_holdout"] = choose_blend(out_dir, factuality_dirs, report=click.echo)
    card["attribution_holdout"] = score_attribution(out_dir, polnear, holdout=True, limit=limit)
    if dev_dir is not None:
        card["attribution_dev"] = score_attribution(out_dir, dev_dir, holdout=False, limit=limit)
    card["command"] = TRAIN_COMMAND
    (out_dir / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    click.echo(f"wrote {out_dir} (trained in {card['training_seconds']} s)")
