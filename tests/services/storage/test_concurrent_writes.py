"""Writes at once: on PostgreSQL a process's transactions overlap (no process-wide lock), and the
conditional statements and row locks keep every count exact on both engines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa

from services.core.models import JobState
from services.storage.job_store import Store
from services.storage.tables import meta
from tests.databases import empty_schema
from tests.services.storage.job_factory import DAY, limits, make_job, open_store

# Not a timing assertion: only a guard, so that writes waiting on one another fail the test, not hang it.
HANG_GUARD_SECONDS = 30


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


async def test_writes_on_postgresql_overlap_within_one_process(postgres_database: str) -> None:
    await empty_schema(postgres_database)
    store = await Store.open(postgres_database)
    async with asyncio.timeout(HANG_GUARD_SECONDS), store.write() as first:
        first_pid = (await first.execute(sa.text("SELECT pg_backend_pid()"))).scalar()
        await first.execute(sa.insert(meta).values(key="first", value="1"))
        async with store.write() as second:
            await second.execute(sa.insert(meta).values(key="second", value="2"))
            seen = await second.execute(
                sa.text("SELECT state FROM pg_stat_activity WHERE pid = :pid"), {"pid": first_pid}
            )
            first_state_meanwhile = seen.scalar()
        second_committed_first = await store.get_meta("second")
    assert first_state_meanwhile == "idle in transaction"
    assert second_committed_first == "2"
    assert await store.get_meta("first") == "1"
    await store.close()


async def test_members_reserving_at_once_never_exceed_the_guild_total(store: Store) -> None:
    results = await asyncio.gather(
        *(store.insert_job_reserving(make_job(f"j{i}", user_id=i + 1), limits(5, guild=15)) for i in range(40))
    )
    granted = [i + 1 for i, result in enumerate(results) if result is None]
    assert len(granted) == 15
    assert await store.images_used(0, DAY, 20) == 15
    assert [await store.images_used(user, DAY, 20) for user in range(1, 41)] == [
        1 if user in granted else 0 for user in range(1, 41)
    ]


async def test_settling_one_job_at_once_returns_its_images_once(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=3), limits(10))
    await store.insert_job_reserving(make_job("b", n=2), limits(10))
    settled = await asyncio.gather(*(store.settle("a", JobState.DELIVERED, charged=1, delivered=1) for _ in range(8)))
    assert settled.count(True) == 1
    assert await store.images_used(1, DAY, 20) == 3


async def test_reserving_and_settling_at_once_keep_the_count_exact(store: Store) -> None:
    for i in range(10):
        await store.insert_job_reserving(make_job(f"old{i}"), limits(100))
    await asyncio.gather(
        *(store.settle(f"old{i}", JobState.FAILED, charged=0) for i in range(10)),
        *(store.insert_job_reserving(make_job(f"new{i}"), limits(100)) for i in range(10)),
    )
    assert await store.images_used(1, DAY, 20) == 10
    assert (await store.count_jobs_by_state()) == {"failed": 10, "queued": 10}
