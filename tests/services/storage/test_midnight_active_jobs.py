"""USER_MAX_ACTIVE_JOBS holds across UTC midnight on PostgreSQL: two requests of one member, one stamped
just before midnight and one just after (two processes, injected clocks), never both pass the count."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from services.storage.job_rows import GUILD_TOTAL
from services.storage.job_store import Store
from services.storage.usage import Refusal
from tests.databases import empty_schema
from tests.services.storage.job_factory import limits, make_job

BEFORE, AFTER = "2026-11-25", "2026-11-26"
MIDNIGHT = 1795651200.0  # 2026-11-26T00:00:00Z
GUILD, USER = 20, 1


@pytest.fixture
async def url(postgres_database: str) -> str:
    """The scratch database, emptied."""
    await empty_schema(postgres_database)
    return postgres_database


@pytest.fixture
async def stores(url: str) -> AsyncIterator[tuple[Store, Store]]:
    """Two processes: one whose clock stands a second before midnight, one a second after."""
    before = await Store.open(url, clock=lambda: MIDNIGHT - 1)
    after = await Store.open(url, clock=lambda: MIDNIGHT + 1)
    yield before, after
    await before.close()
    await after.close()


@pytest.fixture
async def guild_row_held(url: str, stores: tuple[Store, Store]) -> AsyncIterator[asyncpg.Connection]:
    """Another transaction holding the guild's row of the day before midnight: a reservation of that day
    stops there, after it counted the member's active jobs and before its job is stored."""
    holder = await asyncpg.connect(url)
    insert = "INSERT INTO daily_usage (guild_id, user_id, day, used) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING"
    await holder.execute(insert, GUILD, GUILD_TOTAL, BEFORE)
    await holder.execute("BEGIN")
    lock = "SELECT used FROM daily_usage WHERE guild_id = $1 AND user_id = $2 AND day = $3 FOR UPDATE"
    await holder.fetchval(lock, GUILD, GUILD_TOTAL, BEFORE)
    yield holder
    await holder.close()


async def waiting_for_locks(url: str) -> int:
    """Connections to the database waiting for a lock now."""
    connection = await asyncpg.connect(url)
    try:
        query = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        return int(await connection.fetchval(query))
    finally:
        await connection.close()


async def until(condition: asyncio.Future[Refusal | None], url: str, waiters: int) -> None:
    """Until `condition` is done or `waiters` connections wait for a lock (checked for at most 10 s)."""
    for _ in range(1000):
        if condition.done() or await waiting_for_locks(url) >= waiters:
            return
        await asyncio.sleep(0.01)  # polling another server's state: nothing to await instead
    raise AssertionError(f"never {waiters} connection(s) waiting for a lock")


async def test_two_requests_either_side_of_midnight_never_exceed_the_active_jobs_limit(
    url: str, stores: tuple[Store, Store], guild_row_held: asyncpg.Connection
) -> None:
    before, after = stores
    late, early = make_job("late", user_id=USER, created_at=MIDNIGHT - 1), make_job("early", created_at=MIDNIGHT + 1)
    early.usage_day = AFTER
    first = asyncio.ensure_future(before.insert_job_reserving(late, limits(10, active=1)))
    await until(first, url, 1)
    second = asyncio.ensure_future(after.insert_job_reserving(early, limits(10, active=1)))
    await until(second, url, 2)
    await guild_row_held.execute("ROLLBACK")
    outcomes: list[Refusal | None] = list(await asyncio.gather(first, second))
    assert sum(outcome is None for outcome in outcomes) == 1
