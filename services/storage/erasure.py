"""Forgetting: ended jobs and old usage past the retention period, and a member's data on request."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from services.storage.database import StoreCore, completes_on_cancel
from services.storage.job_rows import FINAL_STATES
from services.storage.tables import (
    budget_alerts,
    credit_usage,
    daily_usage,
    jobs,
    member_overrides,
    result_reports,
)

PURGE_BATCH_ROWS = 500


class Erasure(StoreCore):
    """Retention and erasure of stored jobs and usage."""

    async def purge_older_than(self, cutoff: float, *, batch: int = PURGE_BATCH_ROWS) -> int:
        """Delete ended jobs last changed before `cutoff` and usage of days before it; returns jobs deleted.
        At most `batch` rows go per transaction, with a turn for other writes in between, so a large
        purge never holds the write path for long; cancelled, it stops after the batch in progress."""
        day = datetime.fromtimestamp(cutoff, UTC).strftime("%Y-%m-%d")
        old_jobs = sa.select(jobs.c.id).where(jobs.c.state.in_(FINAL_STATES), jobs.c.updated_at < cutoff)
        key = sa.tuple_(daily_usage.c.guild_id, daily_usage.c.user_id, daily_usage.c.day)
        old_usage = sa.select(daily_usage.c.guild_id, daily_usage.c.user_id, daily_usage.c.day).where(
            daily_usage.c.day < day
        )
        deleted = await self._delete_in_batches(jobs.delete(), jobs.c.id, old_jobs, batch)
        orphans = sa.select(result_reports.c.job_id).where(result_reports.c.job_id.not_in(sa.select(jobs.c.id)))
        await self._delete_in_batches(result_reports.delete(), result_reports.c.job_id, orphans, batch)
        await self._delete_in_batches(daily_usage.delete(), key, old_usage, batch)
        for table, columns in ((credit_usage, ("scope", "period")), (budget_alerts, ("budget", "period", "level"))):
            picked = [table.c[name] for name in columns]
            old = sa.select(*picked).where(_wholly_before(table.c.period, day))
            await self._delete_in_batches(table.delete(), sa.tuple_(*picked), old, batch)
        return deleted

    async def _delete_in_batches(
        self, delete: sa.Delete, key: sa.ColumnElement[Any], rows: sa.Select[Any], batch: int
    ) -> int:
        """Delete the rows `rows` selects (by `key`), `batch` at a time; returns how many."""
        deleted = 0
        while True:
            count = await self._delete_batch(delete.where(key.in_(rows.limit(batch))))
            deleted += count
            if count < batch:
                return deleted
            await asyncio.sleep(0)  # the other writers waiting go first

    @completes_on_cancel
    async def _delete_batch(self, delete: sa.Delete) -> int:
        async with self.write() as connection:
            return (await connection.execute(delete)).rowcount

    @completes_on_cancel
    async def erase_member(self, guild_id: int, user_id: int) -> int:
        """Delete every stored job, usage count and override of a member in a guild, and their name on the
        requests they decided as a moderator, and the reports they made or their results received; returns
        jobs deleted. The guild's own daily total keeps the
        images, so erasing cannot be used to exceed it."""
        async with self.write() as connection:
            theirs = sa.select(jobs.c.id).where(jobs.c.guild_id == guild_id, jobs.c.user_id == user_id)
            await connection.execute(
                result_reports.delete().where(
                    sa.or_(
                        result_reports.c.job_id.in_(theirs),
                        sa.and_(result_reports.c.guild_id == guild_id, result_reports.c.reporter_id == user_id),
                    )
                )
            )
            deleted = await connection.execute(
                jobs.delete().where(jobs.c.guild_id == guild_id, jobs.c.user_id == user_id)
            )
            await connection.execute(
                jobs.update().where(jobs.c.guild_id == guild_id, jobs.c.decided_by == user_id).values(decided_by=None)
            )
            await connection.execute(
                daily_usage.delete().where(daily_usage.c.guild_id == guild_id, daily_usage.c.user_id == user_id)
            )
            await connection.execute(
                member_overrides.delete().where(
                    member_overrides.c.guild_id == guild_id, member_overrides.c.user_id == user_id
                )
            )
            return deleted.rowcount


def _wholly_before(period: sa.ColumnElement[str], day: str) -> sa.ColumnElement[bool]:
    """Credit and alert periods (a UTC day "2026-11-18" or month "2026-11") that ended before `day`: days
    before it, and months before its month. The cutoff's own month runs on: its budget must not restart
    from zero (and "2026-11" sorts before "2026-11-18", so a plain comparison would delete it)."""
    month = day[:7]
    return sa.or_(period < month, sa.and_(period.like("____-__-__"), period < day))
