"""The audit log never changes a job's outcome, end to end: while every post to the audit channel fails
(Discord refuses it, fails with a 5xx, or answers garbage), a job is delivered, its images charged and the
member's message left as it is."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.support.fake_discord import ADMIN_USER_ID, DEFAULT_GUILD_ID, FakeDiscord
from tests.support.fake_discord.faults import Fault

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_380
AUDIT_POSTS = rf"^/api/v10/channels/{AUDIT_CHANNEL_ID}/messages$"
# Each failure with its own member, so each test counts only its own images. A 503 rather than a 500:
# discord.py gives up on it at once (it retries a 500 for 25 s), and it is a 5xx all the same.
FAILURES: dict[str, tuple[int, dict[str, Any], int]] = {
    "refused": (403, {"code": 50013, "message": "Missing Permissions"}, 1_250_000_000_000_008_001),
    "server error": (503, {"code": 0, "message": "Service Unavailable"}, 1_250_000_000_000_008_002),
    "garbage": (200, {"unexpected": "shape"}, 1_250_000_000_000_008_003),
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.8, duration_max=0.8, seed=17), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        for kind, (_, _, member) in FAILURES.items():
            fake.add_member(DEFAULT_GUILD_ID, member, kind.replace(" ", "-"))
        yield World(fake, sim, tmp_path_factory.mktemp("audit-failures"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "audit-failures")
    await deployment.start()
    setting = await world.fake.invoke_command(
        "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID}, user_id=ADMIN_USER_ID
    )
    await setting.wait_for_ack(timeout=5)
    # The setting's own entry is posted before any fault, so the faults hit the job's entries only.
    await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: "audit log" in m.content, timeout=10)
    yield deployment
    await deployment.stop()


async def hit(fault: Fault, timeout: float = 10.0) -> None:
    """Wait until the audit log has tried to post (and been failed) at least once."""
    deadline = time.monotonic() + timeout
    while fault.hits == 0:
        assert time.monotonic() < deadline, "the audit log never tried to post"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("kind", list(FAILURES))
async def test_a_delivered_job_stays_delivered_when_its_audit_entry_cannot_be_posted(
    world: World, bot: Deployment, kind: str
) -> None:
    status, body, member = FAILURES[kind]
    prompt = f"a lighthouse audited in vain ({kind})"
    fault = world.fake.inject_fault("POST", AUDIT_POSTS, status, body, times=None)
    try:
        record = await world.fake.invoke_command("imagine", {"prompt": prompt, "n": 2}, user_id=member)
        await record.wait_for_ack(timeout=5)
        result = await record.wait_until_edit(lambda edit: bool(edit.files), timeout=RESULT_TIMEOUT)
        await bot.settled(prompt)
        await hit(fault)
        await asyncio.sleep(1.0)  # whatever the failed post could set off has had time to happen
        row = bot.job_row(prompt)
    finally:
        world.fake.faults.rules.remove(fault)
    assert (row["state"], row["images_delivered"], row["images_charged"]) == ("delivered", 2, 2)
    assert bot.used(member) == 2
    assert record.original is not None
    assert not record.original.deleted
    assert len(record.original.attachments) == 2
    assert [edit for edit in record.edits if edit.status < 300][-1] is result
    assert not record.followups
