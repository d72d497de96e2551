"""`claimtrace serve --workers N`: N server processes, each with its own listening socket on the same port.

Why not uvicorn's own `workers=N`: its workers share one listening socket, and whichever is awake accepts
the connections waiting; with keep-alive clients that stuck nearly all of them to one worker (on the load
bench, 16 connections: 4.9 s of CPU in one worker, 0.6 s in the other), so a second worker barely helped.
With SO_REUSEPORT the kernel spreads new connections over the workers' sockets instead.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
from multiprocessing.connection import wait
from pathlib import Path
from types import FrameType
from typing import Any

from claimtrace.errors import ClaimtraceError


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port that other workers may bind too (SO_REUSEPORT)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose proto says TCP,
    # and with Nagle on, every answer waited ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(2048)
    return sock


def check_port_free(host: str, port: int) -> None:
    """Refuse a port someone already listens on. SO_REUSEPORT would otherwise let a second `serve --workers`
    join the first one's port silently, and the kernel would split clients between two servers."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            raise ClaimtraceError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def run_worker(db_path: Path, app_options: dict[str, Any], host: str, port: int, log_level: str) -> None:
    """One worker process: its own app, store connections and socket."""
    import uvicorn

    from claimtrace.serve.app import create_app

    # The app first: once the socket is bound the kernel hands this worker connections.
    app = create_app(db_path, **app_options)
    try:
        sock = listening_socket(host, port)
    except OSError as exc:
        print(f"claimtrace: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        raise SystemExit(1) from None
    from claimtrace.serve.security import uvicorn_options

    config = uvicorn.Config(app, log_level=log_level, **uvicorn_options())
    uvicorn.Server(config).run(sockets=[sock])


def serve_workers(
    db_path: Path, app_options: dict[str, Any], host: str, port: int, workers: int, log_level: str
) -> None:
    """Start `workers` processes and wait; SIGTERM or Ctrl-C stops them all, and so does one that dies."""
    if not hasattr(socket, "SO_REUSEPORT"):
        raise ClaimtraceError("--workers needs SO_REUSEPORT, which this system's sockets lack")
    check_port_free(host, port)
    # spawn, not fork: each worker starts a clean interpreter rather than a copy of this one's state.
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=run_worker, args=(db_path, app_options, host, port, log_level), daemon=True)
        for _ in range(workers)
    ]

    def stop(signum: int, frame: FrameType | None) -> None:
        for process in processes:
            if process.pid is not None:
                process.terminate()

    # Installed before any worker starts, so a SIGTERM during start-up leaves no orphan serving.
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for process in processes:
            process.start()
        wait([process.sentinel for process in processes])
    except KeyboardInterrupt:
        pass  # the terminal sent SIGINT to the workers too: they shut down on their own
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop(signal.SIGTERM, None)
        for process in processes:
            process.join(timeout=10)
    failed = [process.exitcode for process in processes if process.exitcode not in (0, -signal.SIGTERM)]
    if failed:
        print(f"claimtrace: a server worker exited with status {failed[0]}", file=sys.stderr)
        raise SystemExit(1)
