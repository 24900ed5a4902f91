"""find_delivery after a restart: a job finds its own posted result, by its attachments and buttons, never
another job's message that merely says its id (here, in that job's prompt)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from discord_side.presenter import DiscordJobEvents
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.core.supervisor import TaskSupervisor
from services.images.fitting import FittedImage
from tests.discord_side.audit_rig import AuditRig, audit_rig
from tests.support.fake_discord import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[AuditRig]:
    async with audit_rig(tmp_path) as ready:
        yield ready


def completed(job_id: str, prompt: str) -> Job:
    return Job(
        id=job_id,
        user_id=1_250_000_000_000_017_901,
        options=GenerationOptions(prompt, None, 1),
        target=DeliveryTarget(channel_id=DEFAULT_CHANNEL_ID, guild_id=DEFAULT_GUILD_ID),
        state=JobState.COMPLETED,
        result_urls=["https://example.invalid/1.png"],
    )


async def test_a_result_whose_prompt_names_another_job_is_not_that_jobs_delivery(rig: AuditRig) -> None:
    events = DiscordJobEvents(rig.client, rig.clock, TaskSupervisor(), 3.0)
    waiting = completed("a1b2c3d4e5f6", "a lighthouse")  # completed, crashed before its upload
    other = completed("0f0f0f0f0f0f", "same as a1b2c3d4e5f6 but at night")
    await events.deliver(other, [FittedImage(b"\x89PNG" + b"\x00" * 64, "png", 1, 1, reencoded=False)])
    assert len(rig.fake.channel_messages(DEFAULT_CHANNEL_ID)) == 1
    # The waiting job's result was never posted: it must be delivered, not taken as already posted.
    assert await events.find_delivery(waiting) is None


async def test_a_result_posted_before_a_crash_is_found_by_its_attachments(rig: AuditRig) -> None:
    events = DiscordJobEvents(rig.client, rig.clock, TaskSupervisor(), 3.0)
    job = completed("a1b2c3d4e5f6", "a lighthouse")
    await events.deliver(job, [FittedImage(b"\x89PNG" + b"\x00" * 64, "png", 1, 1, reencoded=False)] * 2)
    [posted] = rig.fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert await events.find_delivery(job) == ((posted.id,), 2)
