"""Hostile pages through the whole product: written to disk, ingested by the real pipeline (extraction,
spaCy analysis, store, link step), served, and opened in headless Chromium — nothing in them may run, and the
article view must show exactly the stored text, as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import expect

from claimtrace.serve.app import create_app
from support.browser import CHROMIUM, NO_CHROMIUM, chromium_context
from support.harness import server_thread

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
]

HOSTILE_HTML = """<!doctype html>
<html><head>
<title>Envoys meet again &lt;img src=x onerror="window.__pwned='title'"&gt;</title>
<meta property="og:url" content="javascript:window.__pwned='og'">
<meta property="og:site_name" content="Quay Courier &lt;script&gt;window.__pwned='site'&lt;/script&gt;">
<meta name="date" content="2026-02-11">
<script>window.__pwned = 'head-script'</script>
</head>
<body onload="window.__pwned = 'body-onload'">
<article>
<h1>Envoys meet again after a month of silence</h1>
<p>The envoy of the coastal states said on Wednesday that both delegations would meet again next week in the
old customs house. <a href="javascript:window.__pwned='anchor'">Read the full statement</a> was the only link
the ministry offered.</p>
<p onclick="window.__pwned = 'paragraph'">A spokesman for the port authority told reporters that the
proposal &lt;script&gt;window.__pwned = 'escaped-script'&lt;/script&gt; was still under review by the harbour
board.</p>
<p>Two officials familiar with the talks said the truce along the river had held since Sunday, and that
<img src="x" onerror="window.__pwned = 'img'"> fishing boats had returned to the northern quays.</p>
<script>window.__pwned = 'body-script'</script>
<p>According to the harbour board, the talks could resume &lt;b onmouseover="window.__pwned='hover'"&gt;within
days&lt;/b&gt; if the weather allowed the ferries to run.</p>
</article>
</body></html>
"""

HOSTILE_TEXT = (
    "The mayor of the river town said on Monday that the bridge would reopen in March. "
    "<script>window.__pwned = 'text-script'; document.title = 'pwned'</script> "
    "A council member told the local paper that <img src=x onerror=\"window.__pwned = 'text-img'\"> "
    "repairs had cost twice the estimate, according to the town treasurer.\n\n"
    "Residents said they had waited long enough. "
    "<a href=\"javascript:window.__pwned='text-link'\">Comment</a>\n"
)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from claimtrace.engine.local import ingest_local

    pages = tmp_path_factory.mktemp("hostile-pages")
    (pages / "envoys.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (pages / "bridge.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db = tmp_path_factory.mktemp("hostile-store") / "hostile.db"
    result = ingest_local([str(pages)], db, workers=1)
    assert result.counts.stored == 2, result
    return db


@pytest.fixture(scope="module")
def base_url(ingested: Path) -> Iterator[str]:
    with server_thread(ingested) as url:
        yield url


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory):
    with chromium_context(tmp_path_factory.mktemp("chromium-profile")) as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        yield page


def stored_articles(db: Path) -> list[dict]:
    api = TestClient(create_app(db))
    listing = api.get("/api/articles").json()["items"]
    return [api.get(f"/api/articles/{item['article_id']}").json() for item in listing]


def test_ingested_hostile_pages_are_shown_as_text_and_never_run(browser_page, base_url: str, ingested: Path):
    page = browser_page
    articles = stored_articles(ingested)
    assert len(articles) == 2
    for article in articles:
        record = article["record"]
        page.goto(f"{base_url}/#/article/{article['article']['article_id']}")
        text = page.get_by_test_id("article-text")
        expect(text).to_be_visible()
        # Exactly the stored text, character for character: nothing was parsed out of it as markup.
        assert text.text_content() == record["text"]
        meta = page.locator(".article-meta").first.text_content()
        assert record["meta"]["site"] is None or record["meta"]["site"] in meta
        for node in page.locator(".article-text span").all()[:40]:
            node.hover()
        page.goto(f"{base_url}/#/claims")
        expect(page.get_by_test_id("claims-view")).to_be_visible()
        page.goto(f"{base_url}/#/articles")
        expect(page.get_by_test_id("articles-view")).to_be_visible()
        assert page.evaluate("window.__pwned") is None
        assert page.title() != "pwned"
        assert page.locator("main img, main iframe, main b").count() == 0
        assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.errors == []
    # The literals survived into the records (and so were shown above, as text).
    text_record = next(a["record"] for a in articles if "bridge" in a["record"]["text"])
    assert "<script>" in text_record["text"]
    page_record = next(a["record"] for a in articles if "envoy" in a["record"]["text"])
    assert "<script>" in page_record["text"] and "<script>" in page_record["meta"]["site"]
    assert "head-script" not in page_record["text"]


def test_the_analyze_view_shows_a_pasted_document_as_text(browser_page) -> None:
    page = browser_page
    with server_thread(None, allow_write=True) as url:
        page.goto(f"{url}/#/analyze")
        expect(page.locator("#analyze-link")).to_be_visible()
        page.get_by_test_id("analyze-input").fill(HOSTILE_TEXT)
        page.get_by_role("button", name="Analyze").click()
        text = page.get_by_test_id("article-text")
        expect(text).to_be_visible(timeout=60_000)
        assert "<script>window.__pwned = 'text-script'" in text.text_content()
        assert page.locator("[data-testid=claim-card]").count() >= 1
        assert page.evaluate("window.__pwned") is None
        assert page.locator("main img, main a[href^='javascript:' i]").count() == 0
