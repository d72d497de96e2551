"""Load on the HTTP API: 16 concurrent clients on loopback hitting filtered claims queries over a
100,000-article store, through the real `claimtrace serve` in its own process(es).

The store is synthetic (bench/synth.py articles turned into claimtrace/1 records without spaCy, written with
the store's own `store_record` and linked with `link_store`) and is kept under bench/out/ for reruns.
The clients are threads of this process, apart from the server's, but on the same cores: each client sends
its next request as soon as the last is answered, so latency is about clients ÷ throughput, and the CPU the
clients burn is taken from the server. Hence the CPU time per request of server and clients, which a busy
machine barely moves, beside the latencies, which it does.
Prints latency percentiles, throughput and the count of 5xx answers; the target is p95 ≤ 50 ms with no 5xx.

    python bench/bench_serve_load.py                      # 100,000 articles, 16 clients, 3,200 requests
    python bench/bench_serve_load.py --workers 2          # `claimtrace serve --workers 2`
    python bench/bench_serve_load.py --articles 5000 --requests 800
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
import synth
from claimtrace.link.columns import link_columns
from claimtrace.link.linker import link_store
from claimtrace.store.db import connect
from claimtrace.store.write import store_record
from support.harness import server_process

OUT = Path(__file__).parent / "out"
BATCH = 2000


def build_store(path: Path, n_articles: int, link: bool) -> None:
    """Write `n_articles` synthetic records (and, with `link`, run the link step); reuse the file when it
    already holds them. Claims queries do not need the link step: it only fills claim clusters."""
    if path.exists():
        conn = connect(path, create=False)
        have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        if have == n_articles:
            print(f"store: reusing {path} ({have:,} articles)")
            return
        path.unlink()
    started = time.perf_counter()
    conn = connect(path)
    batch: list[dict] = []
    for number, article in enumerate(synth.generate(n_articles), 1):
        batch.append(synth.to_record(article))
        if len(batch) == BATCH or number == n_articles:
            with conn:
                for record in batch:
                    store_record(
                        conn,
                        record,
                        digest=f"synth:{record['id']}",
                        origin=record["id"],
                        link=link_columns(record),
                    )
            batch = []
            print(f"\rstore: {number:,}/{n_articles:,} articles written", end="", file=sys.stderr)
    print(file=sys.stderr)
    summary = link_store(conn) if link else "not linked"
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    print(f"store: built {path} in {time.perf_counter() - started:.0f} s ({summary})")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its live descendants (uvicorn's workers), from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        proc = Path(f"/proc/{current}")
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in (proc / "task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


SEARCH_WORDS = ["ceasefire", "grain shipments", "sanctions", "border agreement", "talks"]
FILTERS = ("outlet", "actor", "certainty", "event_type", "status", "source_type", "q", "since", "source")


def query_mix(facets: dict[str, list[str]], rng: random.Random, filters: tuple[str, ...] = FILTERS) -> str:
    """One claims query as the explorer sends it: one to three filters, a page of 25, sometimes deeper."""
    choices = {
        "outlet": lambda: {"outlet": rng.choice(facets["outlets"])},
        "actor": lambda: {"actor": rng.choice(synth.STATES)},
        "certainty": lambda: {"certainty": rng.choice(facets["certainty_labels"])},
        "event_type": lambda: {"event_type": rng.choice(facets["event_types"])},
        "status": lambda: {"status": rng.choice(facets["statuses"])},
        "source_type": lambda: {"source_type": rng.choice(facets["source_types"])},
        "q": lambda: {"q": rng.choice(SEARCH_WORDS)},
        "since": lambda: {"since": f"2024-{rng.randint(1, 12):02d}", "until": "2024-12-31"},
        "source": lambda: {"source": rng.choice(["officials", "diplomat", "ministry", "spokeswoman"])},
    }
    params: dict[str, object] = {"limit": 25}
    for name in rng.sample(filters, rng.randint(1, min(3, len(filters)))):
        params.update(choices[name]())
    if rng.random() < 0.2:
        params["offset"] = rng.choice([25, 50, 100])
    return "/api/claims?" + urlencode(params)


def run_clients(
    port: int, paths: list[str], clients: int
) -> tuple[list[tuple[str, float]], dict[int, int], int]:
    latencies: list[tuple[str, float]] = []
    statuses: dict[int, int] = {}
    errors = 0
    lock = threading.Lock()
    queue = iter(paths)

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                path = next(queue, None)
            if path is None:
                break
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"host": "127.0.0.1", "accept": "application/json"})
                response = conn.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append((path, elapsed))
                    statuses[response.status] = statuses.get(response.status, 0) + 1
            except (OSError, http.client.HTTPException):
                with lock:
                    errors += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, errors


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=1000, method="inclusive")[int(q * 10) - 1]


def by_filter(latencies: list[tuple[str, float]]) -> dict[str, float]:
    """p95 per filter name, counting each request under every filter it carries: which filters are slow."""
    groups: dict[str, list[float]] = {}
    for path, seconds in latencies:
        for name in parse_qs(urlsplit(path).query):
            if name not in ("limit", "offset", "until"):
                groups.setdefault(name, []).append(1000 * seconds)
    return {name: round(percentile(values, 95), 1) for name, values in sorted(groups.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="`claimtrace serve --workers`")
    parser.add_argument("--requests", type=int, default=3200)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse (default bench/out/…)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--link", action="store_true", help="also run the link step when building the store")
    parser.add_argument("--filters", default=",".join(FILTERS), help="comma-separated filters to draw from")
    args = parser.parse_args()

    OUT.mkdir(exist_ok=True)
    db = args.db or OUT / f"serve_{args.articles}.db"
    build_store(db, args.articles, args.link)
    conn = connect(db, create=False, readonly=True)
    from claimtrace.store.queries import corpus_stats, filter_options

    facets = filter_options(conn)
    stats = corpus_stats(conn)
    conn.close()
    rng = random.Random(args.seed)
    filters = tuple(name for name in args.filters.split(",") if name)
    unknown = set(filters) - set(FILTERS)
    if unknown or not filters:
        raise SystemExit(f"--filters takes names from {', '.join(FILTERS)}; got {args.filters!r}")
    paths = [query_mix(facets, rng, filters) for _ in range(args.warmup + args.requests)]

    load_before = os.getloadavg()[0]
    serve_options = ("--workers", str(args.workers)) if args.workers > 1 else ()
    with server_process(db, *serve_options, env={"CLAIMTRACE_LOG_LEVEL": "warning"}) as server:
        port = server.port
        run_clients(port, paths[: args.warmup], args.clients)
        server_cpu, client_cpu = cpu_seconds(server.process.pid), time.process_time()
        started = time.perf_counter()
        latencies, statuses, errors = run_clients(port, paths[args.warmup :], args.clients)
        wall = time.perf_counter() - started
        server_cpu = cpu_seconds(server.process.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
        # The floor this machine allows right now: the same clients on an endpoint that does no query.
        floor, _, _ = run_clients(port, ["/api/health"] * min(800, args.requests), args.clients)

    ms = [1000 * seconds for _, seconds in latencies]
    n_5xx = sum(count for status, count in statuses.items() if status >= 500)
    result = {
        "store": {
            "articles": stats["articles"],
            "attributions": stats["attributions"],
            "events": stats["events"],
        },
        "clients": args.clients,
        "server_workers": args.workers,
        "requests": len(ms),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "connection_errors": errors,
        "5xx": n_5xx,
        "throughput_rps": round(len(ms) / wall, 1),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1),
        "server_cpu_ms_per_request": round(1000 * server_cpu / len(ms), 2),
        "client_cpu_ms_per_request": round(1000 * client_cpu / len(ms), 2),
        "cpus": os.cpu_count(),
        # The machine is shared: a load average above the core count means the figures include waiting.
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    result["p95_ms_by_filter"] = by_filter(latencies)
    floor_ms = [1000 * seconds for _, seconds in floor]
    result["floor_no_query_ms"] = {
        "p50": round(percentile(floor_ms, 50), 1),
        "p95": round(percentile(floor_ms, 95), 1),
    }
    print(json.dumps(result, indent=2))
    verdict = "meets" if result["p95_ms"] <= 50 and n_5xx == 0 and errors == 0 else "MISSES"
    print(
        f"{verdict} the target (p95 ≤ 50 ms, no 5xx): p95 {result['p95_ms']} ms, {n_5xx} 5xx, {errors} failed"
    )


if __name__ == "__main__":
    main()
