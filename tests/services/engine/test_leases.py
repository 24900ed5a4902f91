"""Lease renewal stops a run here only when another process holds its job, or, while renewals fail,
when its lease has certainly lapsed: never a job this process still owns."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from services.core.models import Job
from services.engine.engine_config import EngineConfig
from services.engine.leases import JobLeases
from services.engine.runs import JobRun, RunningJobs
from services.storage.job_store import Store
from tests.fakes import FakeClock
from tests.services.storage.job_factory import limits, make_job

LEASE = 30.0


@dataclass
class IdleStarter:
    """Starts each job as a run that waits until the test ends (what a run does is not under test)."""

    runs: RunningJobs
    tasks: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    accepting: bool = True

    def start(self, job: Job, *, resumed: bool = False) -> None:
        """Run the job here, doing nothing."""
        task = asyncio.create_task(asyncio.Event().wait())
        self.tasks[job.id] = task
        self.runs.add(JobRun(job, resumed=resumed), task)

    def running(self) -> list[str]:
        """The jobs whose run nobody asked to stop."""
        return sorted(job_id for job_id, task in self.tasks.items() if not task.done() and not task.cancelling())


@dataclass
class Leases:
    """A process's leases on a real SQLite store, in virtual time."""

    leases: JobLeases
    store: Store
    starter: IdleStarter
    clock: FakeClock
    path: Path

    async def run_job(self, job_id: str, owner: str = "me") -> None:
        """Store a job leased to `owner` now, and start it here."""
        job = make_job(job_id, user_id=len(self.starter.tasks) + 1)
        assert await self.store.insert_job_reserving(job, limits(10), lease=(owner, LEASE)) is None
        self.starter.start(job)

    @contextlib.contextmanager
    def database_locked(self) -> Iterator[None]:
        """Another program holds the database's write lock: every write of the store fails."""
        other = sqlite3.connect(self.path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()


@pytest.fixture
async def process(tmp_path: Path) -> AsyncIterator[Leases]:
    clock = FakeClock()
    path = tmp_path / "jobs.db"
    store = await Store.open(f"sqlite:///{path}", clock.now, busy_timeout_ms=10)
    runs = RunningJobs()
    starter = IdleStarter(runs)
    config = EngineConfig(owner="me", lease_seconds=LEASE, alone=False)
    yield Leases(JobLeases(store, runs, clock, config, starter), store, starter, clock, path)
    runs.cancel_all()
    await store.close()


async def test_a_job_started_while_a_renewal_is_in_flight_keeps_running(process: Leases) -> None:
    await process.run_job("a")
    late = make_job("late", user_id=99)
    assert await process.store.insert_job_reserving(late, limits(10), lease=("me", LEASE)) is None
    async with process.store.write():
        renewal = asyncio.create_task(process.leases.renew())
        await asyncio.sleep(0)  # the renewal has seen the runs here and waits for the database
        process.starter.start(late)
    assert await renewal == []
    assert process.starter.running() == ["a", "late"]


async def test_only_the_job_another_process_holds_is_stopped(process: Leases) -> None:
    await process.run_job("mine")
    await process.run_job("taken")
    process.clock.time += LEASE + 1
    await process.store.renew_leases("me", ["mine"], LEASE)
    assert [job.id for job in await process.store.claim_jobs("other", LEASE)] == ["taken"]
    assert await process.leases.renew() == ["taken"]
    assert process.starter.running() == ["mine"]


async def test_a_job_whose_row_is_gone_is_not_stopped_by_a_renewal(process: Leases) -> None:
    await process.run_job("a")
    await process.store.erase_member(20, 1)
    assert await process.leases.renew() == []
    assert process.starter.running() == ["a"]


async def test_while_renewals_fail_only_runs_whose_lease_lapsed_are_stopped(process: Leases) -> None:
    await process.run_job("old")
    await process.leases.tend()
    process.clock.time += 20
    await process.run_job("new")  # leased 20 s after the last renewal
    process.clock.time += 15
    with process.database_locked():
        await process.leases.tend()
    assert process.starter.running() == ["new"]


async def test_renewals_that_fail_briefly_stop_nothing(process: Leases) -> None:
    await process.run_job("a")
    await process.leases.tend()
    process.clock.time += LEASE - 1
    with process.database_locked():
        await process.leases.tend()
    assert process.starter.running() == ["a"]
