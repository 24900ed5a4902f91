"""Virtual time for many tasks at once: a sleeper wakes when the time reaches its wake-up, and time moves
to the earliest wake-up only once the event loop has gone quiet (no HTTP request in flight, nothing new
for a few real milliseconds). Unlike `FakeClock`, where each sleep moves time on for everyone, many
trackers sleeping together see the same, consistent time."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import AsyncIterator
from types import SimpleNamespace

import aiohttp

QUIET_ROUNDS = 20
QUIET_PAUSE = 0.002


class VirtualClock:
    """A `Clock` whose time only its driver (`running`) moves; `trace` counts HTTP requests in flight."""

    def __init__(self, start: float = 1_795_000_000.0) -> None:
        self.time = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._activity = 0
        self._in_flight = 0
        self.trace = aiohttp.TraceConfig()
        self.trace.on_request_start.append(self._request_started)
        self.trace.on_request_end.append(self._request_ended)
        self.trace.on_request_exception.append(self._request_ended)

    def now(self) -> float:
        """The virtual time."""
        return self.time

    async def sleep(self, seconds: float) -> None:
        """Wait until the virtual time has moved `seconds` on."""
        woken = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.time + max(0.0, seconds), next(self._order), woken))
        self._activity += 1
        await woken

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[VirtualClock]:
        """Drive the time while the block runs."""
        driver = asyncio.create_task(self._drive(), name="virtual clock")
        try:
            yield self
        finally:
            driver.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await driver

    async def _drive(self) -> None:
        while True:
            await self._quiet()
            while self._sleepers and self._sleepers[0][2].done():
                heapq.heappop(self._sleepers)
            if not self._sleepers:
                await asyncio.sleep(QUIET_PAUSE)
                continue
            wake_at, _, woken = heapq.heappop(self._sleepers)
            self.time = max(self.time, wake_at)
            woken.set_result(None)

    async def _quiet(self) -> None:
        while True:
            seen = self._activity
            for _ in range(QUIET_ROUNDS):
                await asyncio.sleep(0)
            await asyncio.sleep(QUIET_PAUSE)
            if self._in_flight == 0 and self._activity == seen:
                return

    async def _request_started(
        self, _session: aiohttp.ClientSession, _context: SimpleNamespace, _params: object
    ) -> None:
        self._in_flight += 1
        self._activity += 1

    async def _request_ended(self, _session: aiohttp.ClientSession, _context: SimpleNamespace, _params: object) -> None:
        self._in_flight -= 1
        self._activity += 1
