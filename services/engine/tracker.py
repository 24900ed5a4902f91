"""Following a task at the API until it ends: adaptive polling, woken early by a callback."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from services.api.client import WanClient
from services.api.errors import TaskTimedOut, WanAPIError
from services.core.clock import Clock
from services.core.models import Job, Task
from services.engine.polling import PollSchedule, next_poll_delay

log = logging.getLogger(__name__)


class TaskTracker:
    """Polls each task on the adaptive schedule; `poke` (a callback arrived) makes it ask at once."""

    def __init__(self, wan: WanClient, clock: Clock, schedule: PollSchedule, deadline_seconds: float) -> None:
        self._wan = wan
        self._clock = clock
        self._schedule = schedule
        self._deadline_seconds = deadline_seconds
        self._wakeups: dict[str, asyncio.Event] = {}

    def poke(self, task_id: str) -> bool:
        """Ask about this task now instead of at the next scheduled poll; False if it is not followed here."""
        event = self._wakeups.get(task_id)
        if event is None:
            return False
        event.set()
        return True

    async def follow(self, job: Job, on_progress: Callable[[int], Awaitable[None]]) -> Task:
        """The task's final state; `on_progress` hears each new progress percent. Raises `TaskTimedOut`
        at the job's deadline, or an API error that polling cannot get past (the key refused, the task
        unknown)."""
        assert job.task_id is not None
        wakeup = self._wakeups.setdefault(job.task_id, asyncio.Event())
        try:
            return await self._follow(job, job.task_id, wakeup, on_progress)
        finally:
            self._wakeups.pop(job.task_id, None)

    async def _follow(
        self, job: Job, task_id: str, wakeup: asyncio.Event, on_progress: Callable[[int], Awaitable[None]]
    ) -> Task:
        started = job.submitted_at or self._clock.now()
        deadline = started + self._deadline_seconds
        delay: float | None = None
        failures = progress = 0
        while True:
            now = self._clock.now()
            if now < deadline:
                delay = next_poll_delay(self._schedule, now - started, progress, job.estimated_time, delay)
                await self._wait(min(delay, deadline - now), wakeup)
            # Past the deadline (e.g. a job resumed after a long outage) the task is still asked once:
            # it has probably finished, and its images are paid for.
            try:
                task = await self._wan.get_task(task_id, retry=False)
            except WanAPIError as error:
                if error.is_auth_problem or error.status in {400, 404}:
                    raise
                failures += 1
                delay = max(delay or 0.0, self._wan.retry_wait(error, failures))
                log.warning("job %s: task query failed, will poll again: %s", job.id, error)
            else:
                failures = 0
                if task.status.is_terminal:
                    return task
                # Only the create answer's estimated_time is documented (a total); queries may repeat it
                # with another meaning, so the schedule relies on their progress instead.
                if task.progress != progress:
                    progress = task.progress
                    await on_progress(progress)
            if self._clock.now() >= deadline:
                raise TaskTimedOut(task_id, self._deadline_seconds)

    async def _wait(self, seconds: float, wakeup: asyncio.Event) -> None:
        if wakeup.is_set():
            wakeup.clear()
            return
        sleeper = asyncio.ensure_future(self._clock.sleep(seconds))
        woken = asyncio.ensure_future(wakeup.wait())
        try:
            await asyncio.wait({sleeper, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in (sleeper, woken):
                waiter.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await waiter
            wakeup.clear()
