from __future__ import annotations

import asyncio
import io

import pytest
from PIL import Image

from services.core.errors import ImageProblem, QuotaExceeded, ShuttingDown
from services.core.models import FailureReason, GenerationOptions, Job, JobState
from services.engine.events import DeliveryProblem, JobPhase
from services.engine.failures import FailureDetail, detail
from tests.services.engine.harness import LIMITS, TARGET, Harness


async def test_a_job_is_delivered_with_all_its_images(harness: Harness) -> None:
    job = await harness.run("a lighthouse at dusk", n=4)
    assert job.state is JobState.DELIVERED
    assert job.images_delivered == 4
    _, images = harness.events.delivered[0]
    for image in images:
        with Image.open(io.BytesIO(image.data)) as opened:
            assert opened.size == (1024, 1024)
    assert await harness.used() == 4


async def test_the_create_call_carries_the_job_id_as_idempotency_key(harness: Harness) -> None:
    job = await harness.run("a lighthouse")
    assert [r.idempotency_key for r in harness.sim.state.create_records] == [job.id]


async def test_progress_phases_are_reported_in_order(harness: Harness) -> None:
    job = await harness.run("a lighthouse")
    phases = [phase for job_id, phase, _ in harness.events.phases if job_id == job.id]
    assert phases[0] is JobPhase.SUBMITTING
    assert JobPhase.GENERATING in phases
    assert phases[-1] is JobPhase.UPLOADING


async def test_the_progress_reported_by_the_api_reaches_the_discord_side_with_the_phase(harness: Harness) -> None:
    job = await harness.run("a lighthouse [duration:60]")
    shown = [status.progress for job_id, phase, status in harness.events.statuses if phase is JobPhase.GENERATING]
    assert shown[0] == 0
    assert any(0 < progress < 100 for progress in shown)
    assert shown == sorted(shown)
    assert all(job_id == job.id for job_id, _, _ in harness.events.statuses)


async def test_polling_is_far_sparser_than_a_three_second_tick(harness: Harness) -> None:
    job = await harness.run("a lighthouse [duration:60]")
    polls = harness.sim.state.get_counts[job.task_id]
    assert polls <= 0.4 * (60 / 3)


async def test_a_content_policy_refusal_fails_without_using_quota(harness: Harness) -> None:
    job = await harness.run("something [fail:content_policy_violation]", n=2)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.CONTENT_POLICY)
    assert harness.events.ended[0].failure_reason is FailureReason.CONTENT_POLICY
    assert await harness.used() == 0


async def test_a_server_side_failure_is_reported_as_a_service_failure(harness: Harness) -> None:
    job = await harness.run("something [fail:service_error]")
    assert job.failure_reason is FailureReason.SERVICE_FAILED
    assert await harness.used() == 0


async def test_a_failure_without_error_object_is_a_service_failure(harness: Harness) -> None:
    job = await harness.run("something [fail-noerror]")
    assert job.failure_reason is FailureReason.SERVICE_FAILED


async def test_fewer_results_are_delivered_and_only_they_are_charged(harness: Harness) -> None:
    job = await harness.run("a lighthouse [results:2]", n=4)
    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 2)
    assert len(harness.events.delivered[0][1]) == 2
    assert await harness.used() == 2


async def test_a_completed_task_without_results_fails_and_refunds(harness: Harness) -> None:
    job = await harness.run("a lighthouse [results:0]", n=2)
    assert job.state is JobState.FAILED
    assert await harness.used() == 0


async def test_a_non_image_result_fails_the_job_cleanly(harness: Harness) -> None:
    job = await harness.run("a lighthouse [nonimage]")
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.BAD_IMAGE)
    assert FailureDetail.decode(job.failure_detail) == detail(ImageProblem.UNREADABLE)
    assert await harness.used() == 0


async def test_a_missing_result_file_fails_the_job_cleanly(harness: Harness) -> None:
    job = await harness.run("a lighthouse [missing]")
    assert job.failure_reason is FailureReason.BAD_IMAGE
    assert FailureDetail.decode(job.failure_detail) == detail(ImageProblem.HTTP_STATUS, status=404)


