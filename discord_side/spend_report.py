"""`/imagine-admin spend`: a chart of the server's last 30 days (images and credits per day, drawn off the
event loop) with its credits this month against its budget and its top members, privately. The chart has
no words (Pillow's font lacks many scripts): its title and legend open the message, in the member's
language."""

from __future__ import annotations

import io

import discord

from discord_side.catalogue import text
from discord_side.texts import credits_text
from services.core.clock import Clock
from services.images.spend_chart import CHART_FILENAME, ChartDays, render_spend_chart
from services.quotas.credits import as_credits
from services.quotas.limits import UNLIMITED_CREDITS, Limits, usage_day, usage_month
from services.storage.job_store import Store

SPEND_DAYS = 30
TOP_MEMBERS = 5


class SpendReport:
    """Builds the spend report of a guild from the store."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def build(self, guild_id: int, limits: Limits) -> tuple[str, discord.File]:
        """The report's text and its chart (a PNG attachment)."""
        now = self._clock.now()
        days = [usage_day(now - 86400 * back) for back in reversed(range(SPEND_DAYS))]
        spending = await self._store.guild_spending(guild_id, days)
        top = await self._store.top_members(guild_id, days, TOP_MEMBERS)
        month = await self._store.credits_booked(guild_id, usage_month(now))
        images, credits = [day.images for day in spending], [as_credits(day.credits) for day in spending]
        chart = await render_spend_chart(images, credits, ChartDays(days[0], days[-1]))
        budget = limits.guild_monthly_credits
        lines = [
            text("spend-chart-legend", days=SPEND_DAYS),
            text(
                "spend-summary",
                days=SPEND_DAYS,
                images=sum(day.images for day in spending),
                credits=credits_text(sum(day.credits for day in spending)),
            ),
            text(
                "usage-guild-credits",
                used=credits_text(month),
                limit=text("unlimited") if budget >= UNLIMITED_CREDITS else credits_text(budget),
            ),
            text("spend-top-title") if top else text("spend-no-members"),
            *(text("spend-top-member", user=f"<@{user}>", count=count) for user, count in top),
        ]
        return "\n".join(lines)[:2000], discord.File(io.BytesIO(chart), filename=CHART_FILENAME)
