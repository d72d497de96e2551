"""`claimtrace serve` as a user starts it: a real process on loopback, answering only loopback Host names."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest_browser import build_store, free_port

pytestmark = pytest.mark.slow  # starts a server process


def get(port: int, path: str, host: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"host": host})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_serve_binds_loopback_and_refuses_foreign_hosts(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    build_store(db)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from claimtrace.cli import main; main()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get(port, "/api/health", f"127.0.0.1:{port}")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.2)
        assert status == 200 and b'"write":false' in body
        assert get(port, "/api/claims?limit=2", f"localhost:{port}")[0] == 200
        assert get(port, "/api/health", "attacker.example")[0] == 400
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert b"serving" in (server.stderr.read() if server.stderr else b"")
