"""Speed of `claimtrace analyze` against spaCy's own `nlp.pipe` with the same model on the same text.

Prints both wall-clock times and their ratio (target: claimtrace ≤ 1.25× spaCy at 2 processes on 2 cores).
The fixed article set is PolNeAR dev (84 real news articles) when ../shared/eval is present, else the bundled
examples repeated. Each side runs once to warm up, then is timed over --repeat runs (best of).

    python bench/bench_analyze.py --processes 2
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy

from _timing import best_of
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.cli.analyze import example_paths
from claimtrace.process import process
from claimtrace.read import iter_inputs
from claimtrace.record import RawInput
from claimtrace.settings import Settings

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear" / "dev" / "text"


def fixed_articles() -> tuple[str, list[str]]:
    if POLNEAR_DEV.is_dir():
        paths = sorted(POLNEAR_DEV.glob("*.txt"))
        return f"PolNeAR dev ({len(paths)} articles)", [p.read_text(encoding="utf-8") for p in paths]
    settings = Settings()
    texts = [
        raw.text or raw.html or ""
        for raw in iter_inputs([str(p) for p in example_paths()], settings)
        if isinstance(raw, RawInput)
    ]
    return f"bundled examples ×20 ({len(texts) * 20} articles)", texts * 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    name, texts = fixed_articles()
    words = sum(len(t.split()) for t in texts)
    settings = Settings(clean=False)
    spacy_nlp = spacy.load(settings.model)
    claimtrace_nlp = load_pipeline(settings.model)
    raws = [RawInput(id=f"doc{i}", origin=f"doc{i}", text=t) for i, t in enumerate(texts)]

    def run_spacy() -> None:
        for _ in spacy_nlp.pipe(texts, n_process=args.processes, batch_size=settings.batch_size):
            pass

    def run_claimtrace() -> None:
        for _ in process(raws, settings, n_process=args.processes, nlp=claimtrace_nlp):
            pass

    run_spacy()
    run_claimtrace()
    spacy_s = best_of(args.repeat, run_spacy)
    claimtrace_s = best_of(args.repeat, run_claimtrace)
    print(f"articles: {name}, {words:,} words; processes: {args.processes}; best of {args.repeat}")
    print(f"spaCy nlp.pipe ({settings.model}): {spacy_s:7.2f} s  ({words / spacy_s:,.0f} words/s)")
    print(f"claimtrace analyze:              {claimtrace_s:7.2f} s  ({words / claimtrace_s:,.0f} words/s)")
    print(f"ratio claimtrace / spaCy: {claimtrace_s / spacy_s:.2f}  (target ≤ 1.25)")


if __name__ == "__main__":
    main()
