"""The fake Discord's gateway with the real discord.py: login, READY and command sync, chunking, resume, shards."""

from __future__ import annotations

import asyncio

import discord
from discord.ext import commands

from tests.support.fake_discord import (
    ADMIN_USER_ID,
    BOT_USER_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    FakeDiscord,
    snowflake_for_shard,
)
from tests.support.probe_bot import GUILD, ProbeBot, run_until_ready


async def test_login_ready_and_command_sync(fake: FakeDiscord, bot: ProbeBot) -> None:
    sessions = await fake.wait_until_ready(timeout=1)
    assert sessions[0].intents == discord.Intents.default().value
    assert bot.user is not None
    assert bot.user.id == BOT_USER_ID
    assert bot.application_id == BOT_USER_ID
    guild = bot.get_guild(DEFAULT_GUILD_ID)
    assert guild is not None
    assert guild.get_channel(OTHER_CHANNEL_ID) is not None
    assert guild.default_role.id == DEFAULT_GUILD_ID
    assert guild.me.id == BOT_USER_ID

    sync = await fake.wait_for_command_sync(timeout=1)
    assert sync.guild_id == DEFAULT_GUILD_ID
    assert sorted(sync.names) == ["draw", "multi", "post", "slow"]
    fetched = await bot.tree.fetch_commands(guild=GUILD)
    assert {c.name: c.id for c in fetched} == {c["name"]: int(c["id"]) for c in sync.response}
    assert [r.path for r in fake.requests[:2]] == ["/api/v10/users/@me", "/api/v10/oauth2/applications/@me"]


async def test_members_intent_chunks_guild(redirected: FakeDiscord) -> None:
    ready = asyncio.Event()

    class Chunker(discord.Client):
        async def on_ready(self) -> None:
            ready.set()

    intents = discord.Intents.default()
    intents.members = True
    client = Chunker(intents=intents, guild_ready_timeout=0.05)
    task = await run_until_ready(client, ready)
    try:
        guild = client.get_guild(DEFAULT_GUILD_ID)
        assert guild is not None
        assert guild.chunked
        assert len(guild.members) == guild.member_count == 5
        assert guild.get_member(ADMIN_USER_ID).guild_permissions.administrator  # type: ignore[union-attr]
    finally:
        await client.close()
        await task


async def test_resume_after_dropped_connection(fake: FakeDiscord, bot: ProbeBot) -> None:
    [session] = await fake.wait_until_ready()
    await fake.drop_connections(4000)
    await fake.signal.wait_for(lambda: session.resumes == 1 and session.connected, 5, "a RESUME")
    record = await fake.invoke_command("draw", {"prompt": "after resume"})
    await record.wait_until_edit(timeout=3)
    assert fake.identify_count == 1


async def test_sharded_bot_gets_only_its_guilds(redirected: FakeDiscord) -> None:
    fake = redirected
    fake.shard_count = 2
    second_guild = snowflake_for_shard(1, 2)
    fake.add_guild(second_guild, "Shard One Guild")

    ready = asyncio.Event()

    class ShardedProbe(commands.AutoShardedBot):
        async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
            return None  # discord.py sleeps 5 s before every non-initial IDENTIFY

        async def on_ready(self) -> None:
            ready.set()

    client = ShardedProbe(
        command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=0.05, chunk_guilds_at_startup=False
    )
    task = await run_until_ready(client, ready)
    try:
        sessions = await fake.wait_until_ready(timeout=2)
        by_shard = {s.shard: s.guild_ids for s in sessions}
        assert by_shard[(0, 2)] == [DEFAULT_GUILD_ID]
        assert by_shard[(1, 2)] == [second_guild]
        assert client.get_guild(second_guild) is not None
        assert client.shard_count == 2
    finally:
        await client.close()
        await task
