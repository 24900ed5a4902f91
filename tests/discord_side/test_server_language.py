from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
import pytest_asyncio

from discord_side.catalogue import spoken
from discord_side.server_language import REFRESH_SECONDS, ServerLanguages
from services.core.supervisor import TaskSupervisor
from services.storage.guild_languages import GuildLanguage, GuildLanguages
from services.storage.job_store import Store
from tests.discord_side.manual_clock import ManualClock
from tests.services.storage.test_migrations import execute
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


async def after(clock: ManualClock, seconds: float) -> None:
    """Let `seconds` pass and the background read they started (if any) finish."""
    await clock.advance(seconds)
    await clock.until_sleeping()


@pytest_asyncio.fixture
async def refreshing(rows: GuildLanguages) -> AsyncIterator[tuple[ServerLanguages, ManualClock]]:
    """A process's languages, read at start and kept fresh in the background on a virtual clock."""
    clock = ManualClock()
    languages = ServerLanguages(rows)
    await languages.load()
    supervisor = TaskSupervisor()
    supervisor.spawn("server-languages", languages.keep(clock))
    yield languages, clock
    await supervisor.close()


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
    languages = ServerLanguages(rows)
    await languages.load()
    with counted(store) as statements:
        for _ in range(5):
            await languages.enter(interaction())
    assert statements == []


async def test_an_autocomplete_sends_no_statement_and_speaks_the_members_language(
    store: Store, rows: GuildLanguages
) -> None:
    languages = ServerLanguages(rows)
    await languages.load()
    with counted(store) as statements:
        await languages.enter(interaction("ja", discord.InteractionType.autocomplete))
    assert statements == []
    assert spoken() == "de"


async def test_a_guild_locale_discord_reports_anew_is_remembered(rows: GuildLanguages) -> None:
    languages = ServerLanguages(rows)
    await languages.load()
    await languages.enter(interaction("fr"))
    await languages.enter(interaction("ja"))
    assert languages.public(GUILD) == "ja"
    assert await rows.get(GUILD) == GuildLanguage(None, "ja")


async def test_another_processes_choice_is_seen_once_the_refresh_interval_has_passed(
    rows: GuildLanguages, refreshing: tuple[ServerLanguages, ManualClock]
) -> None:
    languages, clock = refreshing
    await ServerLanguages(rows).choose(GUILD, "de")  # the admins, through another process
    await after(clock, REFRESH_SECONDS - 1)
    assert languages.public(GUILD) == "en-US"
    await after(clock, 1)
    assert languages.public(GUILD) == "de"


async def test_a_choice_made_in_another_process_reaches_one_that_only_sees_direct_messages(
    rows: GuildLanguages, refreshing: tuple[ServerLanguages, ManualClock]
) -> None:
    languages, clock = refreshing
    await ServerLanguages(rows).choose(GUILD, "fr")  # the other process
    direct = SimpleNamespace(
        locale="de", guild_id=None, guild_locale=None, type=discord.InteractionType.application_command
    )
    await languages.enter(direct)  # type: ignore[arg-type]
    await after(clock, REFRESH_SECONDS)
    assert languages.public(GUILD) == "fr"


async def test_an_interaction_long_after_the_last_read_sends_no_statement(
    store: Store, rows: GuildLanguages, refreshing: tuple[ServerLanguages, ManualClock]
) -> None:
    languages, clock = refreshing
    await languages.enter(interaction("fr"))
    await ServerLanguages(rows).choose(GUILD, "de")  # the admins, through another process
    with counted(store) as statements:
        clock.time += 10 * REFRESH_SECONDS  # time passes, the background read has not run yet
        await languages.enter(interaction("fr"))
    assert statements == []


async def test_a_failed_refresh_is_logged_and_the_next_one_reads_again(
    tmp_path: Path,
    rows: GuildLanguages,
    refreshing: tuple[ServerLanguages, ManualClock],
    caplog: pytest.LogCaptureFixture,
) -> None:
    languages, clock = refreshing
    await ServerLanguages(rows).choose(GUILD, "fr")
    await execute(f"sqlite:///{tmp_path}/languages.db", ["ALTER TABLE guild_language RENAME TO guild_language_away"])
    with caplog.at_level(logging.ERROR):
        await after(clock, REFRESH_SECONDS)
    assert "reading the servers' languages failed" in caplog.text
    assert languages.public(GUILD) == "en-US"
    await execute(f"sqlite:///{tmp_path}/languages.db", ["ALTER TABLE guild_language_away RENAME TO guild_language"])
    await after(clock, REFRESH_SECONDS)
    assert languages.public(GUILD) == "fr"


async def test_the_language_command_reads_the_guilds_row_back(rows: GuildLanguages) -> None:
    languages = ServerLanguages(rows)
    await languages.load()
    await rows.remember_discord_locale(GUILD, "ja")  # another process heard Discord's locale first
    await languages.choose(GUILD, None)
    assert languages.public(GUILD) == "ja"
