"""The web UI in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; nothing is downloaded):
each of the four views clicked through over a live server, and hostile article text shown, never run.

Screenshots go to tests/artifacts/; with CLAIMTRACE_UPDATE_SCREENSHOTS=1 they are also copied to
docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browser import CHROMIUM, NO_CHROMIUM, chromium_context
from support.harness import server_thread
from support.sample_store import PAYLOAD_IMG, PAYLOAD_SCRIPT, build_store

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("browser") / "corpus.db"
    return path, build_store(path)


@pytest.fixture(scope="module")
def base_url(corpus) -> Iterator[str]:
    with server_thread(corpus[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with chromium_context(profile, viewport={"width": 1360, "height": 900}) as context:
        yield context


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.problems = problems
    yield page
    page.close()
    assert not problems, problems


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    if os.environ.get("CLAIMTRACE_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, SCREENSHOTS / target.name)


def test_claims_explorer_filters_pages_and_links_into_articles(page, base_url: str) -> None:
    page.goto(f"{base_url}/#/claims")
    rows = page.get_by_test_id("claim-row")
    rows.first.wait_for()
    assert rows.count() == 10
    shoot(page, "claims")

    page.get_by_label("actor").fill("northern militia")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(2)
    assert "actor=northern+militia" in page.url
    assert page.get_by_test_id("claims-pager").inner_text().strip().startswith("1–2 of 2")

    page.goto(f"{base_url}/#/claims?limit=4")
    expect(rows).to_have_count(4)
    first_page = page.get_by_test_id("claim-row").all_inner_texts()
    page.get_by_test_id("page-next").click()
    expect(page.get_by_test_id("claims-pager")).to_contain_text("5–8 of 10")
    assert set(page.get_by_test_id("claim-row").all_inner_texts()).isdisjoint(first_page)

    page.get_by_test_id("article-link").first.click()
    page.get_by_test_id("article-view").wait_for()
    assert page.locator(".claim-card.focus").count() == 1


def test_article_view_highlights_roles_and_nests_chains(page, base_url: str, corpus) -> None:
    page.goto(f"{base_url}/#/article/{corpus[1]['scoop']}")
    text = page.get_by_test_id("article-text")
    text.wait_for()
    for role in ("source", "cue", "content"):
        assert text.locator(f".hl-{role}").count() >= 3, role
    # The minister's quote is reported inside the diplomat's claim, so its marks sit inside a2's content.
    nested = text.locator('.hl-content[data-attribution="a2"] .hl-content[data-attribution="a3"]')
    assert nested.inner_text() == "the talks “might resume next month”"
    assert text.locator('.hl-content[data-attribution="a2"] .hl-source[data-attribution="a3"]').count() == 1
    # Distinct colours per role.
    colours = {
        role: text.locator(f".hl-{role}").first.evaluate("n => getComputedStyle(n).backgroundColor")
        for role in ("source", "cue", "content")
    }
    assert len(set(colours.values())) == 3, colours

    tree = page.locator(".claims-pane")
    child = tree.locator(".claim-tree .claim-tree [data-testid=claim-card]")
    assert child.count() == 1 and "a3" in child.inner_text()
    assert "possible 1.0" in child.inner_text() and "future" in child.inner_text()
    a1 = tree.locator('[data-testid=claim-card][data-attribution="a1"]')
    assert "probable 2.0" in a1.inner_text() and "intended" in a1.inner_text()

    a1.click()
    assert text.locator('.focus[data-attribution="a1"]').count() == 3
    shoot(page, "article")


def test_timeline_draws_lanes_coloured_by_certainty(page, base_url: str) -> None:
    page.goto(f"{base_url}/#/timeline")
    chart = page.get_by_test_id("timeline-chart")
    chart.wait_for()
    classes = chart.locator("[data-testid=timeline-bar]").evaluate_all(
        "bars => bars.map(b => b.className.baseVal)"
    )
    assert {"bar certainty-certain", "bar certainty-doubtful", "bar certainty-probable"} <= set(classes)

    page.get_by_label("group by").select_option("event_type")
    page.get_by_role("button", name="Draw").click()
    # Busiest lane first, ties by name.
    expect(page.locator(".lane-label")).to_have_text(["CONSULT", "AGREE", "REJECT"])
    months = page.locator(".period-label").all_text_contents()
    assert months == ["2026-03", "2026-04", "2026-05"]
    shoot(page, "timeline")


def test_provenance_shows_outlets_in_time_order_and_who_cites_whom(page, base_url: str) -> None:
    page.goto(f"{base_url}/#/trace")
    page.get_by_test_id("cluster-link").first.click()
    reports = page.get_by_test_id("provenance-report")
    reports.first.wait_for()
    texts = reports.all_inner_texts()
    assert [re.search(r"(Harbor Post|Daily Ledger|Wire Service)", t).group(1) for t in texts] == [
        "Harbor Post",
        "Daily Ledger",
        "Wire Service",
    ]
    assert "origin" in texts[0] and "cites Harbor Post" in texts[1] and "adds own sourcing" in texts[2]
    assert page.get_by_test_id("cite-arc").count() == 1
    shoot(page, "provenance")

    reports.nth(1).get_by_role("link").click()
    page.get_by_test_id("article-view").wait_for()
    assert "Report: ceasefire talks possible" in page.get_by_test_id("article-title").inner_text()


def test_article_search_finds_and_opens_articles(page, base_url: str) -> None:
    page.goto(f"{base_url}/#/articles")
    page.get_by_label("search articles").fill("militia")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("article-link")).to_have_count(2)
    page.get_by_test_id("article-link").first.click()
    page.get_by_test_id("article-view").wait_for()
    assert page.locator(".article-meta").first.inner_text().startswith("Wire Service")


HOSTILE_ROUTES = [
    "#/article/{hostile}",
    "#/claims",
    "#/claims?outlet=Evil",
    "#/timeline",
    "#/articles?q=spokesman",
    "#/trace/{hostile_claim}",
]


def assert_nothing_ran(page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert "pwned" not in page.title()
    # No element from the data: the only scripts are the app's own module; no handler attributes anywhere.
    sources = page.locator("script").evaluate_all("s => s.map(x => x.getAttribute('src'))")
    assert sources == ["/static/app.js"]
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(n => [...n.attributes].map(a => a.name))"
        ".filter(name => name.startsWith('on'))"
    )
    assert handlers == []
    assert page.locator("main img, main b, main iframe").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0


@pytest.mark.parametrize("route", HOSTILE_ROUTES)
def test_hostile_text_is_shown_escaped_and_never_runs(page, base_url: str, corpus, route: str) -> None:
    hostile = corpus[1]["hostile"]
    target = route.format(hostile=hostile, hostile_claim=_first_claim_of(corpus[0], hostile))
    page.goto(f"{base_url}/{target}")
    expect(page.locator("main[aria-busy]")).to_have_count(0)
    expect(page.locator("main > *").first).to_be_visible()
    page.wait_for_timeout(200)
    page.mouse.move(300, 300)
    for text in page.get_by_text("hover me").all():
        text.hover()
    assert_nothing_ran(page)
    if "article/" in route:
        body = page.get_by_test_id("article-text").inner_text()
        assert PAYLOAD_SCRIPT in body and PAYLOAD_IMG in body
        assert PAYLOAD_IMG in page.get_by_test_id("article-title").inner_text()
        # The javascript: URL of the page is shown as text, not made a link.
        assert page.get_by_role("link", name="original page").count() == 0
        shoot(page, "hostile-article")
    if route == "#/claims":
        assert PAYLOAD_SCRIPT in page.get_by_test_id("claims-table").inner_text()


def _first_claim_of(db_path: Path, article_id: int) -> int:
    from claimtrace.store import queries
    from claimtrace.store.db import connect

    conn = connect(db_path, create=False, readonly=True)
    try:
        rows = queries.query_claims(conn, queries.ClaimFilters(article_id=article_id), limit=1)
        return int(rows[0]["claim_id"])
    finally:
        conn.close()


def test_the_api_docs_page_renders_locally(page, base_url: str) -> None:
    page.goto(f"{base_url}/docs")
    operations = page.get_by_test_id("operation")
    operations.first.wait_for()
    paths = page.locator(".operation h3 code").all_inner_texts()
    assert {"/api/claims", "/api/claims/{claim_id}/trace", "/api/timeline", "/api/analyze"} <= set(paths)


def test_the_content_security_policy_blocks_inline_script_as_a_second_wall(page, base_url: str) -> None:
    page.goto(f"{base_url}/#/claims")
    page.get_by_test_id("claims-view").wait_for()
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 1';"
        " document.body.append(s); }"
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.__pwned") is None
    blocked = [p for p in page.problems if "Content Security Policy" in p]
    assert blocked, "the browser should report the blocked inline script"
    page.problems.clear()
