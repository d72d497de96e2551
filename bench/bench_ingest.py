"""Ingest throughput and memory against `analyze` alone, on the same synthetic articles and worker count.

Runs, as separate processes: `claimtrace analyze corpus.jsonl --format jsonl -p W` (output discarded), then
`claimtrace ingest corpus.jsonl --db NEW --workers W` (store writes, MinHash signatures, link pass included).
Prints wall time, articles per second, their ratio and the peak resident memory of each whole process tree
(main process plus spaCy workers, sampled every 0.2 s). Targets (issue 5): 10,000 articles, ingest at least
0.8x the throughput of analyze, peak RSS at most 1.5 GB.

    python bench/bench_ingest.py --n 10000 --workers 2
    python bench/bench_ingest.py --n 400 --dask     # Dask engine: LocalCluster of 1, then 2 worker processes
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))

import synth


def run_measured(command: list[str], cwd: Path) -> tuple[float, float, float, int]:
    """(wall seconds, peak PSS of the process tree in MB, peak RSS of its largest process in MB, exit status).

    PSS (proportional set size) charges pages shared between the main process and its forked spaCy workers
    once, so the tree's sum is its real footprint; summing RSS would count the shared model several times.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = psutil.Process(process.pid)
    peak_tree, peak_single = 0, 0
    while process.poll() is None:
        try:
            memory = [p.memory_full_info() for p in [root, *root.children(recursive=True)]]
            peak_tree = max(peak_tree, sum(m.pss for m in memory))
            peak_single = max(peak_single, *(m.rss for m in memory))
        except psutil.Error:
            pass
        time.sleep(0.2)
    return time.perf_counter() - started, peak_tree / 2**20, peak_single / 2**20, process.returncode


def dask_speedup(corpus: Path, work: Path, n: int) -> None:
    """`ingest --engine dask` on a LocalCluster of one worker process, then two; prints the speed-up."""
    from distributed import Client, LocalCluster

    from claimtrace.engine.dask import ingest_dask

    timings = {}
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(lambda: __import__("claimtrace.analyze.pipeline"))  # imports outside the timing
            started = time.perf_counter()
            result = ingest_dask(
                [str(corpus)],
                work / f"dask-{workers}.db",
                client,
                parts_dir=work / f"parts-{workers}",
                batch_size=16,
            )
            timings[workers] = time.perf_counter() - started
        print(
            f"dask, {workers} worker(s): {timings[workers]:7.1f} s  {n / timings[workers]:6.1f} articles/s  "
            f"(stored {result.counts.stored}, failed {result.counts.failed}; model load included)"
        )
    print(f"speed-up 2 workers vs 1: {timings[1] / timings[2]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--dask", action="store_true", help="measure the Dask engine's 1-vs-2-worker speed-up"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimtrace-bench-ingest-") as folder:
        work = Path(folder)
        corpus = work / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for line in synth.jsonl_lines(args.n, seed=3, bad_rate=0.01):
                handle.write(line + "\n")
        lines = sum(1 for _ in corpus.open(encoding="utf-8"))
        if args.dask:
            dask_speedup(corpus, work, args.n)
            return
        claimtrace = [sys.executable, "-m", "claimtrace"]
        analyze = run_measured(
            [*claimtrace, "analyze", str(corpus), "--format", "jsonl", "-p", str(args.workers)], work
        )
        ingest = run_measured(
            [
                *claimtrace,
                "ingest",
                str(corpus),
                "--db",
                str(work / "bench.db"),
                "--workers",
                str(args.workers),
            ],
            work,
        )
    print(f"{args.n} synthetic articles ({lines} JSONL lines with bad records), {args.workers} workers")
    for name, (seconds, tree, single, status) in (("analyze", analyze), ("ingest", ingest)):
        print(
            f"{name:8} {seconds:8.1f} s  {args.n / seconds:7.1f} articles/s  peak memory of all processes "
            f"(PSS) {tree:6.0f} MB, largest process RSS {single:6.0f} MB  exit {status}"
        )
    print(f"ingest throughput / analyze throughput = {analyze[0] / ingest[0]:.2f}  (target >= 0.8)")
    print(f"ingest peak memory {ingest[1]:.0f} MB  (target <= 1536 MB)")


if __name__ == "__main__":
    main()
