"""A virtual clock moved by the test: sleepers wake in order as `advance` passes their time, so several
tasks sleeping at once see one shared time (unlike `tests.fakes.FakeClock`, where each sleep moves it)."""

from __future__ import annotations

import asyncio
import heapq
import itertools

from tests.fakes import settle


class ManualClock:
    """Time stands still until `advance` moves it."""

    def __init__(self, start: float = 1_795_000_000.0) -> None:
        self.time = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._slept = asyncio.Event()

    def now(self) -> float:
        """The virtual time."""
        return self.time

    async def sleep(self, seconds: float) -> None:
        """Wait until the clock has been advanced by `seconds`."""
        wake = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.time + max(0.0, seconds), next(self._order), wake))
        self._slept.set()
        await wake

    async def advance(self, seconds: float) -> None:
        """Move time forward by `seconds`, waking each sleeper at its time."""
        target = self.time + seconds
        await settle()
        while self._sleepers and self._sleepers[0][0] <= target:
            at, _, wake = heapq.heappop(self._sleepers)
            self.time = max(self.time, at)
            if not wake.done():
                wake.set_result(None)
            await settle()
        self.time = target
        await settle()

    async def until_sleeping(self) -> None:
        """Wait until a task sleeps on this clock: one woken by `advance` has finished what it did
        (even work done outside the event loop, such as a database read in a thread)."""
        while not self._sleepers:
            self._slept.clear()
            await self._slept.wait()
