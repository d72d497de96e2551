"""Filtered `claims` queries on a large store: latency percentiles of store.queries.query_claims.

The store is filled by direct inserts of synthetic claimtrace/1 records (bench/synth.py, no spaCy), then
linked; it is kept at --store and reused by later runs. Target (issue 5): p95 <= 50 ms on a 100,000-article
store.

    python bench/bench_claims_query.py                      # 100,000 articles, store in /tmp
    python bench/bench_claims_query.py --n 20000 --store /tmp/claims-20k.db
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synth
from claimtrace.link.columns import link_columns
from claimtrace.link.linker import link_store
from claimtrace.store import queries as q
from claimtrace.store.db import connect
from claimtrace.store.write import store_record

BATCH = 1000


def build(path: Path, n: int) -> None:
    conn = connect(path)
    started = time.perf_counter()
    conn.execute("BEGIN")
    for number, article in enumerate(synth.generate(n, seed=11), 1):
        record = synth.to_record(article)
        store_record(conn, record, f"synthetic-{number}", article.id, link=link_columns(record))
        if number % BATCH == 0:
            conn.commit()
            conn.execute("BEGIN")
            rate = number / (time.perf_counter() - started)
            print(f"\rstored {number}/{n} ({rate:.0f} articles/s)", end="", file=sys.stderr)
    conn.commit()
    stored = time.perf_counter()
    print(f"\nstored {n} articles in {stored - started:.0f} s", file=sys.stderr)
    summary = link_store(conn)
    print(f"linked in {time.perf_counter() - stored:.0f} s: {summary}", file=sys.stderr)
    conn.execute("ANALYZE")
    conn.close()


def workloads(rng: random.Random) -> dict[str, Callable[[], q.ClaimFilters]]:
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    outlets = [name for name, _ in synth.OUTLETS]
    labels = [label for _, label in synth.CERTAINTIES]
    types = sorted({t for _, t, _ in synth.CLAIMS})
    statuses = sorted({s for _, _, s in synth.CLAIMS})
    return {
        "newest, no filter": lambda: q.ClaimFilters(),
        "outlet": lambda: q.ClaimFilters(outlet=rng.choice(outlets)),
        "certainty label": lambda: q.ClaimFilters(certainty=rng.choice(labels)),
        "min certainty + month": lambda: q.ClaimFilters(
            min_certainty=2.0, date_from=(m := rng.choice(months)), date_to=m
        ),
        "event type + status": lambda: q.ClaimFilters(
            event_type=rng.choice(types), status=rng.choice(statuses)
        ),
        "actor": lambda: q.ClaimFilters(actor=rng.choice(synth.STATES)),
        "source text": lambda: q.ClaimFilters(
            source=rng.choice(["diplomat", "minister", "officials", "bank"])
        ),
        "source type + outlet": lambda: q.ClaimFilters(source_type="anonymous", outlet=rng.choice(outlets)),
        "full text": lambda: q.ClaimFilters(
            text=rng.choice(["ceasefire", "grain shipments", "sanctions", "ambassador"])
        ),
        "outlet + label + range": lambda: q.ClaimFilters(
            outlet=rng.choice(outlets), certainty=rng.choice(labels), date_from="2024-03", date_to="2024-09"
        ),
        "actor + event type + month": lambda: q.ClaimFilters(
            actor=rng.choice(synth.STATES),
            event_type=rng.choice(types),
            date_from=(m := rng.choice(months)),
            date_to=m,
        ),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    store = args.store or Path(f"/tmp/claimtrace-bench-claims-{args.n}.db")
    if not store.exists():
        build(store, args.n)
    connect(store, create=False).close()  # brings a store built by an older claimtrace to the current schema
    conn = connect(store, create=False, readonly=True)
    stats = q.corpus_stats(conn)
    print(
        f"store {store}: {stats['articles']} articles, {stats['attributions']} claims, {stats['events']} "
        f"events, {stats['claim_clusters']} claim clusters across articles"
    )
    rng = random.Random(5)
    all_times: list[float] = []
    print(f"{'query (limit 50)':30} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'rows':>6}")
    for name, make in workloads(rng).items():
        times, rows = [], 0
        for repeat in range(args.repeats + 3):
            filters = make()
            started = time.perf_counter()
            result = q.query_claims(conn, filters, limit=50)
            elapsed = (time.perf_counter() - started) * 1000
            if repeat >= 3:  # the first runs warm the page cache
                times.append(elapsed)
                rows += len(result)
        all_times += times
        print(
            f"{name:30} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f} {max(times):8.1f} "
            f"{rows / len(times):6.0f}"
        )
    print(
        f"{'all filtered queries':30} {statistics.median(all_times):8.1f} {percentile(all_times, 0.95):8.1f} "
        f"{max(all_times):8.1f}   (target p95 <= 50 ms)"
    )
    started = time.perf_counter()
    total = q.count_claims(conn, q.ClaimFilters(certainty="probable"))
    print(
        f"count_claims(certainty=probable) = {total} in {(time.perf_counter() - started) * 1000:.0f} ms "
        "(paging total, not part of the target)"
    )


if __name__ == "__main__":
    main()
