"""The operator's limits of issue 14 that test_purse.py leaves out, end to end against the real bot: the
bot's day shared by every server, the credit budgets per day and per month (refusal, log line and
metrics at 80% and 100%), trusted servers, a server's per-role and per-member settings within the
ceilings, and two processes on PostgreSQL serving one person in two servers."""

from __future__ import annotations

import asyncio
import re
import signal
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.databases import empty_schema
from tests.e2e.bot_process import BotProcess
from tests.e2e.conftest import bot_env
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.e2e.test_hostile_input import free_port
from tests.e2e.test_scale_out import start_in_turn
from tests.support.fake_discord import (
    ADMIN_USER_ID,
    DEFAULT_GUILD_ID,
    FakeDiscord,
    InteractionRecord,
    snowflake_for_shard,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

OTHER_GUILD, OTHER_CHANNEL = 1_250_000_000_000_014_300, 1_250_000_000_000_014_301
TRUSTED_GUILD, TRUSTED_CHANNEL = 1_250_000_000_000_014_310, 1_250_000_000_000_014_311
ARTISTS = 1_250_000_000_000_014_320  # a role of the default server
FIRST, SECOND, TRUSTED_MEMBER = 1_250_000_000_000_014_401, 1_250_000_000_000_014_402, 1_250_000_000_000_014_403
ARTIST, PLAIN, BONUSED = 1_250_000_000_000_014_404, 1_250_000_000_000_014_405, 1_250_000_000_000_014_406
SPENDERS = {"daily": 1_250_000_000_000_014_407, "monthly": 1_250_000_000_000_014_408}
CHANNELS = {DEFAULT_GUILD_ID: None, OTHER_GUILD: OTHER_CHANNEL, TRUSTED_GUILD: TRUSTED_CHANNEL}
PERSON_CAP, BOT_DAY, CREDIT_BUDGET, BOT_MONTHLY_CREDITS = 3, 4, 5, 100
ADMINISTRATOR = 1 << 3


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.3, duration_max=0.3, seed=141), access_log=False)
    async with FakeDiscord() as fake:
        for guild, name in ((OTHER_GUILD, "the other server"), (TRUSTED_GUILD, "the trusted server")):
            fake.add_guild(guild, name)
            fake.add_channel(guild, CHANNELS[guild], "general")
            fake.add_member(guild, ADMIN_USER_ID, "carol", permissions=ADMINISTRATOR)
        fake.add_role(DEFAULT_GUILD_ID, ARTISTS, "artists")
        for user, name in ((FIRST, "first"), (PLAIN, "plain"), (BONUSED, "bonused"), *_spenders()):
            fake.add_member(DEFAULT_GUILD_ID, user, name)
        fake.add_member(DEFAULT_GUILD_ID, ARTIST, "artist", roles=[ARTISTS])
        fake.add_member(OTHER_GUILD, SECOND, "second")
        fake.add_member(TRUSTED_GUILD, TRUSTED_MEMBER, "trusted member")
        yield World(fake, sim, tmp_path_factory.mktemp("purse-limits"))
    await sim.close()


def _spenders() -> list[tuple[int, str]]:
    return [(user, f"spender {budget}") for budget, user in SPENDERS.items()]


async def started(world: World, name: str, env: dict[str, str]) -> Deployment:
    """A bot on a database of its own, serving the three servers, with `env` on top of the e2e settings."""
    deployment = Deployment(world, name)
    guilds = f"{DEFAULT_GUILD_ID},{OTHER_GUILD},{TRUSTED_GUILD}"
    await deployment.start(extra_env={"DISCORD_GUILD_IDS": guilds, "USER_DAILY_IMAGES": str(PERSON_CAP), **env})
    return deployment


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def settings_bot(world: World) -> AsyncIterator[Deployment]:
    """A bot whose only bot-wide limit is the monthly credits, with one trusted server."""
    env = {"TRUSTED_GUILD_IDS": str(TRUSTED_GUILD), "CREDIT_BUDGET_MONTHLY": str(BOT_MONTHLY_CREDITS)}
    deployment = await started(world, "settings", env)
    yield deployment
    await deployment.stop()


async def admin(world: World, command: str, options: dict[str, object], guild: int = DEFAULT_GUILD_ID) -> str:
    record = await world.fake.invoke_command(
        command, options, user_id=ADMIN_USER_ID, guild_id=guild, channel_id=CHANNELS[guild]
    )
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    return record.original.content if record.original else ""


async def imagine(world: World, user: int, prompt: str, n: int, guild: int = DEFAULT_GUILD_ID) -> InteractionRecord:
    record = await world.fake.invoke_command(
        "imagine", {"prompt": prompt, "n": n}, user_id=user, guild_id=guild, channel_id=CHANNELS[guild]
    )
    await record.wait_for_ack(timeout=5)
    return record


async def delivered(world: World, user: int, prompt: str, n: int, guild: int = DEFAULT_GUILD_ID) -> None:
    """Ask for `n` images and wait until all of them are posted."""
    record = await imagine(world, user, prompt, n, guild)
    edit = await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    assert len(edit.files) == n, prompt


