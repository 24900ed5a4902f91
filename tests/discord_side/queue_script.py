"""A busy queue played in virtual time, reported the way the engine reports it (the launcher's first
`queued`, every change of place, sending, generating with progress, uploading, then the result), to
count the edits of each job's message."""

from __future__ import annotations

from dataclasses import dataclass, field

from discord_side.progress_edits import ProgressEdits
from services.core.models import DeliveryTarget, GenerationOptions, Job
from services.engine.events import NOT_RUNNING, JobPhase, RunStatus
from tests.discord_side.manual_clock import ManualClock

STEP = 0.5
PROGRESS_EVERY = 2.0


def make_job(number: int) -> Job:
    """A job of its own member."""
    return Job(
        id=f"job{number:03d}",
        user_id=1000 + number,
        options=GenerationOptions(f"prompt {number}", None, 1),
        target=DeliveryTarget(channel_id=1, guild_id=2),
    )


@dataclass
class ShownEdits:
    """What `ProgressEdits` had shown, per job, and the places in line among it."""

    shown: dict[str, list[tuple[JobPhase, RunStatus]]] = field(default_factory=dict)
    results: set[str] = field(default_factory=set)

    async def show(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        """Record one edit of the job's message."""
        self.shown.setdefault(job.id, []).append((phase, status))

    def edits(self, job_id: str) -> int:
        """Edits of the job's message from the acknowledgement to the result (included)."""
        return len(self.shown.get(job_id, [])) + (job_id in self.results)

    def places(self, job_id: str) -> list[int]:
        """The places in line the job's message showed, in order."""
        return [s.queue_position for p, s in self.shown.get(job_id, []) if p is JobPhase.QUEUED and s.queue_position]


@dataclass
class _Running:
    job: Job
    started: float
    generating: bool = False
    uploading: bool = False


@dataclass
class BusyQueue:
    """`jobs` jobs asked at once; `slots` tasks run at a time, each `task_seconds` long."""

    edits: ProgressEdits
    clock: ManualClock
    recorded: ShownEdits
    slots: int
    task_seconds: float
    waiting: list[Job] = field(default_factory=list)
    running: list[_Running] = field(default_factory=list)

    async def play(self, jobs: int) -> None:
        """Ask for every job, then run the queue until every result is posted."""
        self.waiting = [make_job(number) for number in range(jobs)]
        for job in self.waiting:
            self.edits.changed(job, JobPhase.QUEUED, NOT_RUNNING)
        self._start_next()
        while self.waiting or self.running:
            await self.clock.advance(STEP)
            await self._step()

    def _start_next(self) -> None:
        while self.waiting and len(self.running) < self.slots:
            job = self.waiting.pop(0)
            self.running.append(_Running(job, self.clock.now()))
            self.edits.changed(job, JobPhase.SUBMITTING, NOT_RUNNING)
        for place, job in enumerate(self.waiting, start=1):
            self.edits.changed(job, JobPhase.QUEUED, RunStatus(queue_position=place))

    async def _step(self) -> None:
        for run in list(self.running):
            elapsed = self.clock.now() - run.started
            if run.uploading:
                await self.edits.finish(run.job.id)
                self.recorded.results.add(run.job.id)
                self.running.remove(run)
            elif elapsed >= self.task_seconds:
                run.uploading = True
                self.edits.changed(run.job, JobPhase.UPLOADING, RunStatus(progress=100))
            elif not run.generating or elapsed % PROGRESS_EVERY == 0:
                run.generating = True
                progress = int(100 * elapsed / self.task_seconds)
                self.edits.changed(run.job, JobPhase.GENERATING, RunStatus(progress=progress))
        self._start_next()
