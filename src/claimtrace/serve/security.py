"""Safety that holds for every request: security headers, a body size limit, and a Host check.

Written as one plain ASGI middleware so that it wraps everything, static files and error responses included.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from claimtrace.settings import env_number

# No inline script or style anywhere: the UI is plain files from this origin, and article text only ever
# reaches the page through textContent, so a page that slips markup past us still cannot run it.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# Seconds a connection may stay silent, before its first request or between requests (uvicorn's default).
IDLE_TIMEOUT = 5.0


class BodyTooLarge(HTTPException):
    """A request body went past the limit while it was being read (a chunked body declares no length).

    An HTTPException, so the app's error handler turns it into a JSON 413 wherever the body is read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large(limit))


def too_large(limit: int) -> str:
    return f"request body is larger than the limit of {limit} bytes"


def json_error(status: int, message: str) -> tuple[dict[str, object], bytes]:
    body = json.dumps({"error": message}).encode()
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    }
    return start, body


def host_name(host_header: str) -> str:
    """The host part of a Host header: "127.0.0.1:8000" → "127.0.0.1", "[::1]:8000" → "::1"."""
    if host_header.startswith("["):
        return host_header[1 : host_header.find("]")] if "]" in host_header else host_header
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class SecurityMiddleware:
    """Adds security headers to every response, refuses bodies over `max_body_bytes` with 413, and, when
    `allowed_hosts` is given, refuses requests for any other Host (a defence against DNS rebinding, which
    would otherwise let a web page talk to a server on loopback)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _SECURITY_NAMES]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None:
            host = host_name(headers.get(b"host", b"").decode("latin-1")).lower()
            if host not in self.allowed_hosts:
                await _respond(send_with_headers, 400, f"host {host!r} is not served here")
                return

        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                declared_length = int(declared)
            except ValueError:
                await _respond(send_with_headers, 400, "the Content-Length header is not a number")
                return
            if declared_length > self.max_body_bytes:
                await _respond(send_with_headers, 413, too_large(self.max_body_bytes))
                return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not response_started:
                await _respond(send_with_headers, 413, too_large(self.max_body_bytes))


_SECURITY_NAMES = {name for name, _ in SECURITY_HEADERS}


async def _respond(send: Send, status: int, message: str) -> None:
    start, body = json_error(status, message)
    await send(start)
    await send({"type": "http.response.body", "body": body})


class IdleClosingProtocol(H11Protocol):  # type: ignore[misc]
    """uvicorn's HTTP/1.1 protocol, but a connection that sends nothing at all is closed after the keep-alive
    timeout too: uvicorn starts that timer only after a first response, so idle sockets were held forever."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )


def uvicorn_options() -> dict[str, Any]:
    """How every server process runs uvicorn: idle connections closed after $CLAIMTRACE_IDLE_TIMEOUT."""
    return {
        "http": IdleClosingProtocol,
        "timeout_keep_alive": env_number("CLAIMTRACE_IDLE_TIMEOUT", IDLE_TIMEOUT, float),
        "server_header": False,
    }
