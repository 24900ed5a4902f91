"""The jobs running in this process: each one's runtime state (never stored: it starts afresh when a job
is picked up again) and its background task; shared by the engine and its collaborators."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Protocol

from services.core.models import Job
from services.engine.events import RunStatus


@dataclass
class JobRun:
    """A job running here: its stored record, and what only this run knows."""

    job: Job
    resumed: bool = False  # picked up again (restart, or a process that died): its result may be posted already
    queue_position: int | None = None  # place in the fair queue while waiting (1 = next)
    progress: int = 0  # percent done, as the API last reported it

    def status(self) -> RunStatus:
        """A snapshot of the runtime state, for the Discord side."""
        return RunStatus(queue_position=self.queue_position, progress=self.progress)


class RunningJobs:
    """The runs of this process by job id, each with its task; a run leaves when its task ends."""

    def __init__(self) -> None:
        self._runs: dict[str, JobRun] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def add(self, run: JobRun, task: asyncio.Task[None]) -> None:
        """Keep `run` while `task` runs it."""
        job_id = run.job.id
        self._runs[job_id], self._tasks[job_id] = run, task

        def forget(ended: asyncio.Task[None]) -> None:
            if self._tasks.get(job_id) is ended:
                del self._runs[job_id], self._tasks[job_id]

        task.add_done_callback(forget)

    def __contains__(self, job_id: object) -> bool:
        return job_id in self._runs

    def __len__(self) -> int:
        return len(self._runs)

    def get(self, job_id: str) -> JobRun | None:
        """The run of this job, if it runs here."""
        return self._runs.get(job_id)

    def ids(self) -> list[str]:
        """The ids of the jobs running here."""
        return list(self._runs)

    def of_member(self, guild_id: int | None, user_id: int) -> list[JobRun]:
        """The runs of a member's jobs in a guild (None: direct messages)."""
        return [run for run in self._runs.values() if (run.job.user_id, run.job.target.guild_id) == (user_id, guild_id)]

    async def join(self, job_id: str) -> None:
        """Wait until the job's run (if any) has finished."""
        task = self._tasks.get(job_id)
        if task is not None:
            await asyncio.wait([task])

    def cancel(self, job_id: str) -> asyncio.Task[None] | None:
        """Stop the job's run here (its stored state stays as it is); the cancelled task, if it ran."""
        task = self._tasks.get(job_id)
        if task is not None:
            task.cancel()
        return task

    async def stop(self, job_id: str) -> None:
        """Stop the job's run here and wait until it has stopped."""
        task = self.cancel(job_id)
        if task is not None:
            await asyncio.wait([task])

    def cancel_all(self) -> int:
        """Stop every run here; how many there were."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        return len(tasks)


class JobStarter(Protocol):
    """What the engine's collaborators need of it: whether it takes jobs, and starting a job's run."""

    @property
    def accepting(self) -> bool:
        """Whether new jobs are taken (False once shutdown began)."""
        ...

    def start(self, job: Job, *, resumed: bool = False) -> None:
        """Run the job in the background (no-op if it already runs); `resumed`: picked up again."""
        ...
