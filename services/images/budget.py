"""A budget of bytes in flight: an async semaphore counted in bytes, so that however many results
arrive at once, the images held in memory (downloaded, being fitted, being uploaded) stay under it.

Requests are served first come, first served, so a large one is never starved by a stream of small
ones; a request larger than the whole budget is granted when nothing else is held, and runs alone.
A job holds a `Reservation`, resized as the sizes of its images become known; it only ever waits for
more while it holds nothing, so jobs can never wait for each other in a circle.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType


@dataclass
class _Waiter:
    amount: int
    granted: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class ByteBudget:
    """At most `capacity` bytes held at once (a single larger request alone), granted in order."""

    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError("a byte budget must be positive")
        self.capacity = capacity
        self.in_use = 0
        self.peak = 0
        """The most bytes ever held at once (for tests and the operator)."""
        self._waiters: deque[_Waiter] = deque()

    @property
    def waiting(self) -> int:
        """Requests waiting for bytes."""
        return sum(1 for waiter in self._waiters if not waiter.granted.done())

    async def acquire(self, amount: int) -> None:
        """Wait until `amount` bytes are free (or, for more than the whole budget, until nothing is held)."""
        if amount <= 0:
            return
        waiter = _Waiter(amount)
        self._waiters.append(waiter)
        self._grant()
        try:
            await waiter.granted
        except asyncio.CancelledError:
            if waiter.granted.done() and not waiter.granted.cancelled():
                self.release(amount)  # granted just as it was cancelled: give it back
            else:
                # The line may already have dropped it (a release ran before this task resumed).
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
                self._grant()  # the line's head may have changed
            raise

    def release(self, amount: int) -> None:
        """Give back `amount` bytes."""
        if amount <= 0:
            return
        self.in_use = max(0, self.in_use - amount)
        self._grant()

    def reservation(self) -> Reservation:
        """A job's share of this budget, empty at first (use it as an async context manager)."""
        return Reservation(self)

    def _grant(self) -> None:
        while self._waiters:
            head = self._waiters[0]
            if head.granted.done():
                self._waiters.popleft()
                continue
            if self.in_use and self.in_use + head.amount > self.capacity:
                return
            self._waiters.popleft()
            self.in_use += head.amount
            self.peak = max(self.peak, self.in_use)
            head.granted.set_result(None)


class Reservation:
    """The bytes one job holds; resized as its images' sizes become known, all given back at the end."""

    def __init__(self, budget: ByteBudget) -> None:
        self._budget = budget
        self.held = 0

    async def resize(self, amount: int) -> None:
        """Hold exactly `amount` bytes. Shrinking is immediate; growing gives everything back first and
        waits for the whole amount in line, so call it only while none of the bytes are in memory."""
        if amount <= self.held:
            self.shrink(amount)
            return
        self.release()
        await self._budget.acquire(amount)
        self.held = amount

    def shrink(self, amount: int) -> None:
        """Hold `amount` bytes, when it is no more than is held now."""
        if amount < self.held:
            self._budget.release(self.held - amount)
            self.held = max(0, amount)

    def release(self) -> None:
        """Give back everything held."""
        held, self.held = self.held, 0
        self._budget.release(held)

    async def __aenter__(self) -> Reservation:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()
