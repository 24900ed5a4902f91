"""What the job buttons do: Reroll (a new job charged to whoever clicks), Delete (the requester or a
member who can manage messages) and Cancel (the requester). Anyone else gets a private refusal."""

from __future__ import annotations

import logging

import discord

from cogs.launcher import JobLauncher
from cogs.messages import (
    CANCEL_TEXTS,
    DELETE_REFUSED_TEXT,
    DELETED_TEXT,
    NOT_YOURS_TEXT,
    UNKNOWN_JOB_TEXT,
)
from cogs.views import JobAction
from services.jobs import JobEngine
from services.store import Store

log = logging.getLogger(__name__)


class JobButtons:
    """Carries out clicks on job buttons; reached as `client.job_buttons` by `cogs.views.JobButton`."""

    def __init__(self, store: Store, engine: JobEngine, launcher: JobLauncher) -> None:
        self._store = store
        self._engine = engine
        self._launcher = launcher

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
