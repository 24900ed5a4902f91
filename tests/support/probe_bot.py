"""A tiny slash-command bot for the fake Discord's self-tests: it does what the real bot does."""

from __future__ import annotations

import asyncio
import io
import re

import discord
from discord import app_commands
from discord.ext import commands

from tests.support.fake_discord import DEFAULT_GUILD_ID

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
    """The ``ProbeBot`` an interaction reached."""
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
