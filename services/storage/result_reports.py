"""Reports of results (once per member per result) and a member's history of delivered results."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from services.core.models import Job, JobState
from services.storage.database import StoreCore, completes_on_cancel
from services.storage.job_rows import in_scope, row_job
from services.storage.tables import jobs, result_reports

HISTORY_PAGE = 5


class ResultReports(StoreCore):
    """Who reported which result, and the results a member received."""

    @completes_on_cancel
    async def add_report(self, job_id: str, reporter_id: int, guild_id: int | None, locale: str | None = None) -> bool:
        """Record that `reporter_id` reported the result of `job_id`, with their Discord locale (what
        their outcome DM speaks); False if they already had."""
        row = {
            "job_id": job_id,
            "reporter_id": reporter_id,
            "guild_id": guild_id,
            "created_at": self._clock(),
            "locale": locale,
        }
        insert = (sqlite.insert if self._is_sqlite else postgresql.insert)(result_reports).values(**row)
        # One statement: two clicks at once (or two processes) record one report, and the second learns so.
        statement = insert.on_conflict_do_nothing(index_elements=["job_id", "reporter_id"])
        async with self.write() as connection:
            return bool((await connection.execute(statement)).rowcount)

    @completes_on_cancel
    async def open_review(self, job_id: str) -> bool:
        """Mark `job_id`'s result as under review; True for the one caller who opened it (one statement:
        two reports at once, or two processes, open one review), False if a review was open already."""
        statement = jobs.update().where(jobs.c.id == job_id, jobs.c.review_open == sa.false()).values(review_open=True)
        async with self.write() as connection:
            return bool((await connection.execute(statement)).rowcount)

    async def under_review(self, job_id: str) -> bool:
        """Whether `job_id`'s result was reported and waits for a moderator's decision."""
        async with self.read() as connection:
            query = sa.select(jobs.c.review_open).where(jobs.c.id == job_id)
            return bool((await connection.execute(query)).scalar())

    @completes_on_cancel
    async def withdraw_report(self, job_id: str, reporter_id: int) -> None:
        """Forget `reporter_id`'s report of `job_id` and the review it opened (its card never reached the
        moderators: they may try again)."""
        statement = result_reports.delete().where(
            result_reports.c.job_id == job_id, result_reports.c.reporter_id == reporter_id
        )
        async with self.write() as connection:
            await connection.execute(statement)
            await connection.execute(jobs.update().where(jobs.c.id == job_id).values(review_open=False))

    @completes_on_cancel
    async def close_reports(self, job_id: str) -> None:
        """Forget every report of `job_id` and close its review: a moderator restored or deleted it."""
        async with self.write() as connection:
            await connection.execute(result_reports.delete().where(result_reports.c.job_id == job_id))
            await connection.execute(jobs.update().where(jobs.c.id == job_id).values(review_open=False))

    async def reporters(self, job_id: str) -> list[int]:
        """Everyone who reported the result of `job_id`, first reporter first."""
        query = (
            sa.select(result_reports.c.reporter_id)
            .where(result_reports.c.job_id == job_id)
            .order_by(result_reports.c.created_at)
        )
        async with self.read() as connection:
            return [row.reporter_id for row in await connection.execute(query)]

    async def reporter_locales(self, job_id: str) -> list[tuple[int, str | None]]:
        """Everyone who reported the result of `job_id` with the Discord locale they reported in (None
        for a report stored before it was recorded), first reporter first."""
        query = (
            sa.select(result_reports.c.reporter_id, result_reports.c.locale)
            .where(result_reports.c.job_id == job_id)
            .order_by(result_reports.c.created_at)
        )
        async with self.read() as connection:
            return [(row.reporter_id, row.locale) for row in await connection.execute(query)]

    async def history(self, user_id: int, guild_id: int | None, page: int) -> tuple[list[Job], int]:
        """A page (from 1) of a member's delivered results in a guild, newest first, and how many in all."""
        where = (
            jobs.c.user_id == user_id,
            in_scope(guild_id),
            jobs.c.state == JobState.DELIVERED.value,
            jobs.c.message_ids.is_not(None),
        )
        query = (
            sa.select(jobs)
            .where(*where)
            .order_by(jobs.c.created_at.desc(), jobs.c.id)
            .offset((max(page, 1) - 1) * HISTORY_PAGE)
            .limit(HISTORY_PAGE)
        )
        async with self.read() as connection:
            total = (await connection.execute(sa.select(sa.func.count()).select_from(jobs).where(*where))).scalar()
            return [row_job(row) for row in await connection.execute(query)], int(total or 0)
