"""Moving jobs on, ending them, and cancel requests, each guarded by the state (and lease) it leaves."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from services.core.models import FailureReason, JobState
from services.storage.job_store import Store
from tests.services.storage.job_factory import DAY, limits, make_job, open_store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


async def test_transition_only_moves_a_job_from_the_expected_state(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(5))
    assert await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING)
    assert not await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING)
    assert (await store.get_job("a")).state is JobState.SUBMITTING


async def test_delivery_charges_only_the_images_delivered(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=4), limits(10))
    assert await store.settle("a", JobState.DELIVERED, charged=2, delivered=2, message_ids=(99,))
    job = await store.get_job("a")
    assert (job.state, job.images_delivered, job.message_ids, job.reserved_images) == (JobState.DELIVERED, 2, (99,), 0)
    assert await store.images_used(1, DAY, 20) == 2


async def test_failure_returns_the_whole_reservation(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=3), limits(10))
    assert await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.CONTENT_POLICY, "refused"))
    job = await store.get_job("a")
    assert (job.failure_reason, job.failure_detail) == (FailureReason.CONTENT_POLICY, "refused")
    assert await store.images_used(1, DAY, 20) == 0


async def test_settling_twice_does_not_refund_twice(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=2), limits(10))
    await store.insert_job_reserving(make_job("b", n=2), limits(10))
    assert await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.INTERNAL, "x"))
    assert not await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.INTERNAL, "x"))
    assert await store.images_used(1, DAY, 20) == 2


async def test_settling_forgets_the_interaction_token(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert (await store.get_job("a")).target.interaction_token is None


async def test_cancel_request_is_stored_on_a_running_job(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.SUBMITTED)
    assert await store.request_cancel("a")
    assert (await store.get_job("a")).cancel_requested


async def test_cancel_request_on_an_ended_job_is_refused(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.settle("a", JobState.FAILED, charged=0)
    assert not await store.request_cancel("a")


async def test_settle_can_require_the_state_it_leaves(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=2), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.SUBMITTED)
    assert not await store.settle("a", JobState.CANCELLED, charged=0, leaving=[JobState.QUEUED])
    assert (await store.get_job("a")).state is JobState.SUBMITTED
    assert await store.images_used(1, DAY, 20) == 2


async def test_cancel_request_after_the_results_arrived_is_refused(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.COMPLETED)
    assert not await store.request_cancel("a")


async def test_a_cancelled_job_is_not_moved_on_by_a_guarded_transition(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.SUBMITTED)
    await store.request_cancel("a")
    assert not await store.transition("a", [JobState.SUBMITTED], JobState.COMPLETED, unless_cancelled=True)
    assert (await store.get_job("a")).state is JobState.SUBMITTED


async def test_a_process_that_lost_a_jobs_lease_cannot_move_or_settle_it(database_url: str) -> None:
    store = await Store.open(database_url, clock=lambda: 1000.0)
    await store.insert_job_reserving(make_job("a", n=2), limits(10), lease=("paused", -5))  # lapsed
    assert [job.id for job in await store.claim_jobs("taker", 30)] == ["a"]
    assert not await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING, owner="paused")
    assert not await store.settle("a", JobState.FAILED, charged=0, owner="paused")
    assert await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING, owner="taker")
    assert await store.images_used(1, DAY, 20) == 2
    await store.close()


async def test_a_cancelled_caller_does_not_cut_a_write_short(database_url: str) -> None:
    url = database_url
    store = await Store.open(url)
    await store.insert_job_reserving(make_job("a", n=2), limits(10))
    write = asyncio.ensure_future(store.settle("a", JobState.DELIVERED, charged=1, delivered=1))
    await asyncio.sleep(0)
    write.cancel()
    await store.close()
    reopened = await Store.open(url)
    assert (await reopened.get_job("a")).state is JobState.DELIVERED
    assert await reopened.images_used(1, DAY, 20) == 1
    await reopened.close()
