"""`claimtrace train factuality DIR…`: rebuild the shipped factuality forest from UW / MEANTIME."""

from __future__ import annotations

import time
from pathlib import Path

import click

TRAIN_COMMAND = "claimtrace train factuality ../shared/eval/factuality/UW ../shared/eval/factuality/MEANTIME"


@click.command("factuality")
@click.argument(
    "directories", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the package's models/factuality).",
)
def factuality(directories: tuple[Path, ...], out: Path | None) -> None:
    """Train on DIRECTORIES/train.jsonl (e.g. ../shared/eval/factuality/UW and MEANTIME) with fixed seeds,
    then score each DIRECTORY/dev.jsonl (when present) and write the model card."""
    import sklearn
    import spacy

    from claimtrace.analyze.factuality import FactualityComponent
    from claimtrace.analyze.factuality_forest import model_directory
    from claimtrace.evaluate.factuality import corpus_style, parse_sentences, read_split, score_docs
    from claimtrace.settings import Settings
    from claimtrace.train.factuality import SEED, Hyperparameters, train, write_card

    out = out or model_directory()
    params = Hyperparameters()
    nlp = spacy.load(Settings().model)
    started = time.perf_counter()
    forest, counts, forest_cv = train(nlp, directories, params)
    seconds = time.perf_counter() - started
    forest.save(out)
    dev_scores: dict[str, object] = {}
    for directory in directories:
        dev = directory / "dev.jsonl"
        if not dev.is_file():
            continue
        sentences = read_split(dev)
        component = FactualityComponent(forest, corpus_style(directory))
        docs = [component(doc) for doc in parse_sentences(nlp, sentences)]
        dev_scores[corpus_style(directory)] = score_docs(sentences, docs).as_dict()
    write_card(
        out,
        {
            "model": "gradient-boosted regression trees over parse features (claimtrace.analyze.factuality)",
            "trained_on": {
                corpus_style(d): f"{d.name}/train.jsonl ({counts[corpus_style(d)]} predicates)"
                for d in directories
            },
            "base_pipeline": Settings().model,
            "scikit_learn": sklearn.__version__,
            "seed": SEED,
            "hyperparameters": params.__dict__,
            "snap_to_factual": forest.snap_to_factual,
            "snap_hedged": sorted(forest.snap_hedged),
            "snap_to_counterfactual": forest.snap_to_counterfactual,
            "trees": int(forest.feature.shape[0]),
            "features": len(forest.vocabulary),
            "eventive_nouns": len(forest.eventive_nouns),
            "training_seconds": round(seconds, 1),
            "cross_validation": {
                "folds": params.folds,
                "grouping": "contiguous blocks of each training file; repeated sentences in one fold",
                "snapping": "cross-fitted: each fold snapped with the threshold chosen on the others",
                **forest_cv,
            },
            "dev": dev_scores,
            "command": TRAIN_COMMAND,
        },
    )
    click.echo(f"factuality model written to {out} ({seconds:.0f} s)")
    for corpus, figures in dev_scores.items():
        click.echo(f"  dev {corpus}: MAE {figures['mae']:.3f}  r {figures['pearson_r']:.3f}")  # type: ignore[index]
