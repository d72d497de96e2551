"""The listening sockets of `claimtrace serve --workers N`: shared port, Nagle off on accepted connections."""

from __future__ import annotations

import asyncio
import socket

import pytest

from claimtrace.errors import ClaimtraceError
from claimtrace.serve.workers import check_port_free, listening_socket


def test_workers_can_listen_on_one_port() -> None:
    first = listening_socket("127.0.0.1", 0)
    second = listening_socket("127.0.0.1", first.getsockname()[1])
    try:
        assert second.getsockname() == first.getsockname()
    finally:
        first.close()
        second.close()


def test_a_port_in_use_is_refused_before_workers_start() -> None:
    taken = listening_socket("127.0.0.1", 0)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(ClaimtraceError, match=r"cannot listen on 127\.0\.0\.1"):
            check_port_free("127.0.0.1", port)
    finally:
        taken.close()
    check_port_free("127.0.0.1", port)


def test_accepted_connections_send_without_waiting_for_acks() -> None:
    async def accepted_nodelay() -> int:
        loop = asyncio.get_running_loop()
        nodelay: asyncio.Future[int] = loop.create_future()

        class Record(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                nodelay.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

        sock = listening_socket("127.0.0.1", 0)
        server = await loop.create_server(Record, sock=sock)
        _, writer = await asyncio.open_connection(*sock.getsockname())
        try:
            return await asyncio.wait_for(nodelay, timeout=10)
        finally:
            writer.close()
            server.close()

    # asyncio sets TCP_NODELAY only when the listening socket's proto says TCP; without it every answer
    # waited for the client's delayed ACK.
    assert asyncio.run(accepted_nodelay()) != 0
