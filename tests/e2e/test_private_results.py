"""Private results end to end: a result meant for the requester alone whose interaction expired reaches
them through a **Show them** button (answered privately, re-fetched from the stored links), survives a
restart, and a private job that could never reach its requester is refused before the API is called."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.support.fake_discord import (
    ADMIN_USER_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    FakeDiscord,
    InteractionRecord,
    MessageRecord,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_260
REQUESTER_ID = 1_250_000_000_000_006_001
BYSTANDER_ID = 1_250_000_000_000_006_002
VIEW, SEND = 1 << 10, 1 << 11


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.8, duration_max=0.8, seed=13), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        fake.add_member(DEFAULT_GUILD_ID, REQUESTER_ID, "requester")
        fake.add_member(DEFAULT_GUILD_ID, BYSTANDER_ID, "bystander")
        yield World(fake, sim, tmp_path_factory.mktemp("private"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "private")
    await deployment.start()
    await admin(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID})
    await admin(world, "imagine-admin channels visibility", {"channel": OTHER_CHANNEL_ID, "results": "ephemeral"})
    yield deployment
    await deployment.stop()


async def admin(world: World, command: str, options: dict[str, object]) -> None:
    record = await world.fake.invoke_command(command, options, user_id=ADMIN_USER_ID)
    await record.wait_for_ack(timeout=5)
    await record.wait_for(lambda r: r.original is not None and not r.original.loading, timeout=10)


async def private_imagine(world: World, prompt: str, **kwargs: object) -> InteractionRecord:
    options = {"prompt": prompt, "n": 2}
    record = await world.fake.invoke_command(
        "imagine",
        options,
        user_id=REQUESTER_ID,
        channel_id=OTHER_CHANNEL_ID,
        **kwargs,  # type: ignore[arg-type]
    )
    await record.wait_for_ack(timeout=5)
    return record


async def notice_after_expiry(world: World, prompt: str) -> MessageRecord:
    """Ask for a private result, let its interaction expire before it is ready, and return the notice."""
    record = await private_imagine(world, prompt)
    assert record.ephemeral
    world.fake.expire_token(record.token)
    return await world.fake.wait_for_channel_message(
        OTHER_CHANNEL_ID, lambda m: any(c.startswith("imagine:show:") for c in m.custom_ids()), timeout=RESULT_TIMEOUT
    )


async def click_show(world: World, notice: MessageRecord, user_id: int) -> InteractionRecord:
    (custom_id,) = [c for c in notice.custom_ids() if c.startswith("imagine:show:")]
    click = await world.fake.invoke_component(custom_id, notice.id, user_id=user_id)
    await click.wait_for_ack(timeout=5)
    return click


def charged(bot: Deployment, prompt: str) -> tuple[str, int]:
    with sqlite3.connect(bot.database) as connection:
        row = connection.execute("SELECT state, images_charged FROM jobs WHERE prompt = ?", (prompt,)).fetchone()
    return row[0], int(row[1])


async def test_an_expired_private_result_is_offered_in_the_channel_without_images_pinging_the_requester_only(
    world: World, bot: Deployment
) -> None:
    notice = await notice_after_expiry(world, "hidden lighthouse [duration:1.5]")
    assert not notice.attachments
    assert "hidden lighthouse" not in notice.content
    assert notice.pings.user_ids == [REQUESTER_ID]
    assert not notice.pings.role_ids
    assert not notice.pings.everyone
    assert await bot.settled("hidden lighthouse [duration:1.5]")
    assert charged(bot, "hidden lighthouse [duration:1.5]") == ("delivered", 2)


async def test_the_requesters_click_shows_the_images_privately(world: World, bot: Deployment) -> None:
    notice = await notice_after_expiry(world, "hidden harbour [duration:1.5]")
    click = await click_show(world, notice, REQUESTER_ID)
    assert click.ephemeral
    shown = await click.wait_for_followup(lambda m: bool(m.attachments), timeout=RESULT_TIMEOUT)
    assert shown.ephemeral
    assert len(shown.attachments) == 2
    assert not [m for m in world.fake.channel_messages(OTHER_CHANNEL_ID) if m.attachments]


async def test_another_members_click_is_refused_privately_without_images(world: World, bot: Deployment) -> None:
    notice = await notice_after_expiry(world, "hidden garden [duration:1.5]")
    click = await click_show(world, notice, BYSTANDER_ID)
    assert click.ephemeral
    await click.wait_for(lambda r: r.original is not None and "only the member" in r.original.content, timeout=10)
    assert not click.followups
    assert not click.original.attachments


async def test_the_show_button_still_works_after_a_restart(world: World, bot: Deployment) -> None:
    notice = await notice_after_expiry(world, "hidden valley [duration:1.5]")
    await bot.settled("hidden valley [duration:1.5]")
    await bot.stop()
    await bot.start()
    click = await click_show(world, notice, REQUESTER_ID)
    shown = await click.wait_for_followup(lambda m: bool(m.attachments), timeout=RESULT_TIMEOUT)
    assert shown.ephemeral
    assert len(shown.attachments) == 2


async def test_a_private_job_the_bot_could_not_bring_back_is_refused_before_the_api(
    world: World, bot: Deployment
) -> None:
    record = await private_imagine(world, "hidden cave", app_permissions=VIEW)  # the bot may not post here
    assert record.ephemeral
    await record.wait_for(lambda r: r.original is not None and "cannot post here" in r.original.content, timeout=10)
    assert creates_for(world, "hidden cave") == 0
    assert bot.job_row("hidden cave") is None
