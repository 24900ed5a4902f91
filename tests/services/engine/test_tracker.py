from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest

from services.api.client import WanClient
from services.core.models import DeliveryTarget, GenerationOptions, Job, TaskStatus
from services.engine.polling import PollSchedule
from services.engine.tracker import TaskTracker
from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.fakes import FakeClock


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


async def test_a_poke_makes_the_tracker_ask_at_once(sim_and_clock) -> None:
    sim, clock = sim_and_clock
    async with aiohttp.ClientSession() as session:
        wan = WanClient(session, sim.api_base_url, "key", sleep=clock.sleep)
        created = await wan.create_task(GenerationOptions("a poked task"), idempotency_key="job")
        job = Job(id="job", user_id=1, options=GenerationOptions("a poked task"), target=DeliveryTarget(1, 2))
        job.task_id, job.submitted_at, job.estimated_time = created.id, clock.now(), 60
        tracker = TaskTracker(wan, clock, PollSchedule(), deadline_seconds=600)
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
        tracker = TaskTracker(WanClient(session, sim.api_base_url, "key"), clock, PollSchedule(), 600)
        assert not tracker.poke("task-unified-1-unknown")
