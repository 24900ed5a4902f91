"""The job engine: accepts jobs and runs each in the background, one owned task per job, with its
collaborators, each with its own state: the runner takes a job through its steps (`runner`), the
controls act on accepted jobs (`controls`), the leases share jobs between processes (`leases`) and the
queue positions show waiting jobs their place (`queue_positions`). They reach the engine only through
`JobStarter` and the shared `RunningJobs`."""

from __future__ import annotations

import logging
import secrets

from services.api.client import WanClient
from services.core.clock import Clock
from services.core.errors import QuotaExceeded, ShuttingDown
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.core.supervisor import TaskSupervisor
from services.engine.alert_checks import AlertChecks
from services.engine.budget_watch import BudgetWatch
from services.engine.controls import CancelOutcome, JobControls
from services.engine.engine_config import EngineConfig
from services.engine.events import JobEvents
from services.engine.image_inputs import ImageInputs, ImageToImageAccess
from services.engine.job_log import log_state
from services.engine.leases import JobLeases
from services.engine.query_budget import DEFAULT_QUERIES_PER_SECOND, QueryBudget
from services.engine.queue_positions import QueuePositions
from services.engine.reporter import JobReporter
from services.engine.runner import JobRunner
from services.engine.runs import JobRun, RunningJobs
from services.engine.scheduler import FairScheduler
from services.engine.tracker import TaskTracker
from services.images.download import ImageDownloader
from services.operations.metrics import Metrics
from services.operations.web import new_callback_token
from services.quotas.credits import as_credits, credits_for
from services.quotas.limits import Limits, next_month, next_reset, usage_day
from services.storage.job_store import Store
from services.storage.usage import Refusal

__all__ = ["EngineConfig", "JobEngine", "new_job_id"]

log = logging.getLogger(__name__)


def new_job_id() -> str:
    """A short, unguessable job id (also the create call's Idempotency-Key)."""
    return secrets.token_hex(6)


