"""Self-tests of the fake Discord with the real discord.py client logging in to it."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import re
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.support.fake_discord import (
    ADMIN_USER_ID,
    BOT_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    DEFAULT_USER_ID,
    OTHER_CHANNEL_ID,
    OTHER_USER_ID,
    FakeDiscord,
    redirect_discord_py,
    snowflake_for_shard,
    subprocess_env,
)

IMAGE = bytes(range(256)) * 2400 + b"\r\n--boundary-like--\r\n"
NONCE = "job-42-delivery"
GUILD = discord.Object(DEFAULT_GUILD_ID)


class RerollButton(discord.ui.DynamicItem[discord.ui.Button], template=r"reroll:(?P<job>\d+)"):
    """A persistent button whose state lives in its custom_id."""

    def __init__(self, job: int) -> None:
        super().__init__(discord.ui.Button(label="Reroll", custom_id=f"reroll:{job}"))
        self.job = job

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> RerollButton:
        return cls(int(match["job"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"reroll {self.job}", ephemeral=True)


class ProbeBot(commands.Bot):
    """A tiny slash-command bot exercising what the real bot does."""

    def __init__(self, **options: object) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
            chunk_guilds_at_startup=False,
            **options,
        )
        self.ready = asyncio.Event()
        self.gate = asyncio.Event()
        self.errors: asyncio.Queue[BaseException] = asyncio.Queue()
        self.results: asyncio.Queue[object] = asyncio.Queue()

    async def setup_hook(self) -> None:
        self.add_dynamic_items(RerollButton)
        for command in (draw, post, slow, multi):
            self.tree.add_command(command, guild=GUILD)
        await self.tree.sync(guild=GUILD)

    async def on_ready(self) -> None:
        self.ready.set()


def probe(interaction: discord.Interaction) -> ProbeBot:
    client = interaction.client
    assert isinstance(client, ProbeBot)
    return client


@app_commands.command(description="Draw an image")
async def draw(interaction: discord.Interaction, prompt: str, count: int = 1, style: str = "plain") -> None:
    bot = probe(interaction)
    try:
        await interaction.response.defer(thinking=True)
        view = discord.ui.View(timeout=None)
        view.add_item(RerollButton(7))
        message = await interaction.edit_original_response(
            content=f"<@{interaction.user.id}> {prompt} x{count}",
            attachments=[discord.File(io.BytesIO(IMAGE), "image.png")],
            allowed_mentions=discord.AllowedMentions.none(),
            view=view,
        )
        await bot.results.put(message)
    except discord.HTTPException as error:
        await bot.errors.put(error)


@draw.autocomplete("style")
async def draw_style(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    styles = ["watercolor", "wireframe", "oil"]
    return [app_commands.Choice(name=s, value=s) for s in styles if s.startswith(current)]


@app_commands.command(description="Post to the channel")
async def post(interaction: discord.Interaction, text: str) -> None:
    bot = probe(interaction)
    await interaction.response.send_message("posting", ephemeral=True)
    channel = interaction.channel
    assert isinstance(channel, discord.TextChannel)
    first = await channel.send(text, nonce=NONCE, allowed_mentions=discord.AllowedMentions.none())
    second = await channel.send(text, nonce=NONCE, allowed_mentions=discord.AllowedMentions.none())
    await bot.results.put((first, second))


@app_commands.command(description="Defer, wait for the test, then edit")
async def slow(interaction: discord.Interaction) -> None:
    bot = probe(interaction)
    try:
        await interaction.response.defer()
        await bot.gate.wait()
        await interaction.edit_original_response(content="late")
    except discord.HTTPException as error:
        await bot.errors.put(error)


@app_commands.command(description="Followups, a too large file and a channel message edited and deleted")
async def multi(interaction: discord.Interaction, target: discord.Member) -> None:
    bot = probe(interaction)
    await interaction.response.defer(ephemeral=True)
    try:
        await interaction.followup.send(file=discord.File(io.BytesIO(IMAGE), "big.png"))
    except discord.HTTPException as error:
        await bot.errors.put(error)
    note = await interaction.followup.send(f"for {target.mention}", ephemeral=True, wait=True)
    channel = interaction.channel
    assert isinstance(channel, discord.TextChannel)
    message = await channel.send("v1")
    await message.edit(content="v2")
    await message.delete()
    await bot.results.put((note, target))


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as fake_discord:
        yield fake_discord


@pytest.fixture
def redirected(fake: FakeDiscord) -> Iterator[FakeDiscord]:
    with redirect_discord_py(fake.base_url):
        yield fake


async def run_until_ready(client: discord.Client, ready: asyncio.Event) -> asyncio.Task[None]:
    """Start ``client`` and return its task once ``ready`` is set (re-raising a failed start)."""
    task = asyncio.create_task(client.start("fake-bot-token"))
    waiter = asyncio.create_task(ready.wait())
    done, _ = await asyncio.wait({task, waiter}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task in done:
        task.result()
    assert ready.is_set(), "bot did not become ready"
    return task


@pytest.fixture
async def bot(redirected: FakeDiscord) -> AsyncIterator[ProbeBot]:
    client = ProbeBot()
    task = await run_until_ready(client, client.ready)
    try:
        yield client
    finally:
        await client.close()
        await task


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


async def test_defer_then_edit_with_file(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_command("draw", {"prompt": "a red fox", "count": 2})
    edit = await record.wait_until_edit(lambda e: bool(e.files), timeout=3)

    ack = await record.wait_for_ack()
    assert ack.type == 5
    assert record.deferred
    assert record.ack_latency is not None
    assert 0 <= record.ack_latency < 3
    assert edit.at >= ack.at
    assert edit.files[0].data == IMAGE
    assert edit.payload["allowed_mentions"] == {"parse": []}
    original = record.original
    assert original is not None
    assert not original.loading
    assert original.content == f"<@{DEFAULT_USER_ID}> a red fox x2"
    assert original.attachment("image.png").data == IMAGE
    assert not original.pings.any
    assert original.custom_ids() == ["reroll:7"]

    message = await asyncio.wait_for(bot.results.get(), 1)
    assert isinstance(message, discord.InteractionMessage)
    assert message.attachments[0].size == len(IMAGE)
    assert await message.attachments[0].read() == IMAGE

    click = await fake.invoke_component("reroll:7", original.id)
    await click.wait_for(lambda r: r.original is not None)
    assert click.original is not None
    assert click.original.content == "reroll 7"
    assert click.ephemeral


async def test_autocomplete_choices(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_autocomplete("draw", {"prompt": "x", "style": "w"}, focused="style")
    assert record.autocomplete_choices == [
        {"name": "watercolor", "value": "watercolor"},
        {"name": "wireframe", "value": "wireframe"},
    ]


async def test_expired_token_raises_50027(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_command("slow")
    await record.wait_for_ack()
    fake.expire_token(record.token)
    bot.gate.set()
    error = await asyncio.wait_for(bot.errors.get(), 3)
    assert isinstance(error, discord.HTTPException)
    assert (error.status, error.code) == (401, 50027)
    assert record.rejected[0].status == 401
    assert record.edits[0].status == 401


async def test_unknown_interaction_raises_10062(fake: FakeDiscord, bot: ProbeBot) -> None:
    await fake.invoke_command("slow", unknown=True)
    error = await asyncio.wait_for(bot.errors.get(), 3)
    assert isinstance(error, discord.NotFound)
    assert error.code == 10062


async def test_channel_message_nonce_dedupe(fake: FakeDiscord, bot: ProbeBot) -> None:
    limited = fake.inject_rate_limit("POST", r"/channels/\d+/messages$", retry_after=0.01)
    record = await fake.invoke_command("post", {"text": "hello @everyone"})
    first, second = await asyncio.wait_for(bot.results.get(), 3)  # type: ignore[misc]
    assert first.id == second.id
    [message] = fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert message.nonce == NONCE
    assert message.enforce_nonce
    assert message.duplicates_dropped == 1
    assert message.allowed_mentions == {"parse": []}
    assert not message.pings.any
    assert [d.original_message_id for d in fake.duplicate_nonces] == [message.id]
    assert record.original is not None
    assert record.original.ephemeral
    assert record.original.content == "posting"
    assert limited.hits == 1
    assert [r.status for r in fake.requests_matching("POST", "/messages")] == [429, 200, 200]


async def test_followups_upload_limit_mentions_and_channel_edits(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_command("multi", {"target": OTHER_USER_ID}, attachment_size_limit=1000)
    note, target = await asyncio.wait_for(bot.results.get(), 3)  # type: ignore[misc]
    error = await asyncio.wait_for(bot.errors.get(), 1)
    assert isinstance(error, discord.HTTPException)
    assert (error.status, error.code) == (413, 40005)
    assert isinstance(target, discord.Member)
    assert target.id == OTHER_USER_ID
    [followup] = record.followups
    assert followup.id == note.id
    assert followup.ephemeral
    assert followup.content == f"for <@{OTHER_USER_ID}>"
    assert followup.allowed_mentions is None
    assert followup.pings.user_ids == [OTHER_USER_ID]
    assert record.ephemeral
    assert record.original is not None
    assert record.original.loading
    [message] = fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert (message.content, message.edit_count, message.deleted) == ("v2", 1, True)
    assert [e.content for e in fake.message_edits] == ["v2"]


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


async def test_unknown_route_answers_json_404(fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        async with aiohttp.ClientSession() as session, session.get(fake.api_base + "/no/such/route") as response:
            assert response.status == 404
            assert response.headers["Content-Type"] == "application/json"
            assert (await response.json())["code"] == 0
    assert "no route for GET /api/v10/no/such/route" in caplog.text
    assert fake.requests[-1].status == 404


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


SUBPROCESS_BOT = """
import discord
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=0.05)

