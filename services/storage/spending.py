"""What a guild spent, day by day, and who spent most: the images of its daily totals and the credits of
its days (`credit_usage`), for its admins' chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from services.storage.database import StoreCore
from services.storage.job_rows import GUILD_TOTAL
from services.storage.tables import credit_usage, daily_usage


@dataclass(frozen=True)
class DaySpend:
    """One UTC day of a guild: its images and its credits (thousandths)."""

    day: str
    images: int
    credits: int


class SpendingQueries(StoreCore):
    """Reads of a guild's spending."""

    async def guild_spending(self, guild_id: int, days: Sequence[str]) -> list[DaySpend]:
        """Each of `days` (UTC days, in the order given) with the guild's images and credits (0 where none)."""
        image_rows = sa.select(daily_usage.c.day, daily_usage.c.used).where(
            daily_usage.c.guild_id == guild_id, daily_usage.c.user_id == GUILD_TOTAL, daily_usage.c.day.in_(days)
        )
        credit_rows = sa.select(credit_usage.c.period, credit_usage.c.used).where(
            credit_usage.c.scope == guild_id, credit_usage.c.period.in_(days)
        )
        async with self.read() as connection:
            images = {row.day: row.used for row in await connection.execute(image_rows)}
            credits = {row.period: row.used for row in await connection.execute(credit_rows)}
        return [DaySpend(day, int(images.get(day, 0)), int(credits.get(day, 0))) for day in days]

    async def top_members(self, guild_id: int, days: Sequence[str], limit: int = 5) -> list[tuple[int, int]]:
        """The members of a guild with the most images over `days`: (user id, images), most first."""
        total = sa.func.sum(daily_usage.c.used).label("images")
        query = (
            sa.select(daily_usage.c.user_id, total)
            .where(
                daily_usage.c.guild_id == guild_id,
                daily_usage.c.user_id != GUILD_TOTAL,
                daily_usage.c.day.in_(days),
            )
            .group_by(daily_usage.c.user_id)
            .having(total > 0)
            .order_by(total.desc(), daily_usage.c.user_id)
            .limit(limit)
        )
        async with self.read() as connection:
            return [(int(row.user_id), int(row.images)) for row in await connection.execute(query)]
