"""Per-guild language in the store: the admins' choice (`/imagine-admin language`) and the guild's
locale as Discord last reported it. Codes are stored as given; the Discord side maps them to catalogues."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from services.storage.job_store import Store
from services.storage.tables import guild_language


@dataclass(frozen=True)
class GuildLanguage:
    """A guild's chosen language (None: follow Discord's) and Discord's locale for it (None: not seen)."""

    chosen: str | None = None
    discord_locale: str | None = None


class GuildLanguages:
    """Reads and writes the language rows of guilds."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def get(self, guild_id: int) -> GuildLanguage:
        """The guild's row (empty when it has none)."""
        async with self._store.read() as connection:
            query = sa.select(guild_language).where(guild_language.c.guild_id == guild_id)
            row = (await connection.execute(query)).first()
        return GuildLanguage() if row is None else GuildLanguage(row.chosen, row.discord_locale)

    async def every(self) -> dict[int, GuildLanguage]:
        """Every guild's row (read once at start-up)."""
        async with self._store.read() as connection:
            rows = await connection.execute(sa.select(guild_language))
            return {row.guild_id: GuildLanguage(row.chosen, row.discord_locale) for row in rows}

    async def choose(self, guild_id: int, code: str | None) -> None:
        """The admins' choice (None: Discord's setting)."""
        await self._store.upsert(guild_language, {"guild_id": guild_id}, {"chosen": code})

    async def remember_discord_locale(self, guild_id: int, code: str) -> None:
        """The guild's locale as an interaction reported it."""
        await self._store.upsert(guild_language, {"guild_id": guild_id}, {"discord_locale": code})
