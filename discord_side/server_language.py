"""Which language a text speaks. A member's private answers (ephemeral replies, DMs, forms, Show them)
speak their `interaction.locale`; public posts (job messages in a channel, approval requests, review
cards, audit log entries, budget alerts) speak the server's: the admins' `/imagine-admin language`,
else Discord's `guild_locale`, remembered per guild so posts made in the background (after a restart,
too) know it. Every code is mapped to a catalogue by `catalogue.language_for` (en-GB -> en-US, ...)."""

from __future__ import annotations

import logging

import discord

from discord_side.catalogue import language_for, speak
from discord_side.locales import locale_code
from services.core.clock import Clock
from services.storage.guild_languages import GuildLanguage, GuildLanguages

log = logging.getLogger(__name__)


# How often a process reads every guild's row again, for what another process changed (the admins'
# choice made through another bot process): one statement a minute for all guilds, in the background
# (`keep`), never in an interaction's path, and whether or not interactions from guilds reach it.
REFRESH_SECONDS = 60.0


class ServerLanguages:
    """The guilds' languages: read at start-up and again every REFRESH_SECONDS in the background (`keep`),
    kept current from interactions and the admin command; `public` answers from memory (audit entries
    are composed without waiting on the database)."""

    def __init__(self, rows: GuildLanguages) -> None:
        self._rows = rows
        self._known: dict[int, GuildLanguage] = {}

    async def load(self) -> None:
        """Read every guild's row (at start-up, before jobs resume, and every REFRESH_SECONDS after)."""
        self._known = await self._rows.every()

    async def keep(self, clock: Clock, every: float = REFRESH_SECONDS) -> None:
        """Read every guild's row again every `every` seconds until cancelled, so a choice made through
        another process reaches this one; a failed read is logged and the last one kept."""
        while True:
            await clock.sleep(every)
            try:
                await self.load()
            except Exception:
                log.exception("reading the servers' languages failed; keeping the last read")

    def public(self, guild_id: int | None) -> str:
        """The catalogue public posts in this guild speak (en-US in DMs and for a guild never seen)."""
        known = self._known.get(guild_id) if guild_id is not None else None
        if known is None:
            return language_for(None)
        return language_for(known.chosen or known.discord_locale)

    def chosen(self, guild_id: int) -> str | None:
        """The admins' choice, if any."""
        known = self._known.get(guild_id)
        return known.chosen if known is not None else None

    async def enter(self, interaction: discord.Interaction) -> None:
        """At the start of an interaction's handler: speak the member's language for its private answers,
        and remember the guild's locale when Discord reports one the bot did not know. No statement
        otherwise (the rows are read again in the background), and none for autocomplete."""
        speak(interaction.locale)
        guild_id = interaction.guild_id
        if guild_id is None or interaction.type == discord.InteractionType.autocomplete:
            return
        reported = locale_code(getattr(interaction, "guild_locale", None))
        known = self._known.get(guild_id, GuildLanguage())
        if reported is not None and reported != known.discord_locale:
            await self._rows.remember_discord_locale(guild_id, reported)
            self._known[guild_id] = GuildLanguage(known.chosen, reported)

    async def choose(self, guild_id: int, code: str | None) -> None:
        """The admins' choice (None: Discord's setting again); the guild's row is read back, so this
        process knows what others remembered of it too."""
        await self._rows.choose(guild_id, code)
        self._known[guild_id] = await self._rows.get(guild_id)
