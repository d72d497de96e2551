"""Cost of the trained attribution tagger next to spaCy's own parse of the same texts.

Usage: python bench/bench_analyze_attribution.py [DIR_OF_TXT_FILES] [--limit N] [--model DIR ...]
(default: the bundled example articles and the shipped model; several --model DIRs are timed on the same
Docs). Prints spaCy's `nlp.pipe` time, each tagger's time on the parsed Docs, tokens per second for both,
and the tagger's time as a share of spaCy's.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimtrace.analyze.attribution.tagger import MODEL_DIR, AttributionTagger
from claimtrace.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "claimtrace" / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=EXAMPLES)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--model", type=Path, action="append", help="a model directory (default: shipped)")
    args = parser.parse_args()
    paths = sorted(args.directory.rglob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"no .txt files under {args.directory}")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    nlp = spacy.load(Settings().model)
    nlp("warm up")
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} texts, {tokens} tokens")
    print(f"spaCy nlp.pipe: {spacy_seconds:.2f} s ({tokens / spacy_seconds:,.0f} tokens/s)")
    for directory in args.model or [MODEL_DIR]:
        tagger = AttributionTagger(directory)
        started = time.perf_counter()
        found = sum(len(tagger(doc)) for doc in docs)
        tagger_seconds = time.perf_counter() - started
        print(f"tagger {directory}: {found} attributions")
        print(f"  {tagger_seconds:.2f} s ({tokens / tagger_seconds:,.0f} tokens/s), tagger / spaCy: ", end="")
        print(f"{tagger_seconds / spacy_seconds:.2f}")


if __name__ == "__main__":
    main()
