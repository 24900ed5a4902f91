"""Taking one job from where it stands to its end: its turn in the fair queue, the create call, following
the task, handing the images over, and settling the job with what it used.

A job's state is stored before each step that depends on it (queued → submitting → submitted →
completed → delivered, or failed / expired), so a job picked up again after a restart carries on: a job
in `submitting` is sent again with the same Idempotency-Key, never as a new task.
"""

from __future__ import annotations

import logging

from services.api.client import WanClient
from services.api.errors import TaskFailed, TaskTimedOut, WanAPIError
from services.api.retry import create_is_retryable, create_outcome_unknown
from services.core.clock import Clock
from services.core.errors import ImageFetchError
from services.core.models import (
    RESULT_LIFETIME_SECONDS,
    FailureReason,
    GenerationOptions,
    Job,
    JobState,
    Task,
    TaskStatus,
)
from services.engine.create_calls import CreateCalls, OutcomeUnknown
from services.engine.engine_config import EngineConfig
from services.engine.events import DeliveryError, JobPhase
from services.engine.failures import (
    JobProblem,
    detail,
    detail_for_error,
    reason_for_api_error,
    reason_for_task_error,
)
from services.engine.image_inputs import (
    REFRESH_MARGIN_SECONDS,
    ImageInputs,
    ImageToImageAccess,
    InputUrlsUnavailable,
    denies_model,
)
from services.engine.job_log import log_state
from services.engine.reporter import JobReporter
from services.engine.runs import JobRun
from services.engine.scheduler import FairScheduler
from services.engine.tracker import TaskTracker
from services.images.download import ImageDownloader
from services.images.fitting import per_file_limit
from services.operations.metrics import Metrics
from services.operations.web import callback_url
from services.quotas.credits import as_credits, images_produced, settled_credits, to_milli
from services.storage.job_store import Store

log = logging.getLogger("services.engine.jobs")


def _milli(credits: float | None) -> int | None:
    return None if credits is None else to_milli(credits)


class _JobMovedOn(Exception):
    """The stored job is no longer in the state this run expected (cancelled meanwhile)."""


