"""The polling model: the bot's schedule in simulated time against the clairvoyant bound."""

from __future__ import annotations

from bench.polling_model import burst_tasks, report, run_clairvoyant, run_schedule
from services.engine.polling import PollSchedule


def test_no_schedule_sees_tasks_end_sooner_than_the_clairvoyant_poller_within_the_same_budget() -> None:
    tasks = burst_tasks(seed=1)

    schedule, bound = run_schedule(tasks, PollSchedule(), 18.0), run_clairvoyant(tasks, 18.0)

    assert bound.delay(0.5) <= schedule.delay(0.5)
    assert bound.delay(0.99) <= schedule.delay(0.99)
    assert bound.queries_per_task == 1.0 <= schedule.queries_per_task


def test_a_larger_budget_lets_the_schedule_see_tasks_end_sooner() -> None:
    tasks = burst_tasks(seed=2)

    assert run_schedule(tasks, PollSchedule(), 30.0).delay(0.5) < run_schedule(tasks, PollSchedule(), 18.0).delay(0.5)


def test_every_task_of_the_model_is_seen_ended_exactly_once() -> None:
    tasks = burst_tasks(seed=3)

    result = run_schedule(tasks, PollSchedule(), 18.0)

    assert len(result.delays) == len(tasks) == 200
    assert min(result.delays) >= 0.0
    assert min(result.queries) >= 1


def test_the_report_has_a_row_per_rate_and_poller() -> None:
    lines = report([18.0, 20.0], seeds=1)

    assert len(lines) == 2 + 4
    assert lines[2].startswith("| 18/s, the bot's schedule |")
