"""The fair queue and /usage end to end: one slot at the API, a member flooding the queue, another
member's first job, and what /usage shows them."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.support.fake_discord import DEFAULT_GUILD_ID, FakeDiscord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

FLOODER, NEWCOMER = 1_250_000_000_000_004_001, 1_250_000_000_000_004_002
FLOOD = 6


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=1.0, duration_max=1.0, seed=5), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_member(DEFAULT_GUILD_ID, FLOODER, "flooder")
        fake.add_member(DEFAULT_GUILD_ID, NEWCOMER, "newcomer")
        yield World(fake, sim, tmp_path_factory.mktemp("queue"))
    await sim.close()


async def usage_of(world: World, user_id: int) -> str:
    record = await world.fake.invoke_command("usage", {}, user_id=user_id)
    answer = await record.wait_for_followup(timeout=10)
    assert answer.ephemeral
    return answer.content


async def test_a_member_flooding_the_queue_delays_another_members_first_job_by_at_most_one_slot(world: World) -> None:
    deployment = Deployment(world, "fair")
    env = {"MAX_TASKS_IN_FLIGHT": "1", "USER_MAX_ACTIVE_JOBS": "10", "USER_DAILY_IMAGES": "20"}
    try:
        await deployment.start(extra_env=env)
        flood = []
        for i in range(FLOOD):
            record = await world.fake.invoke_command("imagine", {"prompt": f"flood {i}"}, user_id=FLOODER)
            await record.wait_for_ack(timeout=5)
            flood.append(record)
        await deployment.wait_for_row(f"flood {FLOOD - 1}", "queued")
        standing = await usage_of(world, FLOODER)
        newcomer = await world.fake.invoke_command("imagine", {"prompt": "first of the newcomer"}, user_id=NEWCOMER)
        await newcomer.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        for record in flood:
            await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    finally:
        await deployment.stop()
    creates = [r for r in world.sim.state.create_records if r.status == 200]
    order = [r.body["prompt"] for r in creates]
    newcomer_at = order.index("first of the newcomer")
    sent_before = order[:newcomer_at]
    floods_running_when_it_arrived = 1  # one slot: flood 0 held it when the newcomer asked
    delayed_by = len(sent_before) - floods_running_when_it_arrived
    asked_at = world.fake.interaction(newcomer.id).sent_at
    sent_at = world.fake.interaction(newcomer.id).ack_at or asked_at
    print(
        f"fairness: create order {order}; the newcomer's first job waited behind {delayed_by} queued job(s) "
        f"of the flooder; {creates[newcomer_at].at - creates[0].at:.2f} s after the first create "
        f"(task duration 1.0 s, one slot); ack after {sent_at - asked_at:.3f} s"
    )
    assert delayed_by <= 1
    assert re.search(r"#\d+ in line", standing)
    assert "Running and queued" in standing


async def test_usage_shows_todays_images_limits_and_recent_jobs(world: World) -> None:
    deployment = Deployment(world, "usage")
    user = 1_250_000_000_000_004_003
    world.fake.add_member(DEFAULT_GUILD_ID, user, "counter")
    try:
        await deployment.start(extra_env={"USER_DAILY_IMAGES": "9"})
        done = await world.fake.invoke_command("imagine", {"prompt": "counted twice", "n": 2}, user_id=user)
        await done.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        failed = await world.fake.invoke_command("imagine", {"prompt": "nope [fail:service_error]"}, user_id=user)
        await failed.wait_until_edit(lambda e: "failed" in (e.content or ""), timeout=RESULT_TIMEOUT)
        await deployment.settled("nope [fail:service_error]")
        text = await usage_of(world, user)
    finally:
        await deployment.stop()
    assert "**2** used of 9, **7** left" in text
    assert "<t:" in text
    assert "delivered (2 images)" in text
    assert "failed" in text
    assert deployment.job_row("counted twice")["id"] in text


async def test_usage_in_a_dm_shows_the_members_own_limits(world: World) -> None:
    deployment = Deployment(world, "usage-dm")
    try:
        await deployment.start(extra_env={"DM_DAILY_IMAGES": "5"})
        record = await world.fake.invoke_command("usage", {}, user_id=NEWCOMER, guild_id=None)
        answer = await record.wait_for_followup(timeout=10)
    finally:
        await deployment.stop()
    assert "in direct messages" in answer.content
    assert "**0** used of 5" in answer.content
