"""A fair local queue in front of the API.

Jobs wait here for a slot. How many tasks run at the API at once and how fast create calls start are
limits that adapt (`pacing`): unbounded, or at the operator's caps, until the API signals overload (429,
503, unreachable); then the whole queue pauses for the wait the API asked for, both limits are halved
from the level in use, and they climb back step by step. The next job is chosen round-robin between
guilds, then between the users of that guild, then first-come within a user, so a user with ten queued
jobs delays another user's first job by at most one slot.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from services.core.clock import Clock, sleep_unless
from services.engine.pacing import UNBOUNDED, AdaptiveLimit, CreatePace

log = logging.getLogger(__name__)

MIN_CREATE_RATE = 0.2
"""Creates per second an overloaded API is still tried at (one every five seconds)."""
MIN_RATE_STEP = 0.5
"""Creates per second regained each second, at least, after an overload."""


@dataclass
class Ticket:
    """A job waiting for a slot."""

    job_id: str
    guild_id: int | None  # None: direct messages
    user_id: int
    granted: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


# Waiting tickets: by guild (in turn order), then by user (in turn order), then oldest first.
_Line = OrderedDict[int | None, OrderedDict[int, deque[Ticket]]]


def cap_or_unbounded(cap: float) -> float:
    """An operator's cap as a limit: 0 (or less) means no cap."""
    return cap if cap > 0 else UNBOUNDED


class FairScheduler:
    """Hands out API slots fairly; one dispatcher task (owned by the caller's supervisor) runs `run()`."""

    def __init__(
        self,
        clock: Clock,
        max_in_flight: int,
        creates_per_second: float,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        """`max_in_flight` and `creates_per_second` are the operator's hard caps; 0 means no cap."""
        self._clock = clock
        self._window = AdaptiveLimit(cap=cap_or_unbounded(max_in_flight), floor=1.0, min_step=1.0)
        rate = AdaptiveLimit(cap=cap_or_unbounded(creates_per_second), floor=MIN_CREATE_RATE, min_step=MIN_RATE_STEP)
        self._pace = CreatePace(rate, updated=clock.now())
        self.on_change = on_change
        """Called (synchronously) whenever the line changes; the engine uses it to show positions."""
        self._guilds: _Line = OrderedDict()
        self._tickets: dict[str, Ticket] = {}
        self._in_flight: set[str] = set()
        # A granted job's round (`_round`) and when it was granted: an overload lowers the limits once
        # per round, however many create calls that were already on their way are refused with it.
        self._grants: dict[str, tuple[int, float]] = {}
        self._round = 0
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
        """The create rate allowed now (per second; `math.inf`: unbounded)."""
        return self._pace.rate.value(self._clock.now())

    @property
    def window(self) -> float:
        """The tasks allowed in flight now (`math.inf`: unbounded)."""
        return self._window.value(self._clock.now())

    @property
    def overloads(self) -> int:
        """How many times the limits were lowered because the API signalled overload."""
        return self._window.overloads

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
        """The job's task has ended at the API (or was never made): its slot is free."""
        self._grants.pop(job_id, None)
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

    def create_refused(self, job_id: str, wait: float) -> None:
        """The API refused or failed the job's create call (429, 5xx, unreachable): the job's slot is
        free, the whole queue waits `wait` seconds, and the limits are halved once per round."""
        now = self._clock.now()
        grant = self._grants.get(job_id)
        in_flight = len(self._in_flight)
        self._pace.pause(now, wait)
        if grant is not None and grant[0] == self._round:
            self._round += 1
            self._pace.overloaded(now, since=grant[1])
            self._window.overloaded(now, in_flight, resume_at=self._pace.paused_until)
            log.warning(
                "the API is overloaded: no new tasks for %.0f s, then at most %s creates/s and %s tasks in flight,"
                " rising again",
                wait,
                _level(self._pace.rate.value(now)),
                _level(self._window.value(now)),
            )
        self.release(job_id)

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
        """Grant slots while there are queued jobs, room in flight and create budget."""
        recheck: float | None = None
        while True:
            await self._wait_for_change(recheck)
            recheck = await self._grant_available()

    async def _grant_available(self) -> float | None:
        """Grant what the limits allow; the seconds until the in-flight limit grows when it holds the line."""
        while self._tickets:
            now = self._clock.now()
            room = self._window.seconds_until(len(self._in_flight) + 1, now)
            if room != 0.0:
                return room
            wait = self._pace.wait_time(now)
            if wait > 0:
                await self._clock.sleep(wait)
                continue
            ticket = self._next()
            if ticket is None:
                break
            self._pace.take(now)
            self._in_flight.add(ticket.job_id)
            self._grants[ticket.job_id] = (self._round, now)
            ticket.granted.set_result(None)
            self._changed(wake=False)
        return None

    async def _wait_for_change(self, timeout: float | None) -> None:
        """Until the line or the slots change, or `timeout` seconds pass."""
        if timeout is not None:
            await sleep_unless(self._clock, timeout, self._wakeup)
        else:
            await self._wakeup.wait()
        self._wakeup.clear()

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


def _level(limit: float) -> str:
    return "unbounded" if limit == UNBOUNDED else f"{limit:.3g}"
