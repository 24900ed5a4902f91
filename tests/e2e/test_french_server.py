"""A server whose Discord locale is French, end to end (the real bot against the fake Discord): what the
bot recognises of its own posts, and what it writes on them later, does not depend on the language of
whoever comes next (a restarted task, a moderator whose client speaks German)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from discord_side.catalogue import text_in
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.support.fake_discord import (
    ADMIN_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    FakeDiscord,
    InteractionRecord,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SERVER = "fr"
MODERATOR_LOCALE = "de"
AUDIT_CHANNEL_ID = 1_250_000_000_000_000_917
MODERATOR_ID = 1_250_000_000_000_017_001
MEMBER_ID = 1_250_000_000_000_017_002
VIEW, SEND, MANAGE_MESSAGES = 1 << 10, 1 << 11, 1 << 13


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.5, duration_max=0.5, seed=17), access_log=False)
    async with FakeDiscord() as fake:
        fake.world.guild(DEFAULT_GUILD_ID).preferred_locale = SERVER
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        fake.add_member(DEFAULT_GUILD_ID, MODERATOR_ID, "moderator", permissions=VIEW | SEND | MANAGE_MESSAGES)
        fake.add_member(DEFAULT_GUILD_ID, MEMBER_ID, "member")
        yield World(fake, sim, tmp_path_factory.mktemp("french-server"))
    await sim.close()


async def admin(world: World, command: str, options: dict[str, object]) -> None:
    record = await world.fake.invoke_command(command, options, user_id=ADMIN_USER_ID)
    await record.wait_for_ack(timeout=5)


def results_posted(world: World, record: InteractionRecord, job_id: str) -> int:
    edits = sum(1 for edit in record.edits if edit.status < 300 and edit.files)
    channel = [m for m in world.fake.channel_messages(DEFAULT_CHANNEL_ID) if job_id in m.content and m.attachments]
    return edits + len(channel)


async def test_a_channel_post_cut_short_by_a_crash_is_not_repeated_in_a_french_server(world: World) -> None:
    """Like tests/e2e/test_durability.py's channel case, in a server speaking French: the restarted bot
    must recognise the post ("génération `id`") although its task speaks no French."""
    deployment = Deployment(world, "channel-fr")
    user = 1_250_000_000_000_017_010
    world.fake.add_member(DEFAULT_GUILD_ID, user, "patient")
    prompt = "durable lighthouse in french"
    world.fake.messages.nonce_window = 0.0
    try:
        await deployment.start(crash_at="during_channel_upload")
        record = await world.fake.invoke_command("imagine", {"prompt": prompt, "n": 2}, user_id=user, locale=SERVER)
        await record.wait_for_ack(timeout=5)
        world.fake.expire_token(record.token)
        assert await deployment.kill_at_marker() == "during_channel_upload"
        await deployment.start()
        row = await deployment.settled(prompt)
    finally:
        world.fake.messages.nonce_window = 300.0
        await deployment.stop()
    assert row["public_locale"] == SERVER
    assert row["state"] == "delivered"
    assert results_posted(world, record, row["id"]) == 1


async def test_an_approval_decided_by_a_german_moderator_keeps_the_servers_language(world: World) -> None:
    """The request is posted in French; the German moderator's Approve must drop its (French) hint and
    add a French verdict, not keep the hint and append German."""
    deployment = Deployment(world, "approval-fr")
    try:
        await deployment.start()
        await admin(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID})
        await admin(world, "imagine-admin channels approval", {"channel": DEFAULT_CHANNEL_ID, "required": True})
        asked = await world.fake.invoke_command("imagine", {"prompt": "a nod in french"}, user_id=MEMBER_ID)
        await asked.wait_for_ack(timeout=5)
        request = await world.fake.wait_for_channel_message(
            AUDIT_CHANNEL_ID, lambda m: "a nod in french" in m.content and bool(m.custom_ids()), timeout=10
        )
        assert text_in(SERVER, "audit-approval-hint") in request.content
        approve_id = next(c for c in request.custom_ids() if c.startswith("imagine:approve:"))
        click = await world.fake.invoke_component(approve_id, request.id, user_id=MODERATOR_ID, locale=MODERATOR_LOCALE)
        await click.wait_for_ack(timeout=5)
        await asked.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        closed = world.fake.message(request.id).content
    finally:
        await deployment.stop()
    assert text_in(SERVER, "audit-approval-hint") not in closed
    assert text_in(SERVER, "approval-approved", moderator=f"<@{MODERATOR_ID}>") in closed
