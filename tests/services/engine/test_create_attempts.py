"""CREATE_MAX_ATTEMPTS on the engine against the simulator: every create call of a job carries its one
Idempotency-Key, a call whose outcome is unknown is one of the attempts, a refusal that made nothing is
not, and a job whose last attempt left the outcome unknown says so (and counts its images)."""

from __future__ import annotations

from services.core.models import FailureReason, JobState
from services.engine.failures import FailureDetail, JobProblem, detail
from tests.services.engine.harness import Harness

ATTEMPTS = 3  # the harness's EngineConfig: CREATE_MAX_ATTEMPTS' default


def unknown_count(harness: Harness) -> float:
    """The metric of jobs whose create outcome stayed unknown."""
    return harness.metrics.create_outcome_unknown._value.get()


async def test_server_errors_after_the_task_was_made_stop_at_the_attempt_bound_with_one_key(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 500, "after_create": True, "count": 10})
    job = await harness.run("billed but never answered", n=2)
    keys = [record.idempotency_key for record in harness.sim.state.create_records]
    assert keys == [job.id] * ATTEMPTS


async def test_a_create_left_unanswered_ends_saying_the_task_may_exist(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 500, "after_create": True, "count": 10})
    job = await harness.run("billed but never answered", n=2)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.OUTCOME_UNKNOWN)
    assert FailureDetail.decode(job.failure_detail) == detail(JobProblem.CREATE_OUTCOME_UNKNOWN, attempts=ATTEMPTS)
    assert harness.events.ended[0].failure_reason is FailureReason.OUTCOME_UNKNOWN


async def test_an_unknown_create_outcome_keeps_the_images_counted(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"drop": True, "after_create": True, "count": 10})
    job = await harness.run("answers lost", n=2)
    assert harness.sim.state.stats()["tasks_created"] == 1
    assert (job.failure_reason, job.images_delivered, job.images_charged) == (FailureReason.OUTCOME_UNKNOWN, 0, 2)
    assert await harness.used() == 2


async def test_an_unknown_create_outcome_is_counted_in_a_metric(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 502, "count": 10})
    await harness.run("server keeps failing")
    assert len(harness.sim.state.create_records) == ATTEMPTS
    assert unknown_count(harness) == 1


async def test_rate_limits_are_not_attempts_and_one_key_is_kept(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 429, "retry_after": 1, "count": 4})
    job = await harness.run("let in at last")
    assert job.state is JobState.DELIVERED
    assert [r.idempotency_key for r in harness.sim.state.create_records] == [job.id] * 5
    assert unknown_count(harness) == 0


async def test_a_refusal_after_an_unknown_outcome_still_reports_it_unknown(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 500, "after_create": True})
    harness.sim.state.add_fault("create", {"status": 401})
    job = await harness.run("made, then refused")
    assert job.failure_reason is FailureReason.OUTCOME_UNKNOWN
    assert await harness.used() == 1
