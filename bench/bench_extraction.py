"""Speed of the read and extract stages: HTML pages through trafilatura, scraped text through the cleaner,
and JSONL reading. Prints pages (or lines) per second and MB/s for each; single process.

HTML pages are the Zyte benchmark's 181 pages when ../shared/eval/zyte is present, else synthetic pages.
Scraped texts are synthetic (template tags, UI strings, glued words, a related block), generated here.

    python bench/bench_extraction.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
import time
from pathlib import Path

from _timing import best_of
from claimtrace.extract import extract
from claimtrace.extract.language import detect_language
from claimtrace.extract.lexicon import english_words
from claimtrace.extract.residue import clean_scraped_text
from claimtrace.read import iter_inputs, read_bytes_as_text
from claimtrace.record import RawInput
from claimtrace.settings import Settings

ZYTE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "zyte" / "html"
SENTENCES = [
    "The port authority said on Tuesday that talks with the dock workers had stalled.",
    "A senior negotiator who attended the meeting told the Herald that the offer was final.",
    "Officials expect shipments to be delayed until the end of the month, according to two people briefed.",
    "The union, citing safety concerns, said its members would not work extra shifts.",
    "Analysts warned that the dispute could spread to rail freight terminals inland.",
]
RESIDUE = ["{{#showVideo}}{{/showVideo}}", "Advertisement", "Read more", "Share this article", "{% if ad %}"]
HEADLINES = ["Council Approves New Ferry Terminal Budget", "Why Port Cities Are Betting on Hydrogen"]


def html_pages() -> tuple[str, list[str]]:
    if ZYTE.is_dir():
        paths = sorted(ZYTE.glob("*.html.gz"))
        return f"Zyte benchmark ({len(paths)} pages)", [
            read_bytes_as_text(gzip.decompress(p.read_bytes()), p.name) for p in paths
        ]
    rng = random.Random(7)
    pages = []
    for _ in range(150):
        body = "".join(f"<p>{' '.join(rng.sample(SENTENCES, 3))}</p>" for _ in range(12))
        pages.append(
            f"<html><head><title>Port talks</title></head><body><article>{body}</article></body></html>"
        )
    return f"synthetic pages ({len(pages)})", pages


def scraped_texts(count: int = 300) -> list[str]:
    rng = random.Random(11)
    texts = []
    for _ in range(count):
        lines = []
        for _ in range(20):
            line = " ".join(rng.sample(SENTENCES, 2))
            if rng.random() < 0.3:
                line = rng.choice(RESIDUE) + "\n" + line
            if rng.random() < 0.1:
                line = line.replace(". ", ".", 1)  # a glued sentence boundary
            lines.append(line)
        texts.append("\n".join([*lines, "More Stories", *HEADLINES]))
    return texts


def report(name: str, count: int, size: int, seconds: float, unit: str) -> None:
    print(
        f"{name:<34} {count:>6} {unit:<6} {seconds:7.2f} s  {count / seconds:8.1f} {unit}/s  "
        f"{size / seconds / 1e6:6.2f} MB/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()

    started = time.perf_counter()
    english_words()
    detect_language("warm up the language model with a sentence of plain English text")
    print(f"one-off loading (word list, language model): {time.perf_counter() - started:.2f} s")

    name, pages = html_pages()
    raws = [RawInput(id=str(i), origin=str(i), html=html) for i, html in enumerate(pages)]

    def extract_all_html() -> None:
        for raw in raws:
            try:
                extract(raw, settings)
            except Exception as exc:  # the benchmark times extraction; failures are counted by eval, not here
                print(f"  {raw.origin}: {exc}")

    html_bytes = sum(len(p.encode()) for p in pages)
    report(f"extract HTML: {name}", len(pages), html_bytes, best_of(args.repeat, extract_all_html), "pages")

    texts = scraped_texts()
    text_bytes = sum(len(t.encode()) for t in texts)
    seconds = best_of(args.repeat, lambda: [clean_scraped_text(t) for t in texts])
    report("clean scraped text (synthetic)", len(texts), text_bytes, seconds, "texts")
    text_raws = [RawInput(id=str(i), origin=str(i), text=t) for i, t in enumerate(texts)]
    seconds = best_of(args.repeat, lambda: [extract(r, settings) for r in text_raws])
    report("extract text (clean + language)", len(texts), text_bytes, seconds, "texts")

    with tempfile.TemporaryDirectory() as directory:
        batch = Path(directory) / "batch.jsonl"
        batch.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts * 10)))
        seconds = best_of(args.repeat, lambda: list(iter_inputs([str(batch)], settings)))
        report("read JSONL batch", len(texts) * 10, batch.stat().st_size, seconds, "lines")


if __name__ == "__main__":
    main()
