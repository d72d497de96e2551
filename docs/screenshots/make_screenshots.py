"""Screenshots of the web UI over the bundled example articles, for the README.

Ingests src/claimtrace/examples through the real pipeline into a temporary store, serves it on a free loopback
port and photographs each view in Debian's headless Chromium (/usr/bin/chromium, through Playwright):

    python docs/screenshots/make_screenshots.py
    python docs/screenshots/make_screenshots.py --corpus bench/out/serve_100000.db   # plus a big timeline
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "tests"))
from claimtrace.engine.local import ingest_local
from claimtrace.store import queries
from claimtrace.store.db import connect
from support.browser import chromium_context
from support.harness import server_thread

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "src" / "claimtrace" / "examples"


def photograph(work: Path, db: Path, views: dict[str, str]) -> None:
    with (
        server_thread(db) as url,
        chromium_context(work / "profile", viewport={"width": 1360, "height": 860}) as context,
    ):
        page = context.new_page()
        for name, route in views.items():
            page.goto(f"{url}/{route}")
            page.wait_for_selector("main > section, main > div", timeout=120_000)
            page.wait_for_timeout(300)
            # The claims list runs long: its first screen is what the README needs.
            page.screenshot(path=str(HERE / f"{name}.png"), full_page=not name.endswith("claims"))
            print(f"wrote {HERE / f'{name}.png'}")


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
    photograph(work, db, views)
    if args.corpus:
        # Negotiation signals by actor over the months, coloured by certainty, as in the example.
        timeline = "#/timeline?group_by=actor&event_type=CONSULT&interval=month"
        photograph(work, args.corpus, {"corpus-timeline": timeline})


if __name__ == "__main__":
    main()
