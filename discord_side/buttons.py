"""What the job buttons do: Reroll (a new job charged to whoever clicks), Delete (the requester or a
member who can manage messages), Cancel (the requester), and on approval requests Approve and Reject
(members who can manage messages; a rejection may carry a reason). Anyone else is refused privately."""

from __future__ import annotations

import logging

import discord

from discord_side.audit import AuditLog, approval_hint
from discord_side.catalogue import text
from discord_side.error_text import answer_error
from discord_side.launcher import JobLauncher
from discord_side.refusals import CannotDelete, NotAModerator, NotTheRequester, UnknownJob
from discord_side.texts import cancel_text, inert, shorten
from discord_side.views import JobAction
from services.core.models import Job
from services.engine.jobs import JobEngine
from services.storage.job_store import Store

log = logging.getLogger(__name__)


class RejectModal(discord.ui.Modal):
    """Asks the moderator for an optional reason, shown to the requester."""

    def __init__(self, buttons: JobButtons, job_id: str) -> None:
        super().__init__(title=text("reject-form-title"), timeout=600)
        self.reason: discord.ui.TextInput[RejectModal] = discord.ui.TextInput(
            label=text("reject-form-reason"), required=False, max_length=300, style=discord.TextStyle.paragraph
        )
        self.add_item(self.reason)
        self._buttons = buttons
        self._job_id = job_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Reject the job with the reason given."""
        await self._buttons.finish_rejection(interaction, self._job_id, self.reason.value or "")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Answer like any command or button does."""
        await answer_error(interaction, error)


class JobButtons:
    """Checks and carries out clicks on job buttons; reached as `client.job_buttons` by
    `discord_side.views.JobButton`."""

    def __init__(self, store: Store, engine: JobEngine, launcher: JobLauncher, audit: AuditLog) -> None:
        self._store = store
        self._engine = engine
        self._launcher = launcher
        self._audit = audit

    async def check(self, interaction: discord.Interaction, action: JobAction, job_id: str) -> Job:
        """The job, if the member may do `action` on it: anyone may reroll, the requester cancel, the
        requester or a member who can manage messages delete, only the latter approve or reject."""
        job = await self._store.get_job(job_id)
        if job is None:
            raise UnknownJob(job_id)
        is_requester = interaction.user.id == job.user_id
        can_manage = interaction.permissions.manage_messages
        if action == JobAction.CANCEL and not is_requester:
            raise NotTheRequester(job_id)
        if action == JobAction.DELETE and not (is_requester or can_manage):
            raise CannotDelete(job_id)
        if action in {JobAction.APPROVE, JobAction.REJECT} and not can_manage:
            raise NotAModerator(job_id)
        return job

    async def handle(self, interaction: discord.Interaction, action: JobAction, job: Job) -> None:
        """Carry out a checked click."""
        if action == JobAction.REROLL:
            await self._launcher.launch(interaction, job.options)
        elif action == JobAction.CANCEL:
            await interaction.response.defer(ephemeral=True, thinking=True)
            outcome = await self._engine.cancel(job.id)
            await interaction.followup.send(cancel_text(outcome.value), ephemeral=True)
        elif action == JobAction.DELETE:
            await interaction.response.defer()
            await interaction.delete_original_response()
            log.info("job %s: result deleted by %s", job.id, interaction.user.id)
            await interaction.followup.send(text("deleted"), ephemeral=True)
            await self._audit.deleted(job, interaction.user.id)
        elif action == JobAction.APPROVE:
            await interaction.response.defer()
            approved = await self._engine.approve(job.id)
            moderator = f"<@{interaction.user.id}>"
            verdict = text("approval-approved", moderator=moderator) if approved else _no_longer_waits()
            await self._close_request(interaction, verdict)
        elif action == JobAction.REJECT:
            await interaction.response.send_modal(RejectModal(self, job.id))

    async def finish_rejection(self, interaction: discord.Interaction, job_id: str, reason: str) -> None:
        """The moderator submitted the rejection form."""
        await interaction.response.defer()
        rejected = await self._engine.reject(job_id, reason)
        moderator = f"<@{interaction.user.id}>"
        if not rejected:
            verdict = _no_longer_waits()
        elif reason.strip():
            verdict = text("approval-rejected-reason", moderator=moderator, reason=inert(shorten(reason, 300)))
        else:
            verdict = text("approval-rejected", moderator=moderator)
        await self._close_request(interaction, verdict)

    @staticmethod
    async def _close_request(interaction: discord.Interaction, verdict: str) -> None:
        # The approval request keeps its text, loses its buttons and says who decided.
        content = (interaction.message.content if interaction.message else "").split("\n" + approval_hint())[0]
        try:
            await interaction.edit_original_response(
                content=f"{content}\n{verdict}"[:2000], view=None, allowed_mentions=discord.AllowedMentions.none()
            )
        except discord.HTTPException as error:
            log.warning("could not update an approval request (%s %s)", error.status, error.code)


def _no_longer_waits() -> str:
    return text("approval-no-longer-waits")
