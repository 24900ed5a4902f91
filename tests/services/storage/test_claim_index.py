"""Claims go through an index: with a long history of ended jobs, the claim's query plan reads the
partial index of the runnable jobs on both engines instead of scanning the jobs table."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa

from services.core.models import JobState
from services.storage.job_claims import claimable
from services.storage.job_rows import job_row
from services.storage.job_store import Store
from services.storage.tables import RUNNABLE_STATES, jobs
from tests.services.storage.job_factory import limits, make_job, open_store

ENDED, WAITING = 3000, 5
INDEX = "ix_jobs_runnable"


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


async def with_history(store: Store) -> None:
    """Many ended jobs, a few waiting ones, and fresh statistics for the planner."""
    ended = []
    for i in range(ENDED):
        job = make_job(f"ended{i}", user_id=i % 50 + 1, created_at=float(i))
        job.state = JobState.DELIVERED if i % 3 else JobState.FAILED
        ended.append(job_row(job))
    async with store.write() as connection:
        await connection.execute(sa.insert(jobs), ended)
    for i in range(WAITING):
        await store.insert_job_reserving(make_job(f"waiting{i}", user_id=1000 + i), limits(10))
    async with store.write() as connection:
        await connection.exec_driver_sql("ANALYZE")


async def claim_plan(store: Store) -> str:
    """The engine's plan for the query `claim_jobs` runs, as text."""
    query = claimable(100.0)
    async with store.read() as connection:
        if not store.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
        prefix = "EXPLAIN QUERY PLAN " if store.is_sqlite else "EXPLAIN "
        rows = await connection.exec_driver_sql(prefix + sql)
        return "\n".join(str(row[-1]) for row in rows)


async def test_the_claim_reads_the_index_not_the_whole_history(store: Store) -> None:
    await with_history(store)
    plan = await claim_plan(store)
    assert INDEX in plan, plan
    assert "Seq Scan" not in plan, plan
    assert "SCAN jobs" not in plan.splitlines(), plan


def test_the_index_holds_exactly_the_states_a_process_may_run() -> None:
    runnable = {state.value for state in JobState if not state.is_final and state is not JobState.AWAITING_APPROVAL}
    assert set(RUNNABLE_STATES) == runnable


async def test_the_claim_takes_exactly_the_waiting_jobs_among_the_history(store: Store) -> None:
    await with_history(store)
    claimed = await store.claim_jobs("me", 30, take_all=True)
    assert sorted(job.id for job in claimed) == [f"waiting{i}" for i in range(WAITING)]
