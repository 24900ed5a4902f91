"""The audit log: every job, refusal, deletion and settings change of a guild, posted without pings in
the channel its admins chose; approval requests wait there with Approve and Reject buttons."""

from __future__ import annotations

import logging

import discord

from discord_side.texts import OUTCOME_LABELS, inert, shorten
from discord_side.views import approval_view
from services.core.models import Job, JobState
from services.storage.moderation_settings import ModerationSettings

log = logging.getLogger(__name__)

AUDIT_PROMPT_CHARS = 500


def message_link(guild_id: int | None, channel_id: int, message_id: int) -> str:
    """A jump link to a message."""
    return f"https://discord.com/channels/{guild_id or '@me'}/{channel_id}/{message_id}"


def job_summary(job: Job) -> str:
    """Who asked for what, where, with which options."""
    size = job.options.size or "default size"
    extend = "" if job.options.prompt_extend else " · prompt_extend off"
    return (
        f"job `{job.id}` · <@{job.user_id}> in <#{job.target.channel_id}> · `{size}` · n={job.options.n}{extend}\n"
        f"> {inert(shorten(job.options.prompt, AUDIT_PROMPT_CHARS))}"
    )


class AuditLog:
    """Posts to a guild's audit channel, if it has one; a failure to post is logged, never raised."""

    def __init__(self, client: discord.Client, moderation: ModerationSettings) -> None:
        self._client = client
        self._moderation = moderation

    async def channel_for(self, guild_id: int | None) -> int | None:
        """The guild's audit channel id, if set."""
        if guild_id is None:
            return None
        return (await self._moderation.policy(guild_id)).audit_channel_id

    async def post(
        self, guild_id: int | None, content: str, view: discord.ui.View | None = None
    ) -> discord.Message | None:
        """Post `content` (no pings) to the guild's audit channel; None if there is none or it failed."""
        channel_id = await self.channel_for(guild_id)
        if channel_id is None:
            return None
        channel = self._client.get_partial_messageable(channel_id, guild_id=guild_id)
        try:
            message = await channel.send(
                content=content[:2000],
                view=view or discord.utils.MISSING,
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.HTTPException as error:
            log.warning("audit log of guild %s: cannot post (%s %s)", guild_id, error.status, error.code)
            return None
        if view is not None:
            view.stop()
        return message

    async def job_ended(self, job: Job) -> None:
        """A job that ended without images: failed, cancelled, expired or rejected, and why."""
        outcome = OUTCOME_LABELS.get(job.state, job.state.value)
        lines = [f"{outcome} · {job_summary(job)}"]
        if job.failure_reason is not None:
            lines.append(f"reason: {job.failure_reason.value} ({inert(shorten(job.failure_detail or '', 200))})")
        if job.state == JobState.CANCELLED and job.images_charged:
            lines.append(f"{job.images_charged} image(s) produced before the cancel were counted")
        await self.post(job.target.guild_id, "\n".join(lines))

    async def delivered(self, job: Job, message_ids: tuple[int, ...], count: int) -> None:
        """A job whose images were posted, with a link to them."""
        link = message_link(job.target.guild_id, job.target.channel_id, message_ids[0]) if message_ids else ""
        where = "privately to the requester" if job.target.ephemeral else link
        await self.post(job.target.guild_id, f"🖼️ delivered · {job_summary(job)}\n{count} image(s) {where}")

    async def request_approval(self, job: Job) -> bool:
        """Post the prompt with Approve and Reject buttons; False if there is no audit channel to post in."""
        content = (
            f"🕒 **approval needed** · {job_summary(job)}\nMembers who can manage messages may approve or reject it."
        )
        return await self.post(job.target.guild_id, content, view=approval_view(job)) is not None

    async def refused(self, guild_id: int | None, user_id: int, channel_id: int, prompt: str, why: str) -> None:
        """A request refused by the policy or a quota (the audit log names the term; the user is not told)."""
        await self.post(
            guild_id,
            f"⛔ refused · <@{user_id}> in <#{channel_id}> · {why}\n> {inert(shorten(prompt, AUDIT_PROMPT_CHARS))}",
        )

    async def deleted(self, job: Job, by_user_id: int) -> None:
        """A result deleted through its Delete button."""
        await self.post(job.target.guild_id, f"🗑️ result deleted by <@{by_user_id}> · {job_summary(job)}")

    async def setting_changed(self, guild_id: int, by_user_id: int, change: str) -> None:
        """An admin changed a setting."""
        await self.post(guild_id, f"⚙️ <@{by_user_id}> {change}")
