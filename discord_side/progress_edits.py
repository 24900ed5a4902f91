"""When a running job's message is edited: when what it shows changes in a way its requester cares about,
never on a timer, so a typical job costs at most four edits from the acknowledgement to the result (its
place in line, generating, once past half way, the result).

The rule, per job:
- A new phase is shown, except the moments between phases: queued before its place in line is known,
  sending the task and uploading the images are shown only once they have lasted one
  `PROGRESS_EDIT_INTERVAL` (they usually pass in less, and the next phase is shown instead).
- While queued, the place in line is shown the first time it is known, then again only when it has
  halved since it was last shown (so reaching the front, place 1, always shows), or at least doubled
  and grown by two places (the job was sent back in line, or others were placed ahead of it).
- While generating, the progress is shown once more, when the task has passed half way.
- At most one edit per `PROGRESS_EDIT_INTERVAL`: news arriving sooner waits, and the edit then shows the
  latest state (or is skipped if that is no longer news).
The result and the ending of a job are posted at once by the presenter; `finish` drops what was pending.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from services.core.clock import Clock
from services.core.models import Job
from services.core.supervisor import TaskSupervisor
from services.engine.events import JobPhase, RunStatus

HALF_WAY = 50  # percent: the one progress update shown while generating
_BETWEEN_PHASES = frozenset({JobPhase.SUBMITTING, JobPhase.UPLOADING})

ShowProgress = Callable[[Job, JobPhase, RunStatus], Awaitable[None]]


@dataclass(frozen=True)
class Shown:
    """What a job's message shows, as far as the rule cares."""

    phase: JobPhase
    place: int | None = None
    past_half_way: bool = False


def shown_for(phase: JobPhase, status: RunStatus) -> Shown:
    """What the message would show for `phase` and `status`."""
    if phase == JobPhase.QUEUED:
        return Shown(phase, place=status.queue_position or None)
    if phase == JobPhase.GENERATING:
        return Shown(phase, past_half_way=status.progress >= HALF_WAY)
    return Shown(phase)


def between_phases(shown: Shown) -> bool:
    """A moment that usually passes at once: shown only if it lasts."""
    return shown.phase in _BETWEEN_PHASES or (shown.phase == JobPhase.QUEUED and shown.place is None)


def place_is_news(before: int | None, now: int | None) -> bool:
    """Whether the place in line `now` is worth showing after `before` was shown."""
    if now is None:
        return False
    if before is None:
        return True
    return now * 2 <= before or (now >= before * 2 and now >= before + 2)


def is_news(before: Shown | None, now: Shown) -> bool:
    """Whether the message should change from showing `before` to showing `now`."""
    if before is None or before.phase != now.phase:
        return True
    if now.phase == JobPhase.QUEUED:
        return place_is_news(before.place, now.place)
    if now.phase == JobPhase.GENERATING:
        return now.past_half_way and not before.past_half_way
    return False


@dataclass
class _Tracked:
    job: Job
    phase: JobPhase
    status: RunStatus
    since: float  # when `phase` began
    shown: Shown | None = None
    last_edit: float = -math.inf
    pending: asyncio.Task[None] | None = None
    due: float | None = None  # when the pending edit is due, while it waits for that
    finished: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class ProgressEdits:
    """Decides when each running job's message is edited (the rule above) and has `show` edit it."""

    def __init__(self, clock: Clock, supervisor: TaskSupervisor, interval: float, show: ShowProgress) -> None:
        self._clock = clock
        self._supervisor = supervisor
        self._interval = interval
        self._show = show
        self._jobs: dict[str, _Tracked] = {}

    def __len__(self) -> int:
        """How many jobs are followed."""
        return len(self._jobs)

    def changed(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        """The job is in `phase` with `status`: edit its message now, later, or not at all."""
        state = self._track(job, phase, status)
        if not is_news(state.shown, shown_for(phase, status)):
            return
        due = self._due(state)
        if state.pending is not None:
            if state.due is None or due >= state.due:
                return  # the pending edit will show the latest state
            state.pending.cancel()  # it waits for a later time than this news needs
        state.due = due
        state.pending = self._supervisor.spawn(f"progress-{job.id}", self._edit_when_due(state))

    async def finish(self, job_id: str) -> None:
        """The job's result or ending is about to be shown: drop its pending edit, and let an edit already
        on its way land first."""
        state = self._jobs.pop(job_id, None)
        if state is None:
            return
        state.finished = True
        if state.pending is not None:
            state.pending.cancel()
        async with state.lock:
            pass

    def _track(self, job: Job, phase: JobPhase, status: RunStatus) -> _Tracked:
        state = self._jobs.get(job.id)
        if state is None:
            state = self._jobs[job.id] = _Tracked(job, phase, status, since=self._clock.now())
        elif phase != state.phase:
            state.since = self._clock.now()
        state.job, state.phase, state.status = job, phase, status
        return state

    def _due(self, state: _Tracked) -> float:
        due = state.last_edit + self._interval
        if between_phases(shown_for(state.phase, state.status)):
            due = max(due, state.since + self._interval)
        return due

    async def _edit_when_due(self, state: _Tracked) -> None:
        while state.due is not None and state.due > self._clock.now():
            await self._clock.sleep(state.due - self._clock.now())
            state.due = self._due(state)  # the phase may have moved on meanwhile
        state.due = None
        async with state.lock:
            state.pending = None
            now = shown_for(state.phase, state.status)
            if state.finished or not is_news(state.shown, now):
                return
            state.shown, state.last_edit = now, self._clock.now()
            await self._show(state.job, state.phase, state.status)
