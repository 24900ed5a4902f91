"""Cancel, approval expiry and queue positions, on the engine wired to the simulator."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from services.core.models import GenerationOptions, Job, JobState
from services.engine.controls import CancelOutcome
from services.engine.events import JobPhase
from services.engine.failures import FailureDetail, JobProblem, detail
from tests.services.engine.harness import LIMITS, TARGET, Harness


async def test_cancelling_a_queued_job_returns_its_quota_and_sends_nothing(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("never sent", None, 3), TARGET, LIMITS)
    assert await harness.engine.cancel(job.id) is CancelOutcome.CANCELLED
    stored = await harness.store.get_job(job.id)
    assert stored.state is JobState.CANCELLED
    assert await harness.used() == 0
    assert harness.sim.state.create_records == []
    assert harness.events.ended[0].id == job.id


async def test_a_job_cancelled_before_its_run_begins_is_never_submitted(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("never sent", None, 1), TARGET, LIMITS)
    harness.engine.start(job)
    assert await harness.engine.cancel(job.id) is CancelOutcome.CANCELLED
    await harness.engine.join(job.id)
    assert harness.sim.state.create_records == []
    assert (await harness.store.get_job(job.id)).state is JobState.CANCELLED


async def test_cancelling_a_running_task_discards_its_results_and_counts_what_was_produced(harness: Harness) -> None:
    outcomes: list[CancelOutcome] = []

    async def cancel_when_generating(job: Job, phase: JobPhase) -> None:
        if phase is JobPhase.GENERATING and not outcomes:
            outcomes.append(await harness.engine.cancel(job.id))

    harness.events.on_phase = cancel_when_generating
    job = await harness.run("cancelled midway [results:2]", n=3)
    assert outcomes == [CancelOutcome.DISCARD_ON_ARRIVAL]
    assert (job.state, job.images_charged, job.images_delivered) == (JobState.CANCELLED, 2, 0)
    assert harness.events.delivered == []
    assert harness.sim.state.file_counts == {}
    assert await harness.used() == 2


async def test_a_cancelled_task_that_fails_counts_nothing(harness: Harness) -> None:
    async def cancel_when_generating(job: Job, phase: JobPhase) -> None:
        if phase is JobPhase.GENERATING:
            await harness.engine.cancel(job.id)

    harness.events.on_phase = cancel_when_generating
    job = await harness.run("doomed [fail:service_error]", n=2)
    assert job.state is JobState.FAILED
    assert await harness.used() == 0


async def test_cancelling_an_ended_job_says_so(harness: Harness) -> None:
    job = await harness.run("done")
    assert await harness.engine.cancel(job.id) is CancelOutcome.ALREADY_ENDED
    assert await harness.engine.cancel("ffffffffffff") is CancelOutcome.NOT_FOUND


async def test_cancel_after_the_results_arrived_is_too_late(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("arrived", None, 1), TARGET, LIMITS)
    await harness.store.transition(job.id, [JobState.QUEUED], JobState.COMPLETED, result_urls=["http://x/1.png"])
    assert await harness.engine.cancel(job.id) is CancelOutcome.TOO_LATE


async def test_cancel_while_requeued_after_a_rate_limit_drops_the_job(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 429, "retry_after": 60})
    outcomes: list[CancelOutcome] = []

    async def cancel_once_back_in_line(job: Job, phase: JobPhase) -> None:
        if phase is JobPhase.QUEUED and harness.sim.state.create_records and not outcomes:
            outcomes.append(await harness.engine.cancel(job.id))

    harness.events.on_phase = cancel_once_back_in_line
    job = await harness.run("cancel me", n=3)
    assert outcomes == [CancelOutcome.CANCELLED]
    assert job.state is JobState.CANCELLED
    assert len(harness.sim.state.create_records) == 1
    assert await harness.used() == 0


async def test_a_job_resumed_from_queued_with_its_cancel_stored_is_never_submitted(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("cancelled before the crash", None, 2), TARGET, LIMITS)
    # As the run leaves it when it crashes between putting a refused create back in line and ending it:
    # the cancel was asked while the job was being sent, then the job was queued again.
    assert await harness.store.transition(job.id, [JobState.QUEUED], JobState.SUBMITTING)
    assert await harness.store.request_cancel(job.id)
    assert await harness.store.transition(job.id, [JobState.SUBMITTING], JobState.QUEUED)
    await harness.engine.resume()
    await asyncio.wait_for(harness.engine.join(job.id), timeout=10)
    assert harness.sim.state.create_records == []
    assert (await harness.store.get_job(job.id)).state is JobState.CANCELLED
    assert await harness.used() == 0


def shown_place(harness: Harness, job: Job) -> int | None:
    """The place in line the Discord side was last told for this job."""
    told = harness.events.statuses
    places = [status.queue_position for job_id, phase, status in told if job_id == job.id and phase is JobPhase.QUEUED]
    return places[-1] if places else None


async def test_queued_jobs_are_told_their_place_in_line(harness: Harness) -> None:
    for i in range(8):
        harness.scheduler.occupy(f"blocker-{i}")
    jobs = [
        await harness.engine.accept(1, GenerationOptions(f"waiting {i}", None, 1), TARGET, LIMITS) for i in range(3)
    ]
    for job in jobs:
        harness.engine.start(job)
    for _ in range(20):
        await asyncio.sleep(0)
    assert [harness.engine.queue_position(job.id) for job in jobs] == [1, 2, 3]
    assert [shown_place(harness, job) for job in jobs] == [1, 2, 3]
    told = {job_id for job_id, phase, _ in harness.events.phases if phase is JobPhase.QUEUED}
    assert told == {job.id for job in jobs}
    first_sent = asyncio.Event()

    async def watch(job: Job, phase: JobPhase) -> None:
        if job.id == jobs[0].id and phase is JobPhase.SUBMITTING:
            first_sent.set()

    harness.events.on_phase = watch
    harness.scheduler.release("blocker-0")
    await asyncio.wait_for(first_sent.wait(), 10)
    for _ in range(20):
        await asyncio.sleep(0)
    assert [shown_place(harness, job) for job in jobs[1:]] == [1, 2]
    for i in range(1, 8):
        harness.scheduler.release(f"blocker-{i}")
    for job in jobs[1:]:
        await asyncio.wait_for(harness.engine.join(job.id), 20)


async def test_the_places_shown_in_line_are_the_order_the_tasks_are_created(harness: Harness) -> None:
    for i in range(8):
        harness.scheduler.occupy(f"blocker-{i}")
    jobs = []
    for user_id, guild_id in [(1, 20), (1, 20), (2, 20), (3, 21), (1, 20), (4, 22)]:
        target = replace(TARGET, guild_id=guild_id)
        job = await harness.engine.accept(user_id, GenerationOptions(f"from {user_id}"), target, LIMITS)
        harness.engine.start(job)
        jobs.append(job)
    for _ in range(20):
        await asyncio.sleep(0)
    shown = sorted(jobs, key=lambda job: harness.engine.queue_position(job.id) or 0)
    harness.scheduler.release("blocker-0")  # one free slot: the jobs are created one after another
    for job in shown:
        await asyncio.wait_for(harness.engine.join(job.id), 20)
    created = [record.idempotency_key for record in harness.sim.state.create_records]
    assert created == [job.id for job in shown]
    assert created == [jobs[0].id, jobs[3].id, jobs[5].id, jobs[2].id, jobs[1].id, jobs[4].id]


async def test_approval_requests_nobody_answers_are_rejected_in_time_and_give_the_images_back(
    harness: Harness,
) -> None:
    job = await harness.engine.accept(1, GenerationOptions("waiting", None, 2), TARGET, LIMITS, needs_approval=True)
    assert await harness.engine.expire_approvals(3600) == 0
    harness.clock.time += 3601
    assert await harness.engine.expire_approvals(3600) == 1
    stored = await harness.store.get_job(job.id)
    assert stored.state is JobState.REJECTED
    assert FailureDetail.decode(stored.failure_detail) == detail(JobProblem.APPROVAL_TIMED_OUT, hours=1.0)
    assert await harness.used() == 0
    assert harness.sim.state.create_records == []


async def test_a_rejection_keeps_the_moderators_words_or_none_at_all(harness: Harness) -> None:
    worded = await harness.engine.accept(1, GenerationOptions("one", None, 1), TARGET, LIMITS, needs_approval=True)
    silent = await harness.engine.accept(2, GenerationOptions("two", None, 1), TARGET, LIMITS, needs_approval=True)
    await harness.engine.reject(worded.id, "  not in this channel  ")
    await harness.engine.reject(silent.id, "   ")
    assert (await harness.store.get_job(worded.id)).failure_detail == "not in this channel"
    assert (await harness.store.get_job(silent.id)).failure_detail is None
