"""Two bot processes, one shard each, sharing PostgreSQL: one is killed mid-way, and the other takes
its jobs over when their leases lapse. Every job is still delivered exactly once."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.databases import empty_schema
from tests.e2e.bot_process import BotProcess
from tests.e2e.conftest import bot_env
from tests.e2e.deployment import World
from tests.support.fake_discord import FakeDiscord, InteractionRecord, snowflake_for_shard

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

GUILDS = {0: snowflake_for_shard(0, 2, offset=7), 1: snowflake_for_shard(1, 2, offset=7)}
CHANNELS = {shard: guild + 1 for shard, guild in GUILDS.items()}
MEMBER = 1_250_000_000_000_006_001
JOBS_PER_SHARD = 3


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=3.0, duration_max=3.0, seed=21), access_log=False)
    fake = FakeDiscord(shard_count=2)
    for shard, guild in GUILDS.items():
        fake.add_guild(guild, f"shard {shard} guild")
        fake.add_channel(guild, CHANNELS[shard], "general")
        fake.add_member(guild, MEMBER, "member")
    await fake.start()
    yield World(fake, sim, tmp_path_factory.mktemp("scale"))
    await fake.close()
    await sim.close()


async def test_a_process_killed_mid_way_leaves_its_jobs_to_the_other_and_each_is_delivered_once(
    world: World, postgres_database: str
) -> None:
    await empty_schema(postgres_database)
    bots = one_bot_per_shard(world, postgres_database)
    try:
        await start_in_turn(world, bots)
        records = await imagine_on_every_shard(world)
        await wait_until(lambda: created(world, "shard 0 job") == JOBS_PER_SHARD)
        assert await bots[0].stop(signal.SIGKILL) == -signal.SIGKILL
        for record in records:
            await record.wait_until_edit(lambda e: bool(e.files), timeout=40)
    finally:
        for bot in bots.values():
            await bot.stop()
    for record in records:
        assert sum(1 for edit in record.edits if edit.status < 300 and edit.files) == 1
    for shard in GUILDS:
        for i in range(JOBS_PER_SHARD):
            assert len(tasks_created_for(world, f"shard {shard} job {i}") - {None}) == 1
    takeovers = bots[1].log().count("resumed by")
    print(f"scale-out: process 1 took over {takeovers} job(s) of the killed process 0")
    assert takeovers == JOBS_PER_SHARD


def one_bot_per_shard(world: World, database_url: str) -> dict[int, BotProcess]:
    """A bot process for each shard, both on one PostgreSQL database with short leases."""
    common = {
        "DATABASE_URL": database_url,
        "SHARD_COUNT": "2",
        "LEASE_SECONDS": "3",
        "DISCORD_GUILD_IDS": ",".join(str(g) for g in GUILDS.values()),
        "USER_MAX_ACTIVE_JOBS": "10",
    }
    return {
        shard: BotProcess(
            world.fake.base_url,
            {**bot_env(world.sim, world.workdir / "unused.db"), **common, "SHARD_IDS": str(shard)},
            world.workdir / f"shard{shard}.log",
        )
        for shard in GUILDS
    }


async def start_in_turn(world: World, bots: dict[int, BotProcess]) -> None:
    """Shard 0 first (it syncs the commands), then shard 1; back once every shard is ready."""
    await bots[0].start()
    await world.fake.wait_for_command_sync(timeout=30)
    await bots[1].start()
    await world.fake.wait_until_ready(timeout=30)


async def imagine_on_every_shard(world: World) -> list[InteractionRecord]:
    """``JOBS_PER_SHARD`` acknowledged ``/imagine`` commands in each shard's guild, shard 0's first."""
    records: list[InteractionRecord] = []
    for shard, guild in GUILDS.items():
        for i in range(JOBS_PER_SHARD):
            record = await world.fake.invoke_command(
                "imagine",
                {"prompt": f"shard {shard} job {i}"},
                user_id=MEMBER,
                guild_id=guild,
                channel_id=CHANNELS[shard],
            )
            await record.wait_for_ack(timeout=5)
            records.append(record)
    return records


def tasks_created_for(world: World, prompt: str) -> set[str | None]:
    """The simulator's task ids created for ``prompt`` (None for a call that made no task)."""
    return {r.task_id for r in world.sim.state.create_records if r.body["prompt"] == prompt}


def created(world: World, prefix: str) -> int:
    return len({r.task_id for r in world.sim.state.create_records if r.body["prompt"].startswith(prefix) and r.task_id})


async def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 - the simulator's records have no change event to wait on
            await asyncio.sleep(0.05)