async def refused(world: World, user: int, prompt: str, n: int, words: str, guild: int = DEFAULT_GUILD_ID) -> str:
    """Ask for `n` images and return the private refusal that contains `words`; nothing reached the API."""
    record = await imagine(world, user, prompt, n, guild)
    answer = await record.wait_for_followup(lambda m: words in m.content, timeout=10)
    assert answer.ephemeral
    assert creates_for(world, prompt) == 0
    return answer.content


async def test_a_trusted_servers_admin_may_pass_the_per_member_ceilings_an_untrusted_ones_may_not(
    world: World, settings_bot: Deployment
) -> None:
    answer = await admin(world, "imagine-admin quota server", {"daily_images": PERSON_CAP + 1}, OTHER_GUILD)
    assert answer.startswith("❌ Not changed")
    assert f"`daily_images` (images per member per day) can be at most {PERSON_CAP}" in answer
    trusted = await admin(world, "imagine-admin quota server", {"daily_images": PERSON_CAP + 1}, TRUSTED_GUILD)
    assert trusted.startswith("✅"), trusted
    await delivered(world, TRUSTED_MEMBER, "beyond the person's cap in a trusted server", PERSON_CAP + 1, TRUSTED_GUILD)
    assert creates_for(world, "beyond the person's cap in a trusted server") == 1


async def test_a_trusted_servers_admin_is_refused_monthly_credits_beyond_the_bots_budget(
    world: World, settings_bot: Deployment
) -> None:
    options = {"monthly_credits": float(BOT_MONTHLY_CREDITS + 1)}
    answer = await admin(world, "imagine-admin quota server", options, TRUSTED_GUILD)
    assert answer.startswith("❌ Not changed")
    assert f"`monthly_credits` (the server's credits per month) can be at most {BOT_MONTHLY_CREDITS}" in answer
    within = await admin(
        world, "imagine-admin quota server", {"monthly_credits": float(BOT_MONTHLY_CREDITS)}, TRUSTED_GUILD
    )
    assert within.startswith("✅"), within


async def test_a_roles_limits_and_a_members_bonus_within_the_ceilings_set_what_each_member_may_ask(
    world: World, settings_bot: Deployment
) -> None:
    for command, options in [
        ("imagine-admin quota server", {"daily_images": 1}),
        ("imagine-admin roles limits", {"role": ARTISTS, "daily_images": 2}),
        ("imagine-admin quota member", {"member": BONUSED, "bonus_images": 2}),
    ]:
        answer = await admin(world, command, options)
        assert answer.startswith("✅"), (command, answer)
    try:
        await delivered(world, ARTIST, "two by the artists' role", 2)
        await delivered(world, BONUSED, "three with a bonus", 3)
        answer = await refused(world, PLAIN, "two by the server's one", 2, "Daily limit reached")
        assert "you asked for 2 images but have 1 of 1 left" in answer
    finally:
        await admin(world, "imagine-admin quota server", {"reset": True})


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def day_bot(world: World) -> AsyncIterator[tuple[Deployment, int]]:
    """A bot with a small day of images for all servers together, one of them trusted."""
    port = free_port()
    env = {"BOT_DAILY_IMAGES": str(BOT_DAY), "TRUSTED_GUILD_IDS": str(TRUSTED_GUILD), "WEB_PORT": str(port)}
    deployment = await started(world, "bot-day", env)
    yield deployment, port
    await deployment.stop()


async def test_the_bots_day_counts_every_servers_images_a_trusted_ones_too(
    world: World, day_bot: tuple[Deployment, int]
) -> None:
    deployment, port = day_bot
    assert (await admin(world, "imagine-admin quota server", {"daily_images": 10}, TRUSTED_GUILD)).startswith("✅")
    await delivered(world, FIRST, "three of the bot's day", 3)
    answer = await refused(world, SECOND, "two in the other server", 2, "The bot's daily limit", OTHER_GUILD)
    assert f"1 of its {BOT_DAY} images are left today and you asked for 2" in answer
    await refused(world, TRUSTED_MEMBER, "two in the trusted server", 2, "The bot's daily limit", TRUSTED_GUILD)
    await delivered(world, TRUSTED_MEMBER, "the bot's last image", 1, TRUSTED_GUILD)
    log = deployment.log.read_text()
    assert "operator budget bot_daily reached 80%" in log
    assert "operator budget bot_daily reached 100%" in log
    metrics = await scrape(port)
    assert metric(metrics, 'imagine_budget_remaining{budget="bot_daily"}') == 0
    assert metric(metrics, 'imagine_budget_alerts_total{budget="bot_daily",level="100"}') == 1


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=["daily", "monthly"])
async def credit_bot(world: World, request: pytest.FixtureRequest) -> AsyncIterator[tuple[Deployment, int, str]]:
    """A bot with a small credit budget per day, or per month (the other unset)."""
    period: str = request.param
    port = free_port()
    env = {f"CREDIT_BUDGET_{period.upper()}": str(CREDIT_BUDGET), "WEB_PORT": str(port), "USER_DAILY_IMAGES": "10"}
    deployment = await started(world, f"credits-{period}", env)
    yield deployment, port, period
    await deployment.stop()