class JobRunner:
    """Runs jobs through their steps; every write is guarded by the state it leaves (and the lease)."""

    def __init__(
        self,
        store: Store,
        wan: WanClient,
        downloader: ImageDownloader,
        reporter: JobReporter,
        clock: Clock,
        config: EngineConfig,
        scheduler: FairScheduler,
        tracker: TaskTracker,
        metrics: Metrics | None = None,
        *,
        inputs: ImageInputs | None = None,
        access: ImageToImageAccess | None = None,
    ) -> None:
        self._store = store
        self._wan = wan
        self._downloader = downloader
        self._reporter = reporter
        self._clock = clock
        self._config = config
        self._scheduler = scheduler
        self._tracker = tracker
        self._metrics = metrics
        self._inputs = inputs or ImageInputs(clock)
        self._access = access

    async def run(self, run: JobRun) -> None:
        """Take the job to its end; a failure ends it as failed, with the reason stored."""
        job = run.job
        try:
            if job.state in {JobState.QUEUED, JobState.SUBMITTING}:
                await self._submit(run)  # waits for its turn in the fair queue, then holds a slot
            elif job.state == JobState.SUBMITTED:
                self._scheduler.occupy(job.id)  # resumed: its task already runs at the API
            if job.state == JobState.SUBMITTED:
                await self._track(run)
            self._scheduler.release(job.id)
            await self._deliver(run)
        except OutcomeUnknown as error:
            await self._end_unknown(job, error)
        except (WanAPIError, InputUrlsUnavailable) as error:
            await self._fail(job, await self._reason_for(job, error), error)
        except TaskFailed as error:
            await self._fail(job, reason_for_task_error(error.code), error)
        except TaskTimedOut as error:
            # Given up, not cancelled: the task may still complete and be billed in full.
            await self._fail(job, FailureReason.TIMED_OUT, error, produced=job.options.n)
        except ImageFetchError as error:
            await self._fail(job, FailureReason.BAD_IMAGE, error)
        except DeliveryError as error:
            await self._fail(job, FailureReason.DELIVERY_FAILED, error)
        except _JobMovedOn:
            log.info("job %s was ended elsewhere (cancelled); stopping its run", job.id)
        except Exception as error:
            log.exception("job %s: unexpected error", job.id)
            await self._fail(job, FailureReason.INTERNAL, error)
        finally:
            self._scheduler.release(job.id)

    async def _reason_for(self, job: Job, error: WanAPIError | InputUrlsUnavailable) -> FailureReason:
        if isinstance(error, InputUrlsUnavailable):
            return FailureReason.INPUT_UNAVAILABLE
        if self._access is not None and await self._access.refused(job, error):
            return FailureReason.MODEL_DENIED  # nobody is charged: the failure returns the reservation
        return reason_for_api_error(error)

    async def _submit(self, run: JobRun) -> None:
        """Create the job's task in its turn, always with the same Idempotency-Key. A refusal that made
        nothing (429, 503, refused connection) puts the job back in line until its deadline; a call whose
        outcome is unknown (no answer, a lost or garbled one, another 5xx) is one of `create_attempts`."""
        calls = CreateCalls(maybe_made=run.job.state == JobState.SUBMITTING)  # resumed mid-create
        while True:
            if run.job.state == JobState.QUEUED and run.job.cancel_requested:
                await self._drop_cancelled(run.job)  # a cancel stored before a restart
            await self._take_turn(run, first_in_line=calls.started is not None)
            calls.started = calls.started or self._clock.now()
            options = await self._options_to_send(run.job, calls)
            try:
                task = await self._wan.create_task(
                    options, idempotency_key=run.job.id, callback_url=self._callback_url(run.job), retry=False
                )
            except WanAPIError as error:
                await self._wait_for_another_turn(run, error, calls)
                continue
            await self._record_submitted(run, task)
            return

    async def _options_to_send(self, job: Job, calls: CreateCalls) -> GenerationOptions:
        # The API downloads the inputs itself: stale URLs are renewed and stored before they are sent. Once
        # a create may have been made, a retry sends the first attempt's body again (same Idempotency-Key):
        # only a URL that has expired since is renewed, and if that fails the task may exist all the same.
        margin = 0.0 if calls.maybe_made else REFRESH_MARGIN_SECONDS
        try:
            options = await self._inputs.fresh(job.options, margin)
        except InputUrlsUnavailable as error:
            if calls.maybe_made:
                raise OutcomeUnknown(calls.uncertain) from error
            raise
        if options is not job.options:
            stored = [image.to_json() for image in options.images]
            if not await self._store.transition(
                job.id, [JobState.SUBMITTING], JobState.SUBMITTING, owner=self._config.write_guard, input_images=stored
            ):
                raise _JobMovedOn(job.id)
            job.options = options
        return options

    async def _take_turn(self, run: JobRun, *, first_in_line: bool) -> None:
        """Wait for a slot in the fair queue, then mark the job as being sent (unless it was cancelled)."""
        job = run.job
        await self._scheduler.acquire(job.id, job.target.guild_id, job.user_id, first_in_line=first_in_line)
        if job.state == JobState.QUEUED:
            if not await self._store.transition(
                job.id, [JobState.QUEUED], JobState.SUBMITTING, unless_cancelled=True, owner=self._config.write_guard
            ):
                if await self._cancel_requested(job):
                    await self._drop_cancelled(job)
                raise _JobMovedOn(job.id)
            job.state = JobState.SUBMITTING
            log_state(job)
        run.queue_position = None
        await self._show(run, JobPhase.SUBMITTING)

    async def _wait_for_another_turn(self, run: JobRun, error: WanAPIError, calls: CreateCalls) -> None:
        """After a failed create call: give up, or put the job back in line for another turn."""
        not_created, unknown = create_is_retryable(error), create_outcome_unknown(error)
        calls.sent, calls.uncertain = calls.sent + 1, calls.uncertain + unknown
        calls.maybe_made = calls.maybe_made or unknown
        out_of_time = self._clock.now() - (calls.started or 0.0) >= self._config.job_deadline_seconds
        if out_of_time or calls.uncertain >= self._config.create_attempts or not (not_created or unknown):
            if calls.maybe_made and not denies_model(run.job, error):  # after a denial no task can exist
                raise OutcomeUnknown(calls.uncertain) from error
            raise error
        # The whole queue waits (not just this job), and this job goes back to the head of its line, to
        # be sent again with the same Idempotency-Key: where the task may exist, the API hands it back
        # instead of making a second one.
        self._scheduler.create_refused(run.job.id, self._wan.retry_wait(error, calls.sent))
        log.warning("job %s: create call failed (%s); sending it again later", run.job.id, error)
        if not_created and not calls.maybe_made:
            await self._back_in_line(run.job)
        await self._show(run, JobPhase.QUEUED)

    async def _record_submitted(self, run: JobRun, task: Task) -> None:
        job, now = run.job, self._clock.now()
        if not await self._store.transition(
            job.id,
            [JobState.SUBMITTING],
            JobState.SUBMITTED,
            owner=self._config.write_guard,
            task_id=task.id,
            task_created=task.created,
            estimated_time=task.estimated_time,
            submitted_at=now,
            api_credits_reserved=_milli(task.credits_reserved),
        ):
            raise _JobMovedOn(job.id)
        job.state, job.task_id, job.task_created = JobState.SUBMITTED, task.id, task.created
        job.estimated_time, job.submitted_at = task.estimated_time, now
        log_state(job, "estimated=%ss", task.estimated_time)
        await self._show(run, JobPhase.GENERATING)

    def _callback_url(self, job: Job) -> str | None:
        if not self._config.public_base_url or not job.callback_token:
            return None
        return callback_url(self._config.public_base_url, job.id, job.callback_token)

    async def _back_in_line(self, job: Job) -> None:
        # Nothing exists at the API: the job is plainly queued again, so a cancel now drops it whole.
        if not await self._store.transition(
            job.id, [JobState.SUBMITTING], JobState.QUEUED, owner=self._config.write_guard
        ):
            raise _JobMovedOn(job.id)
        job.state = JobState.QUEUED
        if job.cancel_requested or await self._cancel_requested(job):
            await self._drop_cancelled(job)

    async def _drop_cancelled(self, job: Job) -> None:
        """End a queued job its requester cancelled (nothing exists at the API: no image counts)."""
        await self._end(job, JobState.CANCELLED, charged=0)
        raise _JobMovedOn(job.id)

    async def _track(self, run: JobRun) -> None:
        async def on_progress(progress: int) -> None:
            run.progress = progress
            await self._show(run, JobPhase.GENERATING)

        task = await self._tracker.follow(run.job, on_progress)
        await self._record_outcome(run, task)

    async def _record_outcome(self, run: JobRun, task: Task) -> None:
        job = run.job
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
                owner=self._config.write_guard,
                result_urls=list(urls),
                api_credits_used=_milli(task.credits_used),
            )
            if not completed and not await self._cancel_requested(job):
                raise _JobMovedOn(job.id)
            job.cancel_requested = not completed
        if job.cancel_requested:
            # The API bills the images it produced, so they count although they are discarded.
            await self._end(job, JobState.CANCELLED, charged=len(urls), credits_used=_milli(task.credits_used))
            return
        if not urls:
            raise TaskFailed(task.id, "generation_failed_no_content", "the task completed without images")
        job.state, job.result_urls, run.progress = JobState.COMPLETED, urls, 100
        job.api_credits_used = _milli(task.credits_used)
        log_state(job, "images=%d of %d", len(urls), job.options.n)

    async def _deliver(self, run: JobRun) -> None:
        job = run.job
        if job.state != JobState.COMPLETED:
            return
        if run.resumed and await self._found_posted(job):
            return
        created = job.task_created or job.submitted_at or job.created_at
        if self._clock.now() >= created + RESULT_LIFETIME_SECONDS:
            expired = detail(JobProblem.RESULTS_EXPIRED).encode()
            await self._end(job, JobState.EXPIRED, charged=0, failure=(FailureReason.RESULTS_EXPIRED, expired))
            return
        completed_at = self._clock.now()
        await self._show(run, JobPhase.UPLOADING)
        limit = per_file_limit(job.target.upload_limit, len(job.result_urls))
        # The images' bytes are held in the budget from their download until their upload is done.
        async with self._downloader.reservation() as held:
            fetched = await self._downloader.fetch_all(job.result_urls, limit, held)
            for failure in fetched.failures:  # the images that arrived are delivered, and only they count
                log.warning("job %s: a result image never arrived: %s", job.id, failure)
            message_ids = await self._reporter.deliver(job, fetched.images)
            count = len(fetched.images)
            del fetched
        job.message_ids = message_ids
        if self._metrics is not None:
            self._metrics.completion_to_delivery.observe(self._clock.now() - completed_at)
            self._metrics.images_delivered.inc(count)
        await self._record_delivery(job, count, message_ids)

    async def _found_posted(self, job: Job) -> bool:
        """Posted just before a crash? Then it is done, whatever became of the links since."""
        found = await self._reporter.find_delivery(job)
        if found is None:
            return False
        message_ids, count = found
        log.info("job %s: its result was already posted before the restart", job.id)
        await self._end(job, JobState.DELIVERED, charged=count, delivered=count, message_ids=message_ids)
        return True

    async def _record_delivery(self, job: Job, count: int, message_ids: tuple[int, ...]) -> None:
        # The images are posted: from here on nothing may turn the job into a failure. If the store
        # cannot record it now, the job stays `completed` and the next start finds the posted result.
        for attempt in range(1, 4):
            try:
                await self._end(job, JobState.DELIVERED, charged=count, delivered=count, message_ids=message_ids)
                return
            except Exception:
                log.exception("job %s: recording its delivery failed (attempt %d of 3)", job.id, attempt)
                if attempt < 3:
                    await self._clock.sleep(0.5 * attempt)

    async def _cancel_requested(self, job: Job) -> bool:
        # Another process (or a click before a restart) may have asked; the store has the last word.
        stored = await self._store.get_job(job.id)
        return stored is not None and stored.cancel_requested

    async def _end_unknown(self, job: Job, error: OutcomeUnknown) -> None:
        # The API may have made and billed the task, and no answer says which: its images stay counted
        # (the daily limits bound what the operator pays), and the member is told so.
        log.error("job %s: %s; the API may have made and billed its task", job.id, error)
        if self._metrics is not None:
            self._metrics.create_outcome_unknown.inc()
        unknown = detail(JobProblem.CREATE_OUTCOME_UNKNOWN, attempts=error.attempts).encode()
        failure = (FailureReason.OUTCOME_UNKNOWN, unknown)
        await self._end(job, JobState.FAILED, charged=job.options.n, failure=failure)

    async def _fail(self, job: Job, reason: FailureReason, error: BaseException, *, produced: int = 0) -> None:
        # The log keeps the error's own words (the API's too) for the operator; the job keeps data.
        log.warning("job %s failed (%s): %s", job.id, reason, error)
        failure = (reason, detail_for_error(error).encode())
        await self._end(job, JobState.FAILED, charged=0, failure=failure, produced=produced)

    async def _end(
        self,
        job: Job,
        state: JobState,
        *,
        charged: int,
        delivered: int = 0,
        message_ids: tuple[int, ...] = (),
        failure: tuple[FailureReason, str] | None = None,
        credits_used: int | None = None,
        produced: int = 0,
    ) -> None:
        settled = await self._store.settle(
            job.id,
            state,
            charged=charged,
            delivered=delivered,
            message_ids=message_ids,
            failure=failure,
            owner=self._config.write_guard,
            credits_used=credits_used,
            produced=produced,
        )
        if not settled:
            log.info("job %s was already settled; nothing more to do", job.id)
            return
        job.state, job.images_delivered, job.images_charged = state, delivered, charged
        api_used = credits_used if credits_used is not None else job.api_credits_used
        made = min(job.options.n, images_produced(charged, produced, job.result_urls))
        job.credits_charged = settled_credits(job.credits_reserved, made, job.options.n, api_used)
        if self._metrics is not None:
            self._metrics.credits_spent.inc(as_credits(job.credits_charged))
        if failure is not None:
            job.failure_reason, job.failure_detail = failure
        log_state(job, "delivered=%d counted=%d", delivered, charged)
        if state != JobState.DELIVERED:
            await self._reporter.ended(job)

    async def _show(self, run: JobRun, phase: JobPhase) -> None:
        await self._reporter.changed(run.job, phase, run.status())
