"""A fair local queue in front of the API.

Jobs wait here for a slot: at most `max_in_flight` tasks run at the API at once, and create calls
start at most `rate` per second. The next job is chosen round-robin between guilds, then between
the users of that guild, then first-come within a user, so a user with ten queued jobs delays another
user's first job by at most one slot. When the API answers 429 the whole queue pauses for the wait
the API asked for and the rate is halved, then recovers step by step with each successful create.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from services.core.clock import Clock

log = logging.getLogger(__name__)

_TOKEN_EPSILON = 1e-3
_MIN_WAIT = 0.001


@dataclass
class Ticket:
    """A job waiting for a slot."""

    job_id: str
    guild_id: int | None  # None: direct messages
    user_id: int
    granted: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


# Waiting tickets: by guild (in turn order), then by user (in turn order), then oldest first.
_Line = OrderedDict[int | None, OrderedDict[int, deque[Ticket]]]


@dataclass
class RateState:
    """A token bucket whose rate adapts: halved on 429, recovering additively on success."""

    max_rate: float
    rate: float
    tokens: float = 1.0
    updated: float = 0.0
    paused_until: float = 0.0
    recovery_step_fraction: float = 0.1
    min_rate_fraction: float = 0.05

    def refill(self, now: float) -> None:
        """Add the tokens earned since the last update (up to one second's worth, at least one)."""
        capacity = max(1.0, self.rate)
        self.tokens = min(capacity, self.tokens + max(0.0, now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self, now: float) -> float:
        """Seconds until a create call may start."""
        if now < self.paused_until:
            return self.paused_until - now
        self.refill(now)
        # Unix timestamps carry about a microsecond of precision: treat a hair's breadth as a token.
        missing = 1.0 - self.tokens
        return 0.0 if missing <= _TOKEN_EPSILON else max(missing / self.rate, _MIN_WAIT)

    def take(self, now: float) -> None:
        """Spend a token for a create call starting now."""
        self.refill(now)
        self.tokens -= 1.0

    def slow_down(self, now: float, wait: float) -> None:
        """The API said 429: pause for `wait` seconds and halve the rate."""
        self.paused_until = max(self.paused_until, now + wait)
        self.rate = max(self.max_rate * self.min_rate_fraction, self.rate / 2)
        self.tokens = min(self.tokens, 0.0)

    def recover(self) -> None:
        """A create call went through: step the rate back up towards its maximum."""
        self.rate = min(self.max_rate, self.rate + self.max_rate * self.recovery_step_fraction)


class FairScheduler:
    """Hands out API slots fairly; one dispatcher task (owned by the caller's supervisor) runs `run()`."""

    def __init__(
        self,
        clock: Clock,
        max_in_flight: int,
        creates_per_second: float,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._clock = clock
        self._max_in_flight = max_in_flight
        self._rate = RateState(max_rate=creates_per_second, rate=creates_per_second, updated=clock.now())
        self.on_change = on_change
        """Called (synchronously) whenever the line changes; the engine uses it to show positions."""
        self._guilds: _Line = OrderedDict()
        self._tickets: dict[str, Ticket] = {}
        self._in_flight: set[str] = set()
        self._wakeup = asyncio.Event()

    @property
    def queued(self) -> int:
        """Jobs waiting for a slot."""
        return len(self._tickets)

    @property
    def in_flight(self) -> int:
        """Jobs holding a slot."""
        return len(self._in_flight)

    @property
    def rate(self) -> float:
        """The current create rate (per second)."""
        return self._rate.rate

    async def acquire(self, job_id: str, guild_id: int | None, user_id: int, *, first_in_line: bool = False) -> None:
        """Wait for this job's turn; `first_in_line` puts it before the user's other queued jobs."""
        ticket = Ticket(job_id, guild_id, user_id)
        users = self._guilds.setdefault(guild_id, OrderedDict())
        line = users.setdefault(user_id, deque())
        if first_in_line:
            line.appendleft(ticket)
        else:
            line.append(ticket)
        self._tickets[job_id] = ticket
        self._changed()
        try:
            await ticket.granted
        except asyncio.CancelledError:
            if not self._discard(job_id) and job_id in self._in_flight:
                self.release(job_id)  # granted just as it was cancelled: give the slot back
            raise

    def occupy(self, job_id: str) -> None:
        """Count a job whose task already runs at the API (resumed after a restart); it does not queue."""
        self._in_flight.add(job_id)

    def release(self, job_id: str) -> None:
        """The job's task has ended at the API: its slot is free."""
        if job_id in self._in_flight:
            self._in_flight.discard(job_id)
            self._wakeup.set()

    def remove(self, job_id: str) -> bool:
        """Take a queued job out of the line (cancelled); False if it was not queued."""
        ticket = self._tickets.get(job_id)
        if ticket is None or not self._discard(job_id):
            return False
        ticket.granted.cancel()
        return True

    def rate_limited(self, wait: float) -> None:
        """The API refused or failed a create call (429, 5xx, unreachable): the whole queue waits and
        slows down."""
        self._rate.slow_down(self._clock.now(), wait)
        log.warning("the API asks to slow down: no new tasks for %.0f s; create rate now %.2f/s", wait, self._rate.rate)

    def created(self) -> None:
        """A create call went through."""
        self._rate.recover()

    def order(self) -> list[str]:
        """The queued jobs in the order the dispatcher will grant them: its own round-robin step, run on a
        copy of the line."""
        line = OrderedDict(
            (guild_id, OrderedDict((user_id, deque(tickets)) for user_id, tickets in users.items()))
            for guild_id, users in self._guilds.items()
        )
        order: list[str] = []
        while (ticket := _take_next(line)) is not None:
            if not ticket.granted.done():
                order.append(ticket.job_id)
        return order

    def positions(self) -> dict[str, int]:
        """Every queued job's place in line (1 = next), from `order()`."""
        return {job_id: place for place, job_id in enumerate(self.order(), start=1)}

    async def run(self) -> None:
        """Grant slots while there are queued jobs, free slots and create budget."""
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            while self._tickets and len(self._in_flight) < self._max_in_flight:
                wait = self._rate.wait_time(self._clock.now())
                if wait > 0:
                    await self._clock.sleep(wait)
                    continue
                ticket = self._next()
                if ticket is None:
                    break
                self._rate.take(self._clock.now())
                self._in_flight.add(ticket.job_id)
                ticket.granted.set_result(None)
                self._changed(wake=False)

    def _next(self) -> Ticket | None:
        while (ticket := _take_next(self._guilds)) is not None:
            self._tickets.pop(ticket.job_id, None)
            if not ticket.granted.done():
                return ticket
        return None

    def _discard(self, job_id: str) -> bool:
        ticket = self._tickets.pop(job_id, None)
        if ticket is None:
            return False
        users = self._guilds.get(ticket.guild_id)
        line = users.get(ticket.user_id) if users is not None else None
        if line is not None and ticket in line:
            line.remove(ticket)
            if not line:
                del users[ticket.user_id]  # type: ignore[union-attr]
            if not users:
                del self._guilds[ticket.guild_id]
        self._changed(wake=False)
        return True

    def _changed(self, *, wake: bool = True) -> None:
        if wake:
            self._wakeup.set()
        if self.on_change is not None:
            self.on_change()


def _take_next(line: _Line) -> Ticket | None:
    """One round-robin step, the only definition of the queue's order: the first user of the guild
    whose turn it is gives up their oldest ticket, then that user and that guild go to the back."""
    if not line:
        return None
    guild_id, users = next(iter(line.items()))
    user_id, tickets = next(iter(users.items()))
    ticket = tickets.popleft()
    users.move_to_end(user_id)
    if not tickets:
        del users[user_id]
    line.move_to_end(guild_id)
    if not users:
        del line[guild_id]
    return ticket
