"""`claimtrace serve` as a user starts it: a real process on loopback, answering only loopback Host names."""

from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from support.harness import server_process
from support.sample_store import build_store

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
    with server_process(db) as server:
        status, body = get(server.port, "/api/health", f"127.0.0.1:{server.port}")
        assert status == 200 and b'"write":false' in body
        assert get(server.port, "/api/claims?limit=2", f"localhost:{server.port}")[0] == 200
        assert get(server.port, "/api/health", "attacker.example")[0] == 400
    assert b"serving" in server.stderr


def test_worker_processes_serve_with_the_same_options(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    build_store(db)
    token = "a-token-for-these-tests"
    with server_process(db, "--workers", "2", "--enable-write", env={"CLAIMTRACE_TOKEN": token}) as server:
        host = f"127.0.0.1:{server.port}"
        for _ in range(4):  # the kernel spreads connections over the workers; every one must agree
            status, body = get(server.port, "/api/health", host)
            assert status == 200 and b'"write":true' in body
            assert get(server.port, "/api/claims?limit=2", host)[0] == 200
            assert get(server.port, "/api/health", "attacker.example")[0] == 400
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        conn.request("POST", "/api/analyze", body=b'{"text": "x"}', headers={"host": host})
        assert conn.getresponse().status == 401  # the token reached the workers
        conn.close()
    assert b"2 worker processes" in server.stderr


def test_workers_need_a_fixed_port(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimtrace.cli import cli

    db = tmp_path / "served.db"
    build_store(db)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--workers", "2", "--port", "0"])
    assert result.exit_code == 2 and "--workers needs a fixed --port" in result.output
