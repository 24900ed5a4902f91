"""A 4xx about a task the API accepted (and billed) is asked again, against the simulator over HTTP: one
refusal is a glitch the job gets past, the key's refusals are asked about until the deadline, and only
the same 400/404 answered again and again gives the task up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from services.core.models import JobState
from services.engine.failures import FailureDetail, JobProblem, detail
from services.engine.tracker import REFUSAL_SPAN_SECONDS, REFUSALS_TO_GIVE_UP
from tests.services.engine.harness import Harness, open_harness


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async for ready in open_harness(tmp_path):
        yield ready


async def inject(harness: Harness, *faults: dict[str, Any]) -> None:
    """Queue faults for the task queries, as an operator's test would: over HTTP."""
    async with aiohttp.ClientSession() as session:
        answer = await session.post(f"{harness.sim.base_url}/_sim/faults", json={"get": list(faults)})
        assert answer.status == 200


async def test_one_404_about_the_task_is_asked_again_and_the_images_are_delivered(harness: Harness) -> None:
    await inject(harness, {"status": 404, "count": 1})

    job = await harness.run("a lighthouse the API forgot once", n=2)

    assert job.task_id is not None
    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 2)
    assert harness.sim.state.get_counts[job.task_id] >= 2
    assert await harness.used() == 2


async def test_one_403_about_the_task_is_asked_again_and_the_images_are_delivered(harness: Harness) -> None:
    await inject(harness, {"status": 403, "count": 1})

    job = await harness.run("a lighthouse behind a denied query", n=2)

    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 2)


async def test_a_few_400s_in_a_row_are_asked_past(harness: Harness) -> None:
    await inject(harness, {"status": 400, "count": REFUSALS_TO_GIVE_UP - 1})

    job = await harness.run("a lighthouse after a few bad answers")

    assert job.state is JobState.DELIVERED


async def test_a_consistent_404_ends_the_job_after_the_repeated_answers(harness: Harness) -> None:
    await inject(harness, {"status": 404, "count": 1000})
    started = harness.clock.now()

    job = await harness.run("a lighthouse the API never knew")

    assert job.task_id is not None
    assert job.state is JobState.FAILED
    assert FailureDetail.decode(job.failure_detail) == detail(JobProblem.API_STATUS, status=404)
    assert harness.sim.state.get_counts[job.task_id] >= REFUSALS_TO_GIVE_UP
    assert harness.clock.now() - started >= REFUSAL_SPAN_SECONDS


async def test_the_keys_refusals_are_asked_about_until_the_deadline(harness: Harness) -> None:
    await inject(harness, {"status": 401, "count": 1000})

    job = await harness.run("a lighthouse while the key is refused")

    assert job.task_id is not None
    assert FailureDetail.decode(job.failure_detail) == detail(JobProblem.TASK_TIMED_OUT, seconds=300)
    assert harness.sim.state.get_counts[job.task_id] > REFUSALS_TO_GIVE_UP
