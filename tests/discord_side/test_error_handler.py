"""The tree's one error handler, driven through discord.py logged in to the fake Discord."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from discord_side.catalogue import text
from discord_side.client import ImagineTree
from discord_side.error_text import apology_extras
from discord_side.texts import quota_text
from services.core.errors import QuotaExceeded
from services.quotas.limits import LimitKind
from tests.support.fake_discord import FakeDiscord, redirect_discord_py
from tests.support.probe_bot import run_until_ready

QUOTA = QuotaExceeded(LimitKind.USER_DAILY, limit=5, used=5, requested=1, resets_at=datetime(2026, 1, 1, tzinfo=UTC))


@app_commands.command(description="d")
async def boom(interaction: discord.Interaction) -> None:
    raise RuntimeError(f"boom before answering {interaction.id}")


@app_commands.command(description="d", extras=apology_extras("error-unexpected-imagine"))
async def late(interaction: discord.Interaction) -> None:
    await interaction.response.defer(thinking=True)
    raise RuntimeError("boom after the defer")


@app_commands.command(description="d")
async def refuse(interaction: discord.Interaction) -> None:
    del interaction
    raise QUOTA


class ErrorBot(commands.Bot):
    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
            chunk_guilds_at_startup=False,
            tree_cls=ImagineTree,
        )
        self.ready = asyncio.Event()

    async def setup_hook(self) -> None:
        for command in (boom, late, refuse):
            self.tree.add_command(command)

    async def on_ready(self) -> None:
        self.ready.set()


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as served:
        with redirect_discord_py(served.base_url):
            bot = ErrorBot()
            task = await run_until_ready(bot, bot.ready)
            try:
                yield served
            finally:
                await bot.close()
                await task


def error_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "discord_side.error_text"]


async def test_an_unexpected_error_is_answered_privately_with_an_apology(fake: FakeDiscord) -> None:
    record = await fake.invoke_command("boom", {})
    await record.wait_for(lambda r: r.original is not None)
    assert record.original is not None
    assert record.original.content == text("error-unexpected")
    assert record.ephemeral


async def test_an_error_after_a_defer_is_answered_in_a_private_followup(fake: FakeDiscord) -> None:
    record = await fake.invoke_command("late", {})
    followup = await record.wait_for_followup()
    assert followup.content == text("error-unexpected-imagine")
    assert followup.ephemeral


async def test_an_unexpected_error_is_logged_once_with_its_traceback(
    fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    record = await fake.invoke_command("boom", {})
    await record.wait_for(lambda r: r.original is not None)
    logged = error_records(caplog)
    assert [entry.getMessage() for entry in logged] == ["/boom failed"]
    assert logged[0].exc_info is not None
    assert isinstance(logged[0].exc_info[1], RuntimeError)


async def test_an_expected_error_gets_its_text_and_is_not_logged(
    fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    record = await fake.invoke_command("refuse", {})
    await record.wait_for(lambda r: r.original is not None)
    assert record.original is not None
    assert record.original.content == quota_text(QUOTA)
    assert record.ephemeral
    assert error_records(caplog) == []
