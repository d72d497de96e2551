"""Screenshots of the web UI over the bundled example articles, for the README.

Ingests src/claimtrace/examples through the real pipeline into a temporary store, serves it on a free loopback
port and photographs each view in Debian's headless Chromium (/usr/bin/chromium, through Playwright):

    python docs/screenshots/make_screenshots.py
    python docs/screenshots/make_screenshots.py --corpus bench/out/serve_100000.db   # plus a big timeline
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from claimtrace.engine.local import ingest_local
from claimtrace.serve.app import create_app
from claimtrace.store import queries
from claimtrace.store.db import connect

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "src" / "claimtrace" / "examples"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def serve(db: Path) -> tuple[uvicorn.Server, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, port


def photograph(work: Path, port: int, views: dict[str, str]) -> None:
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(work / "profile"),
            executable_path="/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1360, "height": 860},
        )
        page = context.new_page()
        for name, route in views.items():
            page.goto(f"http://127.0.0.1:{port}/{route}")
            page.wait_for_selector("main > section, main > div", timeout=120_000)
            page.wait_for_timeout(300)
            # The claims list runs long: its first screen is what the README needs.
            page.screenshot(path=str(HERE / f"{name}.png"), full_page=not name.endswith("claims"))
            print(f"wrote {HERE / f'{name}.png'}")
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="also photograph the timeline of this (larger) store")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimtrace-shots-"))
    db = work / "demo.db"
    ingest_local([str(EXAMPLES)], db, workers=1)
    conn = connect(db, create=False, readonly=True)
    claims = queries.query_claims(conn, limit=queries.MAX_LIMIT)
    articles = Counter(claim["article_id"] for claim in claims).most_common(1)  # the most claims to show
    clusters = queries.list_claim_clusters(conn, limit=1)
    conn.close()

    views = {
        "demo-claims": "#/claims",
        "demo-timeline": "#/timeline?group_by=event_type",
        "demo-articles": "#/articles",
    }
    if articles:
        views["demo-article"] = f"#/article/{articles[0][0]}"
    if clusters:
        views["demo-provenance"] = f"#/trace/{clusters[0]['claim_id']}"
    server, port = serve(db)
    photograph(work, port, views)
    server.should_exit = True
    if args.corpus:
        # Negotiation signals by actor over the months, coloured by certainty, as in the example.
        server, port = serve(args.corpus)
        photograph(
            work, port, {"corpus-timeline": "#/timeline?group_by=actor&event_type=CONSULT&interval=month"}
        )
        server.should_exit = True


if __name__ == "__main__":
    main()
