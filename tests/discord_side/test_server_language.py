from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
import pytest_asyncio

from discord_side.catalogue import spoken
from discord_side.server_language import REFRESH_SECONDS, ServerLanguages
from services.storage.guild_languages import GuildLanguage, GuildLanguages
from services.storage.job_store import Store
from tests.services.storage.test_statement_counts import counted

GUILD = 42


@pytest_asyncio.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite:///{tmp_path}/languages.db")
    yield opened
    await opened.close()


@pytest.fixture
def rows(store: Store) -> GuildLanguages:
    return GuildLanguages(store)


class Clock:
    """Time that moves only when the test says."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def now(self) -> float:
        return self.seconds


def interaction(
    guild_locale: str | None = "fr", kind: discord.InteractionType = discord.InteractionType.application_command
) -> Any:
    """What `enter` reads of an interaction: the member's and the guild's locales, and its kind."""
    return SimpleNamespace(locale="de", guild_id=GUILD, guild_locale=guild_locale, type=kind)


async def test_a_guild_never_seen_has_no_language(rows: GuildLanguages) -> None:
    assert await rows.get(GUILD) == GuildLanguage()


async def test_the_admins_choice_and_discords_locale_are_stored_apart(rows: GuildLanguages) -> None:
    await rows.remember_discord_locale(GUILD, "fr")
    await rows.choose(GUILD, "en-US")
    assert await rows.get(GUILD) == GuildLanguage("en-US", "fr")
    await rows.choose(GUILD, None)
    assert await rows.get(GUILD) == GuildLanguage(None, "fr")


async def test_public_posts_follow_the_admins_choice_after_a_restart(rows: GuildLanguages) -> None:
    await ServerLanguages(rows).choose(GUILD, "en-US")
    restarted = ServerLanguages(rows)
    await restarted.load()
    assert restarted.chosen(GUILD) == "en-US"
    assert restarted.public(GUILD) == "en-US"


async def test_a_discord_locale_without_catalogue_gives_english_public_posts(rows: GuildLanguages) -> None:
    await rows.remember_discord_locale(GUILD, "en-GB")
    languages = ServerLanguages(rows)
    await languages.load()
    assert languages.chosen(GUILD) is None
    assert languages.public(GUILD) == "en-US"


def test_direct_messages_speak_english_publicly(rows: GuildLanguages) -> None:
    assert ServerLanguages(rows).public(None) == "en-US"


@pytest.mark.parametrize("guild", [GUILD, 7])
def test_an_unknown_guild_speaks_english_publicly(rows: GuildLanguages, guild: int) -> None:
    assert ServerLanguages(rows).public(guild) == "en-US"


async def test_an_interaction_in_a_known_guild_sends_no_statement(store: Store, rows: GuildLanguages) -> None:
    # enter runs before every command, button click and autocomplete keystroke, before the bot answers.
    await rows.remember_discord_locale(GUILD, "fr")
    languages = ServerLanguages(rows, Clock().now)
    await languages.load()
    with counted(store) as statements:
        for _ in range(5):
            await languages.enter(interaction())
    assert statements == []


async def test_an_autocomplete_sends_no_statement_and_speaks_the_members_language(
    store: Store, rows: GuildLanguages
) -> None:
    languages = ServerLanguages(rows, Clock().now)
    await languages.load()
    with counted(store) as statements:
        await languages.enter(interaction("ja", discord.InteractionType.autocomplete))
    assert statements == []
    assert spoken() == "de"


async def test_a_guild_locale_discord_reports_anew_is_remembered(rows: GuildLanguages) -> None:
    languages = ServerLanguages(rows, Clock().now)
    await languages.load()
    await languages.enter(interaction("fr"))
    await languages.enter(interaction("ja"))
    assert languages.public(GUILD) == "ja"
    assert await rows.get(GUILD) == GuildLanguage(None, "ja")


async def test_another_processes_choice_is_seen_once_the_refresh_interval_has_passed(rows: GuildLanguages) -> None:
    clock = Clock()
    languages = ServerLanguages(rows, clock.now)
    await languages.load()
    await languages.enter(interaction("fr"))
    await ServerLanguages(rows, clock.now).choose(GUILD, "de")  # the admins, through another process
    clock.seconds += REFRESH_SECONDS - 1
    await languages.enter(interaction("fr"))
    assert languages.public(GUILD) == "fr"
    clock.seconds += 1
    await languages.enter(interaction("fr"))
    assert languages.public(GUILD) == "de"


async def test_the_language_command_reads_the_guilds_row_back(rows: GuildLanguages) -> None:
    languages = ServerLanguages(rows, Clock().now)
    await languages.load()
    await rows.remember_discord_locale(GUILD, "ja")  # another process heard Discord's locale first
    await languages.choose(GUILD, None)
    assert languages.public(GUILD) == "ja"
