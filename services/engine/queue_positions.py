"""Showing queued jobs their place in the fair queue whenever it moves."""

from __future__ import annotations

import asyncio

from services.core.supervisor import TaskSupervisor
from services.engine.events import JobPhase
from services.engine.reporter import JobReporter
from services.engine.runs import JobStarter, RunningJobs
from services.engine.scheduler import FairScheduler


class QueuePositions:
    """Publishes the places the scheduler gives (`FairScheduler.positions`) to the runs waiting here."""

    def __init__(
        self,
        scheduler: FairScheduler,
        runs: RunningJobs,
        reporter: JobReporter,
        supervisor: TaskSupervisor,
        engine: JobStarter,
    ) -> None:
        self._scheduler = scheduler
        self._runs = runs
        self._reporter = reporter
        self._supervisor = supervisor
        self._engine = engine
        self._pending = False

    def changed(self) -> None:
        """The fair queue moved: show the queued jobs their new places (coalesced, in the background)."""
        if self._pending or not self._engine.accepting:
            return
        self._pending = True
        try:
            self._supervisor.spawn("queue-positions", self._publish())
        except RuntimeError:
            self._pending = False

    def position(self, job_id: str) -> int | None:
        """A queued job's place in line (1 = next), or None."""
        return self._scheduler.positions().get(job_id)

    async def _publish(self) -> None:
        await asyncio.sleep(0)  # let the rest of this tick's changes land first
        self._pending = False
        for job_id, position in self._scheduler.positions().items():
            run = self._runs.get(job_id)
            if run is not None and run.queue_position != position:
                run.queue_position = position
                await self._reporter.changed(run.job, JobPhase.QUEUED, run.status())
