"""The engine against a simulator that limits create calls: the limits adapt, nothing is lost."""

from __future__ import annotations

import asyncio

from services.core.models import GenerationOptions, JobState
from tests.services.engine.harness import LIMITS, TARGET, Harness


async def test_a_burst_against_a_create_limit_is_delivered_in_full_with_each_task_made_once(harness: Harness) -> None:
    harness.sim.state.update_config({"create_limit_per_second": 2})
    jobs = [
        await harness.engine.accept(user, GenerationOptions(f"burst {user}", None, 1), TARGET, LIMITS)
        for user in range(1, 21)
    ]
    for job in jobs:
        harness.engine.start(job)
    await asyncio.wait_for(asyncio.gather(*(harness.engine.join(job.id) for job in jobs)), 60)

    stored = [await harness.store.get_job(job.id) for job in jobs]
    stats = harness.sim.state.stats()
    assert {job.state for job in stored if job is not None} == {JobState.DELIVERED}
    assert stats["tasks_created"] == 20
    assert stats["create_rate_limited"] > 0
    assert harness.scheduler.overloads >= 1
