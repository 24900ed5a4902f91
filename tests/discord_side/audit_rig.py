"""The audit log for real: discord.py logged in to the fake Discord (REST only, no gateway), the
moderation settings on a SQLite file naming the audit channel, and a virtual clock for the pacing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import discord

from discord_side.audit import AuditLog
from discord_side.server_language import ServerLanguages
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.storage.guild_languages import GuildLanguages
from services.storage.job_store import Store
from services.storage.moderation_settings import ModerationSettings
from tests.fakes import FakeClock
from tests.support.fake_discord import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, FakeDiscord, redirect_discord_py

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_260
AUDIT_POSTS = f"/channels/{AUDIT_CHANNEL_ID}/messages"


@dataclass
class AuditRig:
    """What an audit test talks to."""

    fake: FakeDiscord
    client: discord.Client
    moderation: ModerationSettings
    clock: FakeClock
    audit: AuditLog

    def posted(self) -> list[str]:
        """The audit channel's messages, oldest first."""
        return [message.content for message in self.fake.channel_messages(AUDIT_CHANNEL_ID)]


def ended_job(number: int = 1) -> Job:
    """A public job of the default guild that failed, without an interaction token (so its ending is
    posted in its channel)."""
    return Job(
        id=f"audit{number:03d}",
        user_id=1_250_000_000_000_006_001,
        options=GenerationOptions(f"prompt {number}", None, 1),
        target=DeliveryTarget(channel_id=DEFAULT_CHANNEL_ID, guild_id=DEFAULT_GUILD_ID),
        state=JobState.CANCELLED,
    )


@asynccontextmanager
async def audit_rig(workdir: Path) -> AsyncIterator[AuditRig]:
    """A ready rig; everything is closed afterwards."""
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        with redirect_discord_py(fake.base_url):
            client = discord.Client(intents=discord.Intents.default())
            await client.login("fake-discord-token")
            store = await Store.open(f"sqlite:///{workdir}/audit.db")
            try:
                clock = FakeClock()
                moderation = ModerationSettings(store, clock.now)
                await moderation.set_audit_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID)
                audit = AuditLog(client, moderation, clock, ServerLanguages(GuildLanguages(store)))
                yield AuditRig(fake, client, moderation, clock, audit)
                await audit.close(timeout=5)
            finally:
                await store.close()
                await client.close()
