"""Cost of the trained attribution tagger next to spaCy's own parse of the same texts.

Usage: python bench/bench_analyze_attribution.py [DIR_OF_TXT_FILES] [--limit N]
(default: the bundled example articles). Prints spaCy's `nlp.pipe` time, the tagger's time on the parsed Docs,
tokens per second for both, and the tagger's time as a share of spaCy's.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimtrace.analyze.attribution_model import load_tagger
from claimtrace.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "claimtrace" / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=EXAMPLES)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    paths = sorted(args.directory.rglob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"no .txt files under {args.directory}")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    nlp = spacy.load(Settings().model)
    tagger = load_tagger()
    nlp("warm up")
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(tagger(doc)) for doc in docs)
    tagger_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} texts, {tokens} tokens, {found} attributions found by the tagger")
    print(f"spaCy nlp.pipe: {spacy_seconds:.2f} s ({tokens / spacy_seconds:,.0f} tokens/s)")
    print(f"tagger:         {tagger_seconds:.2f} s ({tokens / tagger_seconds:,.0f} tokens/s)")
    print(f"tagger / spaCy: {tagger_seconds / spacy_seconds:.2f}")


if __name__ == "__main__":
    main()
