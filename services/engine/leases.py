"""The engine's side jobs across processes and queues: leases (which process runs which job, and taking
over from a process that died) and showing queued jobs their place in line. Mixed into `JobEngine`."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from services.core.models import Job
from services.engine.events import JobPhase

if TYPE_CHECKING:
    from services.core.clock import Clock
    from services.core.supervisor import TaskSupervisor
    from services.engine.jobs import EngineConfig
    from services.engine.scheduler import FairScheduler
    from services.storage.job_store import Store

log = logging.getLogger("services.engine.jobs")


class JobLeases:
    """Claiming, renewing and taking over job leases; publishing queue positions."""

    _store: Store
    _scheduler: FairScheduler
    _supervisor: TaskSupervisor
    _config: EngineConfig
    _clock: Clock
    _running: dict[str, asyncio.Task[None]]
    _jobs: dict[str, Job]
    _accepting: bool
    _positions_pending: bool

    def start(self, job: Job) -> None:  # pragma: no cover - provided by JobEngine
        raise NotImplementedError

    async def _notify(self, job: Job, phase: JobPhase) -> None:  # pragma: no cover - provided by JobEngine
        raise NotImplementedError

    async def resume(self, *, take_all: bool | None = None) -> int:
        """Lease and start the unfinished jobs no live process runs (at start: every one, when alone on
        the database); returns how many."""
        alone = self._config.alone if take_all is None else take_all
        jobs = await self._store.claim_jobs(self._config.owner, self._config.lease_seconds, take_all=alone)
        for job in jobs:
            if job.id in self._running:
                continue
            log.info("job=%s task=%s state=%s resumed by %s", job.id, job.task_id, job.state, self._config.owner)
            job.resumed = True
            self.start(job)
        return len(jobs)

    async def keep_leases(self) -> None:
        """Renew the leases of the jobs running here and take over jobs whose process died, until
        cancelled (at shutdown). A lease lapses `lease_seconds` after its process stopped renewing."""
        every = self._config.lease_seconds / 3
        renewed_at = self._clock.now()
        while True:
            await self._clock.sleep(every)
            try:
                held = await self._store.renew_leases(
                    self._config.owner, list(self._running), self._config.lease_seconds
                )
                renewed_at = self._clock.now()
                for job_id in set(self._running) - held:
                    log.warning("job %s: lease taken over by another process; stopping it here", job_id)
                    self._running[job_id].cancel()
                if self._accepting:
                    await self.resume(take_all=False)
            except Exception:
                log.exception("renewing job leases failed; trying again")
                if not self._config.alone and self._clock.now() - renewed_at > self._config.lease_seconds:
                    # Our leases have lapsed: another process may take these jobs now, so stop ours
                    # (their stored state lets whoever takes them over carry on).
                    log.error("job leases lapsed; stopping %d local job(s) for another process", len(self._running))
                    for task in list(self._running.values()):
                        task.cancel()

    def queue_changed(self) -> None:
        """The fair queue moved: show the queued jobs their new places (coalesced, in the background)."""
        if self._positions_pending or not self._accepting:
            return
        self._positions_pending = True
        try:
            self._supervisor.spawn("queue-positions", self._publish_positions())
        except RuntimeError:
            self._positions_pending = False

    async def _publish_positions(self) -> None:
        await asyncio.sleep(0)  # let the rest of this tick's changes land first
        self._positions_pending = False
        for job_id, position in self._scheduler.positions().items():
            job = self._jobs.get(job_id)
            if job is not None and job.queue_position != position:
                job.queue_position = position
                await self._notify(job, JobPhase.QUEUED)

    def queue_position(self, job_id: str) -> int | None:
        """A queued job's place in line (1 = next), or None."""
        return self._scheduler.positions().get(job_id)
