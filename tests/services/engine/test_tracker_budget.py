"""Many tasks followed within one query budget, against the simulator over HTTP with the provider's query
limit, wrong estimates and uneven progress, in virtual time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from services.core.models import TaskStatus
from simulator.config import SimConfig
from tests.services.engine.tracking_world import PRODUCTION_LIKE, World, follow_all, open_world

LIMITED = SimConfig(duration_min=5, duration_max=15, seed=11, query_limit_per_second=20, **PRODUCTION_LIKE)


@pytest.fixture
async def world() -> AsyncIterator[World]:
    async for ready in open_world(LIMITED, per_second=15):
        yield ready


async def _submit_over(world: World, count: int, seconds: float) -> list:
    """`count` tasks submitted evenly over `seconds`."""
    jobs = []
    for index in range(count):
        jobs.append(await world.submit(f"task {index}"))
        await world.clock.sleep(seconds / count)
    return jobs


def _most_in_one_second(times: list[float]) -> int:
    return max(sum(1 for other in times if first <= other < first + 1.0) for first in times)


async def test_many_tasks_together_never_go_over_the_budget_nor_get_a_429(world: World) -> None:
    world.sim.state.update_config({"duration_max": 8})
    jobs = [await world.submit(f"task {index}") for index in range(150)]

    tasks = await follow_all(world, jobs)

    assert all(task.status is TaskStatus.COMPLETED for task in tasks)
    assert world.sim.state.stats()["get_rate_limited"] == 0
    assert _most_in_one_second([call.at for call in world.queries()]) <= 16


async def test_every_query_of_every_task_takes_a_turn_of_the_budget(world: World) -> None:
    jobs = await _submit_over(world, 20, 5)

    await follow_all(world, jobs)

    assert world.budget.granted == world.sim.state.stats()["get_total"]
    assert world.budget.in_flight == 0


async def test_a_429_pauses_every_task_for_as_long_as_it_asks(world: World) -> None:
    world.sim.state.update_config({"estimate_error_max": None, "estimate_error": 1.0})  # all asked at once
    jobs = [await world.submit(f"paused task {index} [duration:10]") for index in range(5)]
    world.sim.state.add_fault("get", {"status": 429, "retry_after": 6})

    await follow_all(world, jobs)

    refused, *after = world.queries()
    assert refused.outcome == "429"
    assert after
    assert min(call.at for call in after) - refused.at >= 6.0


async def test_tasks_with_wrong_estimates_cost_at_most_two_queries_each_and_are_seen_soon(world: World) -> None:
    jobs = await _submit_over(world, 40, 10)

    await follow_all(world, jobs)

    stats = world.sim.state.stats()
    late = sorted(task["first_seen_terminal_at"] - task["terminal_at"] for task in stats["tasks"].values())
    assert world.queries_per_task() <= 2.0
    assert late[len(late) // 2] <= 1.5
    assert late[-1] <= 4.0


async def test_a_task_reported_by_its_callback_is_asked_before_tasks_merely_due(world: World) -> None:
    world.budget.set_rate(0.2)  # one query every 5 s: the others wait their turn
    jobs = [await world.submit(f"crowded task {index} [duration:8]") for index in range(6)]
    following = asyncio.gather(*(world.follow(job) for job in jobs))
    while world.budget.waiting < 3:
        await world.clock.sleep(0.5)
    counts = world.sim.state.get_counts
    reported = [job.task_id for job in jobs if job.task_id and not counts.get(job.task_id)][-1]
    asked = sum(counts.values())

    assert world.tracker.poke(reported)
    while sum(counts.values()) == asked:
        await world.clock.sleep(0.1)

    assert counts[reported] == 1
    await asyncio.wait_for(following, timeout=60)
