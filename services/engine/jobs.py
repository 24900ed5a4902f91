"""The job engine: accepts jobs, submits them to the API, tracks them, and hands the images over.

A job's state is stored before each step that depends on it (queued → submitting → submitted →
completed → delivered, or failed / expired), so `resume` can pick every unfinished job up after a
restart: a job in `submitting` is sent again with the same Idempotency-Key, never as a new task.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from services.api.client import WanClient
from services.api.errors import TaskFailed, TaskTimedOut, WanAPIError
from services.api.retry import create_is_retryable, create_outcome_unknown
from services.core.clock import Clock
from services.core.errors import ImageFetchError, QuotaExceeded, ShuttingDown
from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState, Task, TaskStatus
from services.core.supervisor import TaskSupervisor
from services.engine.controls import JobControls
from services.engine.events import DeliveryError, JobEvents, JobPhase
from services.engine.failures import reason_for_api_error, reason_for_task_error
from services.engine.job_log import log_state
from services.engine.leases import JobLeases
from services.engine.polling import PollSchedule
from services.engine.scheduler import FairScheduler
from services.engine.tracker import TaskTracker
from services.images.download import ImageDownloader
from services.images.fitting import FittedImage, per_file_limit
from services.operations.metrics import Metrics
from services.operations.web import callback_url, new_callback_token
from services.quotas.limits import Limits, next_reset, usage_day
from services.storage.job_store import Store

log = logging.getLogger(__name__)

RESULT_LIFETIME_SECONDS = 24 * 3600


@dataclass(frozen=True)
class EngineConfig:
    """Tunables of the engine, from `Settings`."""

    job_deadline_seconds: float = 600.0
    create_attempts: int = 3
    owner: str = "this-process"
    lease_seconds: float = 30.0
    alone: bool = True  # the only process on this database (SQLite): it may take every job at start
    public_base_url: str | None = None  # https: tasks report back to <url>/callbacks/<job secret>
    schedule: PollSchedule = field(default_factory=PollSchedule)


class _JobMovedOn(Exception):
    """The stored job is no longer in the state this run expected (cancelled meanwhile)."""


def new_job_id() -> str:
    """A short, unguessable job id (also the create call's Idempotency-Key)."""
    return secrets.token_hex(6)


class JobEngine(JobControls, JobLeases):
    """Runs jobs in the background, one owned task per job, under a global in-flight limit."""

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
    ) -> None:
        self._store = store
        self._wan = wan
        self._downloader = downloader
        self._events = events
        self._clock = clock
        self._config = config
        self._supervisor = supervisor
        self._scheduler = scheduler
        self._metrics = metrics
        self._tracker = TaskTracker(wan, clock, config.schedule, config.job_deadline_seconds)
        self._positions_pending = False
        self._running: dict[str, asyncio.Task[None]] = {}
        self._jobs: dict[str, Job] = {}
        self._accepting = True

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
        now = self._clock.now()
        job = Job(
            id=new_job_id(),
            user_id=user_id,
            options=options,
            target=target,
            created_at=now,
            updated_at=now,
            usage_day=usage_day(now),
            state=JobState.AWAITING_APPROVAL if needs_approval else JobState.QUEUED,
            callback_token=new_callback_token() if self._config.public_base_url else None,
        )
        lease = (self._config.owner, self._config.lease_seconds)
        refusal = await self._store.insert_job_reserving(job, limits, lease=lease)
        if refusal is not None:
            if self._metrics is not None:
                self._metrics.quota_refusals.labels(limit=refusal.kind.value).inc()
            log.info("job refused for user %s: %s (%d of %d used)", user_id, refusal.kind, refusal.used, refusal.limit)
            raise QuotaExceeded(
                refusal.kind, refusal.limit, refusal.used, options.n, next_reset(now), retry_at=refusal.retry_at
            )
        log_state(job, "user=%s n=%d size=%s", user_id, options.n, options.size)
        return job

    def start(self, job: Job) -> None:
        """Run the job in the background (no-op if it already runs)."""
        if job.id in self._running:
            return
        try:
            task = self._supervisor.spawn(f"job-{job.id}", self._run(job))
        except RuntimeError:
            log.info("job %s is stored and will run at the next start (shutting down)", job.id)
            return
        self._running[job.id] = task
        self._jobs[job.id] = job

        def forget(_: asyncio.Task[None]) -> None:
            self._running.pop(job.id, None)
            self._jobs.pop(job.id, None)

        task.add_done_callback(forget)

    @property
    def accepting(self) -> bool:
        """Whether new jobs are taken (False once shutdown began)."""
        return self._accepting

    def stop_accepting(self) -> None:
        """Refuse new jobs from now on (shutdown); running ones are left to the supervisor."""
        self._accepting = False

    async def join(self, job_id: str) -> None:
        """Wait until the job's background run (if any) has finished."""
        task = self._running.get(job_id)
        if task is not None:
            await asyncio.wait([task])

    @property
    def active_jobs(self) -> int:
        """Jobs running in this process."""
        return len(self._running)

    async def _run(self, job: Job) -> None:
        try:
            if job.state in {JobState.QUEUED, JobState.SUBMITTING}:
                await self._submit(job)  # waits for its turn in the fair queue, then holds a slot
            elif job.state == JobState.SUBMITTED:
                self._scheduler.occupy(job.id)  # resumed: its task already runs at the API
            if job.state == JobState.SUBMITTED:
                await self._track(job)
            self._scheduler.release(job.id)
            await self._deliver(job)
        except WanAPIError as error:
            await self._fail(job, reason_for_api_error(error), str(error))
        except TaskFailed as error:
            await self._fail(job, reason_for_task_error(error.code), str(error))
        except TaskTimedOut as error:
            await self._fail(job, FailureReason.TIMED_OUT, str(error))
        except ImageFetchError as error:
            await self._fail(job, FailureReason.BAD_IMAGE, error.reason)
        except DeliveryError as error:
            await self._fail(job, FailureReason.DELIVERY_FAILED, str(error))
        except _JobMovedOn:
            log.info("job %s was ended elsewhere (cancelled); stopping its run", job.id)
        except Exception as error:
            log.exception("job %s: unexpected error", job.id)
            await self._fail(job, FailureReason.INTERNAL, type(error).__name__)
        finally:
            self._scheduler.release(job.id)

    async def _submit(self, job: Job) -> None:
        attempt = 0
        first_attempt: float | None = None
        while True:
            attempt += 1
            await self._scheduler.acquire(job.id, job.target.guild_id, job.user_id, first_in_line=attempt > 1)
            if job.state == JobState.QUEUED:
                if not await self._store.transition(
                    job.id, [JobState.QUEUED], JobState.SUBMITTING, owner=self._lease_guard
                ):
                    raise _JobMovedOn(job.id)
                job.state = JobState.SUBMITTING
                log_state(job)
            job.queue_position = None
            await self._notify(job, JobPhase.SUBMITTING)
            first_attempt = first_attempt or self._clock.now()
            try:
                task = await self._wan.create_task(
                    job.options, idempotency_key=job.id, callback_url=self._callback_url(job), retry=False
                )
            except WanAPIError as error:
                not_created = create_is_retryable(error)
                gave_up = self._clock.now() - first_attempt >= self._config.job_deadline_seconds
                if gave_up or not (not_created or create_outcome_unknown(error)):
                    raise
                # The whole queue waits (not just this job), and this job goes back to the head of its
                # line, to be sent again with the same Idempotency-Key: where the task may exist, the
                # API hands it back instead of making a second one.
                self._scheduler.release(job.id)
                self._scheduler.rate_limited(self._wan.retry_wait(error, attempt))
                log.warning("job %s: create call failed (%s); sending it again later", job.id, error)
                if not_created:
                    await self._back_in_line(job)
                await self._notify(job, JobPhase.QUEUED)
                continue
            self._scheduler.created()
            break
        now = self._clock.now()
        if not await self._store.transition(
            job.id,
            [JobState.SUBMITTING],
            JobState.SUBMITTED,
            owner=self._lease_guard,
            task_id=task.id,
            task_created=task.created,
            estimated_time=task.estimated_time,
            submitted_at=now,
        ):
            raise _JobMovedOn(job.id)
        job.state, job.task_id, job.task_created = JobState.SUBMITTED, task.id, task.created
        job.estimated_time, job.submitted_at = task.estimated_time, now
        log_state(job, "estimated=%ss", task.estimated_time)
        await self._notify(job, JobPhase.GENERATING)

    @property
    def _lease_guard(self) -> str | None:
        # With several processes, the run's writes also require that this process still holds the
        # job's lease: a process that lost it (a long pause) cannot overwrite what another one did.
        return None if self._config.alone else self._config.owner

    def _callback_url(self, job: Job) -> str | None:
        if not self._config.public_base_url or not job.callback_token:
            return None
        return callback_url(self._config.public_base_url, job.id, job.callback_token)

    async def _back_in_line(self, job: Job) -> None:
        # Nothing exists at the API: the job is plainly queued again, so a cancel now drops it whole.
        if not await self._store.transition(job.id, [JobState.SUBMITTING], JobState.QUEUED, owner=self._lease_guard):
            raise _JobMovedOn(job.id)
        job.state = JobState.QUEUED
        if job.cancel_requested or await self._cancel_requested(job):
            await self._end(job, JobState.CANCELLED, charged=0)
            raise _JobMovedOn(job.id)

    async def _track(self, job: Job) -> None:
        task = await self._tracker.follow(job, self._on_progress)
        await self._record_outcome(job, task)

    async def _on_progress(self, job: Job) -> None:
        await self._notify(job, JobPhase.GENERATING)

    def task_reported(self, task_id: str) -> bool:
        """A callback says this task changed: ask the API now (its answer decides, not the callback's)."""
        return self._tracker.poke(task_id)

    async def _record_outcome(self, job: Job, task: Task) -> None:
        if task.status != TaskStatus.COMPLETED:
            raise TaskFailed(task.id, task.error_code or task.status.value, task.error_message)
        urls = task.results[: job.options.n]
        if not job.cancel_requested and urls:
            # Guarded by the cancel flag in the same statement, so a click racing this step either
            # lands before it (and the results are discarded below) or is told it came too late.
            completed = await self._store.transition(
                job.id,
                [JobState.SUBMITTED],
                JobState.COMPLETED,
                unless_cancelled=True,
                owner=self._lease_guard,
                result_urls=list(urls),
            )
            if not completed and not await self._cancel_requested(job):
                raise _JobMovedOn(job.id)
            job.cancel_requested = not completed
        if job.cancel_requested:
            # The API bills the images it produced, so they count although they are discarded.
            await self._end(job, JobState.CANCELLED, charged=len(urls))
            return
        if not urls:
            raise TaskFailed(task.id, "generation_failed_no_content", "the task completed without images")
        job.state, job.result_urls, job.progress = JobState.COMPLETED, urls, 100
        log_state(job, "images=%d of %d", len(urls), job.options.n)

    async def _deliver(self, job: Job) -> None:
        if job.state != JobState.COMPLETED:
            return
        if job.resumed:
            # Posted just before a crash? Then it is done, whatever became of the links since.
            found = await self._events.find_delivery(job)
            if found is not None:
                message_ids, count = found
                log.info("job %s: its result was already posted before the restart", job.id)
                await self._end(job, JobState.DELIVERED, charged=count, delivered=count, message_ids=message_ids)
                return
        created = job.task_created or job.submitted_at or job.created_at
        if self._clock.now() >= created + RESULT_LIFETIME_SECONDS:
            await self._end(job, JobState.EXPIRED, charged=0, failure=(FailureReason.RESULTS_EXPIRED, "links expired"))
            return
        completed_at = self._clock.now()
        await self._notify(job, JobPhase.UPLOADING)
        limit = per_file_limit(job.target.upload_limit, len(job.result_urls))
        images: Sequence[FittedImage] = await self._downloader.fetch_all(job.result_urls, limit)
        message_ids = await self._events.deliver(job, images)
        job.message_ids = message_ids
        count = len(images)
        if self._metrics is not None:
            self._metrics.completion_to_delivery.observe(self._clock.now() - completed_at)
            self._metrics.images_delivered.inc(count)
        # The images are posted: from here on nothing may turn the job into a failure. If the store
        # cannot record it now, the job stays `completed` and the next start finds the posted result.
        for attempt in range(1, 4):
            try:
                await self._end(job, JobState.DELIVERED, charged=count, delivered=count, message_ids=message_ids)
                return
            except Exception:
                log.exception("job %s: recording its delivery failed (attempt %d of 3)", job.id, attempt)
                await self._clock.sleep(0.5 * attempt)

    async def _cancel_requested(self, job: Job) -> bool:
        # Another process (or a click before a restart) may have asked; the store has the last word.
        stored = await self._store.get_job(job.id)
        return stored is not None and stored.cancel_requested

    async def _fail(self, job: Job, reason: FailureReason, detail: str) -> None:
        log.warning("job %s failed (%s): %s", job.id, reason, detail)
        await self._end(job, JobState.FAILED, charged=0, failure=(reason, detail))

    async def _end(
        self,
        job: Job,
        state: JobState,
        *,
        charged: int,
        delivered: int = 0,
        message_ids: tuple[int, ...] = (),
        failure: tuple[FailureReason, str] | None = None,
    ) -> None:
        settled = await self._store.settle(
            job.id,
            state,
            charged=charged,
            delivered=delivered,
            message_ids=message_ids,
            failure=failure,
            owner=self._lease_guard,
        )
        if not settled:
            log.info("job %s was already settled; nothing more to do", job.id)
            return
        job.state, job.images_delivered, job.images_charged = state, delivered, charged
        if failure is not None:
            job.failure_reason, job.failure_detail = failure
        log_state(job, "delivered=%d counted=%d", delivered, charged)
        if state != JobState.DELIVERED:
            await self._tell_ended(job)

    async def _tell_ended(self, job: Job) -> None:
        try:
            await self._events.job_ended(job)
        except Exception:
            log.exception("job %s: telling the requester why it ended failed", job.id)

    async def _notify(self, job: Job, phase: JobPhase) -> None:
        try:
            await self._events.job_changed(job, phase)
        except Exception:
            log.exception("job %s: showing its progress failed", job.id)
