"""POST /api/analyze through the real pipeline: a claimtrace/1 record back for text and for HTML, clear 4xx
for documents that cannot be analysed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from claimtrace.serve.app import create_app

pytestmark = pytest.mark.slow

LOOPBACK_CLIENT = ("127.0.0.1", 50000)

REPORT = (
    "The harbour master said on Thursday that the northern quay would reopen in April. "
    "According to two engineers who inspected the pier, the repairs might take longer than planned."
)
PAGE = f"""<!doctype html><html><head><title>Quay to reopen</title>
<script>window.__pwned = 1</script></head>
<body><article><h1>Quay to reopen</h1><p>{REPORT}</p>
<p>A port official told reporters that the ferries would run again <a href="javascript:alert(1)">soon</a>.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(create_app(None, allow_write=True), client=LOOPBACK_CLIENT)


def test_posted_text_comes_back_as_a_claimtrace_record(api: TestClient) -> None:
    response = api.post(
        "/api/analyze", json={"id": "quay", "text": REPORT, "no_clean": True, "published": "2026-03-05"}
    )
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["schema"] == "claimtrace/1" and record["id"] == "quay"
    assert record["text"] == REPORT and record["meta"]["published"] == "2026-03-05"
    for attribution in record["attributions"]:
        start, end = attribution["content"]["spans"][0]
        assert REPORT[start:end] in attribution["content"]["text"]
    sources = {(a["source"] or {}).get("text") for a in record["attributions"]}
    assert "The harbour master" in sources


def test_a_posted_page_is_extracted_without_its_scripts(api: TestClient) -> None:
    response = api.post("/api/analyze", json={"id": "page", "html": PAGE})
    assert response.status_code == 200, response.text
    record = response.json()
    assert "harbour master" in record["text"]
    assert "window.__pwned" not in record["text"]


def test_an_empty_document_is_a_clear_422_naming_it(api: TestClient) -> None:
    response = api.post("/api/analyze", json={"id": "blank-one", "text": "   "})
    assert response.status_code == 422
    assert "blank-one" in response.json()["error"]
