"""`/usage`: a member's standing, privately: images used and left today, the reset time, running and
queued jobs with their place in line, and the last few jobs."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.launcher import member_role_ids
from discord_side.texts import OUTCOME_LABELS, inert, shorten
from services.core.clock import Clock
from services.core.models import Job, JobState
from services.engine.jobs import JobEngine
from services.quotas.limits import UNLIMITED, Limits, next_reset, usage_day
from services.quotas.service import QuotaService
from services.storage.job_store import Store

RECENT_JOBS = 5


def _count(value: int) -> str:
    return "unlimited" if value >= UNLIMITED else str(value)


def _when(moment: float) -> str:
    return discord.utils.format_dt(datetime.fromtimestamp(moment, UTC), "R")


def limits_lines(limits: Limits, used: int) -> list[str]:
    """The member's limits and what is left of the daily one."""
    if limits.blocked:
        return ["🚫 An admin has blocked you from generating images here."]
    left = "unlimited" if limits.user_daily_images >= UNLIMITED else str(max(0, limits.user_daily_images - used))
    lines = [f"🖼️ Images today: **{used}** used of {_count(limits.user_daily_images)}, **{left}** left"]
    extra = f"🚦 Up to {_count(limits.max_active_jobs)} job(s) queued or running at once"
    if limits.cooldown_seconds:
        extra += f", {limits.cooldown_seconds:g} s between requests"
    lines.append(extra + (" (your role is exempt from the per-member limits)" if limits.exempt else ""))
    return lines


def job_line(job: Job, position: int | None) -> str:
    """One job: id, state (or place in line), count and prompt."""
    if job.state.is_final:
        state = OUTCOME_LABELS[job.state]
        if job.state == JobState.DELIVERED:
            state += f" ({job.images_delivered} image{'s' if job.images_delivered != 1 else ''})"
    elif position is not None:
        state = f"⏳ queued, #{position} in line"
    else:
        state = f"🎨 {job.state.value}"
    prompt = inert(shorten(job.options.prompt, 60))
    return f"`{job.id}` {state} · {_when(job.created_at)} · {prompt}"


class UsageCog(commands.Cog):
    """Shows members where they stand."""

    def __init__(self, store: Store, quota: QuotaService, engine: JobEngine, clock: Clock) -> None:
        self._store = store
        self._quota = quota
        self._engine = engine
        self._clock = clock

    @app_commands.command(name="usage", description="Your images today, your limits and your recent jobs")
    async def usage(self, interaction: discord.Interaction) -> None:
        """Answer privately with the caller's standing."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self._clock.now()
        day, guild_id, user_id = usage_day(now), interaction.guild_id, interaction.user.id
        limits = await self._quota.limits_for(guild_id, user_id, member_role_ids(interaction))
        used = await self._store.images_used(user_id, day, guild_id)
        where = "in this server" if guild_id else "in direct messages"
        lines = [f"**Your usage {where}**", *limits_lines(limits, used)]
        if guild_id and limits.guild_daily_images < UNLIMITED:
            total = await self._store.images_used(0, day, guild_id)
            lines.append(f"🏠 This server today: {total} of {limits.guild_daily_images} images")
        lines.append(f"🔄 Daily limits reset {discord.utils.format_dt(next_reset(now), 'R')}")
        active = await self._store.user_jobs(user_id, guild_id, active=True)
        recent = await self._store.user_jobs(user_id, guild_id, active=False, limit=RECENT_JOBS)
        if active:
            lines.append("\n**Running and queued**")
            lines += [job_line(job, self._engine.queue_position(job.id)) for job in active]
        lines.append("\n**Recent jobs**" if recent else "\nNo finished jobs yet.")
        lines += [job_line(job, None) for job in recent]
        await interaction.followup.send("\n".join(lines)[:2000], ephemeral=True)
