"""Reprint detection at scale: MinHash signatures + LSH banding + clustering over N synthetic articles.

Prints the time of each stage, the total, and recall/precision of the reprint pairs against the generator's
ground truth. Target (issue 5): 100,000 articles in at most 60 s.

With --store, it measures the link step of a store instead (on a copy): a full rebuild
(`link_store(full=True)`, what every ingest paid before linking became incremental), then storing --add new
synthetic articles and linking only them.

    python bench/bench_lsh.py            # 100,000 articles
    python bench/bench_lsh.py --n 20000
    python bench/bench_lsh.py --store bench/out/serve_100000.db --add 10
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import synth
from claimtrace.link.reprints import REPRINT_NUM_PERM, reprint_clusters, reprint_pairs
from claimtrace.link.text import shingle_hashes, signature


def bench_store_link(store: Path, add: int) -> None:
    from claimtrace.link.columns import link_columns
    from claimtrace.link.linker import link_store
    from claimtrace.store.db import connect
    from claimtrace.store.write import store_record

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "link.db"
        shutil.copyfile(store, copy)
        conn = connect(copy)
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        started = time.perf_counter()
        full = link_store(conn, full=True)
        print(f"full rebuild of the links of {n} articles:  {time.perf_counter() - started:7.2f} s  ({full})")
        # New articles from the same generator with another seed: their claims draw on the same wordings.
        with conn:
            for number, article in enumerate(synth.generate(add, seed=97), 1):
                article.id = f"added-{number}"
                record = synth.to_record(article)
                store_record(conn, record, f"bench-added-{number}", article.id, link=link_columns(record))
        started = time.perf_counter()
        added = link_store(conn)
        print(
            f"incremental link of {add} new articles:     {time.perf_counter() - started:7.2f} s  ({added})"
        )
        started = time.perf_counter()
        nothing = link_store(conn)
        print(
            f"link with nothing new:                     {time.perf_counter() - started:7.2f} s  ({nothing})"
        )
        conn.close()
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="measure the link step of this store (on a copy)")
    parser.add_argument("--add", type=int, default=10, help="new articles for the incremental link (--store)")
    args = parser.parse_args()
    if args.store:
        bench_store_link(args.store, args.add)
        return

    started = time.perf_counter()
    articles = list(synth.generate(args.n, reprint_rate=0.1))
    generated = time.perf_counter()
    print(f"generated {len(articles)} articles in {generated - started:.1f} s (not counted)")

    cpu0 = time.process_time()
    t0 = time.perf_counter()
    signatures = np.stack([signature(shingle_hashes(a.text), REPRINT_NUM_PERM) for a in articles])
    t1 = time.perf_counter()
    # The link step leaves empty articles (all-maximum signatures) out of the index; so does the bench.
    kept = np.flatnonzero((signatures != np.iinfo(np.uint32).max).any(axis=1))
    pairs = reprint_pairs(kept.tolist(), signatures[kept])
    t2 = time.perf_counter()
    clusters = reprint_clusters(pairs)
    t3 = time.perf_counter()
    cpu = time.process_time() - cpu0

    index = {a.id: number for number, a in enumerate(articles)}
    root = {number: index[a.reprint_of] if a.reprint_of else number for number, a in enumerate(articles)}
    found = {(p.first, p.second) for p in pairs}
    truth_pairs = {(root[n], n) for n, a in enumerate(articles) if a.reprint_of}
    recall = len(truth_pairs & found) / max(len(truth_pairs), 1)
    precision = sum(1 for a, b in found if root[a] == root[b]) / max(len(found), 1)

    print(f"signatures (word 3-shingles, {REPRINT_NUM_PERM} permutations):  {t1 - t0:6.1f} s")
    print(f"LSH banding + verification:                     {t2 - t1:6.1f} s")
    print(f"clustering:                                     {t3 - t2:6.1f} s")
    print(
        f"total reprint detection over {args.n} articles:  {t3 - t0:6.1f} s wall, {cpu:.1f} s CPU "
        "(target <= 60 s at 100,000)"
    )
    print(
        f"pairs {len(pairs)}, clusters {len(clusters)}; recall of reprint->original pairs {recall:.3f}, "
        f"pair precision {precision:.3f}"
    )
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
