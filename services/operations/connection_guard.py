"""Bounds on the web server's connections, which aiohttp does not set itself: a client must finish its
request headers within a few seconds, no connection lives longer than a fixed time, and beyond a number
of open connections new ones are answered 503 at once. Without them, a handful of clients sending a byte
now and then (or never finishing their headers) hold the server for minutes.

`GuardedSite` serves an `AppRunner` like aiohttp's `TCPSite`, wrapping each connection's protocol in a
`_GuardedConnection` that watches the bytes on their way to aiohttp's request handler.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

HEADER_TIMEOUT_SECONDS = 5.0
BODY_TIMEOUT_SECONDS = 10.0
CONNECTION_LIFETIME_SECONDS = 30.0
LINGER_SECONDS = 1.0
MAX_CONNECTIONS = 256

_END_OF_HEADERS = (b"\r\n\r\n", b"\n\n")
_TIMED_OUT = b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
_BUSY = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"


@dataclass(frozen=True)
class ConnectionLimits:
    """How long a client may take, and how many may be connected at once."""

    header_timeout: float = HEADER_TIMEOUT_SECONDS
    """Seconds from connecting to the end of the request headers (then: 408, closed)."""
    body_timeout: float = BODY_TIMEOUT_SECONDS
    """Seconds to read a callback's body (then: 408); the routes apply it."""
    lifetime: float = CONNECTION_LIFETIME_SECONDS
    """Seconds a connection may stay open at all (then: closed)."""
    linger: float = LINGER_SECONDS
    """Seconds aiohttp keeps reading a body it refused (413, 408), so the client sees the answer."""
    max_connections: int = MAX_CONNECTIONS
    """Connections open at once; a further one is answered 503 and closed."""


class ConnectionGuard:
    """Counts the open connections and wraps each new one in the limits."""

    def __init__(self, limits: ConnectionLimits) -> None:
        self.limits = limits
        self.open = 0

    def protocol(self, handler_factory: Callable[[], asyncio.Protocol]) -> asyncio.Protocol:
        """The protocol of one new connection, passing what it accepts to `handler_factory()`'s handler."""
        return _GuardedConnection(self, handler_factory)


class _GuardedConnection(asyncio.Protocol):
    """One connection: forwards everything to aiohttp's handler, closing the connection when the
    headers are too slow or it is too old; refused at once (503) when too many are open."""

    def __init__(self, guard: ConnectionGuard, handler_factory: Callable[[], asyncio.Protocol]) -> None:
        self._guard = guard
        self._handler_factory = handler_factory
        self._handler: asyncio.Protocol | None = None
        self._transport: asyncio.Transport | None = None
        self._header_timer: asyncio.TimerHandle | None = None
        self._lifetime_timer: asyncio.TimerHandle | None = None
        self._tail = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Refuse beyond the cap; otherwise start the clocks and hand the connection to aiohttp."""
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        limits = self._guard.limits
        if self._guard.open >= limits.max_connections:
            transport.write(_BUSY)
            transport.close()
            return
        self._guard.open += 1
        loop = asyncio.get_running_loop()
        self._header_timer = loop.call_later(limits.header_timeout, self._headers_too_slow)
        self._lifetime_timer = loop.call_later(limits.lifetime, transport.abort)
        self._handler = self._handler_factory()
        self._handler.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        """Watch for the end of the headers, then pass the bytes on."""
        if self._handler is None:
            return
        if self._header_timer is not None:
            window = self._tail + data
            if not self._tail:
                # HTTP parsers skip empty lines before a request line: they must not count as its end.
                window = window.lstrip(b"\r\n")
            if any(end in window for end in _END_OF_HEADERS):
                self._header_timer.cancel()
                self._header_timer = None
            self._tail = window[-3:]
        self._handler.data_received(data)

    def eof_received(self) -> bool | None:
        """Passed on."""
        return self._handler.eof_received() if self._handler is not None else None

    def pause_writing(self) -> None:
        """Passed on (flow control)."""
        if self._handler is not None:
            self._handler.pause_writing()

    def resume_writing(self) -> None:
        """Passed on (flow control)."""
        if self._handler is not None:
            self._handler.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        """Stop the clocks, free the connection's place and tell the handler."""
        for timer in (self._header_timer, self._lifetime_timer):
            if timer is not None:
                timer.cancel()
        if self._handler is not None:
            self._guard.open -= 1
            self._handler.connection_lost(exc)
            self._handler = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self._transport is not None and not self._transport.is_closing():
            # The handler has not answered (it has no complete request), so nothing else writes now.
            self._transport.write(_TIMED_OUT)
            self._transport.close()


class GuardedSite(web.BaseSite):
    """Serves a runner on `host:port` like aiohttp's `TCPSite`, every connection within `guard`'s limits."""

    def __init__(self, runner: web.BaseRunner, host: str, port: int, guard: ConnectionGuard) -> None:
        super().__init__(runner)
        self._host = host
        self._port = port
        self._guard = guard

    @property
    def name(self) -> str:
        """The address served, for aiohttp's messages."""
        return f"http://{self._host}:{self._port}"

    async def start(self) -> None:
        """Listen; each connection gets a guarded protocol around the runner's request handler."""
        await super().start()
        handler_factory = self._runner.server
        assert handler_factory is not None
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(lambda: self._guard.protocol(handler_factory), self._host, self._port)
