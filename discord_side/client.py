"""The Discord client: one process's shards, built with its collaborators; its cogs, persistent buttons,
command tree (with the one error handler) and start-up steps."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.audit import AuditLog
from discord_side.buttons import JobButtons
from discord_side.command_sync import sync_commands_if_changed
from discord_side.error_text import answer_error
from discord_side.server_language import ServerLanguages
from discord_side.translator import CatalogueTranslator
from discord_side.views import JobButton, VaryButton
from services.config.settings import Settings
from services.engine.jobs import JobEngine
from services.storage.job_store import Store

log = logging.getLogger("imagine")


@dataclass(frozen=True)
class DiscordSide:
    """What the client carries: the engine (its jobs resumed at start), the cogs to add, what carries
    out clicks on job buttons, the audit log (its waiting entries posted at shutdown) and the guilds'
    languages."""

    engine: JobEngine
    job_buttons: JobButtons
    cogs: tuple[commands.Cog, ...]
    audit: AuditLog
    languages: ServerLanguages


class ImagineTree(app_commands.CommandTree[discord.Client]):
    """The command tree, with the one error handler of every app command (`discord_side.error_text`);
    every command first speaks the member's language (`ServerLanguages.enter`)."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Speak the member's language for the rest of the command (run in the command's own task)."""
        client = self.client
        if isinstance(client, ImagineBot):
            await client.side.languages.enter(interaction)
        return True

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError, /) -> None:
        """Answer the member privately with the catalogue's text for the error (an apology when unexpected)."""
        await answer_error(interaction, error)


def _options() -> dict[str, Any]:
    return {
        "command_prefix": commands.when_mentioned,
        "intents": discord.Intents.default(),
        "allowed_mentions": discord.AllowedMentions.none(),
        "chunk_guilds_at_startup": False,
        "member_cache_flags": discord.MemberCacheFlags.none(),
        "tree_cls": ImagineTree,
    }


class ImagineBot(commands.Bot):
    """One process, one gateway connection; the job buttons reach `job_buttons` through it."""

    def __init__(self, settings: Settings, store: Store, compose: Compose, **shards: Any) -> None:
        super().__init__(**_options(), **shards)
        self.settings = settings
        self.store = store
        self.side = compose(self)

    @property
    def engine(self) -> JobEngine:
        """The job engine this client shows jobs of."""
        return self.side.engine

    @property
    def job_buttons(self) -> JobButtons:
        """What carries out clicks on job buttons (`discord_side.views.JobButton`)."""
        return self.side.job_buttons

    async def setup_hook(self) -> None:
        """Add the cogs and the persistent buttons, sync commands when they changed, resume jobs."""
        for cog in self.side.cogs:
            await self.add_cog(cog)
        self.add_dynamic_items(JobButton, VaryButton)
        await self.side.languages.load()
        await self.tree.set_translator(CatalogueTranslator(self.tree))
        await sync_commands_if_changed(self.tree, self.store, self.settings.discord_guild_ids)
        resumed = await self.engine.resume()
        if resumed:
            log.info("resumed %d unfinished job(s)", resumed)

    async def on_ready(self) -> None:
        """Log who we are once the gateway is ready."""
        log.info("logged in as %s in %d guild(s)", self.user, len(self.guilds))


# Builds the Discord side for a client: the presenter and the audit log post through the client, and
# everything else is built on them, so they are made with the client rather than before it.
Compose = Callable[[ImagineBot], DiscordSide]


class ShardedImagineBot(ImagineBot, commands.AutoShardedBot):
    """One process running the shards it is given (`SHARD_COUNT`, `SHARD_IDS`); other processes run
    the other shards on the same database."""

    def __init__(self, settings: Settings, store: Store, compose: Compose) -> None:
        super().__init__(settings, store, compose, shard_count=settings.shard_count, shard_ids=settings.shard_ids)


def make_client(settings: Settings, store: Store, compose: Compose) -> ImagineBot:
    """The client class the settings ask for, built with the Discord side `compose` makes for it."""
    if settings.shard_count:
        return ShardedImagineBot(settings, store, compose)
    return ImagineBot(settings, store, compose)


def gateway_connected(client: commands.Bot) -> bool:
    """Whether every gateway connection of this process is up (not merely ready once, then lost)."""
    if client.is_closed() or not client.is_ready():
        return False
    shards = getattr(client, "shards", None)
    if shards:
        return all(not shard.is_closed() for shard in shards.values())
    socket = getattr(client, "ws", None)
    return socket is not None and bool(getattr(socket, "open", False))
