"""A job resumed past its deadline (a long outage) still has a paid task behind it: a passing failure
of a query then is asked again, not taken for a timeout."""

from __future__ import annotations

import pytest

from services.api.errors import TaskTimedOut, WanAPIError, WanConnectionError
from services.core.models import RESULT_LIFETIME_SECONDS, DeliveryTarget, GenerationOptions, Job, Task, TaskStatus
from services.engine.polling import PollSchedule
from services.engine.query_budget import QueryBudget
from services.engine.tracker import PAST_DEADLINE_GRACE, TaskTracker
from tests.fakes import FakeClock

DEADLINE = 600.0


class ScriptedApi:
    """Answers task queries from a script: an error to raise, or a status to report."""

    def __init__(self, *answers: WanAPIError | TaskStatus) -> None:
        self.answers = list(answers)
        self.calls = 0

    async def get_task(self, task_id: str, retry: bool = True) -> Task:
        self.calls += 1
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, WanAPIError):
            raise answer
        results = ("https://images.example/1.png",) if answer is TaskStatus.COMPLETED else ()
        return Task(task_id, answer, progress=100 if results else 50, results=results)

    def retry_wait(self, error: WanAPIError, attempt: int) -> float:
        return error.retry_after or 2.0 * attempt


async def follow(api: ScriptedApi, clock: FakeClock, submitted_ago: float) -> Task:
    tracker = TaskTracker(api, clock, PollSchedule(), DEADLINE, QueryBudget(18, clock))
    job = Job(
        id="job",
        user_id=1,
        options=GenerationOptions("a lighthouse"),
        target=DeliveryTarget(1, 2),
        task_id="task-unified-1-abcdefgh",
        submitted_at=clock.now() - submitted_ago,
        estimated_time=10,
    )

    async def on_progress(_percent: int) -> None:
        return None

    return await tracker.follow(job, on_progress)


@pytest.mark.parametrize(
    "failure",
    [
        WanAPIError(429, "rate_limit_error", "slow down", retry_after=1.0),
        WanAPIError(503, "service_unavailable_error", "busy"),
        WanConnectionError("connection reset"),
        WanAPIError(404, "not_found_error", "Task not found or expired"),
    ],
    ids=["429", "503", "unreachable", "one 404"],
)
async def test_a_resumed_job_past_its_deadline_outlasts_a_passing_failure(failure: WanAPIError) -> None:
    api = ScriptedApi(failure, TaskStatus.COMPLETED)

    task = await follow(api, FakeClock(), submitted_ago=DEADLINE + 100)

    assert task.status is TaskStatus.COMPLETED
    assert api.calls == 2


async def test_a_task_still_running_past_the_deadline_times_out() -> None:
    api = ScriptedApi(TaskStatus.PROCESSING)

    with pytest.raises(TaskTimedOut):
        await follow(api, FakeClock(), submitted_ago=DEADLINE + 100)
    assert api.calls == 1


async def test_a_task_whose_queries_keep_failing_is_given_up_after_the_grace() -> None:
    api = ScriptedApi(WanAPIError(503, "service_unavailable_error", "busy"))
    clock = FakeClock()
    began = clock.now()

    with pytest.raises(TaskTimedOut):
        await follow(api, clock, submitted_ago=DEADLINE + 100)

    assert PAST_DEADLINE_GRACE <= clock.now() - began < PAST_DEADLINE_GRACE + 200
    assert api.calls < 50


async def test_a_failing_task_is_given_up_once_its_links_would_have_expired() -> None:
    api = ScriptedApi(WanAPIError(503, "service_unavailable_error", "busy"))

    with pytest.raises(TaskTimedOut):
        await follow(api, FakeClock(), submitted_ago=RESULT_LIFETIME_SECONDS - 30)
