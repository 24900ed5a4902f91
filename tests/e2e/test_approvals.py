"""Approval mode end to end, where it can go wrong: an approval request Discord does not take (or answers
with garbage) ends the job at once with its images given back, and moderators deciding at the same time
make exactly one decision, shown on the request, with the others told privately who decided."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.support.fake_discord import (
    ADMIN_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    FakeDiscord,
    InteractionRecord,
    MessageRecord,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_350
FIRST_MODERATOR = 1_250_000_000_000_006_001
SECOND_MODERATOR = 1_250_000_000_000_006_002
MEMBER_ID = 1_250_000_000_000_006_003
VIEW, SEND, MANAGE_MESSAGES = 1 << 10, 1 << 11, 1 << 13
AUDIT_POSTS = rf"^/api/v10/channels/{AUDIT_CHANNEL_ID}/messages$"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.8, duration_max=0.8, seed=13), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        for moderator in (FIRST_MODERATOR, SECOND_MODERATOR):
            fake.add_member(
                DEFAULT_GUILD_ID, moderator, f"moderator-{moderator % 10}", permissions=VIEW | SEND | MANAGE_MESSAGES
            )
        fake.add_member(DEFAULT_GUILD_ID, MEMBER_ID, "member")
        yield World(fake, sim, tmp_path_factory.mktemp("approvals"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "approvals")
    await deployment.start()
    await admin(world, "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID})
    await admin(world, "imagine-admin channels approval", {"channel": DEFAULT_CHANNEL_ID, "required": True})
    await audit_message(world, "required approval")  # the audit queue is idle: faults hit the request only
    yield deployment
    await deployment.stop()


async def admin(world: World, command: str, options: dict[str, object]) -> str:
    record = await world.fake.invoke_command(command, options, user_id=ADMIN_USER_ID)
    await record.wait_for_ack(timeout=5)
    return record.original.content if record.original else ""


async def audit_message(world: World, fragment: str) -> MessageRecord:
    return await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: fragment in m.content, timeout=10)


async def request_for(world: World, prompt: str) -> tuple[InteractionRecord, MessageRecord]:
    """Ask for `prompt` in the approval channel; the member's interaction and the request in the audit log."""
    record = await world.fake.invoke_command("imagine", {"prompt": prompt}, user_id=MEMBER_ID)
    await record.wait_for_ack(timeout=5)
    request = await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: prompt in m.content and bool(m.custom_ids()), timeout=10
    )
    return record, request


def button(request: MessageRecord, action: str) -> str:
    return next(c for c in request.custom_ids() if c.startswith(f"imagine:{action}:"))


async def test_an_approval_request_answered_with_garbage_ends_the_job_and_gives_the_images_back(
    world: World, bot: Deployment
) -> None:
    world.fake.inject_fault("POST", AUDIT_POSTS, 200, {"unexpected": "shape"})
    record = await world.fake.invoke_command("imagine", {"prompt": "garbled request", "n": 3}, user_id=MEMBER_ID)
    await record.wait_for_ack(timeout=5)
    row = await bot.wait_for_row("garbled request", "rejected", timeout=10)
    assert row["reserved_images"] == 0
    assert bot.used(MEMBER_ID) == 0
    told = await record.wait_until_edit(lambda e: "could not post" in (e.content or ""), timeout=10)
    assert "moderator rejected" not in (told.content or "")
    assert not record.followups  # no apology claiming that nothing happened on top of it
    assert "rejected" in (await audit_message(world, "garbled request")).content
    assert creates_for(world, "garbled request") == 0


async def test_an_approval_request_discord_refuses_ends_the_job_and_gives_the_images_back(
    world: World, bot: Deployment
) -> None:
    world.fake.inject_fault("POST", AUDIT_POSTS, 403, {"code": 50013, "message": "Missing Permissions"})
    record = await world.fake.invoke_command("imagine", {"prompt": "refused request", "n": 2}, user_id=MEMBER_ID)
    await record.wait_for_ack(timeout=5)
    row = await bot.wait_for_row("refused request", "rejected", timeout=10)
    assert row["reserved_images"] == 0
    assert bot.used(MEMBER_ID) == 0
    await record.wait_until_edit(lambda e: "could not post" in (e.content or ""), timeout=10)
    await audit_message(world, "refused request")  # the audit queue is idle again


