"""Which process runs which job: at start and while running, a process claims the unfinished jobs no
live process runs; it renews the leases of its own, and stops only those the database says another
process holds now (or, while renewals fail, those whose lease has certainly lapsed)."""

from __future__ import annotations

import logging

from services.core.clock import Clock
from services.engine.engine_config import EngineConfig
from services.engine.runs import JobRun, JobStarter, RunningJobs
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
        # Each run here, and since when its lease is known to be held: when it was last renewed, or
        # when it was first seen (its lease was granted before it started). Its lease lasts at least
        # `lease_seconds` from then.
        self._held: dict[str, tuple[JobRun, float]] = {}

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
        while True:
            await self._clock.sleep(every)
            await self.tend()

    async def tend(self) -> None:
        """One round of `keep_leases`: renew, then take over lapsed jobs; if that fails, stop the runs
        whose lease has certainly lapsed (another process may run them now)."""
        try:
            await self.renew()
            if self._engine.accepting:
                await self.resume(take_all=False)
        except Exception:
            log.exception("renewing job leases failed; trying again")
            if not self._config.alone:
                self._stop_lapsed()

    async def renew(self) -> list[str]:
        """Renew the leases of the jobs running here; stop the ones whose renewal the database refused
        because another process holds them now. Returns the ids stopped."""
        runs = self._note_runs()
        lost = await self._store.renew_leases(self._config.owner, list(runs), self._config.lease_seconds)
        renewed_at = self._clock.now()
        stopped = []
        for job_id, run in runs.items():
            if job_id not in lost:
                self._held[job_id] = (run, renewed_at)
            # Only the run the renewal was for: one started since then holds a lease of its own.
            elif self._runs.get(job_id) is run:
                log.warning("job %s: lease taken over by another process; stopping it here", job_id)
                self._runs.cancel(job_id)
                stopped.append(job_id)
        return stopped

    def _note_runs(self) -> dict[str, JobRun]:
        """The runs here now; those not seen before are noted as held from now on."""
        now = self._clock.now()
        runs = {job_id: run for job_id in self._runs.ids() if (run := self._runs.get(job_id)) is not None}
        self._held = {
            job_id: held if (held := self._held.get(job_id)) is not None and held[0] is run else (run, now)
            for job_id, run in runs.items()
        }
        return runs

    def _stop_lapsed(self) -> None:
        """Stop the runs whose lease has lapsed for certain (not renewed for `lease_seconds`)."""
        self._note_runs()
        now = self._clock.now()
        lapsed = [job_id for job_id, (_, since) in self._held.items() if now - since > self._config.lease_seconds]
        if lapsed:
            log.error("job leases lapsed; stopping %d local job(s) for another process", len(lapsed))
        for job_id in lapsed:
            self._runs.cancel(job_id)
            del self._held[job_id]
