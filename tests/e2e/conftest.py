"""Fixtures of the end-to-end tests: the simulator, the fake Discord and the real bot process, shared
by all tests of a module (each test uses its own member, so quotas do not interfere)."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.e2e.bot_process import BotProcess
from tests.support.fake_discord import DEFAULT_GUILD_ID, FakeDiscord

DAILY_LIMIT = 8
_user_ids = itertools.count(1_250_000_000_000_001_000)
_timings: dict[str, list[float]] = {"ack latency (s)": [], "completion to upload (s)": []}


@dataclass
class Stack:
    """Everything an end-to-end test talks to."""

    fake: FakeDiscord
    sim: RunningSimulator
    bot: BotProcess
    database: Path
    timings: dict[str, list[float]] = field(default_factory=lambda: _timings)

    def new_member(self, name: str = "member") -> int:
        """A fresh member of the default guild (fresh quota)."""
        user_id = next(_user_ids)
        self.fake.add_member(DEFAULT_GUILD_ID, user_id, f"{name}-{user_id % 1000}")
        return user_id

    def images_used(self, user_id: int) -> int:
        """What the bot's own database says the user used today (read from the SQLite file)."""
        with sqlite3.connect(self.database) as connection:
            row = connection.execute(
                "SELECT COALESCE(SUM(used), 0) FROM daily_usage WHERE user_id = ? AND guild_id <> -1", (user_id,)
            )
            return int(row.fetchone()[0])

    async def settled_usage(self, user_id: int, expected: int, timeout: float = 10.0) -> int:
        """The user's usage once it equals `expected` (the bot settles it just after posting), or the
        last value seen when `timeout` runs out; the database lives in another process, so poll it."""
        deadline = time.monotonic() + timeout
        used = self.images_used(user_id)
        while used != expected and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            used = self.images_used(user_id)
        return used

    def create_calls(self) -> int:
        """How many create calls reached the simulator."""
        return len(self.sim.state.create_records)

    @staticmethod
    def wall_to_monotonic(wall: float) -> float:
        """A time.time() value on the monotonic clock the fake records with."""
        return wall - time.time() + time.monotonic()


def bot_env(sim: RunningSimulator, database: Path, **overrides: str) -> dict[str, str]:
    """Settings of the bot under test."""
    env = {
        "DISCORD_TOKEN": "fake-discord-token",
        "WAN_API_KEY": "e2e-wan-key",
        "WAN_API_BASE_URL": sim.api_base_url,
        "DATABASE_URL": f"sqlite:///{database}",
        "IMAGE_URL_ALLOW_PRIVATE": "true",
        "USER_DAILY_IMAGES": str(DAILY_LIMIT),
        "DISCORD_GUILD_IDS": str(DEFAULT_GUILD_ID),
        "LOG_LEVEL": "INFO",
        "POLL_MIN_INTERVAL": "0.2",
        "POLL_MAX_INTERVAL": "2",
        "PROGRESS_EDIT_INTERVAL": "1",
        "JOB_DEADLINE_SECONDS": "30",
        "WEB_PORT": "0",
        # The suites written for the classic message keep it (the card's fallback); tests/e2e/test_cards.py
        # runs the card.
        "CARD_RESULTS": "off",
    }
    env.update(overrides)
    return env


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stack(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    """Simulator + fake Discord + `python bot.py`, ready for commands."""
    workdir = tmp_path_factory.mktemp("e2e")
    sim = await start_simulator(SimConfig(duration_min=1.0, duration_max=1.5, seed=7), access_log=False)
    fake = FakeDiscord()
    await fake.start()
    database = workdir / "imagine.db"
    bot = BotProcess(fake.base_url, bot_env(sim, database), workdir / "bot.log")
    await bot.start()
    try:
        await fake.wait_for_command_sync(timeout=30)
        await fake.wait_until_ready(timeout=30)
        yield Stack(fake, sim, bot, database)
    except BaseException:
        print(bot.log()[-5000:])
        raise
    finally:
        await bot.stop()
        await fake.close()
        await sim.close()


@pytest.fixture(autouse=True)
def _show_bot_log_on_failure(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and "stack" in request.fixturenames:
        stack: Stack = request.getfixturevalue("stack")
        print("---- bot log (tail) ----\n" + stack.bot.log()[-6000:])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the timings the end-to-end tests observed (for the closing notes; not asserted)."""
    for name, values in _timings.items():
        if values:
            ordered = sorted(values)
            median = ordered[len(ordered) // 2]
            terminalreporter.write_line(
                f"e2e {name}: median {median:.3f}, max {ordered[-1]:.3f} over {len(values)} interactions"
            )
