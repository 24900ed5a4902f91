"""Following a task at the API until it ends: queries on the schedule (`polling`), each in its turn of
the account's query budget (`query_budget`), woken early by a callback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from services.api.client import WanClient
from services.api.errors import TaskTimedOut, WanAPIError
from services.api.retry import doubling
from services.core.clock import Clock, sleep_unless
from services.core.models import RESULT_LIFETIME_SECONDS, Job, Task
from services.engine.polling import PollSchedule, Sighting, plan_query, progress_query_at
from services.engine.query_budget import QueryBudget

log = logging.getLogger(__name__)

# A callback says the task changed: its confirming query goes before every scheduled one.
REPORTED_DUE_AT = float("-inf")
# A query only to show progress goes after every query that is due within the hour.
PROGRESS_DUE_IN = 3600.0
# The API bills every task it accepts, so one 400/404 about an accepted task is not taken for the truth:
# a lagging replica, a failover or a proxy in between can answer it for a while. The task is given up
# only after the same answer this many times in a row, spread over at least this long: five answers
# over three minutes outlast such glitches and still end well within the default 10-minute deadline.
REFUSALS_TO_GIVE_UP = 5
REFUSAL_SPAN_SECONDS = 180.0
# After a refusal the task is asked again slowly (the answer rarely changes within seconds): this long
# first, doubling up to the cap. 401/402/403 (the operator's key or credits) never give a task up: it is
# asked about at this pace until the deadline, as the operator may fix the key or add credits.
REFUSAL_FIRST_WAIT = 5.0
REFUSAL_MAX_WAIT = 60.0
_REFUSALS = frozenset({400, 401, 402, 403, 404})
# Past the deadline (or past a restart that came after it) a paid task whose queries only fail for
# passing reasons is asked again for this long, at its backoff, then given up: long enough to outlast
# an outage's tail, short enough that a job never lingers for hours holding its place.
PAST_DEADLINE_GRACE = 600.0


@dataclass
class _Following:
    """What the tracker knows of one task while it follows it."""

    job: Job
    task_id: str
    started: float
    wakeup: asyncio.Event
    last: Sighting | None = None
    queries: int = 0
    failures: int = 0
    not_before: float = 0.0  # no query before this (a Retry-After or a backoff after an error)
    refused: int | None = None  # the 4xx the latest answers repeated, ...
    refusals: int = 0  # ... how many times in a row ...
    refused_since: float = 0.0  # ... since when
    began: float = 0.0  # when this process began following it (a resumed job: after the restart)

    def refusal(self, status: int, now: float) -> None:
        """Count a 4xx answer: the same status as the previous answer extends the streak."""
        if status != self.refused:
            self.refused, self.refusals, self.refused_since = status, 0, now
        self.refusals += 1

    def refusal_is_final(self, now: float) -> bool:
        """Whether the streak of refusals has lasted enough to believe: never for the key or credits."""
        lasted = now - self.refused_since >= REFUSAL_SPAN_SECONDS
        return self.refused in {400, 404} and self.refusals >= REFUSALS_TO_GIVE_UP and lasted

    @property
    def last_at(self) -> float:
        """When the task was last asked about (its submission if never)."""
        return self.started + (0.0 if self.last is None else self.last.elapsed)


class TaskTracker:
    """Asks about each task on its schedule within the shared query budget; `poke` (a callback arrived)
    makes it ask at once."""

    def __init__(
        self, wan: WanClient, clock: Clock, schedule: PollSchedule, deadline_seconds: float, budget: QueryBudget
    ) -> None:
        self._wan = wan
        self._clock = clock
        self._schedule = schedule
        self._deadline_seconds = deadline_seconds
        self._budget = budget
        self._wakeups: dict[str, asyncio.Event] = {}

    def poke(self, task_id: str) -> bool:
        """Ask about this task now instead of at the next scheduled query; False if it is not followed here."""
        event = self._wakeups.get(task_id)
        if event is None:
            return False
        event.set()
        return True

    async def follow(self, job: Job, on_progress: Callable[[int], Awaitable[None]]) -> Task:
        """The task's final state; `on_progress` hears each new progress percent. Raises `TaskTimedOut`
        at the job's deadline, or the API's 400/404 once it has answered it consistently (see
        `REFUSALS_TO_GIVE_UP`)."""
        assert job.task_id is not None
        wakeup = self._wakeups.setdefault(job.task_id, asyncio.Event())
        now = self._clock.now()
        following = _Following(job, job.task_id, job.submitted_at or now, wakeup, began=now)
        try:
            return await self._follow(following, on_progress)
        finally:
            self._wakeups.pop(job.task_id, None)

    async def _follow(self, following: _Following, on_progress: Callable[[int], Awaitable[None]]) -> Task:
        deadline = following.started + self._deadline_seconds
        while True:
            # Past the deadline (e.g. a job resumed after a long outage) the task is still asked: it has
            # probably finished, and its images are paid for.
            if self._clock.now() < deadline:
                await self._turn(following, deadline)
            else:
                await self._wait(following.not_before - self._clock.now(), following.wakeup)
                await self._budget.acquire(self._clock.now())
            try:
                task = await self._ask(following)
            finally:
                self._budget.release()  # the turn counts for a second after the answer
            if task is not None:
                if task.status.is_terminal:
                    return task
                if task.progress != (0 if following.last is None else following.last.progress):
                    await on_progress(task.progress)
                following.last = Sighting(self._clock.now() - following.started, task.progress)
            if self._clock.now() >= deadline and not self._still_worth_asking(following, task):
                raise TaskTimedOut(following.task_id, self._deadline_seconds)

    def _still_worth_asking(self, following: _Following, task: Task | None) -> bool:
        """Past the deadline, whether the last query's failure was only passing (429, 5xx, unreachable,
        or a 400/404 not yet repeated enough to believe) while the task's links may still live: such an
        answer says nothing about the paid task, so it is asked again after its backoff."""
        if task is not None or following.refused in {401, 402, 403}:
            return False
        deadline = following.started + self._deadline_seconds
        until = min(following.started + RESULT_LIFETIME_SECONDS, max(deadline, following.began) + PAST_DEADLINE_GRACE)
        return self._clock.now() < until

    async def _turn(self, following: _Following, deadline: float) -> None:
        """Wait until the task's next query is due (or a callback pokes it), then for its turn. A long
        wait may be broken by a query only for progress, if the budget has room for it then."""
        plan = plan_query(self._schedule, following.job.estimated_time, following.last, following.queries)
        ask_at = max(following.started + plan.ask_at, following.not_before)
        due_at = following.started + plan.due_at
        progress_at = progress_query_at(self._schedule, following.last_at, ask_at)
        while True:
            wake_at = min(ask_at, deadline) if progress_at is None else min(ask_at, deadline, progress_at)
            if await self._wait(wake_at - self._clock.now(), following.wakeup):
                await self._take(REPORTED_DUE_AT, following.wakeup)
                return
            now = self._clock.now()
            if now >= min(ask_at, deadline):
                await self._take(due_at, following.wakeup)
                return
            if self._budget.spare and now >= following.not_before:
                await self._take(now + PROGRESS_DUE_IN, following.wakeup)
                return
            progress_at = progress_query_at(self._schedule, now, ask_at)

    async def _take(self, due_at: float, wakeup: asyncio.Event) -> None:
        """Acquire the query's turn in the budget (the caller releases it once answered); a callback
        arriving meanwhile moves it to the front."""
        if wakeup.is_set() or due_at == REPORTED_DUE_AT:
            wakeup.clear()
            await self._budget.acquire(REPORTED_DUE_AT)
            return
        # Whichever comes first: the turn, or a callback that makes this query the most urgent of all.
        turn = asyncio.ensure_future(self._budget.acquire(due_at))
        woken = asyncio.ensure_future(wakeup.wait())
        try:
            await asyncio.wait({turn, woken}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            if turn.done() and not turn.cancelled():
                self._budget.release()  # given up (the job stopped) holding a turn: it goes unused
            raise
        finally:
            woken.cancel()
            granted = turn.done()
            turn.cancel()  # a turn granted as it is given up is released by `acquire`
        wakeup.clear()
        if not granted:
            await self._budget.acquire(REPORTED_DUE_AT)

    async def _ask(self, following: _Following) -> Task | None:
        """One query; None when it failed in a way a later query may get past."""
        following.queries += 1
        try:
            task = await self._wan.get_task(following.task_id, retry=False)
        except WanAPIError as error:
            if error.status in _REFUSALS:
                self._refused(following, error)
                return None
            following.refused = None
            following.failures += 1
            wait = self._wan.retry_wait(error, following.failures)
            following.not_before = self._clock.now() + wait
            if error.status == 429 or error.retry_after is not None:
                # The limit is the account's: every task waits, not just this one.
                self._budget.pause(wait)
            log.warning("job %s: task query failed, asking again in %.1f s: %s", following.job.id, wait, error)
            return None
        following.failures, following.refused = 0, None
        return task

    def _refused(self, following: _Following, error: WanAPIError) -> None:
        """A 4xx about the task: ask again slowly, unless the same answer has lasted long enough to
        believe (then it is raised)."""
        assert error.status is not None
        now = self._clock.now()
        following.refusal(error.status, now)
        if following.refusal_is_final(now):
            raise error
        wait = doubling(following.refusals, REFUSAL_FIRST_WAIT, REFUSAL_MAX_WAIT)
        following.not_before = now + max(wait, error.retry_after or 0.0)
        log.warning(
            "job %s: the API answered %s about its task (%d time(s) in a row), asking again in %.0f s",
            following.job.id,
            error.status,
            following.refusals,
            following.not_before - now,
        )

    async def _wait(self, seconds: float, wakeup: asyncio.Event) -> bool:
        """Sleep `seconds` unless poked first; True when poked."""
        return await sleep_unless(self._clock, seconds, wakeup)
