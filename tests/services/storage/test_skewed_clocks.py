"""Leases on PostgreSQL go by the database's clock: a process whose own clock is an hour off neither takes
the jobs a live process holds nor writes leases that outlive it."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import asyncpg
import pytest

from services.storage.job_store import Store
from tests.databases import empty_schema
from tests.services.storage.job_factory import limits, make_job

HOUR, LEASE = 3600.0, 30.0


@pytest.fixture
async def stores(postgres_database: str) -> AsyncIterator[tuple[Store, Store]]:
    """Two processes on one database: one whose clock is right, one whose clock is an hour ahead."""
    await empty_schema(postgres_database)
    right = await Store.open(postgres_database, clock=time.time)
    ahead = await Store.open(postgres_database, clock=lambda: time.time() + HOUR)
    yield right, ahead
    await right.close()
    await ahead.close()


async def lease_left(url: str, job_id: str) -> float:
    """Seconds the job's stored lease has left by the database's clock."""
    connection = await asyncpg.connect(url)
    try:
        query = "SELECT lease_expires_at - extract(epoch FROM now())::float8 FROM jobs WHERE id = $1"
        return float(await connection.fetchval(query, job_id))
    finally:
        await connection.close()


async def test_a_process_an_hour_ahead_does_not_take_a_live_lease(stores: tuple[Store, Store]) -> None:
    right, ahead = stores
    await right.insert_job_reserving(make_job("held"), limits(10), lease=("alive", LEASE))
    assert await ahead.claim_jobs("skewed", LEASE) == []


async def test_a_live_lease_written_by_a_process_an_hour_behind_is_not_taken(
    stores: tuple[Store, Store], postgres_database: str
) -> None:
    right, _ = stores
    behind = await Store.open(postgres_database, clock=lambda: time.time() - HOUR)
    await behind.insert_job_reserving(make_job("held"), limits(10), lease=("skewed", LEASE))
    await behind.close()
    assert await right.claim_jobs("other", LEASE) == []


async def test_a_lease_claimed_by_a_process_an_hour_ahead_lasts_the_lease_not_an_hour(
    stores: tuple[Store, Store], postgres_database: str
) -> None:
    right, ahead = stores
    await right.insert_job_reserving(make_job("orphan"), limits(10))
    assert [job.id for job in await ahead.claim_jobs("skewed", LEASE)] == ["orphan"]
    assert await lease_left(postgres_database, "orphan") <= LEASE


async def test_a_lease_renewed_by_a_process_an_hour_ahead_lasts_the_lease_not_an_hour(
    stores: tuple[Store, Store], postgres_database: str
) -> None:
    _, ahead = stores
    await ahead.insert_job_reserving(make_job("mine"), limits(10), lease=("skewed", -HOUR))  # as if long ago
    assert await ahead.renew_leases("skewed", ["mine"], LEASE) == set()
    assert 0 < await lease_left(postgres_database, "mine") <= LEASE