async def test_two_moderators_approving_at_once_make_one_decision_shown_on_the_request(
    world: World, bot: Deployment
) -> None:
    record, request = await request_for(world, "approved twice")
    approve = button(request, "approve")
    clicks = await asyncio.gather(
        world.fake.invoke_component(approve, request.id, user_id=FIRST_MODERATOR),
        world.fake.invoke_component(approve, request.id, user_id=SECOND_MODERATOR),
    )
    await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    winner, loser = await _winner_and_loser(world, request, clicks, "approved by")
    told = await loser.wait_for_followup(timeout=5)
    assert told.ephemeral
    assert f"approved by <@{winner.user_id}>" in told.content
    assert not loser.edits
    assert creates_for(world, "approved twice") == 1
    assert bot.job_row("approved twice")["decided_by"] == winner.user_id


async def test_an_approval_and_a_rejection_at_once_make_one_decision_shown_on_the_request(
    world: World, bot: Deployment
) -> None:
    record, request = await request_for(world, "approved or rejected")
    opened = await world.fake.invoke_component(button(request, "reject"), request.id, user_id=SECOND_MODERATOR)
    await opened.wait_for(lambda r: any(cb.type == 9 for cb in r.callbacks), timeout=5)
    clicks = await asyncio.gather(
        world.fake.invoke_component(button(request, "approve"), request.id, user_id=FIRST_MODERATOR),
        world.fake.submit_modal(opened, ["not today"]),
    )
    row = await _decided(bot, "approved or rejected")
    verdict = "rejected by" if row["state"] == "rejected" else "approved by"
    winner, loser = await _winner_and_loser(world, request, clicks, verdict)
    assert row["decided_by"] == winner.user_id
    told = await loser.wait_for_followup(timeout=5)
    assert told.ephemeral
    assert f"{verdict} <@{winner.user_id}>" in told.content
    assert not loser.edits
    if verdict == "approved by":
        await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    else:
        await record.wait_until_edit(lambda e: "not today" in (e.content or ""), timeout=10)
    assert creates_for(world, "approved or rejected") == (1 if verdict == "approved by" else 0)


async def test_a_rejection_submitted_after_an_approval_leaves_the_request_as_approved(
    world: World, bot: Deployment
) -> None:
    record, request = await request_for(world, "approved first")
    opened = await world.fake.invoke_component(button(request, "reject"), request.id, user_id=SECOND_MODERATOR)
    await opened.wait_for(lambda r: any(cb.type == 9 for cb in r.callbacks), timeout=5)
    approval = await world.fake.invoke_component(button(request, "approve"), request.id, user_id=FIRST_MODERATOR)
    await approval.wait_until_edit(timeout=5)
    late = await world.fake.submit_modal(opened, ["too late"])
    told = await late.wait_for_followup(timeout=5)
    assert told.ephemeral
    assert f"approved by <@{FIRST_MODERATOR}>" in told.content
    await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
    content = world.fake.message(request.id).content
    assert f"approved by <@{FIRST_MODERATOR}>" in content
    assert "too late" not in content
    assert not late.edits


async def test_a_blocked_term_with_a_control_character_is_refused_clearly(world: World, bot: Deployment) -> None:
    answer = await admin(world, "imagine-admin terms add", {"term": "go\x00re"})
    assert "Not added" in answer
    assert "control character" in answer
    assert "U+0000" in answer


async def _decided(bot: Deployment, prompt: str, timeout: float = 10.0) -> dict[str, object]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        row = bot.job_row(prompt)
        if row is not None and row["state"] != "awaiting_approval":
            return dict(row)
        assert asyncio.get_running_loop().time() < deadline, f"no decision stored for {prompt!r}"
        await asyncio.sleep(0.05)


async def _winner_and_loser(
    world: World, request: MessageRecord, clicks: list[InteractionRecord] | tuple[InteractionRecord, ...], verdict: str
) -> tuple[InteractionRecord, InteractionRecord]:
    """The click whose decision the request shows, and the other one; the request names the winner only."""
    for click in clicks:
        await click.wait_for_ack(timeout=5)
    shown = await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: m.id == request.id and verdict in m.content
    )
    winners = [click for click in clicks if f"{verdict} <@{click.user_id}>" in shown.content]
    assert len(winners) == 1, shown.content
    await asyncio.sleep(0.5)  # a losing click that would still rewrite the request has had its time
    final = world.fake.message(request.id).content
    assert f"{verdict} <@{winners[0].user_id}>" in final, final
    assert "no longer waits" not in final
    loser = next(click for click in clicks if click is not winners[0])
    return winners[0], loser
