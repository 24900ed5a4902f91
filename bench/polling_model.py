"""A model of the polling schedule under the account's query budget, in simulated time: how late the bot
sees a task end (completion to the query that finds it ended), and what that costs in queries.

    python -m bench.polling_model [--rates 18 20 25 30] [--seeds 5]

It runs the bot's own schedule (`services.engine.polling.plan_query`, from the estimate and the last
progress sighting) on tasks drawn as the benchmark's burst draws them (200 commands evenly over 5 s,
tasks of 5-15 s, estimates 0.6-1.5 times the real duration rounded up, uneven progress), with one grant
every 1/rate seconds to the most overdue query that is due (as `QueryBudget` does). Its figures for the
default rate match the real benchmark's "completion to the first query that saw it" within a tenth of a
second, so it shows in seconds what no single run can: how the detection delay depends on the budget,
and the lower bound of a clairvoyant poller that asks each task exactly once, right at its end.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from bench.scenarios import SCENARIOS, Scenario
from bench.simulation import production_config
from services.engine.polling import PollSchedule, Sighting, plan_query

PENDING_FRACTION = 0.1  # the simulator's tasks report `pending` (progress 0) for this share of their time
ANSWER_SECONDS = 0.01  # a query's round trip


@dataclass(frozen=True)
class ModelTask:
    """One task of the model: when it was created, how long it runs, its estimate and progress curve."""

    created: float
    duration: float
    estimate: int
    curve: float

    @property
    def ends(self) -> float:
        """When it ends."""
        return self.created + self.duration

    def progress(self, elapsed: float) -> int:
        """Its progress `elapsed` seconds after creation, as the simulator reports it."""
        if elapsed < PENDING_FRACTION * self.duration:
            return 0
        return min(99, max(1, int(100 * (elapsed / self.duration) ** self.curve)))


@dataclass(frozen=True)
class ModelResult:
    """Detection delays (seconds from a task's end to the query that saw it) and queries per task."""

    delays: list[float]
    queries: list[int]

    def delay(self, fraction: float) -> float:
        """The delay below which `fraction` of the tasks were seen (nearest rank)."""
        ordered = sorted(self.delays)
        return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]

    @property
    def queries_per_task(self) -> float:
        """Mean queries per task."""
        return statistics.fmean(self.queries)


def burst_tasks(seed: int, scenario: Scenario = SCENARIOS["burst"]) -> list[ModelTask]:
    """Tasks as the benchmark's scenario and the simulator set as production make them (the progress
    curves as `simulator.state` draws them)."""
    rng, config = random.Random(seed), production_config(scenario, seed)
    low, high = config.estimate_error, config.estimate_error_max or config.estimate_error
    tasks = []
    for index in range(scenario.jobs):
        duration = rng.uniform(scenario.duration_min, scenario.duration_max)
        estimate = max(1, math.ceil(duration * rng.uniform(low, high)))
        curve = math.exp(rng.uniform(math.log(0.4), math.log(2.5)))
        tasks.append(ModelTask(scenario.window * index / scenario.jobs, duration, estimate, curve))
    return tasks


def run_schedule(tasks: Sequence[ModelTask], schedule: PollSchedule, rate: float) -> ModelResult:
    """Every task followed with the bot's schedule, one grant every 1/rate s to the most overdue due query."""
    last: list[Sighting | None] = [None] * len(tasks)
    queries = [0] * len(tasks)
    delays = [0.0] * len(tasks)
    ask_at, due_at = [0.0] * len(tasks), [0.0] * len(tasks)

    def plan(index: int) -> None:
        query = plan_query(schedule, float(tasks[index].estimate), last[index], queries[index])
        ask_at[index] = tasks[index].created + query.ask_at
        due_at[index] = tasks[index].created + query.due_at

    for index in range(len(tasks)):
        plan(index)
    pending, now = set(range(len(tasks))), 0.0
    while pending:
        due = [index for index in pending if ask_at[index] <= now]
        if not due:
            now = min(ask_at[index] for index in pending)
            continue
        index = min(due, key=lambda i: due_at[i])
        task, answered = tasks[index], now + ANSWER_SECONDS
        queries[index] += 1
        if answered >= task.ends:
            delays[index] = answered - task.ends
            pending.discard(index)
        else:
            elapsed = answered - task.created
            last[index] = Sighting(elapsed, task.progress(elapsed))
            plan(index)
        now += 1.0 / rate
    return ModelResult(delays, queries)


def run_clairvoyant(tasks: Sequence[ModelTask], rate: float) -> ModelResult:
    """The lower bound: each task asked once, at its end, in the order they end, within the same budget."""
    now, delays = 0.0, []
    for task in sorted(tasks, key=lambda t: t.ends):
        now = max(now, task.ends)
        delays.append(now + ANSWER_SECONDS - task.ends)
        now += 1.0 / rate
    return ModelResult(delays, [1] * len(tasks))


def _row(label: str, results: list[ModelResult]) -> str:
    p50 = statistics.median(result.delay(0.5) for result in results)
    p99 = statistics.median(result.delay(0.99) for result in results)
    queries = statistics.fmean(result.queries_per_task for result in results)
    return f"| {label} | {p50:.2f} | {p99:.2f} | {queries:.2f} |"


def report(rates: Sequence[float], seeds: int) -> list[str]:
    """The model's table: the bot's schedule and the clairvoyant bound at each budget (medians over seeds)."""
    draws = [burst_tasks(seed) for seed in range(seeds)]
    lines = [
        "| budget (queries/s) and poller | detection p50 (s) | detection p99 (s) | queries per task |",
        "| --- | --- | --- | --- |",
    ]
    for rate in rates:
        lines.append(_row(f"{rate:g}/s, the bot's schedule", [run_schedule(t, PollSchedule(), rate) for t in draws]))
        lines.append(_row(f"{rate:g}/s, clairvoyant (one query at the end)", [run_clairvoyant(t, rate) for t in draws]))
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    """Print the model's table."""
    parser = argparse.ArgumentParser(prog="python -m bench.polling_model", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", type=float, nargs="+", default=[18.0, 20.0, 25.0, 30.0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args(argv)
    print("\n".join(report(args.rates, args.seeds)))


if __name__ == "__main__":
    main()
