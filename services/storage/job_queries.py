"""Reading jobs: one by id, a member's jobs, the unfinished ones, approvals left waiting, counts by state,
the processes running jobs now."""

from __future__ import annotations

import sqlalchemy as sa

from services.core.models import Job, JobState
from services.storage.database import StoreCore
from services.storage.job_claims import database_now, is_runnable
from services.storage.job_rows import FINAL_STATES, UNFINISHED_STATES, in_scope, row_job
from services.storage.tables import jobs


class JobQueries(StoreCore):
    """Reads of stored jobs."""

    async def get_job(self, job_id: str) -> Job | None:
        """The job with this id, or None."""
        async with self.read() as connection:
            row = (await connection.execute(sa.select(jobs).where(jobs.c.id == job_id))).first()
        return None if row is None else row_job(row)

    async def stale_approvals(self, created_before: float) -> list[str]:
        """Ids of jobs waiting for approval since before `created_before`."""
        query = sa.select(jobs.c.id).where(
            jobs.c.state == JobState.AWAITING_APPROVAL.value, jobs.c.created_at < created_before
        )
        async with self.read() as connection:
            return [row.id for row in await connection.execute(query)]

    async def count_jobs_by_state(self) -> dict[str, int]:
        """How many stored jobs are in each state."""
        query = sa.select(jobs.c.state, sa.func.count()).group_by(jobs.c.state)
        async with self.read() as connection:
            return {row[0]: int(row[1]) for row in await connection.execute(query)}

    async def unfinished_jobs(self) -> list[Job]:
        """Every job that has not ended, oldest first."""
        query = sa.select(jobs).where(jobs.c.state.in_(UNFINISHED_STATES)).order_by(jobs.c.created_at)
        async with self.read() as connection:
            return [row_job(row) for row in await connection.execute(query)]

    async def user_jobs(self, user_id: int, guild_id: int | None, *, active: bool, limit: int = 10) -> list[Job]:
        """A member's jobs in a guild (None: DMs), newest first: the running ones, or the ended ones."""
        state = jobs.c.state.in_(UNFINISHED_STATES if active else FINAL_STATES)
        query = (
            sa.select(jobs)
            .where(jobs.c.user_id == user_id, in_scope(guild_id), state)
            .order_by(jobs.c.created_at.desc())
            .limit(limit)
        )
        async with self.read() as connection:
            return [row_job(row) for row in await connection.execute(query)]

    async def live_lease_owners(self) -> set[str]:
        """The processes holding an unexpired lease on a runnable job: those running jobs now."""
        async with self.read() as connection:
            now = await database_now(connection, self._clock)
            query = sa.select(jobs.c.lease_owner).distinct().where(is_runnable(), jobs.c.lease_expires_at > now)
            return {row.lease_owner for row in await connection.execute(query) if row.lease_owner}
