"""Starting a job from an interaction (the `/imagine` command or a Reroll click): acknowledge at once,
reserve the quota, store the job and hand it to the engine."""

from __future__ import annotations

import discord

from cogs.messages import SHUTTING_DOWN_TEXT, quota_text
from cogs.presenter import DiscordJobEvents
from services.errors import QuotaExceeded, ShuttingDown
from services.events import JobPhase
from services.image_fit import DEFAULT_UPLOAD_LIMIT
from services.jobs import JobEngine
from services.models import DeliveryTarget, GenerationOptions, Job
from services.quota_store import QuotaService


class JobLauncher:
    """Turns a validated request into a running job, answering the interaction within Discord's 3 s."""

    def __init__(self, engine: JobEngine, events: DiscordJobEvents, quota: QuotaService) -> None:
        self._engine = engine
        self._events = events
        self._quota = quota

    async def launch(self, interaction: discord.Interaction, options: GenerationOptions) -> Job | None:
        """Defer, reserve and start; on refusal answer privately and return None."""
        if not self._engine.accepting:
            await interaction.response.send_message(SHUTTING_DOWN_TEXT, ephemeral=True)
            return None
        await interaction.response.defer(thinking=True)
        target = DeliveryTarget(
            channel_id=interaction.channel_id or 0,
            guild_id=interaction.guild_id,
            application_id=interaction.application_id,
            interaction_token=interaction.token,
            interaction_created_at=interaction.created_at.timestamp(),
            upload_limit=interaction.filesize_limit or DEFAULT_UPLOAD_LIMIT,
        )
        role_ids = [role.id for role in getattr(interaction.user, "roles", [])]
        limits = await self._quota.limits_for(interaction.guild_id, interaction.user.id, role_ids)
        try:
            job = await self._engine.accept(interaction.user.id, options, target, limits)
        except (QuotaExceeded, ShuttingDown) as error:
            await interaction.delete_original_response()
            text = quota_text(error) if isinstance(error, QuotaExceeded) else SHUTTING_DOWN_TEXT
            await interaction.followup.send(text, ephemeral=True)
            return None
        await self._events.job_changed(job, JobPhase.QUEUED)
        self._engine.start(job)
        return job
