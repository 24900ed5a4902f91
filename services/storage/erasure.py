"""Forgetting: ended jobs and old usage past the retention period, and a member's data on request."""

from __future__ import annotations

from datetime import UTC, datetime

from services.storage.database import StoreCore, completes_on_cancel
from services.storage.job_rows import FINAL_STATES
from services.storage.tables import daily_usage, jobs, member_overrides


class Erasure(StoreCore):
    """Retention and erasure of stored jobs and usage."""

    @completes_on_cancel
    async def purge_older_than(self, cutoff: float) -> int:
        """Delete ended jobs last changed before `cutoff` and usage of days before it; returns jobs deleted."""
        day = datetime.fromtimestamp(cutoff, UTC).strftime("%Y-%m-%d")
        async with self.write() as connection:
            deleted = await connection.execute(
                jobs.delete().where(jobs.c.state.in_(FINAL_STATES), jobs.c.updated_at < cutoff)
            )
            await connection.execute(daily_usage.delete().where(daily_usage.c.day < day))
            return deleted.rowcount

    @completes_on_cancel
    async def erase_member(self, guild_id: int, user_id: int) -> int:
        """Delete every stored job, usage count and override of a member in a guild; returns jobs deleted.
        The guild's own daily total keeps the images, so erasing cannot be used to exceed it."""
        async with self.write() as connection:
            deleted = await connection.execute(
                jobs.delete().where(jobs.c.guild_id == guild_id, jobs.c.user_id == user_id)
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
