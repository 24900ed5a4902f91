"""What requesters and moderators do to jobs already accepted: approve or reject them (approval mode),
cancel them, and erase a member's jobs on request."""

from __future__ import annotations

import enum
import logging
import re

from services.core.clock import Clock
from services.core.models import FailureReason, Job, JobState
from services.engine.engine_config import EngineConfig
from services.engine.events import NOT_RUNNING, JobPhase
from services.engine.failures import JobProblem, detail
from services.engine.job_log import log_state
from services.engine.reporter import JobReporter
from services.engine.runs import JobStarter, RunningJobs
from services.engine.scheduler import FairScheduler
from services.storage.job_store import Store

log = logging.getLogger("services.engine.jobs")

# Control characters but the line feed (a reason may have several lines): a NUL cannot even be stored in
# PostgreSQL, and the others are invisible.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def moderator_words(reason: str) -> str | None:
    """A moderator's reason as it is stored and shown: control characters dropped (tabs become spaces,
    every line break a line feed), trimmed; None when nothing is left."""
    lines = reason.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_CHARACTERS.sub("", lines).strip() or None


class CancelOutcome(enum.StrEnum):
    """What a cancel request did."""

    CANCELLED = "cancelled"  # the job had not been sent: dropped, its quota returned
    DISCARD_ON_ARRIVAL = "discard_on_arrival"  # the task runs at the API: its results will be discarded
    TOO_LATE = "too_late"  # the images are already being delivered
    ALREADY_ENDED = "already_ended"
    NOT_FOUND = "not_found"


class JobControls:
    """Approve, reject, cancel and erase: stored first, then the runs here are stopped or started."""

    def __init__(
        self,
        store: Store,
        scheduler: FairScheduler,
        runs: RunningJobs,
        reporter: JobReporter,
        clock: Clock,
        config: EngineConfig,
        engine: JobStarter,
    ) -> None:
        self._store = store
        self._scheduler = scheduler
        self._runs = runs
        self._reporter = reporter
        self._clock = clock
        self._config = config
        self._engine = engine

    async def approve(self, job_id: str, by: int | None = None) -> Job | None:
        """Moderator `by` approved the job: it joins the queue. None if it no longer waits for approval:
        the stored move out of `awaiting_approval` is the one decider when moderators click at once."""
        lease_until = await self._store.database_now() + self._config.lease_seconds  # the clock leases go by
        if not await self._store.transition(
            job_id,
            [JobState.AWAITING_APPROVAL],
            JobState.QUEUED,
            lease_owner=self._config.owner,
            lease_expires_at=lease_until,
            decided_by=by,
        ):
            return None
        job = await self._store.get_job(job_id)
        if job is None:
            return None
        log_state(job, "approved")
        await self._reporter.changed(job, JobPhase.QUEUED, NOT_RUNNING)
        self._engine.start(job)
        return job

    async def reject(self, job_id: str, reason: str, by: int | None = None) -> Job | None:
        """Moderator `by` rejected the job for `reason` (their words, possibly none, stored as
        `moderator_words`): it ends, its quota returned. None if it no longer waits (see `approve`)."""
        return await self._reject(job_id, moderator_words(reason), by)

    async def withdraw(self, job_id: str) -> Job | None:
        """The job's approval request could not be posted, so no moderator can ever decide: it ends
        (rejected, saying so) with its quota returned. None if it no longer waits."""
        return await self._reject(job_id, detail(JobProblem.APPROVAL_NOT_POSTED).encode())

    async def _reject(self, job_id: str, detail: str | None, by: int | None = None) -> Job | None:
        failure = (FailureReason.REJECTED, detail)
        job = await self._store.get_job(job_id)  # read first: settling forgets the interaction token
        rejected = await self._store.settle(
            job_id, JobState.REJECTED, charged=0, failure=failure, leaving=[JobState.AWAITING_APPROVAL], decided_by=by
        )
        if job is None or not rejected:
            return None
        job.state, (job.failure_reason, job.failure_detail), job.decided_by = JobState.REJECTED, failure, by
        log_state(job, "reason=%r", detail)
        await self._reporter.ended(job)
        return job

    async def forget_member(self, guild_id: int, user_id: int) -> int:
        """Erase a member's jobs and usage in a guild (on their request): their running jobs stop here
        first (a task already at the API is abandoned), then every record goes. Returns jobs erased."""
        for run in self._runs.of_member(guild_id, user_id):
            self._scheduler.remove(run.job.id)
            await self._runs.stop(run.job.id)
        erased = await self._store.erase_member(guild_id, user_id)
        log.info("erased %d job(s) of user %s in guild %s on request", erased, user_id, guild_id)
        return erased

    async def cancel(self, job_id: str) -> CancelOutcome:
        """Cancel a job for its requester: drop it if not yet sent, else discard its results on arrival."""
        run = self._runs.get(job_id)
        job = run.job if run is not None else await self._store.get_job(job_id)
        if job is None:
            return CancelOutcome.NOT_FOUND
        if job.state.is_final:
            return CancelOutcome.ALREADY_ENDED
        dropped = await self._store.settle(
            job_id, JobState.CANCELLED, charged=0, leaving=[JobState.QUEUED, JobState.AWAITING_APPROVAL]
        )
        if dropped:
            self._scheduler.remove(job_id)
            self._runs.cancel(job_id)
            job.state = JobState.CANCELLED
            log_state(job, "cancelled by the requester before it was sent")
            await self._reporter.ended(job)
            return CancelOutcome.CANCELLED
        if not await self._store.request_cancel(job_id):
            stored = await self._store.get_job(job_id)
            ended = stored is None or stored.state.is_final
            return CancelOutcome.ALREADY_ENDED if ended else CancelOutcome.TOO_LATE
        job.cancel_requested = True
        log.info("job %s: cancel requested while its task runs; results will be discarded", job_id)
        return CancelOutcome.DISCARD_ON_ARRIVAL

    async def expire_approvals(self, max_wait_seconds: float) -> int:
        """Reject the requests no moderator answered in time (their images are given back)."""
        stale = await self._store.stale_approvals(self._clock.now() - max_wait_seconds)
        unanswered = detail(JobProblem.APPROVAL_TIMED_OUT, hours=max_wait_seconds / 3600).encode()
        for job_id in stale:
            await self._reject(job_id, unanswered)
        return len(stale)