async def test_a_task_past_the_deadline_times_out_and_refunds(harness: Harness) -> None:
    job = await harness.run("a slow one [duration:900]", n=3)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.TIMED_OUT)
    assert harness.clock.now() - job.submitted_at == pytest.approx(300, abs=1)
    assert await harness.used() == 0


async def test_a_rejected_api_key_fails_with_service_unavailable_and_one_call(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 401})
    job = await harness.run("a lighthouse")
    assert job.failure_reason is FailureReason.SERVICE_UNAVAILABLE
    assert len(harness.sim.state.create_records) == 1
    assert await harness.used() == 0


async def test_a_rate_limited_create_is_retried_and_delivered(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 429, "retry_after": 2})
    job = await harness.run("a lighthouse")
    assert job.state is JobState.DELIVERED
    assert {r.idempotency_key for r in harness.sim.state.create_records} == {job.id}
    assert harness.sim.state.stats()["tasks_created"] == 1


async def test_query_errors_while_polling_do_not_fail_the_job(harness: Harness) -> None:
    harness.sim.state.add_fault("get", {"status": 500, "count": 6})
    job = await harness.run("a lighthouse")
    assert job.state is JobState.DELIVERED


async def test_a_delivery_refused_by_discord_fails_and_refunds(harness: Harness) -> None:
    harness.events.fail_delivery = True
    job = await harness.run("a lighthouse", n=2)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.DELIVERY_FAILED)
    refused = detail(DeliveryProblem.CHANNEL_REFUSED, status=403, code=50013)
    assert FailureDetail.decode(job.failure_detail) == refused
    assert await harness.used() == 0


async def test_over_the_daily_limit_is_refused_before_any_api_call(harness: Harness) -> None:
    await harness.run("first", n=4)
    with pytest.raises(QuotaExceeded) as caught:
        await harness.engine.accept(1, GenerationOptions("second", None, 3), TARGET, LIMITS)
    assert (caught.value.limit, caught.value.remaining, caught.value.requested) == (6, 2, 3)
    assert caught.value.resets_at.timestamp() > harness.clock.now()
    assert len(harness.sim.state.create_records) == 1


async def test_another_user_is_not_affected_by_a_full_quota(harness: Harness) -> None:
    await harness.run("first", n=4, user_id=1)
    await harness.run("second", n=4, user_id=2)
    assert await harness.used(user_id=2) == 4


async def test_results_older_than_a_day_expire_and_refund(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("old", None, 2), TARGET, LIMITS)
    await harness.store.transition(
        job.id,
        [JobState.QUEUED],
        JobState.COMPLETED,
        task_id="task-unified-1-aaaaaaaa",
        task_created=int(harness.clock.now()) - 25 * 3600,
        result_urls=["http://127.0.0.1:1/never.png"],
    )
    await harness.engine.resume()
    await asyncio.wait_for(harness.engine.join(job.id), timeout=5)
    stored = await harness.store.get_job(job.id)
    assert stored.state is JobState.EXPIRED
    assert await harness.used() == 0


async def test_resume_polls_a_submitted_job_again_and_delivers_it(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("resumed", None, 1), TARGET, LIMITS)
    wan_task = await harness.engine._wan.create_task(job.options, idempotency_key=job.id)
    await harness.store.transition(
        job.id, [JobState.QUEUED], JobState.SUBMITTED, task_id=wan_task.id, submitted_at=harness.clock.now()
    )
    assert await harness.engine.resume() == 1
    await asyncio.wait_for(harness.engine.join(job.id), timeout=20)
    assert (await harness.store.get_job(job.id)).state is JobState.DELIVERED
    assert harness.sim.state.stats()["tasks_created"] == 1


async def test_no_new_jobs_are_accepted_once_shutdown_began(harness: Harness) -> None:
    harness.engine.stop_accepting()
    with pytest.raises(ShuttingDown):
        await harness.engine.accept(1, GenerationOptions("late", None, 1), TARGET, LIMITS)
    assert await harness.used() == 0


async def test_a_job_resumed_after_its_deadline_is_asked_once_and_delivered(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("back after an outage", None, 1), TARGET, LIMITS)
    wan_task = await harness.engine._wan.create_task(job.options, idempotency_key=job.id)
    await harness.store.transition(
        job.id, [JobState.QUEUED], JobState.SUBMITTED, task_id=wan_task.id, submitted_at=harness.clock.now()
    )
    harness.clock.time += 3600
    await harness.engine.resume()
    await asyncio.wait_for(harness.engine.join(job.id), timeout=20)
    assert (await harness.store.get_job(job.id)).state is JobState.DELIVERED
    assert harness.sim.state.get_counts[wan_task.id] == 1


