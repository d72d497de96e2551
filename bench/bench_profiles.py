"""Whole-process speed of `claimtrace analyze` in both profiles against spaCy's own, as a user runs them.

Each side is one fresh process, start-up and output included: `claimtrace analyze FILE.jsonl -p N --format
jsonl` (default profile, then `--fast`) and a Python process that does `spacy.load` and
`nlp.pipe(n_process=N)` over the same texts. Prints wall-clock seconds, ratios (targets: default ≤ 1.5×,
fast ≤ 1.25× spaCy) and the peak resident memory of the largest process of each run (target ≤ 600 MB a
worker). Articles: PolNeAR dev (84) when ../shared/eval is present, else the bundled examples repeated.

    python bench/bench_profiles.py --processes 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_analyze import fixed_articles
from claimtrace.settings import Settings

SPACY_SCRIPT = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=32):
    pass
"""


# Runs a command and prints the largest resident set among its descendants (ru_maxrss of the children it
# waited for, in KiB): a fresh wrapper per run, so that one side's peak never carries over into the next.
PEAK_WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and the peak resident MB of the largest process the command ran (itself or a worker)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, *command], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.decode().split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side; the fastest is reported")
    args = parser.parse_args()

    name, texts = fixed_articles()
    words = sum(len(t.split()) for t in texts)
    model = Settings().model
    with tempfile.TemporaryDirectory() as scratch:
        batch = Path(scratch) / "articles.jsonl"
        batch.write_text(
            "".join(json.dumps({"id": f"doc{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
            encoding="utf-8",
        )
        claimtrace = [sys.executable, "-c", "from claimtrace.cli import main; main()", "analyze", str(batch)]
        claimtrace.append("--no-clean")
        claimtrace += ["-p", str(args.processes), "--format", "jsonl"]
        sides = {
            "spaCy nlp.pipe": [sys.executable, "-c", SPACY_SCRIPT, model, str(batch), str(args.processes)],
            "claimtrace (default)": claimtrace,
            "claimtrace --fast": [*claimtrace, "--fast"],
        }
        results = {}
        for side, command in sides.items():
            runs = [timed(command) for _ in range(args.repeat)]
            results[side] = (min(s for s, _ in runs), max(m for _, m in runs))
    print(f"articles: {name}, {words:,} words; processes: {args.processes}; best of {args.repeat}")
    print(f"cpu cores: {os.cpu_count()}")
    spacy_s = results["spaCy nlp.pipe"][0]
    for side, (seconds, peak) in results.items():
        ratio = "" if side.startswith("spaCy") else f"  ratio {seconds / spacy_s:.2f}"
        print(f"{side:<22}{seconds:7.1f} s  {words / seconds:7,.0f} words/s  peak {peak:5.0f} MB{ratio}")
    print("targets: default ≤ 1.50, --fast ≤ 1.25 × spaCy; peak ≤ 600 MB a worker")


if __name__ == "__main__":
    main()
