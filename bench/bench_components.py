"""Cost of each claimtrace component as a share of spaCy's own parse time, in one process.

The base pipeline (tok2vec, tagger, parser, NER, …) parses the article set once and is timed; then each
claimtrace component runs over the parsed Docs in pipeline order and is timed on its own (each side after a
warm-up call, so that first-call costs are not counted). The default profile includes the shared encoder;
`--fast` leaves it out (and the components read their encoder-free models).

    python bench/bench_components.py
    python bench/bench_components.py --fast
"""

from __future__ import annotations

import argparse
import time

from bench_analyze import fixed_articles
from claimtrace.analyze.pipeline import load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="the fast profile (no shared encoder)")
    args = parser.parse_args()
    name, texts = fixed_articles()
    if not texts:
        raise SystemExit("no articles to time")
    nlp = load_pipeline(fast=args.fast)
    ours = [pipe for pipe in nlp.pipe_names if pipe.startswith("claimtrace_")]
    base = [pipe for pipe in nlp.pipe_names if pipe not in ours]
    with nlp.select_pipes(enable=base):
        list(nlp.pipe(texts[:2]))  # warm-up, as for each component below
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - started
    profile = "fast" if args.fast else "default"
    print(f"articles: {name}; profile: {profile}; spaCy's own pipeline: {parse_s:.2f} s")
    for component in ours:
        pipe = nlp.get_pipe(component)
        pipe(docs[0])
        started = time.perf_counter()
        for doc in docs:
            pipe(doc)
        seconds = time.perf_counter() - started
        print(f"  {component:<26}{seconds:6.2f} s  {100 * seconds / parse_s:5.1f} % of the parse")


if __name__ == "__main__":
    main()