@bot.event
async def on_ready():
    print("READY", bot.user.id, [g.id for g in bot.guilds], flush=True)
    await bot.close()

bot.run("fake-bot-token", log_handler=None)
"""


async def run_python(args: list[str], env: dict[str, str], timeout: float = 20) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout)
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_sitecustomize_redirects_a_bot_subprocess(fake: FakeDiscord, tmp_path: Path) -> None:
    script = tmp_path / "tiny_bot.py"
    script.write_text(SUBPROCESS_BOT)
    code, out, err = await run_python([str(script)], subprocess_env(fake.base_url))
    assert code == 0, err
    assert out.strip() == f"READY {BOT_USER_ID} [{DEFAULT_GUILD_ID}]"
    assert fake.identify_count == 1
    assert fake.requests_matching("GET", "/users/@me")


async def test_sitecustomize_is_silent_and_inert_without_env(fake: FakeDiscord) -> None:
    env = subprocess_env(fake.base_url)
    del env["FAKE_DISCORD_URL"]
    show = (
        "import json, discord.http as h, discord.gateway as g;"
        "print(json.dumps([h.Route.BASE, str(g.DiscordWebSocket.DEFAULT_GATEWAY)]))"
    )
    code, out, err = await run_python(["-c", show], env)
    assert (code, err) == (0, "")
    assert json.loads(out) == ["https://discord.com/api/v10", "wss://gateway.discord.gg/"]


async def test_sitecustomize_imports_nothing_at_startup(fake: FakeDiscord) -> None:
    show = "import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in ('discord', 'yarl', 'aiohttp')))"
    code, out, err = await run_python(["-c", show], subprocess_env(fake.base_url))
    assert (code, err, out.strip()) == (0, "", "[]")
