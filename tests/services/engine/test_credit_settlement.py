"""Credits the API billed stay booked whatever becomes of the delivery: a job is charged what the API
produced (its `usage.credits_used`, else its reservation's share of the images it returned), and those
images stay in the guild's and the bot's day, while the member gets back what they never received."""

from __future__ import annotations

import asyncio

from services.core.models import GenerationOptions, JobState
from services.quotas.limits import usage_day
from services.storage.job_rows import EVERYWHERE, GUILD_TOTAL
from tests.services.engine.harness import LIMITS, TARGET, Harness


async def _booked(harness: Harness) -> int:
    return await harness.store.credits_booked(EVERYWHERE, usage_day(harness.clock.now()))


async def _images(harness: Harness, user_id: int, guild_id: int | None) -> int:
    return await harness.store.images_used(user_id, usage_day(harness.clock.now()), guild_id)


async def test_credits_the_api_billed_stay_booked_when_discord_refuses_the_delivery(harness: Harness) -> None:
    harness.events.fail_delivery = True  # the simulator completes with 2 images and usage.credits_used = 2
    job = await harness.run("a lighthouse", n=2)
    assert job.state is JobState.FAILED
    assert (job.api_credits_used, job.credits_charged) == (2000, 2000)
    assert (await harness.store.get_job(job.id)).credits_charged == 2000
    assert await _booked(harness) == 2000


async def test_credits_the_api_billed_stay_booked_when_the_result_files_cannot_be_downloaded(
    harness: Harness,
) -> None:
    job = await harness.run("a lighthouse [missing]", n=2)
    assert (job.state, job.credits_charged) == (JobState.FAILED, 2000)
    assert await _booked(harness) == 2000


async def test_credits_of_produced_images_stay_booked_when_their_links_expire_across_a_restart(
    harness: Harness,
) -> None:
    job = await harness.engine.accept(1, GenerationOptions("old", None, 2), TARGET, LIMITS)
    # The task completed with 2 images (the API's word on credits lost) a day before the bot came back.
    await harness.store.transition(
        job.id,
        [JobState.QUEUED],
        JobState.COMPLETED,
        task_id="task-unified-1-aaaaaaaa",
        task_created=int(harness.clock.now()) - 25 * 3600,
        result_urls=["http://127.0.0.1:1/a.png", "http://127.0.0.1:1/b.png"],
    )
    await harness.engine.resume()
    await asyncio.wait_for(harness.engine.join(job.id), timeout=5)
    stored = await harness.store.get_job(job.id)
    assert (stored.state, stored.credits_charged) == (JobState.EXPIRED, 2000)
    assert await _booked(harness) == 2000


async def test_a_task_given_up_at_the_deadline_keeps_its_whole_credit_reservation(harness: Harness) -> None:
    job = await harness.run("a slow one [duration:900]", n=3)
    assert (job.state, job.credits_charged) == (JobState.FAILED, 3000)
    assert await _booked(harness) == 3000
    # Never cancelled at the API, the task goes on and is billed for its 3 images.
    harness.clock.time += 900
    task = await harness.engine._wan.get_task(job.task_id)
    assert (task.status.value, task.credits_used) == ("completed", 3.0)


async def test_images_the_api_produced_stay_in_the_bots_and_guilds_day_when_discord_refuses_them(
    harness: Harness,
) -> None:
    harness.events.fail_delivery = True
    job = await harness.run("a lighthouse", n=2)
    assert job.state is JobState.FAILED
    assert await _images(harness, GUILD_TOTAL, EVERYWHERE) == 2
    assert await _images(harness, GUILD_TOTAL, TARGET.guild_id) == 2


async def test_the_member_gets_back_the_images_discord_refused_to_deliver(harness: Harness) -> None:
    harness.events.fail_delivery = True
    job = await harness.run("a lighthouse", n=2)
    assert (job.state, job.images_charged) == (JobState.FAILED, 0)
    assert await _images(harness, job.user_id, TARGET.guild_id) == 0
    assert await _images(harness, job.user_id, EVERYWHERE) == 0
