"""`claimtrace serve`: the HTTP API and web UI over a store, on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any

import click

from claimtrace.errors import ClaimtraceError
from claimtrace.serve.security import LOOPBACK_HOSTS


def is_loopback_bind(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, enable_write: bool, token: str | None) -> None:
    """Write endpoints beyond loopback only with a token: anyone who can reach the port could use them."""
    if enable_write and token is None and not is_loopback_bind(host):
        raise click.UsageError(
            f"--enable-write on {host} reaches beyond this machine: add --token (or CLAIMTRACE_TOKEN), "
            "or bind 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise click.UsageError("--token must be at least 16 characters")


@click.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("claimtrace.db"),
    show_default=True,
    help="the store to serve (opened read-only)",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="address to bind")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--enable-write", is_flag=True, help="turn on POST /api/analyze (off by default)")
@click.option(
    "--token",
    envvar="CLAIMTRACE_TOKEN",
    default=None,
    help="bearer token required by write endpoints; mandatory with --enable-write beyond loopback",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="server processes sharing the port; each opens the store itself (and, with --enable-write, loads "
    "the spaCy pipeline itself)",
)
@click.option("--fast", is_flag=True, help="POST /api/analyze in the fast profile (no shared encoder).")
def serve(
    db_path: Path, host: str, port: int, enable_write: bool, token: str | None, workers: int, fast: bool
) -> None:
    """Serve the JSON API (/api, /docs) and the web UI (/) over a claimtrace store.

    \b
    Examples:
      claimtrace serve --db news.db                  then open http://127.0.0.1:8000/
      claimtrace serve --db news.db --enable-write   also accept POST /api/analyze from this machine
      claimtrace serve --db news.db --workers 2      two processes: more requests per second on 2+ cores
    """
    import uvicorn

    from claimtrace.serve.app import create_app
    from claimtrace.serve.security import uvicorn_options
    from claimtrace.settings import Settings

    check_bind(host, enable_write, token)
    if not db_path.is_file():
        raise ClaimtraceError(
            f"{db_path}: no such store; build one with `claimtrace ingest PATH --db {db_path}`"
        )
    # On loopback, answer only loopback Host names, so a web page cannot reach us through DNS rebinding.
    allowed_hosts = LOOPBACK_HOSTS if is_loopback_bind(host) else None
    if workers > 1 and port == 0:
        raise click.UsageError("--workers needs a fixed --port: each worker binds it on its own")
    app_options: dict[str, Any] = {
        "settings": Settings(fast=True) if fast else Settings(),
        "allow_write": enable_write,
        "token": token,
        "allowed_hosts": allowed_hosts,
    }
    # Built here even when workers build their own: a foreign or unreadable store fails before they start.
    app = create_app(db_path, **app_options)
    shown = f"[{host}]" if ":" in host else host
    processes = f" by {workers} worker processes" if workers > 1 else ""
    address = f"http://{shown}:{port}/"
    click.echo(
        f"claimtrace: serving {db_path} at {address}{processes} (API docs at /docs; Ctrl-C stops)", err=True
    )
    log_level = os.environ.get("CLAIMTRACE_LOG_LEVEL", "warning")
    if workers > 1:
        from claimtrace.serve.workers import serve_workers

        serve_workers(db_path, app_options, host, port, workers, log_level)
        return
    uvicorn.run(app, host=host, port=port, log_level=log_level, **uvicorn_options())
