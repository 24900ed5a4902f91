"""Following one task against the simulator over HTTP: callbacks, Retry-After, the fallback for a lost
callback, and queries only for progress."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest

from services.api.client import WanClient
from services.core.models import DeliveryTarget, GenerationOptions, Job, TaskStatus
from services.engine.polling import PollSchedule
from services.engine.query_budget import QueryBudget
from services.engine.task_end import end_range
from services.engine.tracker import TaskTracker
from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.fakes import FakeClock
from tests.services.engine.tracking_world import World, open_world


class StuckClock(FakeClock):
    """A clock whose sleeps never end unless cancelled: only a poke can move the tracker on."""

    def __init__(self) -> None:
        super().__init__()
        self.sleeping = asyncio.Event()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.sleeping.set()
        await asyncio.Event().wait()


@pytest.fixture
async def sim_and_clock() -> AsyncIterator[tuple[RunningSimulator, StuckClock]]:
    clock = StuckClock()
    sim = await start_simulator(SimConfig(duration_min=60, duration_max=60), clock=clock.now, access_log=False)
    yield sim, clock
    await sim.close()


@pytest.fixture
async def world() -> AsyncIterator[World]:
    async for ready in open_world(SimConfig(seed=5)):
        yield ready


@pytest.fixture
async def callback_world() -> AsyncIterator[World]:
    async for ready in open_world(SimConfig(seed=5), schedule=PollSchedule(callbacks=True)):
        yield ready


async def test_a_poke_makes_the_tracker_ask_at_once(sim_and_clock) -> None:
    sim, clock = sim_and_clock
    async with aiohttp.ClientSession() as session:
        wan = WanClient(session, sim.api_base_url, "key", sleep=clock.sleep)
        created = await wan.create_task(GenerationOptions("a poked task"), idempotency_key="job")
        job = Job(id="job", user_id=1, options=GenerationOptions("a poked task"), target=DeliveryTarget(1, 2))
        job.task_id, job.submitted_at, job.estimated_time = created.id, clock.now(), 60
        tracker = TaskTracker(wan, clock, PollSchedule(), 600, QueryBudget(15, clock))
        following = asyncio.create_task(tracker.follow(job, lambda _: asyncio.sleep(0)))
        await asyncio.wait_for(clock.sleeping.wait(), timeout=5)
        assert sim.state.get_counts.get(created.id, 0) == 0
        clock.time += 61
        assert tracker.poke(created.id)
        task = await asyncio.wait_for(following, timeout=5)
    assert task.status is TaskStatus.COMPLETED
    assert sim.state.get_counts[created.id] == 1


async def test_a_poke_for_a_task_not_followed_here_is_ignored(sim_and_clock) -> None:
    sim, clock = sim_and_clock
    async with aiohttp.ClientSession() as session:
        tracker = TaskTracker(
            WanClient(session, sim.api_base_url, "key"), clock, PollSchedule(), 600, QueryBudget(15, clock)
        )
        assert not tracker.poke("task-unified-1-unknown")


async def test_a_429s_retry_after_holds_the_tasks_next_query_for_as_long_as_it_asks(world: World) -> None:
    job = await world.submit("a limited task [duration:10]")
    world.sim.state.add_fault("get", {"status": 429, "retry_after": 7})

    task = await world.follow(job)

    refused, after = world.queries()[:2]
    assert refused.outcome == "429"
    assert after.at - refused.at >= 7.0
    assert task.status is TaskStatus.COMPLETED


async def test_a_task_whose_callback_is_lost_is_found_by_one_late_query(callback_world: World) -> None:
    job = await callback_world.submit("a task whose callback is lost [duration:10]")
    assert job.estimated_time is not None
    assert job.submitted_at is not None

    task = await callback_world.follow(job)

    (found,) = callback_world.queries()
    latest = end_range(PollSchedule().model, job.estimated_time)[1]
    assert task.status is TaskStatus.COMPLETED
    assert found.at - job.submitted_at == pytest.approx(latest + PollSchedule().fallback_after, abs=0.1)


async def test_with_callbacks_the_callback_brings_the_one_confirming_query(callback_world: World) -> None:
    job = await callback_world.submit("a task that calls back [duration:10]")
    assert job.task_id is not None
    assert job.submitted_at is not None
    following = asyncio.create_task(callback_world.follow(job))
    await callback_world.clock.sleep(10.2)

    assert callback_world.tracker.poke(job.task_id)
    await asyncio.wait_for(following, timeout=10)

    (confirming,) = callback_world.queries()
    assert confirming.at - job.submitted_at < 10.5


async def test_a_long_task_is_asked_for_progress_while_the_budget_has_room(world: World) -> None:
    job = await world.submit("a long task [duration:90]")
    heard: list[int] = []

    await world.follow(job, heard)

    asked_at = [call.at - (job.submitted_at or 0) for call in world.queries()]
    assert asked_at[0] == pytest.approx(PollSchedule().max_interval, abs=0.1)
    assert heard
    assert heard[0] > 0


async def test_a_query_only_for_progress_is_skipped_not_queued_when_the_budget_has_no_room(world: World) -> None:
    job = await world.submit("a long task [duration:90]")

    async def busy_at_progress_time() -> None:
        await world.clock.sleep(PollSchedule().max_interval - 5)
        world.budget.pause(10)

    await asyncio.gather(world.follow(job), busy_at_progress_time())

    asked_at = [call.at - (job.submitted_at or 0) for call in world.queries()]
    assert asked_at[0] == pytest.approx(2 * PollSchedule().max_interval, abs=0.1)
