"""The query schedule as pure functions: where the first query goes, how progress places the next, the
overdue interval, the fallback with callbacks, progress queries, and what it costs with wrong estimates."""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass

import pytest

from services.engine.polling import PollSchedule, QueryPlan, Sighting, plan_query, progress_query_at
from services.engine.task_end import end_range

SCHEDULE = PollSchedule()


@dataclass(frozen=True)
class ModelTask:
    """A task as the simulator makes them in production mode: the estimate 0.6 to 1.5 times the real
    duration (rounded up), progress along its own curve, pending for the first tenth."""

    duration: float
    estimate: int
    curve: float

    @classmethod
    def draw(cls, rng: random.Random, shortest: float, longest: float) -> ModelTask:
        duration = rng.uniform(shortest, longest)
        curve = math.exp(rng.uniform(math.log(0.4), math.log(2.5)))
        return cls(duration, max(1, math.ceil(duration * rng.uniform(0.6, 1.5))), curve)

    def progress(self, elapsed: float) -> int:
        if elapsed < 0.1 * self.duration:
            return 0
        return min(99, max(1, int(100 * (elapsed / self.duration) ** self.curve)))


def _follow(schedule: PollSchedule, task: ModelTask) -> tuple[int, float]:
    """(queries, seconds from the task's end to the query that found it ended), with no budget wait."""
    last: Sighting | None = None
    queries = 0
    while True:
        plan = plan_query(schedule, task.estimate, last, queries)
        queries += 1
        if plan.ask_at >= task.duration:
            return queries, plan.ask_at - task.duration
        last = Sighting(plan.ask_at, task.progress(plan.ask_at))


def _cost(schedule: PollSchedule, shortest: float, longest: float, count: int = 1500) -> tuple[float, float, float]:
    """Average queries per task, and the p50 and p99 of how late the ending was seen."""
    rng = random.Random(7)
    followed = [_follow(schedule, ModelTask.draw(rng, shortest, longest)) for _ in range(count)]
    late = sorted(lateness for _, lateness in followed)
    return statistics.mean(queries for queries, _ in followed), late[count // 2], late[int(count * 0.99)]


def test_the_first_query_goes_near_the_estimated_end_not_before_the_earliest_end() -> None:
    first = plan_query(SCHEDULE, 10, None)

    earliest, _ = end_range(SCHEDULE.model, 10)
    assert earliest < first.ask_at < 10
    assert first.ask_at <= earliest + SCHEDULE.window + 0.5


def test_a_task_near_its_top_is_asked_once_more_just_after_its_likely_end() -> None:
    plan = plan_query(SCHEDULE, 10, Sighting(9.0, 95), queries=1)

    assert 9.0 + SCHEDULE.min_interval <= plan.ask_at <= 11.0


def test_a_task_half_way_is_asked_again_later_than_one_near_its_top() -> None:
    half_way = plan_query(SCHEDULE, 10, Sighting(9.0, 50), queries=1)
    near_the_top = plan_query(SCHEDULE, 10, Sighting(9.0, 95), queries=1)

    assert half_way.ask_at > near_the_top.ask_at
    assert half_way.due_at > near_the_top.due_at


def test_two_queries_of_a_task_are_at_least_the_minimum_interval_apart() -> None:
    plan = plan_query(SCHEDULE, 10, Sighting(12.0, 99), queries=2)

    assert plan.ask_at >= 12.0 + SCHEDULE.min_interval


def test_a_task_near_its_top_is_due_before_one_submitted_just_now() -> None:
    # Both at the same moment, 10 s after the first was submitted and 2 s after the second.
    near_the_top = plan_query(SCHEDULE, 10, Sighting(10.0, 97), queries=1)
    just_started = plan_query(SCHEDULE, 10, None)

    assert 0.0 + near_the_top.due_at < 8.0 + just_started.due_at


def test_past_every_likely_end_the_overdue_interval_starts_short_and_grows_slowly() -> None:
    _, latest = end_range(SCHEDULE.model, 10)
    just_late = plan_query(SCHEDULE, 10, Sighting(latest + 1, 99), queries=3)
    very_late = plan_query(SCHEDULE, 10, Sighting(latest + 101, 99), queries=9)

    assert just_late.ask_at - (latest + 1) == pytest.approx(SCHEDULE.window + 0.1)
    assert very_late.ask_at - (latest + 101) == pytest.approx(SCHEDULE.window + 10.1)


def test_progress_no_curve_explains_is_ignored_rather_than_taken_for_an_overrun() -> None:
    # 1% after 8 s of a task that ends by 16.7 s: no curve between x^0.4 and x^2.5 gives that.
    odd = plan_query(SCHEDULE, 10, Sighting(8.0, 1), queries=1)
    silent = plan_query(SCHEDULE, 10, Sighting(8.0, 0), queries=1)

    assert odd == silent


def test_the_overdue_interval_never_exceeds_the_maximum() -> None:
    plan = plan_query(SCHEDULE, 10, Sighting(5000.0, 99), queries=50)

    assert plan.ask_at - 5000.0 == SCHEDULE.max_interval


def test_without_an_estimate_the_wait_grows_geometrically_up_to_the_maximum() -> None:
    waits = [plan_query(SCHEDULE, None, Sighting(0.0, 0) if n else None, n).ask_at for n in range(12)]

    assert waits[:3] == pytest.approx([3.0, 4.5, 6.75])
    assert max(waits) == SCHEDULE.max_interval


def test_with_callbacks_the_first_fallback_query_comes_after_the_latest_likely_end() -> None:
    schedule = PollSchedule(callbacks=True)
    _, latest = end_range(schedule.model, 10)

    first = plan_query(schedule, 10, None)
    second = plan_query(schedule, 10, Sighting(first.ask_at, 99), queries=1)

    assert first == QueryPlan(latest + schedule.fallback_after, latest + schedule.fallback_after)
    assert second.ask_at == first.ask_at + schedule.fallback_every


def test_a_progress_query_is_worth_it_only_while_the_next_query_is_far() -> None:
    assert progress_query_at(SCHEDULE, 0.0, 75.0) == SCHEDULE.max_interval
    assert progress_query_at(SCHEDULE, 0.0, 20.0) is None


def test_tasks_of_5_to_15_seconds_with_wrong_estimates_cost_under_two_queries_and_are_seen_soon() -> None:
    queries, p50, p99 = _cost(SCHEDULE, 5, 15)

    assert queries <= 1.9
    assert p50 <= 1.0
    assert p99 <= 2.5


def test_tasks_of_20_to_90_seconds_cost_far_fewer_queries_than_a_three_second_tick() -> None:
    queries, p50, _ = _cost(SCHEDULE, 20, 90, count=500)

    assert queries <= 4.0  # a 3 s tick asks 18 times on average
    assert p50 <= 1.5


def test_with_callbacks_no_fallback_query_comes_before_the_task_can_have_ended() -> None:
    rng = random.Random(3)
    tasks = [ModelTask.draw(rng, 5, 15) for _ in range(500)]

    first_queries = [plan_query(PollSchedule(callbacks=True), task.estimate, None).ask_at for task in tasks]

    assert all(at > task.duration for at, task in zip(first_queries, tasks, strict=True))
