"""Languages end to end: a member's private answers speak their Discord locale, public posts the
server's (Discord's guild_locale, or the admins' `/imagine-admin language`), and commands are
registered with their translated names and descriptions, accepted by Discord's rules."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from discord_side.catalogue import LANGUAGES, text_in
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.support.fake_discord import (
    ADMIN_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    FakeDiscord,
    InteractionRecord,
    MessageRecord,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_270
GERMAN_MEMBER_ID = 1_250_000_000_000_007_001
SERVER_LOCALE = "fr"  # the guild's locale as Discord reports it
MEMBER_LOCALE = "de"
CHOSEN = "es-ES"  # the admins' choice


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.5, duration_max=0.5, seed=17), access_log=False)
    async with FakeDiscord() as fake:
        fake.world.guild(DEFAULT_GUILD_ID).preferred_locale = SERVER_LOCALE
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        fake.add_member(DEFAULT_GUILD_ID, GERMAN_MEMBER_ID, "german member")
        yield World(fake, sim, tmp_path_factory.mktemp("languages"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "languages")
    await deployment.start()
    await answered(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID}, ADMIN_USER_ID)
    yield deployment
    await deployment.stop()


async def answered(world: World, command: str, options: dict[str, Any], user_id: int, locale: str = "en-US") -> str:
    record = await world.fake.invoke_command(command, options, user_id=user_id, locale=locale)
    await record.wait_for(lambda r: r.original is not None and not r.original.loading, timeout=10)
    assert record.original is not None
    return record.original.content or ""


async def result(world: World, prompt: str) -> MessageRecord:
    record: InteractionRecord = await world.fake.invoke_command(
        "imagine", {"prompt": prompt, "n": 1}, user_id=GERMAN_MEMBER_ID, locale=MEMBER_LOCALE
    )
    await record.wait_for(lambda r: r.original is not None and len(r.original.attachments) == 1, RESULT_TIMEOUT)
    assert record.original is not None
    return record.original


def labels(message: MessageRecord) -> list[str]:
    found: list[str] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            if "label" in item:
                found.append(item["label"])
            walk(item.get("components", []))

    walk(message.components)
    return found


def catalogue(code: str, entry: str) -> str:
    assert code in LANGUAGES, f"no {code} catalogue under locales/"
    return text_in(code, entry)


async def test_a_member_gets_private_answers_in_their_language(bot: Deployment, world: World) -> None:
    record = await world.fake.invoke_command("usage", {}, user_id=GERMAN_MEMBER_ID, locale=MEMBER_LOCALE)
    answer = await record.wait_for_followup(timeout=10)
    assert answer.ephemeral
    assert catalogue(MEMBER_LOCALE, "usage-no-recent") in answer.content


async def test_a_public_result_speaks_the_servers_language(bot: Deployment, world: World) -> None:
    message = await result(world, "a lighthouse at dusk")
    assert catalogue(SERVER_LOCALE, "button-reroll") in labels(message)


async def test_the_admins_choice_changes_public_posts(bot: Deployment, world: World) -> None:
    await answered(world, "imagine-admin language", {"language": CHOSEN}, ADMIN_USER_ID)
    try:
        message = await result(world, "a harbour in the rain")
        assert catalogue(CHOSEN, "button-reroll") in labels(message)
    finally:
        await answered(world, "imagine-admin language", {"language": "discord"}, ADMIN_USER_ID)


async def test_the_admins_choice_is_shown(bot: Deployment, world: World) -> None:
    await answered(world, "imagine-admin language", {"language": "en-US"}, ADMIN_USER_ID)
    try:
        record = await world.fake.invoke_command("imagine-admin show", {}, user_id=ADMIN_USER_ID)
        await record.wait_for(lambda r: r.original is not None and not r.original.loading, timeout=10)
        assert record.original is not None
        fields = {field["name"]: field["value"] for field in record.original.embeds[0]["fields"]}
        assert fields[text_in("en-US", "show-language")] == text_in(
            "en-US", "show-language-chosen", language="English (United States)"
        )
    finally:
        await answered(world, "imagine-admin language", {"language": "discord"}, ADMIN_USER_ID)


async def test_the_change_of_language_is_in_the_audit_log(bot: Deployment, world: World) -> None:
    await answered(world, "imagine-admin language", {"language": "en-US"}, ADMIN_USER_ID)
    await answered(world, "imagine-admin language", {"language": "discord"}, ADMIN_USER_ID)
    await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: "English (United States)" in (m.content or ""), timeout=10
    )


async def test_commands_are_registered_with_their_localizations(bot: Deployment, world: World) -> None:
    (sync, *_) = world.fake.command_syncs
    imagine = next(command for command in sync.body if command["name"] == "imagine")
    translated = {code for code in LANGUAGES if code != "en-US"}
    assert translated <= set(imagine.get("description_localizations") or {})


async def test_the_servers_discord_locale_is_remembered_for_posts_after_a_restart(
    bot: Deployment, world: World
) -> None:
    await answered(world, "imagine-admin show", {}, ADMIN_USER_ID)
    with sqlite3.connect(bot.database) as connection:
        rows = connection.execute("SELECT guild_id, discord_locale FROM guild_language").fetchall()
    assert rows == [(DEFAULT_GUILD_ID, SERVER_LOCALE)]


async def test_a_channel_mode_is_named_in_the_admins_language_and_the_servers_in_the_log(
    bot: Deployment, world: World
) -> None:
    try:
        answer = await answered(world, "imagine-admin channels mode", {"mode": "deny-list"}, ADMIN_USER_ID, "de")
        assert catalogue(MEMBER_LOCALE, "choice-mode-deny-list") in answer
        logged = await world.fake.wait_for_channel_message(
            AUDIT_CHANNEL_ID, lambda m: catalogue(SERVER_LOCALE, "choice-mode-deny-list") in (m.content or ""), 10
        )
        assert "deny-list" not in (logged.content or "")
    finally:
        await answered(world, "imagine-admin channels mode", {"mode": "everywhere"}, ADMIN_USER_ID)


async def test_who_sees_results_is_named_in_the_admins_language(bot: Deployment, world: World) -> None:
    options: dict[str, Any] = {"channel": DEFAULT_CHANNEL_ID, "results": "ephemeral"}
    try:
        answer = await answered(world, "imagine-admin channels visibility", options, ADMIN_USER_ID, "ja")
        assert text_in("ja", "choice-results-ephemeral") in answer
        assert "ephemeral" not in answer
    finally:
        options["results"] = "public"
        await answered(world, "imagine-admin channels visibility", options, ADMIN_USER_ID)
