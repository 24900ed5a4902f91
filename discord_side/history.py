"""/history and `/imagine-admin history`: a member's delivered results in this server, newest first, a
page at a time, privately, each with a link to its message."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import discord

from discord_side.audit import message_link
from discord_side.catalogue import text
from discord_side.texts import inert, shorten
from services.core.models import Job
from services.storage.job_store import Store
from services.storage.result_reports import HISTORY_PAGE

PROMPT_CHARS = 60


class History:
    """Answers history requests from the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def answer(self, interaction: discord.Interaction, member: discord.abc.User, page: int) -> None:
        """Answer privately with page `page` (from 1) of `member`'s results in the interaction's server."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        jobs, total = await self._store.history(member.id, interaction.guild_id, page)
        await interaction.followup.send(
            history_text(jobs, total, page, member.mention), ephemeral=True, allowed_mentions=_NONE
        )


_NONE = discord.AllowedMentions.none()


def history_text(jobs: list[Job], total: int, page: int, member: str) -> str:
    """One page of results: when, the prompt (inert), how many images and a link to the message."""
    if not jobs:
        return text("history-empty")
    pages = max(1, math.ceil(total / HISTORY_PAGE))
    lines = [text("history-title", member=member, page=page, pages=pages)]
    lines += [_line(job) for job in jobs]
    return "\n".join(lines)[:2000]


def _line(job: Job) -> str:
    link = message_link(job.target.guild_id, job.target.channel_id, job.message_ids[0])
    count = text("job-images", count=job.images_delivered)
    when = discord.utils.format_dt(datetime.fromtimestamp(job.created_at, UTC), "R")
    return text(
        "history-line", when=when, prompt=inert(shorten(job.options.prompt, PROMPT_CHARS)), count=count, link=link
    )
