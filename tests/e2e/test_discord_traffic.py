"""Discord traffic under load, end to end: how often a queued job's message is edited, and a busy audit
channel that must not hold jobs from settling."""

from __future__ import annotations

import re
import statistics
from collections.abc import AsyncIterator
from itertools import pairwise

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.support.fake_discord import ADMIN_USER_ID, DEFAULT_GUILD_ID, EditRecord, FakeDiscord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_270
MEMBERS = [1_250_000_000_000_007_001 + number for number in range(4)]
JOBS_PER_MEMBER = 3
PLACE = re.compile(r"#(\d+) in line")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=1.5, duration_max=1.5, seed=11), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        for number, member in enumerate(MEMBERS):
            fake.add_member(DEFAULT_GUILD_ID, member, f"busy-{number}")
        yield World(fake, sim, tmp_path_factory.mktemp("traffic"))
    await sim.close()


def edits_until_result(record: InteractionRecord) -> list[EditRecord]:
    """The accepted edits of the job's response, from the acknowledgement to the result (included)."""
    accepted = [edit for edit in record.edits if edit.status < 300]
    last = next(index for index, edit in enumerate(accepted) if edit.files)
    return accepted[: last + 1]


def places_shown(edits: list[EditRecord]) -> list[int]:
    return [int(match[1]) for edit in edits if (match := PLACE.search(edit.content or ""))]


async def test_a_queued_job_is_edited_when_its_place_halves_not_on_a_timer(world: World) -> None:
    deployment = Deployment(world, "edits")
    env = {"MAX_TASKS_IN_FLIGHT": "2", "USER_MAX_ACTIVE_JOBS": "5", "USER_DAILY_IMAGES": "20"}
    records = []
    try:
        await deployment.start(extra_env={**env, "PROGRESS_EDIT_INTERVAL": "1"})
        for number in range(JOBS_PER_MEMBER):
            for member in MEMBERS:
                record = await world.fake.invoke_command("imagine", {"prompt": f"busy {number}"}, user_id=member)
                await record.wait_for_ack(timeout=5)
                records.append(record)
        for record in records:
            await record.wait_until_edit(lambda edit: bool(edit.files), timeout=RESULT_TIMEOUT)
    finally:
        await deployment.stop()
    edits = [edits_until_result(record) for record in records]
    counts = [len(job_edits) for job_edits in edits]
    print(f"Discord edits per job, {len(records)} jobs, 2 at a time: {counts}; median {statistics.median(counts)}")
    for job_edits in edits:
        places = places_shown(job_edits)
        for shown, then in pairwise(places):
            assert then * 2 <= shown or (then >= shown * 2 and then >= shown + 2), places
        generating = [edit for edit in job_edits if "Generating" in (edit.content or "")]
        assert len(generating) <= 2
        if max(places, default=1) <= 1:
            assert len(job_edits) <= 4, [edit.content for edit in job_edits]
    # The halving rule above was exercised: some job did show its place more than once.
    assert any(len(places_shown(job_edits)) >= 2 for job_edits in edits), [places_shown(e) for e in edits]


async def test_jobs_settle_while_the_audit_channel_is_rate_limited(world: World) -> None:
    deployment = Deployment(world, "audit-busy")
    member = MEMBERS[0]
    try:
        await deployment.start()
        setting = await world.fake.invoke_command(
            "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID}, user_id=ADMIN_USER_ID
        )
        await setting.wait_for_ack(timeout=5)
        await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: "audit log" in m.content, timeout=10)
        world.fake.inject_rate_limit("POST", f"/channels/{AUDIT_CHANNEL_ID}/messages", retry_after=2.0, times=None)
        record = await world.fake.invoke_command("imagine", {"prompt": "held by nothing"}, user_id=member)
        await record.wait_until_edit(lambda edit: bool(edit.files), timeout=RESULT_TIMEOUT)
        row = await deployment.settled("held by nothing")
        audited_before = [m for m in world.fake.channel_messages(AUDIT_CHANNEL_ID) if "held by nothing" in m.content]
        world.fake.faults.clear()
        audited = await world.fake.wait_for_channel_message(
            AUDIT_CHANNEL_ID, lambda m: "held by nothing" in m.content, timeout=20
        )
    finally:
        await deployment.stop()
    assert row["state"] == "delivered"
    assert audited_before == []
    assert "delivered" in audited.content
