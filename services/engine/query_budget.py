"""One budget of task queries for the API account, shared by every task this process follows.

The provider allows about 20 task queries per second per account and answers 429 above that. Every
query of every followed task takes a turn here: turns are spaced `1 / rate` apart (no bursts), and
when several queries wait, the most overdue goes first. A 429 or Retry-After on a query pauses the
whole budget for as long as it asks, because the limit is the account's, not the task's. With several
processes sharing the account, each runs at its share of the rate (`set_rate`).

Spacing alone does not bound what the provider sees: a query granted on time may leave late (a busy
event loop) and arrive next to the following one. So a query counts against the last second from its
grant until its answer (`acquire` ... `release`, or `turn`), and no turn is granted while `rate` of
them are in flight or were answered within the last second: the last query granted of any one-second
window the provider sees was granted while the others of that window counted (each arrived after its
grant and before its answer), so the provider never sees more than `rate` of them, whatever the delays
on the way."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from services.core.clock import Clock, sleep_unless

# A tenth below the provider's limit of about 20 task queries per second per account.
DEFAULT_QUERIES_PER_SECOND = 18.0
WINDOW_SECONDS = 1.0


@dataclass(order=True)
class _Waiter:
    due_at: float
    order: int
    granted: asyncio.Future[None] = field(compare=False)


class QueryBudget:
    """Turns for task queries at `per_second`, most overdue first, paused as a whole on 429."""

    def __init__(self, per_second: float, clock: Clock) -> None:
        if per_second <= 0:
            raise ValueError("the query budget must be positive")
        self._clock = clock
        self._rate = per_second
        self._next_turn_at = 0.0
        self._waiters: list[_Waiter] = []
        self._order = itertools.count()
        self._changed = asyncio.Event()
        self._dispatcher: asyncio.Task[Any] | None = None
        self._in_flight = 0
        self._answered: deque[float] = deque()  # when the queries of the last second were answered
        self.granted = 0

    @property
    def rate(self) -> float:
        """Queries per second this process may make now."""
        return self._rate

    @property
    def waiting(self) -> int:
        """How many queries wait for their turn."""
        return sum(1 for waiter in self._waiters if not waiter.granted.done())

    @property
    def in_flight(self) -> int:
        """How many granted queries wait for their answer."""
        return self._in_flight

    @property
    def spare(self) -> bool:
        """Whether a query now would wait for nothing: none waits and the budget is not paused."""
        return self.waiting == 0 and self._clock.now() >= self._next_turn_at

    def set_rate(self, per_second: float) -> None:
        """This process's share of the account's budget (several processes share it)."""
        if per_second > 0 and per_second != self._rate:
            self._rate = per_second
            self._changed.set()

    def pause(self, seconds: float) -> None:
        """Take no query for `seconds` (a 429 or Retry-After from the API)."""
        self._next_turn_at = max(self._next_turn_at, self._clock.now() + max(0.0, seconds))
        self._changed.set()

    async def take(self, due_at: float) -> None:
        """Wait for a query's turn: after every more overdue one, when the budget allows. The query is
        counted as answered at once (use `turn` when its answer takes a while)."""
        await self.acquire(due_at)
        self.release()

    @contextlib.asynccontextmanager
    async def turn(self, due_at: float) -> AsyncIterator[None]:
        """A query's turn, held while the block runs (the query until its answer)."""
        await self.acquire(due_at)
        try:
            yield
        finally:
            self.release()

    async def acquire(self, due_at: float) -> None:
        """Wait for a query's turn (see `take`); the query counts as in flight until `release`."""
        waiter = _Waiter(due_at, next(self._order), asyncio.get_running_loop().create_future())
        heapq.heappush(self._waiters, waiter)
        self._ensure_dispatcher()
        self._changed.set()
        try:
            await waiter.granted
        except asyncio.CancelledError:
            if not waiter.granted.done():
                waiter.granted.cancel()  # the dispatcher skips it, and stops when none is left
                self._changed.set()
            elif not waiter.granted.cancelled():
                self.release()  # granted just as it was given up: the turn goes unused
            raise

    def release(self) -> None:
        """The query of an `acquire`d turn was answered (or failed): it counts for one more second."""
        self._in_flight -= 1
        self._answered.append(self._clock.now())
        self._changed.set()

    async def close(self) -> None:
        """Stop granting turns (shutdown); waiting queries stay waiting until their tasks are cancelled."""
        if self._dispatcher is not None:
            self._dispatcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._dispatcher
            self._dispatcher = None

    def _ensure_dispatcher(self) -> None:
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.get_running_loop().create_task(self._dispatch(), name="query budget")

    async def _dispatch(self) -> None:
        # Runs while queries wait and ends when none does, so an idle budget holds no task.
        while True:
            self._changed.clear()
            while self._waiters and self._waiters[0].granted.done():
                heapq.heappop(self._waiters)
            if not self._waiters:
                return
            wait = max(self._next_turn_at - self._clock.now(), self._window_wait())
            if wait > 0:
                await self._sleep_or_change(wait)
                continue
            heapq.heappop(self._waiters).granted.set_result(None)
            self.granted += 1
            self._in_flight += 1
            self._next_turn_at = self._clock.now() + 1.0 / self._rate

    def _window_wait(self) -> float:
        """Seconds until the last second's queries leave room for one more (inf: until one is answered)."""
        now = self._clock.now()
        while self._answered and self._answered[0] <= now - WINDOW_SECONDS:
            self._answered.popleft()
        excess = self._in_flight + len(self._answered) - max(1, int(self._rate)) + 1
        if excess <= 0:
            return 0.0
        if excess > len(self._answered):
            return float("inf")  # a query in flight must be answered first
        return self._answered[excess - 1] + WINDOW_SECONDS - now

    async def _sleep_or_change(self, seconds: float) -> None:
        if seconds == float("inf"):
            await self._changed.wait()
            return
        await sleep_unless(self._clock, seconds, self._changed)
