"""Audit entries queued per channel and posted in the background at the channel's pace: the job or
command that writes one never waits for Discord; the queue is bounded and flushed at shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from discord_side.audit_queue import MESSAGE_CHARS, AuditQueue
from discord_side.audited_events import AuditedJobEvents
from discord_side.presenter import DiscordJobEvents
from services.core.supervisor import TaskSupervisor
from tests.discord_side.audit_rig import AUDIT_CHANNEL_ID, AUDIT_POSTS, AuditRig, audit_rig, ended_job
from tests.support.fake_discord import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID

ADMIN = 1_250_000_000_000_006_002


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[AuditRig]:
    async with audit_rig(tmp_path) as ready:
        yield ready


def queue_posting_through(rig: AuditRig, limit: int) -> AuditQueue:
    """A queue of `limit` entries that posts through the real audit log."""

    async def post(guild_id: int, content: str) -> None:
        await rig.audit.post(guild_id, content)

    return AuditQueue(post, rig.clock, limit=limit)


async def test_an_entry_returns_before_the_audit_channel_has_it(rig: AuditRig) -> None:
    rig.fake.inject_rate_limit("POST", AUDIT_POSTS, retry_after=0.3)
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, "changed something")
    assert rig.posted() == []
    posted = await rig.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, timeout=10)
    assert "changed something" in posted.content


async def test_a_job_ends_while_its_audit_channel_is_rate_limited(rig: AuditRig) -> None:
    rig.fake.inject_rate_limit("POST", AUDIT_POSTS, retry_after=0.2, times=None)
    events = AuditedJobEvents(DiscordJobEvents(rig.client, rig.clock, TaskSupervisor(), 3.0), rig.audit)
    await asyncio.wait_for(events.job_ended(ended_job()), timeout=1)
    told = rig.fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert len(told) == 1
    assert ended_job().id in told[0].content
    assert rig.posted() == []
    rig.fake.faults.clear()
    posted = await rig.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, timeout=10)
    assert ended_job().id in posted.content


async def test_entries_that_wait_together_go_out_in_one_message_in_order(rig: AuditRig) -> None:
    for number in range(10):
        await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, f"change {number}")
    await rig.audit.close(timeout=5)
    assert len(rig.posted()) == 1
    lines = rig.posted()[0].splitlines()
    assert [line.rsplit(" ", 1)[-1] for line in lines] == [str(number) for number in range(10)]


async def test_a_message_never_exceeds_what_discord_accepts(rig: AuditRig) -> None:
    for number in range(6):
        await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, f"{number}" * 700)
    await rig.audit.close(timeout=5)
    assert all(len(message) <= MESSAGE_CHARS for message in rig.posted())
    assert len(rig.posted()) == 3


async def test_a_full_queue_drops_new_entries_and_says_how_many_are_missing(rig: AuditRig) -> None:
    queue = queue_posting_through(rig, limit=3)
    for number in range(10):
        queue.put(DEFAULT_GUILD_ID, f"entry {number}")
    assert queue.waiting(DEFAULT_GUILD_ID) == 3
    await queue.close(timeout=5)
    posted = "\n".join(rig.posted())
    assert [f"entry {number}" in posted for number in range(10)] == [True] * 3 + [False] * 7
    assert "7 audit entries are missing here" in posted


async def test_after_a_drop_the_missing_count_stands_where_the_entries_would_have_been(rig: AuditRig) -> None:
    queue = queue_posting_through(rig, limit=2)
    for number in range(4):
        queue.put(DEFAULT_GUILD_ID, f"entry {number}")
    await asyncio.sleep(0)  # the channel's task takes the two entries that wait
    queue.put(DEFAULT_GUILD_ID, "entry after the drop")
    await queue.close(timeout=5)
    lines = "\n".join(rig.posted()).splitlines()
    assert lines == ["entry 0", "entry 1", lines[2], "entry after the drop"]
    assert "2 audit entries are missing here" in lines[2]


async def test_a_channel_posts_at_most_five_messages_in_five_seconds(rig: AuditRig) -> None:
    for number in range(7):
        await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, f"{number}" * 1500)
    await rig.audit.close(timeout=5)
    assert len(rig.posted()) == 7
    assert rig.clock.sleeps == [5.0]


async def test_close_posts_what_waits_and_takes_no_more(rig: AuditRig) -> None:
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, "before shutdown")
    await rig.audit.close(timeout=5)
    assert len(rig.posted()) == 1
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, "after shutdown")
    await asyncio.sleep(0.1)
    assert len(rig.posted()) == 1


async def test_a_failed_post_is_dropped_and_the_next_entries_still_go_out(rig: AuditRig) -> None:
    rig.fake.inject_fault("POST", AUDIT_POSTS, 403, {"code": 50013, "message": "Missing Permissions"})
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, "refused")
    await rig.fake.wait_for_request("POST", AUDIT_POSTS, timeout=5)
    await asyncio.sleep(0.05)
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, "accepted")
    await rig.audit.close(timeout=5)
    assert len(rig.posted()) == 1
    assert "accepted" in rig.posted()[0]


async def test_direct_messages_have_no_audit_log(rig: AuditRig) -> None:
    await rig.audit.refused(None, ADMIN, 5, "a prompt", "why")
    await rig.audit.close(timeout=5)
    assert rig.fake.requests_matching("POST", "/messages") == []
