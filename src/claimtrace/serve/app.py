"""The FastAPI app: JSON API over a claimtrace store, the web UI, and the safety that wraps both."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimtrace import __version__
from claimtrace.serve.analyze_routes import Analyzer, analyze_router
from claimtrace.serve.auth import write_guard
from claimtrace.serve.security import SecurityMiddleware
from claimtrace.settings import Settings

STATIC = Path(__file__).parent / "static"
# Room for the JSON envelope around a document of the largest size the settings accept.
ENVELOPE_BYTES = 64 * 1024

log = logging.getLogger("claimtrace.serve")


def create_app(
    db_path: str | Path | None,
    settings: Settings | None = None,
    allow_write: bool = False,
    token: str | None = None,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """Build the app over the store at `db_path` (opened read-only; None serves analysis and the UI only).

    Write endpoints answer only when `allow_write`; with a `token`, only requests bearing it; without one,
    only loopback clients. `allowed_hosts`, when given, is the set of Host names served (DNS-rebinding guard).
    """
    settings = settings or Settings()
    app = FastAPI(
        title="claimtrace",
        version=__version__,
        description="Who claims what, on whose authority, how firmly, about whom, and when.",
        # FastAPI's own /docs pulls Swagger UI from a CDN and runs inline script; ours is local and CSP-clean.
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(
        SecurityMiddleware,  # type: ignore[arg-type]
        max_body_bytes=settings.max_bytes + ENVELOPE_BYTES,
        allowed_hosts=allowed_hosts,
    )
    install_error_handlers(app)

    guard = write_guard(allow_write, token)
    app.include_router(analyze_router(Analyzer(settings), guard))
    if db_path is not None:
        from claimtrace.serve.corpus_routes import corpus_router
        from claimtrace.serve.store_access import StoreAccess

        app.include_router(corpus_router(StoreAccess(Path(db_path))))

    @app.get("/api/health", tags=["meta"], summary="Liveness and what this server offers")
    async def health() -> dict[str, Any]:  # async: no I/O, so no hop through the thread pool
        return {"status": "ok", "version": __version__, "store": db_path is not None, "write": allow_write}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", headers={"cache-control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def install_error_handlers(app: FastAPI) -> None:
    """Every error is JSON `{"error": "..."}`; validation errors name the parameter at fault."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no such resource: {request.url.path}"
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [describe_problem(error) for error in exc.errors()]
        return JSONResponse({"error": "; ".join(problems), "problems": problems}, status_code=422)

    @app.exception_handler(sqlite3.DatabaseError)
    async def store_error(request: Request, exc: sqlite3.DatabaseError) -> JSONResponse:
        # A damaged or vanished store is no bug of the request's: say what is wrong with it.
        from claimtrace.store.db import describe_sqlite_error

        log.error("store error on %s: %s", request.url.path, exc)
        return JSONResponse({"error": describe_sqlite_error(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return JSONResponse({"error": "internal error; the server log has details"}, status_code=500)


def describe_problem(error: dict[str, Any]) -> str:
    """One line per validation problem: "query parameter 'limit': Input should be ≤ 500"."""
    if error.get("type") == "json_invalid":  # its location is a character offset, not a field
        where = error.get("loc", ("body", "?"))[-1]
        reason = (error.get("ctx") or {}).get("error", "invalid JSON")
        return f"request body: broken JSON at character {where} ({reason})"
    location = [str(part) for part in error.get("loc", ())]
    where = location[0] if location else "request"
    name = ".".join(location[1:])
    place = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(where, where)
    label = f"{place} {name!r}" if name else where
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{label}: {message}"