async def test_a_store_error_after_posting_does_not_turn_the_delivery_into_a_failure(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_settle = harness.store.settle
    calls: list[JobState] = []

    async def flaky_settle(job_id: str, entering: JobState, **kwargs: object) -> bool:
        calls.append(entering)
        if len(calls) == 1:
            raise OSError("database is locked")
        return await real_settle(job_id, entering, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(harness.store, "settle", flaky_settle)
    job = await harness.run("posted once", n=2)
    assert calls == [JobState.DELIVERED, JobState.DELIVERED]
    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 2)
    assert harness.events.ended == []
    assert await harness.used() == 2


async def test_a_rate_limited_create_pauses_the_whole_queue_for_the_asked_time(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 429, "retry_after": 30})
    refused = asyncio.Event()

    async def back_in_line(job: Job, phase: JobPhase) -> None:
        if phase is JobPhase.QUEUED and harness.sim.state.create_records:
            refused.set()

    harness.events.on_phase = back_in_line
    first = await harness.engine.accept(1, GenerationOptions("first in line", None, 1), TARGET, LIMITS)
    harness.engine.start(first)
    await asyncio.wait_for(refused.wait(), 10)
    refused_at = harness.sim.state.create_records[0].at
    second = await harness.engine.accept(2, GenerationOptions("second in line", None, 1), TARGET, LIMITS)
    harness.engine.start(second)
    await asyncio.wait_for(asyncio.gather(harness.engine.join(first.id), harness.engine.join(second.id)), 20)
    records = harness.sim.state.create_records
    assert records[0].status == 429
    assert all(record.at >= refused_at + 30 for record in records[1:])
    assert {r.idempotency_key for r in records} == {first.id, second.id}
    assert harness.scheduler.overloads == 1
    assert (await harness.store.get_job(first.id)).state is JobState.DELIVERED


async def test_a_create_that_stays_rate_limited_fails_at_the_deadline(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 429, "retry_after": 20, "count": 1000})
    start = harness.clock.now()
    job = await harness.run("never let in")
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.SERVICE_FAILED)
    assert harness.clock.now() - start >= 300
    assert len(harness.sim.state.create_records) <= 300 / 20 + 1
    assert await harness.used() == 0


async def test_a_create_whose_answer_was_lost_is_sent_again_with_the_same_key(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"drop": True, "after_create": True})
    job = await harness.run("answer lost")
    assert job.state is JobState.DELIVERED
    keys = [r.idempotency_key for r in harness.sim.state.create_records]
    assert keys == [job.id, job.id]
    assert harness.sim.state.stats()["tasks_created"] == 1
    assert await harness.used() == 1


async def test_a_server_error_after_the_task_was_made_does_not_make_a_second_one(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 500, "after_create": True})
    job = await harness.run("created but 500", n=2)
    assert job.state is JobState.DELIVERED
    assert harness.sim.state.stats()["tasks_created"] == 1
    assert await harness.used() == 2


async def test_a_resumed_job_whose_result_was_already_posted_is_not_posted_again(harness: Harness) -> None:
    job = await harness.engine.accept(1, GenerationOptions("posted before the crash", None, 2), TARGET, LIMITS)
    await harness.store.transition(
        job.id,
        [JobState.QUEUED],
        JobState.COMPLETED,
        task_id="task-unified-1-abcdefgh",
        task_created=int(harness.clock.now()) - 30 * 3600,
        result_urls=["http://127.0.0.1:1/gone.png", "http://127.0.0.1:1/gone2.png"],
    )
    harness.events.posted[job.id] = ((4242,), 2)
    await harness.engine.resume()
    await asyncio.wait_for(harness.engine.join(job.id), timeout=5)
    stored = await harness.store.get_job(job.id)
    assert (stored.state, stored.message_ids, stored.images_delivered) == (JobState.DELIVERED, (4242,), 2)
    assert harness.events.delivered == []
    assert await harness.used() == 2
