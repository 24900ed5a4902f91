"""Trackers against the simulator over HTTP, in virtual time: tasks created at the simulator and followed
within one query budget; every API call recorded with the virtual time it ended at."""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp

from services.api.client import WanClient
from services.core.models import DeliveryTarget, GenerationOptions, Job, Task
from services.engine.polling import PollSchedule
from services.engine.query_budget import QueryBudget
from services.engine.tracker import TaskTracker
from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.services.engine.virtual_clock import VirtualClock

# As in production: estimates off by -40%..+50%, uneven progress, ~20 task queries per second.
PRODUCTION_LIKE = {"estimate_error": 0.6, "estimate_error_max": 1.5, "progress_curve": "uneven"}


@dataclass(frozen=True)
class Call:
    """One API call: when it ended (virtual time), which endpoint, and how (`ok` or the status)."""

    at: float
    endpoint: str
    outcome: str


@dataclass
class World:
    """The simulator, an API client, one budget and one tracker, in virtual time."""

    sim: RunningSimulator
    clock: VirtualClock
    wan: WanClient
    budget: QueryBudget
    tracker: TaskTracker
    calls: list[Call] = field(default_factory=list)

    async def submit(self, prompt: str) -> Job:
        """Create a task and the job that follows it, submitted now."""
        task = await self.wan.create_task(GenerationOptions(prompt), idempotency_key=prompt.replace(" ", "-"))
        job = Job(
            id=prompt.replace(" ", "-"), user_id=1, options=GenerationOptions(prompt), target=DeliveryTarget(1, 2)
        )
        job.task_id, job.submitted_at, job.estimated_time = task.id, self.clock.now(), task.estimated_time
        return job

    async def follow(self, job: Job, progress: list[int] | None = None) -> Task:
        """Follow the job's task to its end, recording the progress it reports."""

        async def heard(percent: int) -> None:
            if progress is not None:
                progress.append(percent)

        return await self.tracker.follow(job, heard)

    def queries(self) -> list[Call]:
        """The task queries made, in order."""
        return [call for call in self.calls if call.endpoint == "get"]

    def queries_per_task(self) -> float:
        """Task queries the simulator answered or refused, per task."""
        counts = self.sim.state.get_counts
        return statistics.mean(counts.values()) if counts else 0.0


async def open_world(
    config: SimConfig, *, per_second: float = 15.0, schedule: PollSchedule | None = None
) -> AsyncIterator[World]:
    """Yield a world with time running; everything is closed afterwards."""
    clock = VirtualClock()
    sim = await start_simulator(config, clock=clock.now, access_log=False)
    calls: list[Call] = []
    try:
        async with aiohttp.ClientSession(trace_configs=[clock.trace]) as session:

            def record(endpoint: str, outcome: str, _latency: float) -> None:
                calls.append(Call(clock.now(), endpoint, outcome))

            wan = WanClient(session, sim.api_base_url, "key", sleep=clock.sleep, on_call=record)
            budget = QueryBudget(per_second, clock)
            tracker = TaskTracker(wan, clock, schedule or PollSchedule(), 600, budget)
            async with clock.running():
                yield World(sim, clock, wan, budget, tracker, calls)
                await budget.close()
    finally:
        await sim.close()


async def follow_all(world: World, jobs: list[Job]) -> list[Task]:
    """Follow every job's task at once, to their ends."""
    return await asyncio.wait_for(asyncio.gather(*(world.follow(job) for job in jobs)), timeout=120)
