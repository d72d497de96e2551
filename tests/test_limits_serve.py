"""Issue 15, the server side: no input makes it answer 5xx, the API checks what the file reader checks, a
broken store is named, and idle connections are closed."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from claimtrace.serve.app import create_app
from claimtrace.serve.security import uvicorn_options
from support.sample_store import build_store

LOOPBACK_CLIENT = ("127.0.0.1", 50000)
TEXT = "Officials said on Monday that the ferry talks would resume, according to the Harbor Post."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "corpus.db"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def api(store: Path) -> TestClient:
    return TestClient(create_app(store, allow_write=True), client=LOOPBACK_CLIENT)


def post(api: TestClient, body: str) -> tuple[int, str]:
    response = api.post("/api/analyze", content=body.encode(), headers={"content-type": "application/json"})
    return response.status_code, response.json()["error"]


# 1. A lone surrogate or an over-long text is a 422 naming the problem, never a 500.
@pytest.mark.parametrize("field", ["text", "id", "url"])
def test_a_lone_surrogate_is_a_422(api: TestClient, field: str) -> None:
    body = {"id": "s", "text": TEXT, field: "a \\ud800 b"}
    status, error = post(api, json.dumps(body).replace("\\\\ud800", "\\ud800"))
    assert status == 422 and ("surrogate" in error or "unicode string" in error)


def test_a_text_over_the_character_limit_is_a_422(store: Path) -> None:
    from claimtrace.settings import Settings

    small = TestClient(create_app(None, Settings(max_chars=50), allow_write=True), client=LOOPBACK_CLIENT)
    response = small.post("/api/analyze", json={"id": "long", "text": TEXT * 2})
    assert response.status_code == 422 and "over the limit of 50" in response.json()["error"]


# 11. The API checks what the readers check.
@pytest.mark.parametrize("published", ["2026-99-99", "2026-02-30", "2026-13"])
def test_an_impossible_publication_date_is_refused(api: TestClient, published: str) -> None:
    response = api.post("/api/analyze", json={"id": "d", "text": TEXT, "published": published})
    assert response.status_code == 422 and "published" in response.json()["error"]


@pytest.mark.parametrize("since", ["2026-13-45", "2026-02-30", "2026-00"])
def test_an_impossible_date_filter_is_refused(api: TestClient, since: str) -> None:
    response = api.get("/api/claims", params={"since": since})
    assert response.status_code == 400 and since in response.json()["error"]


def test_text_of_control_characters_is_refused_as_from_a_file(api: TestClient) -> None:
    response = api.post("/api/analyze", json={"id": "bin", "text": "\x01\x02\x03\x04 said" * 20})
    assert response.status_code == 422 and "binary data (control characters)" in response.json()["error"]


def test_a_malformed_body_is_named_as_such(api: TestClient) -> None:
    status, error = post(api, '{"id": "x", "text": ')
    assert status == 422 and error.startswith("request body: broken JSON at character")
    assert "body field" not in error


def test_a_broken_store_is_a_503_naming_the_cause(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    build_store(path)
    client = TestClient(create_app(path))
    with sqlite3.connect(path) as raw:
        raw.execute("DROP VIEW claims_view")
        raw.execute("DROP TABLE events")
    response = client.get("/api/claims")
    assert response.status_code == 503, response.text
    assert "no such table" in response.json()["error"] and "internal error" not in response.json()["error"]


# 11 and the target: 16 busy clients and 200 silent connections; no 5xx, and the silent ones are closed.
@pytest.fixture
def server(store: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("CLAIMTRACE_IDLE_TIMEOUT", "1")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(create_app(store), log_level="error", **uvicorn_options())
    running = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(running.serve(sockets=[listener])), daemon=True)
    thread.start()
    while not running.started:
        time.sleep(0.05)
    yield port
    running.should_exit = True
    thread.join(timeout=10)


def test_idle_connections_are_closed_and_busy_clients_get_no_5xx(server: int) -> None:
    idle = [socket.create_connection(("127.0.0.1", server)) for _ in range(200)]

    def client(n: int) -> list[int]:
        conn = http.client.HTTPConnection("127.0.0.1", server, timeout=30)
        statuses = []
        for path in (
            "/api/claims?limit=5",
            "/api/health",
            f"/api/claims?since=2026-0{n % 9 + 1}",
            "/nowhere",
        ):
            conn.request("GET", path, headers={"host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            statuses.append(response.status)
        conn.close()
        return statuses

    with ThreadPoolExecutor(16) as pool:
        statuses = [s for batch in pool.map(client, range(64)) for s in batch]
    assert statuses and all(s < 500 for s in statuses)
    deadline = time.monotonic() + 10
    closed = 0
    for sock in idle:
        sock.settimeout(max(0.1, deadline - time.monotonic()))
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            closed += sock.recv(1) == b""
        sock.close()
    assert closed == len(idle)
