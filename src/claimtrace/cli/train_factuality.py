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
@click.option(
    "--encoder/--no-encoder",
    default=True,
    help="Run the packaged shared encoder to fit the default profile's stack of trees and encoder "
    "(stack.json); --no-encoder trains the trees alone.",
)
def factuality(directories: tuple[Path, ...], out: Path | None, encoder: bool) -> None:
    """Train on DIRECTORIES/train.jsonl (e.g. ../shared/eval/factuality/UW and MEANTIME) with fixed seeds,
    then score each DIRECTORY/dev.jsonl (when present) in both profiles and write the model card."""
    import sklearn
    import spacy

    import claimtrace.analyze.encoder  # noqa: F401  (registers the encoder factory)
    from claimtrace.analyze.factuality import FactualityComponent
    from claimtrace.analyze.factuality_encoder import save_stacks
    from claimtrace.analyze.factuality_forest import model_directory
    from claimtrace.evaluate.factuality import corpus_style, parse_sentences, read_split, score_docs
    from claimtrace.settings import Settings
    from claimtrace.train.factuality import SEED, Hyperparameters, train, write_card

    out = out or model_directory()
    params = Hyperparameters()
    nlp = spacy.load(Settings().model)
    if encoder:
        nlp.add_pipe("claimtrace_encoder")
    started = time.perf_counter()
    forest, counts, forest_cv, stacks, stack_figures = train(nlp, directories, params)
    seconds = time.perf_counter() - started
    forest.save(out)
    save_stacks(out, stacks)
    dev_scores: dict[str, object] = {}
    for directory in directories:
        dev = directory / "dev.jsonl"
        if not dev.is_file():
            continue
        sentences = read_split(dev)
        corpus = corpus_style(directory)
        scores = {}
        fast = FactualityComponent(forest, corpus)
        with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name == "claimtrace_encoder"]):
            scores["fast"] = score_docs(
                sentences, [fast(d) for d in parse_sentences(nlp, sentences)]
            ).as_dict()
        if encoder:
            default = FactualityComponent(forest, corpus, stacks)
            docs = [default(d) for d in parse_sentences(nlp, sentences)]
            scores["default"] = score_docs(sentences, docs).as_dict()
        dev_scores[corpus] = scores
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
            "stack": {
                "what": "default profile: a linear map of the trees' unsnapped value and the encoder "
                "head's, then snapped (stack.json); fitted on the encoder's held-out fifth of each "
                "training file (every 5th sentence) with trees fitted on the other four fifths; kept "
                "where it beats the trees alone",
                "scoring": "every gold predicate of the fifth, cross-fitted over 5 folds of its sentences",
                "held_out_fifth": stack_figures,
                "stacks": {corpus: stack.__dict__ for corpus, stack in stacks.items()},
            },
            "dev": dev_scores,
            "command": TRAIN_COMMAND,
        },
    )
    click.echo(f"factuality model written to {out} ({seconds:.0f} s)")
    for corpus, figures in stack_figures.items():
        click.echo(f"  held-out fifth {corpus}: {figures}")
    for corpus, profiles in dev_scores.items():
        for profile, figures in profiles.items():  # type: ignore[attr-defined]
            click.echo(f"  dev {corpus} {profile}: MAE {figures['mae']:.3f}  r {figures['pearson_r']:.3f}")