async def test_the_bots_credit_budget_spent_in_one_server_refuses_another_and_alerts_the_operator_at_80_and_100(
    world: World, credit_bot: tuple[Deployment, int, str]
) -> None:
    deployment, port, period = credit_bot
    spender, budget = SPENDERS[period], f"credits_{period}"
    await delivered(world, spender, f"four credits of the {period} budget", 4)
    await deployment.settled(f"four credits of the {period} budget")
    assert f"operator budget {budget} reached 80%" in deployment.log.read_text()
    words = f"The bot's {period} budget is spent"
    answer = await refused(world, SECOND, f"two beyond the {period} budget", 2, words, OTHER_GUILD)
    left = "today" if period == "daily" else "this month"
    assert f"1 of its {CREDIT_BUDGET} credits are left {left} and this request needs 2" in answer
    assert f"operator budget {budget} reached 100%" in deployment.log.read_text()
    metrics = await scrape(port)
    assert metric(metrics, f'imagine_budget_remaining{{budget="{budget}"}}') == 1
    for level in ("80", "100"):
        assert metric(metrics, f'imagine_budget_alerts_total{{budget="{budget}",level="{level}"}}') == 1
    assert metric(metrics, "imagine_credits_spent_total") == 4


async def scrape(port: int) -> str:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200
        return await response.text()


def metric(exposition: str, sample: str) -> float:
    """The value of one sample (name and labels as printed) in a Prometheus text exposition."""
    found = re.search(rf"^{re.escape(sample)} (\S+)$", exposition, re.MULTILINE)
    assert found is not None, f"{sample} not in /metrics:\n{exposition}"
    return float(found.group(1))


SHARD_GUILDS = {0: snowflake_for_shard(0, 2, offset=14), 1: snowflake_for_shard(1, 2, offset=14)}
PERSON_IN_BOTH = 1_250_000_000_000_014_409
REQUESTS_PER_SERVER = 3


async def test_two_processes_on_postgresql_give_one_person_in_two_servers_exactly_their_cap(
    tmp_path_factory: pytest.TempPathFactory, postgres_database: str
) -> None:
    await empty_schema(postgres_database)
    sim = await start_simulator(SimConfig(duration_min=0.3, duration_max=0.3, seed=142), access_log=False)
    async with FakeDiscord(shard_count=2) as fake:
        for shard, guild in SHARD_GUILDS.items():
            fake.add_guild(guild, f"shard {shard} server")
            fake.add_channel(guild, guild + 1, "general")
            fake.add_member(guild, PERSON_IN_BOTH, "person")
        world = World(fake, sim, tmp_path_factory.mktemp("purse-scale"))
        bots = two_processes(world, postgres_database)
        try:
            await start_in_turn(world, bots)
            records = await asyncio.gather(
                *(at_once(world, guild, i) for guild in SHARD_GUILDS.values() for i in range(REQUESTS_PER_SERVER))
            )
            outcomes = await asyncio.gather(*(outcome(record) for record in records))
        finally:
            for bot in bots.values():
                await bot.stop(signal.SIGTERM)
    await sim.close()
    assert sorted(outcomes) == ["delivered"] * PERSON_CAP + ["refused"] * (2 * REQUESTS_PER_SERVER - PERSON_CAP)
    assert len([r for r in sim.state.create_records if r.body["prompt"].startswith("at once")]) == PERSON_CAP


def two_processes(world: World, database_url: str) -> dict[int, BotProcess]:
    """A bot process for each shard on one PostgreSQL database, the person's cap 3 in all."""
    common = {
        "DATABASE_URL": database_url,
        "SHARD_COUNT": "2",
        "DISCORD_GUILD_IDS": ",".join(str(g) for g in SHARD_GUILDS.values()),
        "USER_DAILY_IMAGES": str(PERSON_CAP),
        "USER_MAX_ACTIVE_JOBS": "10",
    }
    return {
        shard: BotProcess(
            world.fake.base_url,
            {**bot_env(world.sim, world.workdir / "unused.db"), **common, "SHARD_IDS": str(shard)},
            world.workdir / f"shard{shard}.log",
        )
        for shard in SHARD_GUILDS
    }


async def at_once(world: World, guild: int, i: int) -> InteractionRecord:
    return await world.fake.invoke_command(
        "imagine", {"prompt": f"at once {guild} {i}"}, user_id=PERSON_IN_BOTH, guild_id=guild, channel_id=guild + 1
    )


async def outcome(record: InteractionRecord) -> str:
    """ "delivered" once the request's image is posted, "refused" once the person's cap refused it."""
    await record.wait_for_ack(timeout=10)
    done = await record.wait_for(
        lambda r: (
            any(e.status < 300 and e.files for e in r.edits)
            or any("across every server" in m.content for m in r.followups)
        ),
        timeout=RESULT_TIMEOUT,
    )
    return "delivered" if any(e.status < 300 and e.files for e in done.edits) else "refused"
