"""The Discord client: one process's shards, its cogs and persistent buttons, its start-up steps."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord.ext import commands

from discord_side.buttons import JobButtons
from discord_side.command_sync import sync_commands_if_changed
from discord_side.views import JobButton
from services.config.settings import Settings
from services.engine.jobs import JobEngine
from services.storage.job_store import Store

log = logging.getLogger("imagine")


class _ImagineClient:
    """What both client classes add to discord.py's: cogs, buttons, command sync and job resumption."""

    settings: Settings
    store: Store
    engine: JobEngine | None
    cogs_to_add: list[commands.Cog]
    job_buttons: JobButtons | None

    def _setup(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.engine = None
        self.cogs_to_add = []
        self.job_buttons = None

    async def setup_hook(self) -> None:
        """Register the cogs and the persistent buttons, sync commands when they changed, resume jobs."""
        assert self.engine is not None
        bot: commands.Bot = self  # type: ignore[assignment]
        for cog in self.cogs_to_add:
            await bot.add_cog(cog)
        bot.add_dynamic_items(JobButton)
        await sync_commands_if_changed(bot.tree, self.store, self.settings.discord_guild_ids)
        resumed = await self.engine.resume()
        if resumed:
            log.info("resumed %d unfinished job(s)", resumed)

    async def on_ready(self) -> None:
        """Log who we are once the gateway is ready."""
        bot: commands.Bot = self  # type: ignore[assignment]
        log.info("logged in as %s in %d guild(s)", bot.user, len(bot.guilds))


def _options(settings: Settings) -> dict[str, Any]:
    return {
        "command_prefix": commands.when_mentioned,
        "intents": discord.Intents.default(),
        "allowed_mentions": discord.AllowedMentions.none(),
        "chunk_guilds_at_startup": False,
        "member_cache_flags": discord.MemberCacheFlags.none(),
    }


class ImagineBot(_ImagineClient, commands.Bot):
    """One process, one gateway connection."""

    def __init__(self, settings: Settings, store: Store) -> None:
        super().__init__(**_options(settings))
        self._setup(settings, store)


class ShardedImagineBot(_ImagineClient, commands.AutoShardedBot):
    """One process running the shards it is given (`SHARD_COUNT`, `SHARD_IDS`); other processes run
    the other shards on the same database."""

    def __init__(self, settings: Settings, store: Store) -> None:
        super().__init__(**_options(settings), shard_count=settings.shard_count, shard_ids=settings.shard_ids)
        self._setup(settings, store)


def make_client(settings: Settings, store: Store) -> commands.Bot:
    """The client class the settings ask for."""
    if settings.shard_count:
        return ShardedImagineBot(settings, store)
    return ImagineBot(settings, store)


def gateway_connected(client: commands.Bot) -> bool:
    """Whether every gateway connection of this process is up (not merely ready once, then lost)."""
    if client.is_closed() or not client.is_ready():
        return False
    shards = getattr(client, "shards", None)
    if shards:
        return all(not shard.is_closed() for shard in shards.values())
    socket = getattr(client, "ws", None)
    return socket is not None and bool(getattr(socket, "open", False))
