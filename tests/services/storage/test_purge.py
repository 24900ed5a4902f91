"""Retention purges in small batches: a large purge runs in several short transactions, deletes every
old ended job and old usage row, keeps everything else, and lets other writes in between."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from services.core.models import JobState
from services.storage.job_rows import job_row
from services.storage.job_store import Store
from services.storage.tables import budget_alerts, credit_usage, daily_usage, jobs
from tests.services.storage.job_factory import limits, make_job

BATCH = 100
DAY_SECONDS = 86400.0
NOW = 200 * DAY_SECONDS
CUTOFF = NOW - 90 * DAY_SECONDS
OLD_ENDED, RECENT_ENDED, OLD_UNFINISHED, OLD_USAGE = 450, 20, 10, 250


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(database_url, clock=lambda: NOW)
    yield opened
    await opened.close()


def a_row(job_id: str, state: JobState, updated_at: float) -> dict[str, Any]:
    job = make_job(job_id, user_id=len(job_id), created_at=updated_at)
    job.state = state
    return job_row(job)


async def with_history(store: Store) -> None:
    """Old and recent ended jobs, old jobs that never ended, usage of old days and of today."""
    rows = [a_row(f"old{i}", JobState.DELIVERED, CUTOFF - 1 - i) for i in range(OLD_ENDED)]
    rows += [a_row(f"recent{i}", JobState.FAILED, CUTOFF + 1 + i) for i in range(RECENT_ENDED)]
    rows += [a_row(f"stuck{i}", JobState.SUBMITTED, CUTOFF - 1 - i) for i in range(OLD_UNFINISHED)]
    usage = [{"guild_id": 20, "user_id": i, "day": "1970-01-02", "used": 1} for i in range(OLD_USAGE)]
    usage.append({"guild_id": 20, "user_id": 1, "day": "1970-07-19", "used": 1})
    async with store.write() as connection:
        await connection.execute(sa.insert(jobs), rows)
        await connection.execute(sa.insert(daily_usage), usage)


@contextmanager
def recording(store: Store) -> Iterator[list[str]]:
    """What the store does meanwhile: "delete <rows>", "insert" and "commit", in order."""
    events: list[str] = []

    def statement(_conn: Any, cursor: Any, sql: str, *_: Any) -> None:
        verb = sql.lstrip().split(None, 1)[0].lower()
        if verb == "delete":
            events.append(f"delete {cursor.rowcount}")
        elif verb == "insert":
            events.append("insert")

    def commit(_conn: Any) -> None:
        events.append("commit")

    sync = store.engine.sync_engine
    sa.event.listen(sync, "after_cursor_execute", statement)
    sa.event.listen(sync, "commit", commit)
    try:
        yield events
    finally:
        sa.event.remove(sync, "after_cursor_execute", statement)
        sa.event.remove(sync, "commit", commit)


async def test_a_large_purge_runs_in_several_small_transactions(store: Store) -> None:
    await with_history(store)
    with recording(store) as events:
        assert await store.purge_older_than(CUTOFF, batch=BATCH) == OLD_ENDED
    transactions = " ".join(events).split("commit")[:-1]
    deleted = [int(word) for t in transactions for verb, word in [t.split()] if verb == "delete"]
    assert len(transactions) == len(deleted) >= (OLD_ENDED + OLD_USAGE) // BATCH
    assert max(deleted) <= BATCH
    assert sum(deleted) == OLD_ENDED + OLD_USAGE


async def test_a_purge_deletes_what_is_old_and_ended_and_nothing_else(store: Store) -> None:
    await with_history(store)
    await store.purge_older_than(CUTOFF, batch=BATCH)
    async with store.read() as connection:
        kept_jobs = {row.id for row in await connection.execute(sa.select(jobs.c.id))}
        kept_days = {row.day for row in await connection.execute(sa.select(daily_usage.c.day))}
    assert kept_jobs == {f"recent{i}" for i in range(RECENT_ENDED)} | {f"stuck{i}" for i in range(OLD_UNFINISHED)}
    assert kept_days == {"1970-07-19"}


async def test_a_write_waiting_during_a_purge_goes_before_its_last_batch(store: Store) -> None:
    await with_history(store)
    with recording(store) as events:
        purge = asyncio.create_task(store.purge_older_than(CUTOFF, batch=BATCH))
        await asyncio.sleep(0)  # the purge's first batch has begun
        assert await store.insert_job_reserving(make_job("new"), limits(10)) is None
        await purge
    last_batch = max(i for i, event in enumerate(events) if event.startswith("delete"))
    assert events.index("insert") < last_batch


async def test_a_purge_deletes_old_credit_totals_and_alerts_and_keeps_recent_ones(store: Store) -> None:
    credits = [{"scope": 20, "period": period, "used": 1000} for period in ("1970-01-02", "1970-01", "1970-07-19")]
    alerts = [{"budget": "guild_daily:20", "period": period, "level": 80} for period in ("1970-01-02", "1970-07")]
    async with store.write() as connection:
        await connection.execute(sa.insert(credit_usage), credits)
        await connection.execute(sa.insert(budget_alerts), alerts)
    await store.purge_older_than(CUTOFF, batch=BATCH)
    async with store.read() as connection:
        kept_credits = {row.period for row in await connection.execute(sa.select(credit_usage.c.period))}
        kept_alerts = {row.period for row in await connection.execute(sa.select(budget_alerts.c.period))}
    assert kept_credits == {"1970-07-19"}
    assert kept_alerts == {"1970-07"}


async def test_a_purge_cutting_in_the_middle_of_a_month_keeps_that_months_credits_and_alerts(store: Store) -> None:
    # RETENTION_DAYS=7 on 1970-04-28: the cutoff is 1970-04-21, in the month whose budget still runs.
    credits = [{"scope": 20, "period": period, "used": 1000} for period in ("1970-03", "1970-04", "1970-04-20")]
    alerts = [{"budget": "credits_monthly", "period": period, "level": 80} for period in ("1970-03", "1970-04")]
    async with store.write() as connection:
        await connection.execute(sa.insert(credit_usage), credits)
        await connection.execute(sa.insert(budget_alerts), alerts)
    await store.purge_older_than(CUTOFF, batch=BATCH)
    async with store.read() as connection:
        kept_credits = {row.period for row in await connection.execute(sa.select(credit_usage.c.period))}
        kept_alerts = {row.period for row in await connection.execute(sa.select(budget_alerts.c.period))}
    assert kept_credits == {"1970-04"}
    assert kept_alerts == {"1970-04"}
