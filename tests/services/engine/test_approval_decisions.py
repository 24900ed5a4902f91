"""Approval decisions on both databases: the stored move out of `awaiting_approval` is the one decider
when moderators click at once, it records who decided, a moderator's reason is stored without control
characters, and a request that could not be posted is withdrawn with its images given back."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.core.models import GenerationOptions, Job, JobState
from services.engine.controls import moderator_words
from services.engine.failures import FailureDetail, JobProblem, detail
from tests.services.engine.harness import LIMITS, TARGET, Harness, open_harness

FIRST, SECOND = 1001, 1002


@pytest.fixture
async def harness(tmp_path: Path, database_url: str) -> AsyncIterator[Harness]:
    async for ready in open_harness(tmp_path, database_url):
        yield ready


async def waiting(harness: Harness, prompt: str, n: int = 2) -> Job:
    return await harness.engine.accept(1, GenerationOptions(prompt, None, n), TARGET, LIMITS, needs_approval=True)


async def test_two_approvals_at_once_make_one_decision_and_the_job_runs_once(harness: Harness) -> None:
    job = await waiting(harness, "approved twice")
    first, second = await asyncio.gather(harness.engine.approve(job.id, FIRST), harness.engine.approve(job.id, SECOND))
    assert [result is not None for result in (first, second)].count(True) == 1
    winner = FIRST if first is not None else SECOND
    await asyncio.wait_for(harness.engine.join(job.id), 20)
    stored = await harness.store.get_job(job.id)
    assert (stored.state, stored.decided_by) == (JobState.DELIVERED, winner)
    assert len(harness.sim.state.create_records) == 1


async def test_an_approval_and_a_rejection_at_once_make_one_decision(harness: Harness) -> None:
    job = await waiting(harness, "approved or rejected")
    approved, rejected = await asyncio.gather(
        harness.engine.approve(job.id, FIRST), harness.engine.reject(job.id, "no", SECOND)
    )
    assert (approved is None) != (rejected is None)
    await harness.engine.join(job.id)
    stored = await harness.store.get_job(job.id)
    if approved is not None:
        assert (stored.state, stored.decided_by) == (JobState.DELIVERED, FIRST)
        assert len(harness.sim.state.create_records) == 1
    else:
        assert (stored.state, stored.decided_by, stored.failure_detail) == (JobState.REJECTED, SECOND, "no")
        assert harness.sim.state.create_records == []
        assert await harness.used() == 0


async def test_a_decision_after_another_changes_nothing(harness: Harness) -> None:
    job = await waiting(harness, "rejected first")
    assert await harness.engine.reject(job.id, "not here", FIRST) is not None
    assert await harness.engine.approve(job.id, SECOND) is None
    assert await harness.engine.reject(job.id, "me neither", SECOND) is None
    stored = await harness.store.get_job(job.id)
    assert (stored.state, stored.decided_by, stored.failure_detail) == (JobState.REJECTED, FIRST, "not here")
    assert harness.sim.state.create_records == []


async def test_a_rejection_reason_with_control_characters_is_stored_without_them(harness: Harness) -> None:
    job = await waiting(harness, "rejected with a nul")
    rejected = await harness.engine.reject(job.id, "not\x00 here\r\nnor\tthere\x1b", FIRST)
    assert rejected is not None
    assert rejected.failure_detail == "not here\nnor there"
    stored = await harness.store.get_job(job.id)
    assert (stored.state, stored.failure_detail) == (JobState.REJECTED, "not here\nnor there")
    assert await harness.used() == 0


async def test_a_request_that_could_not_be_posted_is_withdrawn_with_its_images_given_back(harness: Harness) -> None:
    job = await waiting(harness, "never posted", n=3)
    withdrawn = await harness.engine.withdraw(job.id)
    assert withdrawn is not None
    stored = await harness.store.get_job(job.id)
    assert (stored.state, stored.decided_by, stored.reserved_images) == (JobState.REJECTED, None, 0)
    assert FailureDetail.decode(stored.failure_detail) == detail(JobProblem.APPROVAL_NOT_POSTED)
    assert await harness.used() == 0
    assert harness.events.ended[-1].id == job.id
    assert await harness.engine.approve(job.id, FIRST) is None


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("  not in this channel  ", "not in this channel"),
        ("\x00\x07 \t", None),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("tab\tand\x85next", "tab andnext"),
        ("ünïcödé ✅", "ünïcödé ✅"),
    ],
)
def test_a_moderators_words_keep_their_lines_and_lose_control_characters(given: str, stored: str | None) -> None:
    assert moderator_words(given) == stored
