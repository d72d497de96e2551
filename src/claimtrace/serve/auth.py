"""Who may call the write endpoints (analyze, ingest): nobody unless enabled; with a token, only its bearer;
without one, only clients on loopback."""

from __future__ import annotations

import hmac
from collections.abc import Callable

from fastapi import HTTPException, Request

from claimtrace.serve.security import LOOPBACK_HOSTS


def is_loopback(host: str | None) -> bool:
    return host is not None and (host in LOOPBACK_HOSTS or host.startswith("127."))


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def write_guard(allow_write: bool, token: str | None) -> Callable[[Request], None]:
    """A FastAPI dependency that lets a write request through or refuses it with a JSON 401/403."""

    def guard(request: Request) -> None:
        if not allow_write:
            raise HTTPException(403, "write endpoints are disabled: start the server with --enable-write")
        if token is not None:
            given = bearer_token(request)
            if given is None or not hmac.compare_digest(given.encode(), token.encode()):
                raise HTTPException(
                    401,
                    "a valid token is required: send the header 'Authorization: Bearer TOKEN'",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            return
        client = request.client.host if request.client else None
        if not is_loopback(client):
            raise HTTPException(403, "write endpoints without a token answer loopback clients only")

    return guard
