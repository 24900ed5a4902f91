from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from discord_side.server_language import ServerLanguages
from services.storage.guild_languages import GuildLanguage, GuildLanguages
from services.storage.job_store import Store

GUILD = 42


@pytest_asyncio.fixture
async def rows(tmp_path: Path) -> AsyncIterator[GuildLanguages]:
    store = await Store.open(f"sqlite:///{tmp_path}/languages.db")
    yield GuildLanguages(store)
    await store.close()


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
