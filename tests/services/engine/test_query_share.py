"""Several processes on one PostgreSQL database share the account's task queries: each runs its budget
at the account's rate divided by the processes holding live leases."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.core.models import JobState
from services.engine.query_budget import QueryBudget
from services.engine.query_share import QueryShare
from services.storage.job_store import Store
from tests.databases import empty_schema
from tests.fakes import FakeClock
from tests.services.storage.job_factory import limits, make_job

LEASE_SECONDS = 30.0


@pytest.fixture
async def clock() -> FakeClock:
    return FakeClock(start=1000.0)


@pytest.fixture
async def store(postgres_database: str, clock: FakeClock) -> AsyncIterator[Store]:
    await empty_schema(postgres_database)
    opened = await Store.open(postgres_database, clock=clock.now)
    yield opened
    await opened.close()


async def _runs_a_job(store: Store, owner: str, job_id: str, lease: float = LEASE_SECONDS) -> None:
    await store.insert_job_reserving(make_job(job_id), limits(100), lease=(owner, lease))


def _share(store: Store, clock: FakeClock, owner: str) -> tuple[QueryShare, QueryBudget]:
    budget = QueryBudget(15, clock)
    return QueryShare(budget, store, owner, 15, clock), budget


async def test_a_process_alone_runs_at_the_whole_rate(store: Store, clock: FakeClock) -> None:
    await _runs_a_job(store, "a", "job-a")
    share, budget = _share(store, clock, "a")

    await share.refresh()

    assert budget.rate == 15


async def test_three_live_processes_each_run_at_a_third(store: Store, clock: FakeClock) -> None:
    for owner in ("a", "b", "c"):
        await _runs_a_job(store, owner, f"job-{owner}")
    shares = [_share(store, clock, owner) for owner in ("a", "b", "c")]

    for share, _ in shares:
        await share.refresh()

    assert [budget.rate for _, budget in shares] == [5, 5, 5]


async def test_a_process_without_jobs_yet_counts_itself_with_the_others(store: Store, clock: FakeClock) -> None:
    await _runs_a_job(store, "a", "job-a")
    share, budget = _share(store, clock, "newcomer")

    await share.refresh()

    assert budget.rate == 7.5


async def test_a_process_whose_leases_lapsed_is_no_longer_counted(store: Store, clock: FakeClock) -> None:
    # Leases go by the database's clock, not the process's: a lapsed lease is one that ended before now.
    await _runs_a_job(store, "gone", "job-gone", lease=-1)
    await _runs_a_job(store, "a", "job-a")
    share, budget = _share(store, clock, "a")

    await share.refresh()

    assert budget.rate == 15


async def test_ended_jobs_leases_do_not_count(store: Store, clock: FakeClock) -> None:
    await _runs_a_job(store, "a", "job-a")
    await _runs_a_job(store, "b", "job-b")
    await store.settle("job-b", JobState.CANCELLED, charged=0)
    share, budget = _share(store, clock, "a")

    await share.refresh()

    assert budget.rate == 15
