"""The operator's purse end to end, against the real bot process in two servers: one person's day across
both, a server admin refused a budget beyond the operator's, a server past its own budget getting one
image per request with its audit channel told, or sending requests (from an image too) for approval,
and the spend chart."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PIL import Image

from services.images.spend_chart import CHART_SIZE
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.e2e.image_inputs import picture
from tests.support.fake_discord import ADMIN_USER_ID, DEFAULT_GUILD_ID, FakeDiscord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

OTHER_GUILD = 1_250_000_000_000_014_100
OTHER_CHANNEL = 1_250_000_000_000_014_200
AUDIT_CHANNEL = 1_250_000_000_000_014_201
THIRD_GUILD = 1_250_000_000_000_014_101
THIRD_CHANNEL, THIRD_AUDIT = 1_250_000_000_000_014_202, 1_250_000_000_000_014_203
PERSON = 1_250_000_000_000_014_001  # a member of both servers
SPENDER = 1_250_000_000_000_014_002  # a member of the other server only
CHARTED = 1_250_000_000_000_014_003  # a member of the first server only
ASKER = 1_250_000_000_000_014_004  # a member of the third server only
PAINTER = 1_250_000_000_000_014_005  # a member of the third server only, starting from an image
PERSON_CAP, BOT_MONTHLY_CREDITS = 5, 500
ADMINISTRATOR = 1 << 3


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.5, duration_max=0.5, seed=14), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_guild(OTHER_GUILD, "the other server")
        fake.add_channel(OTHER_GUILD, OTHER_CHANNEL, "general")
        fake.add_channel(OTHER_GUILD, AUDIT_CHANNEL, "audit-log")
        fake.add_member(DEFAULT_GUILD_ID, PERSON, "person")
        fake.add_member(OTHER_GUILD, PERSON, "person")
        fake.add_member(OTHER_GUILD, SPENDER, "spender")
        fake.add_member(DEFAULT_GUILD_ID, CHARTED, "charted")
        fake.add_guild(THIRD_GUILD, "the third server")
        fake.add_channel(THIRD_GUILD, THIRD_CHANNEL, "general")
        fake.add_channel(THIRD_GUILD, THIRD_AUDIT, "audit-log")
        fake.add_member(THIRD_GUILD, ASKER, "asker")
        fake.add_member(THIRD_GUILD, PAINTER, "painter")
        fake.add_member(THIRD_GUILD, ADMIN_USER_ID, "carol", permissions=ADMINISTRATOR)
        fake.add_member(OTHER_GUILD, ADMIN_USER_ID, "carol", permissions=ADMINISTRATOR)
        yield World(fake, sim, tmp_path_factory.mktemp("purse"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "purse")
    env = {
        "USER_DAILY_IMAGES": str(PERSON_CAP),
        "CREDIT_BUDGET_MONTHLY": str(BOT_MONTHLY_CREDITS),
        "DISCORD_GUILD_IDS": f"{DEFAULT_GUILD_ID},{OTHER_GUILD},{THIRD_GUILD}",
    }
    await deployment.start(extra_env=env)
    assert (await admin(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL})).startswith("✅")
    yield deployment
    await deployment.stop()


async def admin(
    world: World, command: str, options: dict[str, object], guild: int = OTHER_GUILD, channel: int = OTHER_CHANNEL
) -> str:
    record = await world.fake.invoke_command(
        command, options, user_id=ADMIN_USER_ID, guild_id=guild, channel_id=channel
    )
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    return record.original.content if record.original else ""


async def imagine(world: World, user: int, prompt: str, n: int, guild: int = OTHER_GUILD) -> InteractionRecord:
    channel = OTHER_CHANNEL if guild == OTHER_GUILD else None
    record = await world.fake.invoke_command(
        "imagine", {"prompt": prompt, "n": n}, user_id=user, guild_id=guild, channel_id=channel
    )
    await record.wait_for_ack(timeout=5)
    return record


async def test_one_persons_images_count_across_servers_against_one_daily_cap(world: World, bot: Deployment) -> None:
    first = await imagine(world, PERSON, "three in the first server", 3, guild=DEFAULT_GUILD_ID)
    await first.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    refused = await imagine(world, PERSON, "three in the other server", 3)
    answer = await refused.wait_for_followup(lambda m: "across every server" in m.content, timeout=10)
    assert answer.ephemeral
    assert "2 of 5 left" in answer.content
    assert creates_for(world, "three in the other server") == 0
    usage = await world.fake.invoke_command("usage", {}, user_id=PERSON, guild_id=OTHER_GUILD, channel_id=OTHER_CHANNEL)
    shown = (await usage.wait_for_followup(timeout=10)).content
    assert "Images everywhere today (every server and DM): **3** of 5" in shown
    assert "This server's credits this month" not in shown  # for admins only


async def test_monthly_credits_beyond_the_operators_budget_are_refused_naming_it(world: World, bot: Deployment) -> None:
    answer = await admin(world, "imagine-admin quota server", {"monthly_credits": 1000.0})
    assert answer.startswith("❌ Not changed")
    assert "`monthly_credits`" in answer
    assert f"at most {BOT_MONTHLY_CREDITS}" in answer


async def test_past_its_budget_a_server_that_chose_one_image_gets_one_and_its_audit_channel_is_told(
    world: World, bot: Deployment
) -> None:
    options = {"monthly_credits": 2.0, "over_budget": "one-image"}
    assert (await admin(world, "imagine-admin quota server", options)).startswith("✅")
    show = await world.fake.invoke_command(
        "imagine-admin show", {}, user_id=ADMIN_USER_ID, guild_id=OTHER_GUILD, channel_id=OTHER_CHANNEL
    )
    await show.wait_for_ack(timeout=5)
    budget = {field["name"]: field["value"] for field in show.original.embeds[0]["fields"]}["Budget"]
    assert budget == "credits per month: 2\nonce it is spent: one image per request"
    spent = await imagine(world, SPENDER, "the budget in one go", 2)
    await spent.wait_until_edit(lambda e: len(e.files) == 2, timeout=RESULT_TIMEOUT)
    alert = await world.fake.wait_for_channel_message(AUDIT_CHANNEL, lambda m: "budget is spent" in m.content)
    assert "This server's credits this month" in alert.content
    assert "one image each" in alert.content
    beyond = await imagine(world, SPENDER, "three beyond the budget", 3)
    await beyond.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    assert (await bot.settled("three beyond the budget"))["n"] == 1
    assert [r.body["n"] for r in world.sim.state.create_records if r.body["prompt"] == "three beyond the budget"] == [1]
    usage = await world.fake.invoke_command(
        "usage", {}, user_id=ADMIN_USER_ID, guild_id=OTHER_GUILD, channel_id=OTHER_CHANNEL
    )
    assert "This server's credits this month: 3 of 2" in (await usage.wait_for_followup(timeout=10)).content


async def test_spend_shows_a_chart_of_the_last_30_days_and_the_top_members(world: World, bot: Deployment) -> None:
    spent = await imagine(world, CHARTED, "something to chart", 2, guild=DEFAULT_GUILD_ID)
    await spent.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    record = await world.fake.invoke_command("imagine-admin spend", {}, user_id=ADMIN_USER_ID)
    report = await record.wait_for_followup(lambda m: bool(m.attachments), timeout=15)
    assert report.ephemeral
    assert "Top members" in report.content
    assert f"<@{CHARTED}>: 2 images" in report.content
    assert not report.pings.any
    chart = report.attachments[0]
    assert chart.filename == "spend.png"
    with Image.open(io.BytesIO(chart.data)) as image:
        assert (image.format, image.size) == ("PNG", CHART_SIZE)
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 3


async def test_past_its_budget_a_server_that_chose_approval_sends_each_request_to_its_moderators(
    world: World, bot: Deployment
) -> None:
    settings = [("imagine-admin audit", {"channel": THIRD_AUDIT})]
    settings.append(("imagine-admin quota server", {"monthly_credits": 0.0, "over_budget": "approval"}))
    for command, options in settings:
        assert (await admin(world, command, options, THIRD_GUILD, THIRD_CHANNEL)).startswith("✅")
    record = await world.fake.invoke_command(
        "imagine", {"prompt": "beyond a spent budget"}, user_id=ASKER, guild_id=THIRD_GUILD, channel_id=THIRD_CHANNEL
    )
    await record.wait_for_ack(timeout=5)
    request = await world.fake.wait_for_channel_message(
        THIRD_AUDIT, lambda m: "beyond a spent budget" in m.content and bool(m.custom_ids())
    )
    assert request.custom_ids()
    alert = await world.fake.wait_for_channel_message(THIRD_AUDIT, lambda m: "budget is spent" in m.content)
    assert "wait for a moderator's approval" in alert.content
    assert (await bot.wait_for_row("beyond a spent budget", "awaiting_approval"))["n"] == 1
    assert creates_for(world, "beyond a spent budget") == 0


async def test_past_its_budget_a_request_from_an_image_still_goes_to_the_moderators(
    world: World, bot: Deployment
) -> None:
    # The quota is checked before the image is downloaded: as the request would then be taken, past the
    # server's own budget sent for approval, not refused.
    settings = [("imagine-admin audit", {"channel": THIRD_AUDIT})]
    settings.append(("imagine-admin quota server", {"monthly_credits": 0.0, "over_budget": "approval"}))
    for command, options in settings:
        assert (await admin(world, command, options, THIRD_GUILD, THIRD_CHANNEL)).startswith("✅")
    options = {"prompt": "an image beyond a spent budget", "image": world.fake.uploads.upload(picture())}
    record = await world.fake.invoke_command(
        "imagine", options, user_id=PAINTER, guild_id=THIRD_GUILD, channel_id=THIRD_CHANNEL
    )
    await record.wait_for_ack(timeout=5)
    assert (await bot.wait_for_row("an image beyond a spent budget", "awaiting_approval"))["n"] == 1
