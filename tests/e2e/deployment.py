"""A deployment for end-to-end tests that start and stop bot processes themselves: one database, the
shared fake Discord and simulator, and the bot processes that run on it one after another."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from simulator.server import RunningSimulator
from tests.e2e.bot_process import BotProcess
from tests.e2e.conftest import bot_env
from tests.support.fake_discord import FakeDiscord

RESULT_TIMEOUT = 30.0


@dataclass
class World:
    fake: FakeDiscord
    sim: RunningSimulator
    workdir: Path


class Deployment:
    """One database and the bot processes that run on it, one after another."""

    def __init__(self, world: World, name: str) -> None:
        self.world = world
        self.database = world.workdir / f"{name}.db"
        self.log = world.workdir / f"{name}.log"
        self.marker = world.workdir / f"{name}.crashed"
        self.bot: BotProcess | None = None

    async def start(self, crash_at: str | None = None, extra_env: dict[str, str] | None = None) -> BotProcess:
        extra = {"IMAGINE_CRASH_AT": crash_at, "IMAGINE_CRASH_MARKER": str(self.marker)} if crash_at else {}
        extra.update(extra_env or {})
        identified = self.world.fake.identify_count
        self.bot = BotProcess(self.world.fake.base_url, {**bot_env(self.world.sim, self.database), **extra}, self.log)
        await self.bot.start()
        await self.world.fake.wait_until_ready(timeout=30, after=identified)
        return self.bot

    async def kill_at_marker(self, timeout: float = RESULT_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while not (self.marker.exists() and self.marker.read_text()):  # created, then written: wait for both
            assert time.monotonic() < deadline, "the bot never reached its crash point:\n" + self.log.read_text()
            await asyncio.sleep(0.02)
        assert self.bot is not None
        code = await self.bot.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL
        return self.marker.read_text()

    def job_row(self, job_prefix_prompt: str) -> sqlite3.Row:
        with sqlite3.connect(self.database) as connection:
            connection.row_factory = sqlite3.Row
            return connection.execute("SELECT * FROM jobs WHERE prompt = ?", (job_prefix_prompt,)).fetchone()

    def used(self, user_id: int) -> int:
        with sqlite3.connect(self.database) as connection:
            row = connection.execute(
                "SELECT COALESCE(SUM(used), 0) FROM daily_usage WHERE user_id = ? AND guild_id <> -1", (user_id,)
            )
            return int(row.fetchone()[0])

    async def settled(self, prompt: str, timeout: float = RESULT_TIMEOUT) -> sqlite3.Row:
        deadline = time.monotonic() + timeout
        while True:
            row = self.job_row(prompt)
            if row is not None and row["state"] in {"delivered", "failed", "cancelled", "expired"}:
                return row
            assert time.monotonic() < deadline, f"job not settled: {dict(row) if row else None}\n{self.log.read_text()}"
            await asyncio.sleep(0.05)

    async def wait_for_row(self, prompt: str, state: str, timeout: float = RESULT_TIMEOUT) -> sqlite3.Row:
        deadline = time.monotonic() + timeout
        while True:
            if self.database.exists():
                row = self.job_row(prompt)
                if row is not None and row["state"] == state:
                    return row
            assert time.monotonic() < deadline, f"job {prompt!r} never reached {state}\n{self.log.read_text()}"
            await asyncio.sleep(0.05)

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.stop()


def creates_for(world: World, prompt: str) -> int:
    """How many create calls the simulator received for this prompt."""
    return sum(1 for r in world.sim.state.create_records if r.body.get("prompt") == prompt)
