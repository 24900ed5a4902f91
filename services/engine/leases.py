"""Which process runs which job: at start and while running, a process claims the unfinished jobs no
live process runs; it renews the leases of its own, and stops those another process took over."""

from __future__ import annotations

import logging

from services.core.clock import Clock
from services.engine.engine_config import EngineConfig
from services.engine.runs import JobStarter, RunningJobs
from services.storage.job_store import Store

log = logging.getLogger("services.engine.jobs")


class JobLeases:
    """Claiming, renewing and taking over job leases for this process (`config.owner`)."""

    def __init__(self, store: Store, runs: RunningJobs, clock: Clock, config: EngineConfig, engine: JobStarter) -> None:
        self._store = store
        self._runs = runs
        self._clock = clock
        self._config = config
        self._engine = engine

    async def resume(self, *, take_all: bool | None = None) -> int:
        """Lease and start the unfinished jobs no live process runs (at start: every one, when alone on
        the database); returns how many."""
        alone = self._config.alone if take_all is None else take_all
        jobs = await self._store.claim_jobs(self._config.owner, self._config.lease_seconds, take_all=alone)
        for job in jobs:
            if job.id in self._runs:
                continue
            log.info("job=%s task=%s state=%s resumed by %s", job.id, job.task_id, job.state, self._config.owner)
            self._engine.start(job, resumed=True)
        return len(jobs)

    async def keep_leases(self) -> None:
        """Renew the leases of the jobs running here and take over jobs whose process died, until
        cancelled (at shutdown). A lease lapses `lease_seconds` after its process stopped renewing."""
        every = self._config.lease_seconds / 3
        renewed_at = self._clock.now()
        while True:
            await self._clock.sleep(every)
            try:
                await self._renew()
                renewed_at = self._clock.now()
                if self._engine.accepting:
                    await self.resume(take_all=False)
            except Exception:
                log.exception("renewing job leases failed; trying again")
                if not self._config.alone and self._clock.now() - renewed_at > self._config.lease_seconds:
                    # Our leases have lapsed: another process may take these jobs now, so stop ours
                    # (their stored state lets whoever takes them over carry on).
                    log.error("job leases lapsed; stopping %d local job(s) for another process", len(self._runs))
                    self._runs.cancel_all()

    async def _renew(self) -> None:
        running = self._runs.ids()
        held = await self._store.renew_leases(self._config.owner, running, self._config.lease_seconds)
        for job_id in set(running) - held:
            log.warning("job %s: lease taken over by another process; stopping it here", job_id)
            self._runs.cancel(job_id)
