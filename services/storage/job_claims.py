"""Leases: which process runs which job, until when. A process claims the runnable jobs no live process
holds, renews its leases while it runs them, and loses a job whose lease lapsed to another process."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.core.models import Job
from services.storage.database import StoreCore, completes_on_cancel
from services.storage.job_rows import row_job
from services.storage.tables import RUNNABLE_STATES, jobs


async def database_now(connection: AsyncConnection, clock: Callable[[], float]) -> float:
    """Now by the database's clock, in epoch seconds: the one clock every process writes and judges leases
    by, whatever its host's clock says. On SQLite (one process) `clock`, the process's own, is that."""
    if connection.dialect.name == "sqlite":
        return clock()
    # clock_timestamp(), not now(): now() is the transaction's start, and a transaction may have waited
    # on a lock (a member's reservation) before it writes a lease.
    stamp = sa.func.clock_timestamp()
    return float((await connection.execute(sa.select(sa.func.extract("epoch", stamp)))).scalar_one())


def is_runnable() -> sa.ColumnElement[bool]:
    """The jobs a process may run, in the form the partial index `ix_jobs_runnable` is defined by."""
    # The states as literals, not parameters: only then can the planners match the partial index.
    return jobs.c.state.in_(sa.bindparam("runnable_states", RUNNABLE_STATES, expanding=True, literal_execute=True))


def claimable(now: float, *, take_all: bool = False) -> sa.Select[tuple[str]]:
    """The ids of the runnable jobs, oldest first, whose lease lapsed before `now` (or that have none);
    with `take_all`, of every runnable job."""
    query = sa.select(jobs.c.id).where(is_runnable()).order_by(jobs.c.created_at)
    if not take_all:
        query = query.where(sa.or_(jobs.c.lease_expires_at.is_(None), jobs.c.lease_expires_at < now))
    return query


class JobClaims(StoreCore):
    """Claiming and renewing job leases."""

    @completes_on_cancel
    async def claim_jobs(self, owner: str, lease_seconds: float, *, take_all: bool = False) -> list[Job]:
        """Lease to `owner` the runnable jobs that no live process holds (their lease lapsed, or none);
        with `take_all`, every runnable job (a single process that knows it is alone). On PostgreSQL the
        rows are locked with SKIP LOCKED, so two processes claiming at once never get the same job."""
        async with self.write() as connection:
            now = await database_now(connection, self._clock)
            query = claimable(now, take_all=take_all)
            if not self._is_sqlite:
                query = query.with_for_update(skip_locked=True)
            ids = [row.id for row in await connection.execute(query)]
            if not ids:
                return []
            await connection.execute(
                jobs.update().where(jobs.c.id.in_(ids)).values(lease_owner=owner, lease_expires_at=now + lease_seconds)
            )
            rows = await connection.execute(sa.select(jobs).where(jobs.c.id.in_(ids)).order_by(jobs.c.created_at))
            return [row_job(row) for row in rows]

    async def database_now(self) -> float:
        """Now by the clock leases are written and judged by (see `database_now`)."""
        async with self.read() as connection:
            return await database_now(connection, self._clock)

    @completes_on_cancel
    async def renew_leases(self, owner: str, job_ids: Iterable[str], lease_seconds: float) -> set[str]:
        """Extend `owner`'s leases on these jobs; returns the ids another process holds now (lost to it).
        A job without a row or without an owner is not lost: nobody else runs it."""
        wanted = list(job_ids)
        if not wanted:
            return set()
        async with self.write() as connection:
            now = await database_now(connection, self._clock)
            await connection.execute(
                jobs.update()
                .where(jobs.c.id.in_(wanted), jobs.c.lease_owner == owner)
                .values(lease_expires_at=now + lease_seconds)
            )
            lost = await connection.execute(
                sa.select(jobs.c.id).where(jobs.c.id.in_(wanted), jobs.c.lease_owner != owner)
            )
            return {row.id for row in lost}
