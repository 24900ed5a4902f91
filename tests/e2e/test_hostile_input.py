"""Hostile input end to end, against the real bot process: a server admin trying to lift the operator's
limits, a prompt with a control character, junk on the callback path, and the API's own words (a 402's
message) that must never reach a server's audit channel."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.conftest import DAILY_LIMIT
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.support.fake_discord import ADMIN_USER_ID, DEFAULT_GUILD_ID, FakeDiscord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SERVER_TOTAL = 200  # the bot's GUILD_DAILY_IMAGES here (its default)
AUDIT_CHANNEL_ID = 1_250_000_000_000_000_350
MEMBER_ID = 1_250_000_000_000_006_001
VENDOR_WORDS = "Your balance of 0.00 credits on account acme-42 is exhausted; contact billing@vendor.example"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.5, duration_max=0.5, seed=13), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        fake.add_member(DEFAULT_GUILD_ID, MEMBER_ID, "member")
        yield World(fake, sim, tmp_path_factory.mktemp("hostile"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[tuple[Deployment, int]]:
    deployment = Deployment(world, "hostile")
    port = free_port()
    await deployment.start(extra_env={"WEB_PORT": str(port), "GUILD_DAILY_IMAGES": str(SERVER_TOTAL)})
    await admin(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID})
    yield deployment, port
    await deployment.stop()


async def admin(world: World, command: str, options: dict[str, object]) -> str:
    record = await world.fake.invoke_command(command, options, user_id=ADMIN_USER_ID)
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    return record.original.content if record.original else ""


async def imagine(world: World, prompt: str) -> InteractionRecord:
    record = await world.fake.invoke_command("imagine", {"prompt": prompt}, user_id=MEMBER_ID)
    await record.wait_for_ack(timeout=5)
    return record


async def test_a_server_total_above_the_operators_is_refused_naming_the_ceiling(
    world: World, bot: tuple[Deployment, int]
) -> None:
    answer = await admin(world, "imagine-admin quota server", {"server_daily_images": 1_000_000})
    assert answer.startswith("❌ Not changed")
    assert f"at most {SERVER_TOTAL}" in answer
    assert "server_daily_images" in answer
    shown = await admin(world, "imagine-admin show", {})
    assert "1000000" not in shown
    assert (await admin(world, "imagine-admin quota server", {"server_daily_images": 50})).startswith("✅")
    await admin(world, "imagine-admin quota server", {"reset": True})


async def test_a_daily_limit_above_the_operators_is_refused_for_the_server_and_for_a_role(
    world: World, bot: tuple[Deployment, int]
) -> None:
    for command, options in [
        ("imagine-admin quota server", {"daily_images": DAILY_LIMIT + 1}),
        ("imagine-admin roles limits", {"role": DEFAULT_GUILD_ID, "daily_images": 10_000}),
        ("imagine-admin quota member", {"member": MEMBER_ID, "bonus_images": DAILY_LIMIT + 1}),
    ]:
        answer = await admin(world, command, options)
        assert answer.startswith("❌ Not changed"), command
        assert f"at most {DAILY_LIMIT}" in answer, command


async def test_settings_stored_looser_than_the_operators_do_not_lift_a_members_limit(
    world: World, bot: tuple[Deployment, int]
) -> None:
    deployment, _ = bot
    with sqlite3.connect(deployment.database, timeout=10) as connection:  # stored before the ceilings existed
        connection.execute(
            "REPLACE INTO guild_quota (guild_id, user_daily_images, guild_daily_images) VALUES (?, 1000, 1000000)",
            (DEFAULT_GUILD_ID,),
        )
        connection.execute(
            "INSERT INTO exempt_roles (guild_id, role_id) VALUES (?, ?)", (DEFAULT_GUILD_ID, DEFAULT_GUILD_ID)
        )
    try:
        record = await world.fake.invoke_command("usage", {}, user_id=MEMBER_ID)
        standing = (await record.wait_for_followup(timeout=10)).content
        assert f"used of {DAILY_LIMIT}," in standing
        assert f"of {SERVER_TOTAL}" in standing  # the server total, not the 1,000,000 stored
    finally:
        await admin(world, "imagine-admin quota server", {"reset": True})
        await admin(world, "imagine-admin roles exempt", {"role": DEFAULT_GUILD_ID, "exempt": False})


async def test_a_prompt_with_a_nul_is_refused_naming_the_control_character(
    world: World, bot: tuple[Deployment, int]
) -> None:
    record = await imagine(world, "a cat\x00 in the rain")
    assert record.ephemeral
    assert "control character (U+0000)" in record.original.content
    assert creates_for(world, "a cat\x00 in the rain") == 0


@pytest.mark.parametrize("path", ["/callbacks/abc%00.x", "/callbacks/%00", "/callbacks/../metrics"])
async def test_junk_on_the_callback_path_is_not_found(bot: tuple[Deployment, int], path: str) -> None:
    _, port = bot
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"POST {path} HTTP/1.1\r\nHost: bot\r\nContent-Length: 2\r\n\r\n{{}}".encode())
    answer = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    assert answer.startswith(b"HTTP/1.1 404 ")


async def test_a_402_with_the_vendors_message_never_puts_those_words_in_the_audit_channel(
    world: World, bot: tuple[Deployment, int]
) -> None:
    deployment, _ = bot
    world.sim.state.add_fault("create", {"status": 402, "message": VENDOR_WORDS})
    record = await imagine(world, "no credits left")
    failure = await record.wait_until_edit(lambda e: "unavailable" in (e.content or ""), timeout=RESULT_TIMEOUT)
    line = await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: "no credits left" in m.content, timeout=10
    )
    assert deployment.job_row("no credits left")["state"] == "failed"
    for shown in (line.content, failure.content):
        assert not [words for words in ("acme-42", "billing@vendor.example", "balance") if words in shown]
    assert "acme-42" in deployment.log.read_text()  # the operator's log keeps the API's words


async def test_a_failed_task_never_puts_the_vendors_message_in_the_audit_channel(
    world: World, bot: tuple[Deployment, int]
) -> None:
    record = await imagine(world, "unlucky [fail:service_error]")
    await record.wait_until_edit(lambda e: "failed to generate" in (e.content or ""), timeout=RESULT_TIMEOUT)
    line = await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: "unlucky" in m.content and "failed" in m.content, timeout=10
    )
    assert "encountered an error" not in line.content
