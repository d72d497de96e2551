"""Cost of each claimtrace component as a share of spaCy's own parse time, in one process.

The base pipeline (tok2vec, tagger, parser, NER, …) parses the article set once and is timed; then each
claimtrace component runs over the parsed Docs in pipeline order and is timed on its own (each side after a
warm-up call, so that first-call costs are not counted).

    python bench/bench_components.py
"""

from __future__ import annotations

import argparse
import time

from bench_analyze import fixed_articles
from claimtrace.analyze.pipeline import ALL_COMPONENTS, load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    name, texts = fixed_articles()
    if not texts:
        raise SystemExit("no articles to time")
    nlp = load_pipeline()
    base = [pipe for pipe in nlp.pipe_names if pipe not in ALL_COMPONENTS]
    with nlp.select_pipes(enable=base):
        list(nlp.pipe(texts[:2]))  # warm-up, as for each component below
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - started
    print(f"articles: {name}; spaCy's own pipeline: {parse_s:.2f} s")
    for component in ALL_COMPONENTS:
        pipe = nlp.get_pipe(component)
        pipe(docs[0])
        started = time.perf_counter()
        for doc in docs:
            pipe(doc)
        seconds = time.perf_counter() - started
        print(f"  {component:<26}{seconds:6.2f} s  {100 * seconds / parse_s:5.1f} % of the parse")


if __name__ == "__main__":
    main()
