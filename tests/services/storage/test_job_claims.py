"""Leases: claiming the jobs nobody holds, and renewing them."""

from __future__ import annotations

import asyncio

from services.core.models import JobState
from services.storage.job_store import Store
from tests.services.storage.job_factory import limits, make_job

# Leases go by the database's clock (PostgreSQL's, not the process's): a lapsed lease is written as one
# that ended before it was written.


async def test_claiming_leases_only_jobs_nobody_holds(database_url: str) -> None:
    store = await Store.open(database_url, clock=lambda: 1000.0)
    await store.insert_job_reserving(make_job("held"), limits(10), lease=("alive", 30))
    await store.insert_job_reserving(make_job("orphan"), limits(10), lease=("dead", -5))
    assert [job.id for job in await store.claim_jobs("me", 30)] == ["orphan"]
    assert await store.claim_jobs("someone-else", 30) == []
    await store.close()


async def test_renewing_keeps_a_lease_and_reports_the_lost_ones(database_url: str) -> None:
    store = await Store.open(database_url, clock=lambda: 1000.0)
    await store.insert_job_reserving(make_job("a"), limits(10), lease=("me", 1))
    await store.insert_job_reserving(make_job("b"), limits(10), lease=("me", -5))
    assert [job.id for job in await store.claim_jobs("thief", 30)] == ["b"]
    assert await store.renew_leases("me", ["a", "b"], 30) == {"b"}
    assert await store.claim_jobs("thief", 30) == []
    await store.close()


async def test_a_job_without_a_row_is_not_reported_lost(database_url: str) -> None:
    store = await Store.open(database_url)
    await store.insert_job_reserving(make_job("a"), limits(10), lease=("me", 30))
    assert await store.renew_leases("me", ["a", "gone"], 30) == set()
    await store.close()


async def test_taking_all_claims_every_runnable_job_but_not_those_awaiting_approval(database_url: str) -> None:
    store = await Store.open(database_url)
    await store.insert_job_reserving(make_job("leased"), limits(10), lease=("previous-run", 300))
    waiting = make_job("waiting")
    waiting.state = JobState.AWAITING_APPROVAL
    await store.insert_job_reserving(waiting, limits(10))
    assert [job.id for job in await store.claim_jobs("me", 30, take_all=True)] == ["leased"]
    await store.close()


async def test_two_claimers_at_once_never_get_the_same_job(database_url: str) -> None:
    first, second = await Store.open(database_url), None
    for i in range(20):
        await first.insert_job_reserving(make_job(f"j{i}", user_id=i), limits(10))
    if not database_url.startswith("sqlite"):
        second = await Store.open(database_url)
    other = second or first
    claims = await asyncio.gather(first.claim_jobs("one", 30), other.claim_jobs("two", 30))
    ids = [job.id for claim in claims for job in claim]
    assert sorted(ids) == sorted(f"j{i}" for i in range(20))
    await first.close()
    if second is not None:
        await second.close()