class JobEngine:
    """Accepts jobs and runs them in the background under a global in-flight limit (the scheduler)."""

    def __init__(
        self,
        store: Store,
        wan: WanClient,
        downloader: ImageDownloader,
        events: JobEvents,
        clock: Clock,
        config: EngineConfig,
        supervisor: TaskSupervisor,
        scheduler: FairScheduler,
        metrics: Metrics | None = None,
        *,
        query_budget: QueryBudget | None = None,
        image_inputs: ImageInputs | None = None,
        access: ImageToImageAccess | None = None,
    ) -> None:
        self._store = store
        self._wan = wan
        self._clock = clock
        self._config = config
        self._supervisor = supervisor
        self._metrics = metrics
        self._accepting = True
        self._runs = RunningJobs()
        # One budget of task queries for every task this process follows (bot.py shares it out).
        budget = query_budget or QueryBudget(DEFAULT_QUERIES_PER_SECOND, clock)
        self._tracker = TaskTracker(wan, clock, config.schedule, config.job_deadline_seconds, budget)
        reporter = JobReporter(events)
        self.image_inputs = image_inputs or ImageInputs(clock)
        self.access = access
        self._runner = JobRunner(
            store,
            wan,
            downloader,
            reporter,
            clock,
            config,
            scheduler,
            self._tracker,
            metrics,
            inputs=self.image_inputs,
            access=access,
        )
        self.controls = JobControls(store, scheduler, self._runs, reporter, clock, config, self)
        self.leases = JobLeases(store, self._runs, clock, config, self)
        self.budgets = BudgetWatch(store, clock, metrics)
        self.alert_checks = AlertChecks(self.budgets)
        self.queue_positions = QueuePositions(scheduler, self._runs, reporter, supervisor, self)

    async def accept(
        self,
        user_id: int,
        options: GenerationOptions,
        target: DeliveryTarget,
        limits: Limits,
        *,
        needs_approval: bool = False,
    ) -> Job:
        """Store a new job with its images reserved within `limits`, or raise `QuotaExceeded` (nothing
        stored or charged) or `ShuttingDown`. With `needs_approval` the job waits for `approve`."""
        if not self._accepting:
            raise ShuttingDown
        job = self._new_job(user_id, options, target, needs_approval=needs_approval)
        lease = (self._config.owner, self._config.lease_seconds)
        refusal = await self._store.insert_job_reserving(job, limits, lease=lease)
        if refusal is not None:
            if self._metrics is not None:
                self._metrics.quota_refusals.labels(limit=refusal.kind.value).inc()
            log.info("job refused for user %s: %s (%d of %d used)", user_id, refusal.kind, refusal.used, refusal.limit)
            raise _quota_exceeded(refusal, job)
        if self._metrics is not None:
            self._metrics.credits_reserved.inc(as_credits(job.credits_reserved))
        log_state(job, "user=%s n=%d size=%s", user_id, options.n, options.size)
        return job

    async def check_quota(
        self, user_id: int, options: GenerationOptions, target: DeliveryTarget, limits: Limits
    ) -> None:
        """Raise the `QuotaExceeded` that `accept` would raise now, without storing or reserving anything:
        a member out of quota is refused before anything costly is done for the request."""
        job = self._new_job(user_id, options, target, needs_approval=False)
        refusal = await self._store.quota_refusal(job, limits)
        if refusal is not None:
            raise _quota_exceeded(refusal, job)

    def _new_job(
        self, user_id: int, options: GenerationOptions, target: DeliveryTarget, *, needs_approval: bool
    ) -> Job:
        now = self._clock.now()
        return Job(
            id=new_job_id(),
            user_id=user_id,
            options=options,
            target=target,
            created_at=now,
            updated_at=now,
            usage_day=usage_day(now),
            state=JobState.AWAITING_APPROVAL if needs_approval else JobState.QUEUED,
            callback_token=new_callback_token() if self._config.public_base_url else None,
            credits_reserved=credits_for(options.model, options.n),
        )

    def start(self, job: Job, *, resumed: bool = False) -> None:
        """Run the job in the background (no-op if it already runs); `resumed`: picked up again after a
        restart or from a process that died, so its result may already be posted."""
        if job.id in self._runs:
            return
        run = JobRun(job, resumed=resumed)
        try:
            task = self._supervisor.spawn(f"job-{job.id}", self._runner.run(run))
        except RuntimeError:
            log.info("job %s is stored and will run at the next start (shutting down)", job.id)
            return
        self._runs.add(run, task)

    @property
    def owner(self) -> str:
        """This process's name on the leases it holds."""
        return self._config.owner

    @property
    def accepting(self) -> bool:
        """Whether new jobs are taken (False once shutdown began)."""
        return self._accepting

    def stop_accepting(self) -> None:
        """Refuse new jobs from now on (shutdown); running ones are left to the supervisor."""
        self._accepting = False

    async def join(self, job_id: str) -> None:
        """Wait until the job's background run (if any) has finished."""
        await self._runs.join(job_id)

    @property
    def active_jobs(self) -> int:
        """Jobs running in this process."""
        return len(self._runs)

    def task_reported(self, task_id: str) -> bool:
        """A callback says this task changed: ask the API now (its answer decides, not the callback's)."""
        return self._tracker.poke(task_id)

    # The collaborators' operations, as the Discord side and the composition root call them.

    async def approve(self, job_id: str, by: int | None = None) -> Job | None:
        """See `JobControls.approve`."""
        return await self.controls.approve(job_id, by)

    async def reject(self, job_id: str, reason: str, by: int | None = None) -> Job | None:
        """See `JobControls.reject`."""
        return await self.controls.reject(job_id, reason, by)

    async def withdraw(self, job_id: str) -> Job | None:
        """See `JobControls.withdraw`."""
        return await self.controls.withdraw(job_id)

    async def cancel(self, job_id: str) -> CancelOutcome:
        """See `JobControls.cancel`."""
        return await self.controls.cancel(job_id)

    async def forget_member(self, guild_id: int, user_id: int) -> int:
        """See `JobControls.forget_member`."""
        return await self.controls.forget_member(guild_id, user_id)

    async def expire_approvals(self, max_wait_seconds: float) -> int:
        """See `JobControls.expire_approvals`."""
        return await self.controls.expire_approvals(max_wait_seconds)

    async def resume(self, *, take_all: bool | None = None) -> int:
        """See `JobLeases.resume`."""
        return await self.leases.resume(take_all=take_all)

    async def keep_leases(self) -> None:
        """See `JobLeases.keep_leases`."""
        await self.leases.keep_leases()

    def queue_changed(self) -> None:
        """See `QueuePositions.changed` (the scheduler's `on_change`)."""
        self.queue_positions.changed()

    def queue_position(self, job_id: str) -> int | None:
        """See `QueuePositions.position`."""
        return self.queue_positions.position(job_id)


def _quota_exceeded(refusal: Refusal, job: Job) -> QuotaExceeded:
    """What the member is told: the limit that refused `job`, and when it resets."""
    requested = job.credits_reserved if refusal.kind.in_credits else job.options.n
    resets = next_month(job.created_at) if refusal.kind.monthly else next_reset(job.created_at)
    return QuotaExceeded(refusal.kind, refusal.limit, refusal.used, requested, resets, retry_at=refusal.retry_at)
