"""Starting a server over a store for tests, benches and screenshots: in a thread of this process (quick,
for tests that drive it with a browser), or as the real `claimtrace serve` command in a process of its own
(what a user runs; what the load bench measures).
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server_thread(db_path: Path | None, **app_options: Any) -> Iterator[str]:
    """uvicorn on a free loopback port in a daemon thread; yields the base URL and stops the server after."""
    import uvicorn

    from claimtrace.serve.app import create_app

    app = create_app(db_path, **app_options)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    try:
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the server thread did not start within 20 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class ServerProcess:
    port: int
    process: subprocess.Popen[bytes]
    stderr: bytes = b""  # what the server wrote to stderr, filled in when it has stopped

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def answers_health(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("GET", "/api/health", headers={"host": f"127.0.0.1:{port}"})
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


@contextmanager
def server_process(
    db_path: Path, *serve_options: str, env: dict[str, str] | None = None, timeout_s: float = 60
) -> Iterator[ServerProcess]:
    """`claimtrace serve --db DB --port FREE [serve_options]` in a child process, yielded once /api/health
    answers; terminated afterwards, when its stderr lands in `ServerProcess.stderr`."""
    port = free_port()
    command = [sys.executable, "-m", "claimtrace", "serve", "--db", str(db_path), "--port", str(port)]
    # stderr goes to a file, not a pipe: nobody reads a pipe while the server runs, and a full one would
    # block the server (and its workers, which inherit it) on the next traceback it logs.
    with tempfile.TemporaryFile() as stderr_file:
        process = subprocess.Popen(
            [*command, *serve_options],
            stdout=subprocess.DEVNULL,
            stderr=stderr_file,
            env={**os.environ, **(env or {})},
        )
        server = ServerProcess(port, process)
        try:
            deadline = time.monotonic() + timeout_s
            while not answers_health(port):
                if process.poll() is not None:
                    stderr_file.seek(0)
                    stderr = stderr_file.read().decode(errors="replace")
                    raise RuntimeError(f"claimtrace serve exited with status {process.returncode}: {stderr}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"claimtrace serve did not answer within {timeout_s:.0f} s")
                time.sleep(0.1)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            stderr_file.seek(0)
            server.stderr = stderr_file.read()
