"""The audit log: every job, refusal, deletion and settings change of a guild, posted without pings in
the channel its admins chose; approval requests wait there with Approve and Reject buttons.

Entries go through `audit_queue` (queued per channel, posted in the background at the channel's pace),
so a busy audit channel never holds a job or a command; only approval requests, whose buttons must be
posted before the job can wait on them, are posted at once."""

from __future__ import annotations

import logging
from collections.abc import Callable

import discord

from discord_side.audit_queue import AuditQueue
from discord_side.catalogue import LANGUAGES, speaking, text, text_in
from discord_side.problem_text import failure_reason_text, stored_detail_text
from discord_side.server_language import ServerLanguages
from discord_side.texts import budget_alert_text, inert, job_size, outcome_label, shorten
from discord_side.views import approval_view
from services.core.clock import Clock
from services.core.models import Job, JobState
from services.engine.budget_watch import BudgetAlert
from services.quotas.limits import OverBudget
from services.storage.moderation_settings import ModerationSettings

log = logging.getLogger(__name__)

AUDIT_PROMPT_CHARS = 500


def message_link(guild_id: int | None, channel_id: int, message_id: int) -> str:
    """A jump link to a message."""
    return f"https://discord.com/channels/{guild_id or '@me'}/{channel_id}/{message_id}"


def job_summary(job: Job) -> str:
    """Who asked for what, where, with which options."""
    return text(
        "audit-job" if job.options.prompt_extend else "audit-job-no-extend",
        job_id=job.id,
        user=f"<@{job.user_id}>",
        channel=f"<#{job.target.channel_id}>",
        size=job_size(job),
        count=job.options.n,
        prompt=_prompt(job.options.prompt),
    ) + _inputs(job)


def _inputs(job: Job) -> str:
    """The images a job starts from, as links (the approval request and the job's entries show them)."""
    if not job.options.images:
        return ""
    links = " ".join(f"<{image.url}>" for image in job.options.images)
    return "\n" + text("audit-inputs", count=len(job.options.images), links=links)


def approval_hint() -> str:
    """The line under an approval request saying who may decide (dropped once someone has)."""
    return text("audit-approval-hint")


def approval_hints() -> tuple[str, ...]:
    """That line in every language (a request is closed whatever language it was posted in)."""
    return tuple(dict.fromkeys(text_in(code, "audit-approval-hint") for code in LANGUAGES))


def _prompt(prompt: str) -> str:
    return inert(shorten(prompt, AUDIT_PROMPT_CHARS))


class AuditLog:
    """Posts to a guild's audit channel, if it has one; a failure to post is logged, never raised. Its
    entries are queued (they return at once); `close` posts what waits at shutdown."""

    def __init__(
        self, client: discord.Client, moderation: ModerationSettings, clock: Clock, languages: ServerLanguages
    ) -> None:
        self._client = client
        self.languages = languages
        self._moderation = moderation
        self._queue = AuditQueue(self._post_entries, clock)

    async def close(self, timeout: float) -> None:
        """Post the entries that wait (for at most `timeout` seconds) and stop: at shutdown, once the jobs
        have stopped and before the client closes."""
        await self._queue.close(timeout)

    def _log(self, guild_id: int | None, content: str) -> None:
        """Queue an entry for the guild's audit channel (direct messages have none)."""
        if guild_id is not None:
            self._queue.put(guild_id, content)

    async def _post_entries(self, guild_id: int, content: str) -> None:
        await self.post(guild_id, content)

    async def channel_for(self, guild_id: int | None) -> int | None:
        """The guild's audit channel id, if set."""
        if guild_id is None:
            return None
        return (await self._moderation.policy(guild_id)).audit_channel_id

    async def post(
        self, guild_id: int | None, content: str, view: discord.ui.View | None = None
    ) -> discord.Message | None:
        """Post `content` (no pings) to the guild's audit channel now; None if there is none or it failed."""
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
        """A job that ended without images: failed, cancelled, expired or rejected, and why (queued)."""
        with speaking(self.languages.public(job.target.guild_id)):
            lines = [text("audit-ended", outcome=outcome_label(job.state), job=job_summary(job))]
            if job.failure_reason is not None:
                detail = inert(shorten(stored_detail_text(job.failure_detail) or "", 200))
                lines.append(text("audit-ended-reason", reason=failure_reason_text(job.failure_reason), detail=detail))
            if job.state == JobState.CANCELLED and job.images_charged:
                lines.append(text("audit-ended-charged", charged=job.images_charged))
            self._log(job.target.guild_id, "\n".join(lines))

    async def delivered(self, job: Job, message_ids: tuple[int, ...], count: int) -> None:
        """A job whose images were posted, with a link to them (queued)."""
        with speaking(self.languages.public(job.target.guild_id)):
            link = message_link(job.target.guild_id, job.target.channel_id, message_ids[0]) if message_ids else ""
            where = text("audit-delivered-privately") if job.target.ephemeral else link
            self._log(job.target.guild_id, text("audit-delivered", job=job_summary(job), count=count, where=where))

    async def request_approval(self, job: Job) -> bool:
        """Post the prompt with Approve and Reject buttons; False if there is no audit channel to post in."""
        with speaking(self.languages.public(job.target.guild_id)):
            content = f"{text('audit-approval-request', job=job_summary(job))}\n{approval_hint()}"
            return await self.post(job.target.guild_id, content, view=approval_view(job)) is not None

    async def refused(
        self, guild_id: int | None, user_id: int, channel_id: int, prompt: str, why: str | Callable[[], str]
    ) -> None:
        """A request refused by the policy or a quota (the audit log names the term; the user is not told;
        queued)."""
        with speaking(self.languages.public(guild_id)):
            content = text(
                "audit-refused",
                user=f"<@{user_id}>",
                channel=f"<#{channel_id}>",
                why=why() if callable(why) else why,
                prompt=_prompt(prompt),
            )
            self._log(guild_id, content)

    async def deleted(self, job: Job, by_user_id: int) -> None:
        """A result deleted through its Delete button (queued)."""
        with speaking(self.languages.public(job.target.guild_id)):
            self._log(job.target.guild_id, text("audit-deleted", user=f"<@{by_user_id}>", job=job_summary(job)))

    async def reported(self, job: Job, by_user_id: int) -> None:
        """A member reported a result (queued)."""
        with speaking(self.languages.public(job.target.guild_id)):
            self._log(job.target.guild_id, text("audit-reported", user=f"<@{by_user_id}>", job=job_summary(job)))

    async def review_action(self, job: Job, by_user_id: int, action: str) -> None:
        """A moderator acted on a reported result: restored, deleted, blocked its requester, added a term."""
        with speaking(self.languages.public(job.target.guild_id)):
            summary = job_summary(job)
            self._log(
                job.target.guild_id, text("audit-review-action", user=f"<@{by_user_id}>", action=action, job=summary)
            )

    async def budget_alert(self, alert: BudgetAlert, over_budget: OverBudget) -> None:
        """The server's budget reached 80% or 100% (queued); at 100%, what happens now."""
        with speaking(self.languages.public(alert.guild_id)):
            self._log(alert.guild_id, budget_alert_text(alert, over_budget))

    async def setting_changed(self, guild_id: int, by_user_id: int, change: str | Callable[[], str]) -> None:
        """An admin changed a setting (queued); `change` composes its text in the language spoken."""
        with speaking(self.languages.public(guild_id)):
            self._log(
                guild_id,
                text("audit-setting-changed", user=f"<@{by_user_id}>", change=change() if callable(change) else change),
            )
