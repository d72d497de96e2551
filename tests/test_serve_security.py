"""The server's safety by construction: headers, Host check, write guard, body limits, no paths, JSON errors.

These need no store and no model: every request here is refused or answered before analysis starts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimtrace.cli import cli
from claimtrace.serve.app import STATIC, create_app
from claimtrace.serve.security import LOOPBACK_HOSTS, host_name
from claimtrace.settings import Settings

LOOPBACK_CLIENT = ("127.0.0.1", 50000)
REMOTE_CLIENT = ("203.0.113.9", 50000)
TOKEN = "a-long-enough-test-token"


def client(allow_write: bool = False, token: str | None = None, peer=LOOPBACK_CLIENT, **kwargs) -> TestClient:
    app = create_app(None, Settings(max_bytes=2000), allow_write=allow_write, token=token, **kwargs)
    return TestClient(app, client=peer)


def test_every_response_carries_a_strict_content_security_policy() -> None:
    c = client()
    for path in ("/", "/docs", "/static/app.js", "/api/health", "/no/such/page"):
        response = c.get(path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy, path
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_ui_shell_loads_scripts_only_as_files_from_this_origin() -> None:
    html = client().get("/").text
    assert "<script>" not in html and " on" not in re.sub(r"<noscript>.*?</noscript>", "", html, flags=re.S)
    assert re.findall(r'<script[^>]*src="([^"]+)"', html) == ["/static/app.js"]
    assert "http://" not in html and "https://" not in html  # no CDN


def test_no_static_script_builds_html_from_strings() -> None:
    forbidden = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function")
    scripts = sorted(STATIC.rglob("*.js"))
    assert len(scripts) >= 8
    for script in scripts:
        code = re.sub(r"^\s*//.*$", "", script.read_text(), flags=re.M)  # comments may name what is banned
        assert not forbidden.search(code), script.name


def test_unknown_paths_and_traversal_get_json_404() -> None:
    c = client()
    for path in ("/api/nothing", "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        response = c.get(path)
        assert response.status_code == 404, path
        assert "error" in response.json()


def test_a_foreign_host_header_is_refused_when_serving_loopback() -> None:
    c = client(allowed_hosts=LOOPBACK_HOSTS)
    assert c.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert c.get("/api/health", headers={"host": "[::1]:8000"}).status_code == 200
    refused = c.get("/api/health", headers={"host": "rebound.example:8000"})
    assert refused.status_code == 400
    assert "rebound.example" in refused.json()["error"]


@pytest.mark.parametrize(
    ("header", "host"),
    [("localhost:8000", "localhost"), ("[::1]:80", "::1"), ("127.0.0.1", "127.0.0.1"), ("::1", "::1")],
)
def test_host_name_strips_the_port(header: str, host: str) -> None:
    assert host_name(header) == host


def test_write_endpoints_are_off_unless_enabled() -> None:
    response = client().post("/api/analyze", json={"text": "The minister said talks resumed."})
    assert response.status_code == 403
    assert "--enable-write" in response.json()["error"]


def test_without_a_token_writes_answer_loopback_clients_only() -> None:
    both = {"text": "x", "html": "y"}
    remote = client(allow_write=True, peer=REMOTE_CLIENT).post("/api/analyze", json=both)
    assert remote.status_code == 403
    # From loopback the guard lets the request through to validation, which refuses the body (422).
    local = client(allow_write=True).post("/api/analyze", json=both)
    assert local.status_code == 422
    assert "exactly one of 'text' or 'html'" in local.json()["error"]


def test_with_a_token_writes_need_its_bearer_from_anywhere() -> None:
    c = client(allow_write=True, token=TOKEN, peer=REMOTE_CLIENT)
    body = {"text": "x", "html": "y"}
    assert c.post("/api/analyze", json=body).status_code == 401
    wrong = c.post("/api/analyze", json=body, headers={"authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    right = c.post("/api/analyze", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 422


def test_only_json_bodies_are_accepted() -> None:
    # A cross-site HTML form can post text/plain without a preflight; JSON it cannot.
    response = client(allow_write=True).post(
        "/api/analyze", content='{"text": "hi"}', headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


def test_a_declared_oversize_body_is_refused_before_it_is_read() -> None:
    body = b'{"text": "' + b"a" * 200_000 + b'"}'
    response = client(allow_write=True).post(
        "/api/analyze", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "limit" in response.json()["error"]


def test_a_chunked_oversize_body_is_refused_while_it_streams() -> None:
    def chunks():
        yield b'{"text": "'
        for _ in range(100):
            yield b"b" * 4096
        yield b'"}'

    response = client(allow_write=True).post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_a_document_over_the_input_limit_is_refused_with_its_id() -> None:
    # The body fits the envelope allowance, the document inside does not fit Settings.max_bytes.
    response = client(allow_write=True).post("/api/analyze", json={"id": "big-one", "text": "c" * 5000})
    assert response.status_code == 413
    assert "big-one" in response.json()["error"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "x", "published": "last week"}, "published"),
        ({"text": "x", "path": "/etc/passwd"}, "path"),
        ({"text": "x", "id": ""}, "id"),
        ({"text": 5}, "text"),
    ],
)
def test_bad_analyze_bodies_name_the_field(body: dict, field: str) -> None:
    response = client(allow_write=True).post("/api/analyze", json=body)
    assert response.status_code == 422
    assert f"'{field}'" in response.json()["error"]


def test_the_openapi_document_and_local_docs_page_are_served() -> None:
    c = client()
    spec = c.get("/openapi.json").json()
    assert "/api/analyze" in spec["paths"]
    docs = c.get("/docs").text
    assert "/static/docs.js" in docs and "cdn" not in docs.lower()


def serve(args: list[str]):
    return CliRunner().invoke(cli, ["serve", *args], standalone_mode=False, catch_exceptions=True)


def test_serve_refuses_writes_beyond_loopback_without_a_token(tmp_path: Path) -> None:
    result = serve(["--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--enable-write"])
    assert result.exception is not None
    assert "--token" in str(result.exception)


def test_serve_refuses_a_short_token(tmp_path: Path) -> None:
    result = serve(["--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--enable-write", "--token", "abc"])
    assert "at least 16" in str(result.exception)


def test_serve_names_a_missing_store(tmp_path: Path) -> None:
    result = serve(["--db", str(tmp_path / "missing.db")])
    assert "missing.db" in str(result.exception) and "ingest" in str(result.exception)
