"""The sitecustomize that points a bot subprocess at the fake Discord, and stays inert without it."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from pathlib import Path

from tests.support.fake_discord import BOT_USER_ID, DEFAULT_GUILD_ID, FakeDiscord, subprocess_env

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
