"""What the job buttons do: Reroll (a new job charged to whoever clicks), Delete (the requester or a
member who can manage messages), Cancel (the requester), and on approval requests Approve and Reject
(members who can manage messages; a rejection may carry a reason). Anyone else is refused privately."""

from __future__ import annotations

import logging

import discord

from discord_side.audit import AuditLog
from discord_side.launcher import JobLauncher
from discord_side.texts import (
    CANCEL_TEXTS,
    DELETE_REFUSED_TEXT,
    DELETED_TEXT,
    NOT_A_MODERATOR_TEXT,
    NOT_YOURS_TEXT,
    UNKNOWN_JOB_TEXT,
    inert,
    shorten,
)
from discord_side.views import JobAction
from services.engine.jobs import JobEngine
from services.storage.job_store import Store

log = logging.getLogger(__name__)


class RejectModal(discord.ui.Modal, title="Reject this prompt"):
    """Asks the moderator for an optional reason, shown to the requester."""

    reason: discord.ui.TextInput[RejectModal] = discord.ui.TextInput(
        label="Reason (shown to the requester)", required=False, max_length=300, style=discord.TextStyle.paragraph
    )

    def __init__(self, buttons: JobButtons, job_id: str) -> None:
        super().__init__(timeout=600)
        self._buttons = buttons
        self._job_id = job_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Reject the job with the reason given."""
        await self._buttons.finish_rejection(interaction, self._job_id, self.reason.value or "")


class JobButtons:
    """Carries out clicks on job buttons; reached as `client.job_buttons` by `cogs.views.JobButton`."""

    def __init__(self, store: Store, engine: JobEngine, launcher: JobLauncher, audit: AuditLog) -> None:
        self._store = store
        self._engine = engine
        self._launcher = launcher
        self._audit = audit

    async def handle(self, interaction: discord.Interaction, action: JobAction, job_id: str) -> None:
        """React to a click."""
        job = await self._store.get_job(job_id)
        if job is None:
            await interaction.response.send_message(UNKNOWN_JOB_TEXT, ephemeral=True)
            return
        is_requester = interaction.user.id == job.user_id
        if action == JobAction.REROLL:
            await self._launcher.launch(interaction, job.options)
        elif action == JobAction.CANCEL:
            if not is_requester:
                await interaction.response.send_message(NOT_YOURS_TEXT.format(action="cancel"), ephemeral=True)
                return
            await interaction.response.defer(ephemeral=True, thinking=True)
            outcome = await self._engine.cancel(job_id)
            await interaction.followup.send(CANCEL_TEXTS[outcome.value], ephemeral=True)
        elif action == JobAction.DELETE:
            if not (is_requester or interaction.permissions.manage_messages):
                await interaction.response.send_message(DELETE_REFUSED_TEXT, ephemeral=True)
                return
            await interaction.response.defer()
            await interaction.delete_original_response()
            log.info("job %s: result deleted by %s", job_id, interaction.user.id)
            await interaction.followup.send(DELETED_TEXT, ephemeral=True)
            await self._audit.deleted(job, interaction.user.id)
        elif not interaction.permissions.manage_messages:
            await interaction.response.send_message(NOT_A_MODERATOR_TEXT, ephemeral=True)
        elif action == JobAction.APPROVE:
            await interaction.response.defer()
            approved = await self._engine.approve(job_id)
            verdict = f"✅ approved by <@{interaction.user.id}>" if approved else "(this request no longer waits)"
            await self._close_request(interaction, verdict)
        elif action == JobAction.REJECT:
            await interaction.response.send_modal(RejectModal(self, job_id))

    async def finish_rejection(self, interaction: discord.Interaction, job_id: str, reason: str) -> None:
        """The moderator submitted the rejection form."""
        await interaction.response.defer()
        rejected = await self._engine.reject(job_id, reason)
        shown = f": {inert(shorten(reason, 300))}" if reason.strip() else ""
        verdict = f"⛔ rejected by <@{interaction.user.id}>{shown}" if rejected else "(this request no longer waits)"
        await self._close_request(interaction, verdict)

    @staticmethod
    async def _close_request(interaction: discord.Interaction, verdict: str) -> None:
        # The approval request keeps its text, loses its buttons and says who decided.
        content = (interaction.message.content if interaction.message else "").split("\nMembers who can")[0]
        try:
            await interaction.edit_original_response(
                content=f"{content}\n{verdict}"[:2000], view=None, allowed_mentions=discord.AllowedMentions.none()
            )
        except discord.HTTPException as error:
            log.warning("could not update an approval request (%s %s)", error.status, error.code)
