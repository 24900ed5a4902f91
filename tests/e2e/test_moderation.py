"""Moderation end to end: the real bot with a server's admin settings, refusals, approval and the audit log."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.support.fake_discord import (
    ADMIN_ROLE_ID,
    ADMIN_USER_ID,
    BOT_ROLE_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    DEFAULT_USER_ID,
    OTHER_CHANNEL_ID,
    FakeDiscord,
    InteractionRecord,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_250
LOCKED_CHANNEL_ID = 1_250_000_000_000_000_251
MODERATOR_ID = 1_250_000_000_000_005_001
MEMBER_ID = 1_250_000_000_000_005_002
VIEW, SEND, MANAGE_MESSAGES, MANAGE_GUILD = 1 << 10, 1 << 11, 1 << 13, 1 << 5


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.8, duration_max=0.8, seed=9), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        locked = fake.add_channel(DEFAULT_GUILD_ID, LOCKED_CHANNEL_ID, "read-only")
        locked.role_overwrites[BOT_ROLE_ID] = (0, SEND)
        fake.add_member(DEFAULT_GUILD_ID, MODERATOR_ID, "moderator", permissions=VIEW | SEND | MANAGE_MESSAGES)
        fake.add_member(DEFAULT_GUILD_ID, MEMBER_ID, "member")
        yield World(fake, sim, tmp_path_factory.mktemp("moderation"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "moderation")
    await deployment.start()
    await admin(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID})
    yield deployment
    await deployment.stop()


async def admin(world: World, command: str, options: dict[str, object] | None = None) -> str:
    record = await world.fake.invoke_command(command, options or {}, user_id=ADMIN_USER_ID)
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    return record.original.content if record.original else ""


async def imagine(world: World, prompt: str, **kwargs: object) -> InteractionRecord:
    record = await world.fake.invoke_command("imagine", {"prompt": prompt}, **kwargs)  # type: ignore[arg-type]
    await record.wait_for_ack(timeout=5)
    return record


async def audit_line(world: World, fragment: str) -> str:
    message = await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: fragment in m.content, timeout=10)
    assert not message.pings.any
    return message.content


async def test_a_non_admin_is_refused_by_the_bot_even_if_discord_let_it_through(world: World, bot: Deployment) -> None:
    record = await world.fake.invoke_command("imagine-admin show", {}, user_id=MEMBER_ID, member_permissions=VIEW)
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    assert "Manage Server" in record.original.content


async def test_show_puts_every_setting_in_one_embed(world: World, bot: Deployment) -> None:
    record = await world.fake.invoke_command("imagine-admin show", {}, user_id=ADMIN_USER_ID)
    await record.wait_for_ack(timeout=5)
    fields = {field["name"] for field in record.original.embeds[0]["fields"]}
    assert {"Where /imagine works", "Audit log", "Limits", "Exempt roles", "Role limits", "Member overrides"} <= fields
    assert any(name.startswith("Blocked terms") for name in fields)


async def test_a_member_without_the_allowed_role_is_refused(world: World, bot: Deployment) -> None:
    assert "allowed" in await admin(world, "imagine-admin roles allow", {"role": ADMIN_ROLE_ID})
    try:
        record = await imagine(world, "a role-gated cat", user_id=MEMBER_ID)
        assert record.ephemeral
        assert "certain roles" in record.original.content
        assert creates_for(world, "a role-gated cat") == 0
        assert "role" in await audit_line(world, "a role-gated cat")
        allowed = await imagine(world, "an admin's cat", user_id=ADMIN_USER_ID)
        await allowed.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    finally:
        await admin(world, "imagine-admin roles disallow", {"role": ADMIN_ROLE_ID})


async def test_a_prompt_in_a_channel_not_allowed_is_refused_with_a_pointer_to_the_right_one(
    world: World, bot: Deployment
) -> None:
    await admin(world, "imagine-admin channels add", {"channel": OTHER_CHANNEL_ID})
    await admin(world, "imagine-admin channels mode", {"mode": "allow-list"})
    try:
        record = await imagine(world, "wrong room", user_id=MEMBER_ID, channel_id=DEFAULT_CHANNEL_ID)
        assert record.ephemeral
        assert f"<#{OTHER_CHANNEL_ID}>" in record.original.content
        assert creates_for(world, "wrong room") == 0
        right = await imagine(world, "right room", user_id=MEMBER_ID, channel_id=OTHER_CHANNEL_ID)
        await right.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    finally:
        await admin(world, "imagine-admin channels mode", {"mode": "everywhere"})


async def test_a_blocked_term_is_refused_without_naming_it_and_the_audit_log_names_it(
    world: World, bot: Deployment
) -> None:
    await admin(world, "imagine-admin terms add", {"term": "gore"})
    try:
        record = await imagine(world, "so much g 0 r e", user_id=MEMBER_ID)
        assert record.ephemeral
        assert "does not allow" in record.original.content
        assert "gore" not in record.original.content
        assert creates_for(world, "so much g 0 r e") == 0
        assert "blocked term `gore`" in await audit_line(world, "so much g 0 r e")
        innocent = await imagine(world, "a gorilla", user_id=MEMBER_ID)
        await innocent.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    finally:
        await admin(world, "imagine-admin terms remove", {"term": "gore"})


async def test_approval_mode_submits_only_after_approve_and_never_after_reject(world: World, bot: Deployment) -> None:
    await admin(world, "imagine-admin channels approval", {"channel": DEFAULT_CHANNEL_ID, "required": True})
    try:
        approved = await imagine(world, "needs a nod", user_id=MEMBER_ID)
        await approved.wait_until_edit(lambda e: "approval" in (e.content or ""), timeout=10)
        request = await world.fake.wait_for_channel_message(
            AUDIT_CHANNEL_ID, lambda m: "needs a nod" in m.content and bool(m.custom_ids()), timeout=10
        )
        assert creates_for(world, "needs a nod") == 0
        approve_id = next(c for c in request.custom_ids() if c.startswith("imagine:approve:"))
        stranger = await world.fake.invoke_component(approve_id, request.id, user_id=MEMBER_ID, member_permissions=VIEW)
        await stranger.wait_for_ack(timeout=5)
        assert "manage messages" in stranger.original.content
        assert creates_for(world, "needs a nod") == 0
        click = await world.fake.invoke_component(approve_id, request.id, user_id=MODERATOR_ID)
        await click.wait_for_ack(timeout=5)
        await approved.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        assert creates_for(world, "needs a nod") == 1
        assert "approved by" in world.fake.message(request.id).content

        rejected = await imagine(world, "needs a nod too", user_id=MEMBER_ID)
        request = await world.fake.wait_for_channel_message(
            AUDIT_CHANNEL_ID, lambda m: "needs a nod too" in m.content and bool(m.custom_ids()), timeout=10
        )
        reject_id = next(c for c in request.custom_ids() if c.startswith("imagine:reject:"))
        click = await world.fake.invoke_component(reject_id, request.id, user_id=MODERATOR_ID)
        await click.wait_for(lambda r: any(cb.type == 9 for cb in r.callbacks), timeout=5)
        submitted = await world.fake.submit_modal(click, ["not in this channel"])
        await submitted.wait_for_ack(timeout=5)
        await rejected.wait_until_edit(lambda e: "A moderator rejected" in (e.content or ""), timeout=10)
        assert "not in this channel" in rejected.original.content
        assert creates_for(world, "needs a nod too") == 0
        assert bot.job_row("needs a nod too")["state"] == "rejected"
        assert bot.used(MEMBER_ID) == (await _delivered_images(bot, MEMBER_ID))
    finally:
        await admin(world, "imagine-admin channels approval", {"channel": DEFAULT_CHANNEL_ID, "required": False})


async def test_delete_by_a_moderator_removes_the_result_and_logs_it(world: World, bot: Deployment) -> None:
    record = await imagine(world, "soon gone", user_id=MEMBER_ID)
    await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    job_id = (await bot.settled("soon gone"))["id"]
    click = await world.fake.invoke_component(f"imagine:delete:{job_id}", record.original.id, user_id=MODERATOR_ID)
    await click.wait_for_followup(timeout=5)
    assert world.fake.message(record.original.id).deleted
    assert f"<@{MODERATOR_ID}>" in await audit_line(world, "result deleted")


async def test_every_job_and_settings_change_reaches_the_audit_log_without_pings(world: World, bot: Deployment) -> None:
    record = await imagine(world, "for the record", user_id=DEFAULT_USER_ID)
    await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    line = await audit_line(world, "for the record")
    assert "delivered" in line
    assert f"/channels/{DEFAULT_GUILD_ID}/{DEFAULT_CHANNEL_ID}/" in line
    assert "set the audit log" in await audit_line(world, "set the audit log")


async def _delivered_images(bot: Deployment, user_id: int) -> int:
    query = "SELECT COALESCE(SUM(images_charged), 0) FROM jobs WHERE user_id = ? AND state = 'delivered'"
    with sqlite3.connect(bot.database) as connection:
        return int(connection.execute(query, (user_id,)).fetchone()[0])


async def test_a_channel_the_bot_cannot_post_in_is_refused_with_a_clear_message(world: World, bot: Deployment) -> None:
    answer = await admin(world, "imagine-admin audit", {"channel": LOCKED_CHANNEL_ID})
    assert "Not changed" in answer
    assert "Send Messages" in answer
    assert (await admin(world, "imagine-admin channels add", {"channel": LOCKED_CHANNEL_ID})).startswith("❌")


async def test_results_can_be_private_to_the_requester_per_channel(world: World, bot: Deployment) -> None:
    await admin(world, "imagine-admin channels visibility", {"channel": OTHER_CHANNEL_ID, "results": "ephemeral"})
    try:
        record = await imagine(world, "for my eyes only", user_id=MEMBER_ID, channel_id=OTHER_CHANNEL_ID)
        assert record.ephemeral
        await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        assert record.original.ephemeral
        assert not [m for m in world.fake.channel_messages(OTHER_CHANNEL_ID) if "for my eyes only" in m.content]
    finally:
        await admin(world, "imagine-admin channels visibility", {"channel": OTHER_CHANNEL_ID, "results": "public"})


async def test_direct_messages_are_refused_unless_the_operator_allows_them(world: World, bot: Deployment) -> None:
    record = await imagine(world, "a dm request", user_id=MEMBER_ID, guild_id=None)
    assert record.ephemeral
    assert "direct messages" in record.original.content
    assert creates_for(world, "a dm request") == 0


async def test_forget_erases_a_members_jobs_and_usage(world: World, bot: Deployment) -> None:
    user = 1_250_000_000_000_005_003
    world.fake.add_member(DEFAULT_GUILD_ID, user, "forgettable")
    record = await imagine(world, "remember me not", user_id=user)
    await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    await bot.settled("remember me not")
    assert "erased 1 stored job and" in await admin(world, "imagine-admin forget", {"user": user})
    assert bot.job_row("remember me not") is None
    assert bot.used(user) == 0


async def test_a_private_result_whose_response_expired_is_never_posted_publicly(world: World, bot: Deployment) -> None:
    await admin(world, "imagine-admin channels visibility", {"channel": OTHER_CHANNEL_ID, "results": "ephemeral"})
    try:
        record = await imagine(world, "secret sketch [duration:1.5]", user_id=MEMBER_ID, channel_id=OTHER_CHANNEL_ID)
        world.fake.expire_token(record.token)
        row = await bot.settled("secret sketch [duration:1.5]")
    finally:
        await admin(world, "imagine-admin channels visibility", {"channel": OTHER_CHANNEL_ID, "results": "public"})
    assert row["state"] == "delivered"  # offered privately: tests/e2e/test_private_results.py
    assert not [m for m in world.fake.channel_messages(OTHER_CHANNEL_ID) if "secret sketch" in m.content]
    assert not [m for m in world.fake.channel_messages(OTHER_CHANNEL_ID) if m.attachments and row["id"] in m.content]
    assert bot.used(MEMBER_ID) == await _delivered_images(bot, MEMBER_ID)
