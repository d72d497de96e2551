"""Speed of PLOVER event coding: milliseconds per sentence for the event step alone and for the whole path
(spaCy parse + events), single process.

The sentences are PLV_train.tsv's (1050 news sentences) when ../shared/eval is present, else a fixed
set written here, repeated. The parse runs once; the events component is then timed over the parsed
Docs (best of --repeat).

    python bench/bench_events.py --repeat 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimtrace.analyze.events import EventCoder, shipped_model
from claimtrace.analyze.extensions import register_extensions
from claimtrace.evaluate.plover import read_plv
from claimtrace.settings import Settings

PLV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover" / "PLV_train.tsv"
FALLBACK = (
    "The two governments agreed to resume talks next month after a week of clashes along the border.",
    "Police arrested forty opposition activists in the capital on Sunday, a rights group said.",
    "The rebels are willing to hold talks with the government if the army withdraws its troops.",
    "Militants attacked a police checkpoint on the highway, killing three officers.",
)


def sentences() -> tuple[str, list[str]]:
    if PLV.is_file():
        return "PLV_train.tsv", [item.text for item in read_plv(PLV)]
    return "built-in sentences ×250", list(FALLBACK) * 250


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_extensions()
    name, texts = sentences()
    nlp = spacy.load(Settings().model)
    coder = EventCoder(shipped_model())
    list(nlp.pipe(texts[:50]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse_s = time.perf_counter() - started
    best = float("inf")
    for _ in range(max(args.repeat, 1)):
        started = time.perf_counter()
        for doc in docs:
            coder(doc)
        best = min(best, time.perf_counter() - started)
    n = len(texts)
    events = sum(len(doc._.events) for doc in docs)
    print(f"{n} sentences from {name}; {events} events coded")
    print(f"events component: {1000 * best / n:.2f} ms/sentence")
    print(f"spaCy parse ({Settings().model}): {1000 * parse_s / n:.2f} ms/sentence")
    print(f"whole event step (parse + events): {1000 * (parse_s + best) / n:.2f} ms/sentence (target ≤ 20)")


if __name__ == "__main__":
    main()
