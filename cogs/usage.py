"""`/usage`: a member's standing, privately: images used and left today, the reset time, running and
queued jobs with their place in line, and the last few jobs."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.catalogue import locale, text
from discord_side.launcher import member_role_ids
from discord_side.texts import credits_text, inert, number, outcome_label, shorten
from services.core.clock import Clock
from services.core.models import Job, JobState
from services.engine.jobs import JobEngine
from services.quotas.limits import UNLIMITED, UNLIMITED_CREDITS, Limits, next_reset, usage_day, usage_month
from services.quotas.service import QuotaService
from services.storage.job_rows import EVERYWHERE, GUILD_TOTAL
from services.storage.job_store import Store

RECENT_JOBS = 5


def _count(value: int) -> str:
    return text("unlimited") if value >= UNLIMITED else str(value)


def _when(moment: float) -> str:
    return discord.utils.format_dt(datetime.fromtimestamp(moment, UTC), "R")


def limits_lines(limits: Limits, used: int) -> list[str]:
    """The member's limits and what is left of the daily one."""
    if limits.blocked:
        return [text("usage-blocked")]
    daily = limits.user_daily_images
    left = _count(daily if daily >= UNLIMITED else max(0, daily - used))
    active = _count(limits.max_active_jobs)
    if limits.cooldown_seconds:
        extra = text("usage-active-jobs-cooldown", limit=active, seconds=number(limits.cooldown_seconds))
    else:
        extra = text("usage-active-jobs", limit=active)
    if limits.exempt:
        extra = text("usage-exempt", limits=extra)
    return [text("usage-images-today", used=used, limit=_count(daily), left=left), extra]


def job_line(job: Job, position: int | None) -> str:
    """One job: id, state (or place in line), count and prompt."""
    if job.state == JobState.DELIVERED:
        state = text("usage-job-delivered", outcome=outcome_label(job.state), count=job.images_delivered)
    elif job.state.is_final:
        state = outcome_label(job.state)
    elif position is not None:
        state = text("usage-job-queued", position=position)
    else:
        state = text("usage-job-running", state=outcome_label(job.state))
    prompt = inert(shorten(job.options.prompt, 60))
    return text("usage-job", job_id=job.id, state=state, when=_when(job.created_at), prompt=prompt)


def _is_admin(interaction: discord.Interaction) -> bool:
    return interaction.permissions.manage_guild or interaction.permissions.administrator


class UsageCog(commands.Cog):
    """Shows members where they stand."""

    def __init__(self, store: Store, quota: QuotaService, engine: JobEngine, clock: Clock) -> None:
        self._store = store
        self._quota = quota
        self._engine = engine
        self._clock = clock

    @app_commands.command(name="usage", description=locale("usage-description"))
    async def usage(self, interaction: discord.Interaction) -> None:
        """Answer privately with the caller's standing."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self._clock.now()
        day, guild_id, user_id = usage_day(now), interaction.guild_id, interaction.user.id
        limits = await self._quota.limits_for(guild_id, user_id, member_role_ids(interaction))
        used = await self._store.images_used(user_id, day, guild_id)
        title = text("usage-title-guild") if guild_id else text("usage-title-dm")
        lines = [title, *limits_lines(limits, used)]
        everywhere = await self._store.images_used(user_id, day, EVERYWHERE)
        lines.append(text("usage-person-today", used=everywhere, limit=_count(limits.person_daily_images)))
        if guild_id and limits.guild_daily_images < UNLIMITED:
            total = await self._store.images_used(GUILD_TOTAL, day, guild_id)
            lines.append(text("usage-guild-today", used=total, limit=limits.guild_daily_images))
        if guild_id and _is_admin(interaction):
            spent = await self._store.credits_booked(guild_id, usage_month(now))
            budget = limits.guild_monthly_credits
            shown = text("unlimited") if budget >= UNLIMITED_CREDITS else credits_text(budget)
            lines.append(text("usage-guild-credits", used=credits_text(spent), limit=shown))
        lines.append(text("usage-resets", when=discord.utils.format_dt(next_reset(now), "R")))
        active = await self._store.user_jobs(user_id, guild_id, active=True)
        recent = await self._store.user_jobs(user_id, guild_id, active=False, limit=RECENT_JOBS)
        if active:
            lines += ["", text("usage-active-title")]
            lines += [job_line(job, self._engine.queue_position(job.id)) for job in active]
        lines += ["", text("usage-recent-title") if recent else text("usage-no-recent")]
        lines += [job_line(job, None) for job in recent]
        await interaction.followup.send("\n".join(lines)[:2000], ephemeral=True)
