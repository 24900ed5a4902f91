"""Durability: the real bot process is killed (SIGKILL) at each step of a job, restarted on the same
database, and must then deliver exactly once, with one create call (or a repeat carrying the same
Idempotency-Key) and the quota charged for exactly the images delivered."""

from __future__ import annotations

import signal
import time
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.quotas.limits import UNLIMITED, Limits, usage_day
from services.storage.job_store import Store
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.e2e.image_inputs import picture
from tests.support.fake_discord import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OTHER_USER_ID,
    FakeDiscord,
    InteractionRecord,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=1.0, duration_max=1.0, seed=11), access_log=False)
    async with FakeDiscord() as fake:
        yield World(fake, sim, tmp_path_factory.mktemp("durability"))
    await sim.close()


def results_posted(world: World, record: InteractionRecord, job_id: str) -> int:
    """Messages carrying this job's images: edits of the response plus channel posts (after dedupe)."""
    edits = sum(1 for edit in record.edits if edit.status < 300 and edit.files)
    channel = [m for m in world.fake.channel_messages(DEFAULT_CHANNEL_ID) if job_id in m.content and m.attachments]
    return edits + len(channel)


CRASHES = [
    *[(point, False) for point in ("before_create", "create_answered", "polling", "before_upload", "during_upload")],
    # Image-to-image jobs store their inputs: they resume from the same images, exactly once too.
    *[(point, True) for point in ("before_create", "create_answered")],
]


@pytest.mark.parametrize(("point", "from_image"), CRASHES, ids=[f"{p}{'-image' if i else ''}" for p, i in CRASHES])
async def test_a_job_killed_at_any_step_is_delivered_exactly_once_after_restart(
    world: World, point: str, from_image: bool
) -> None:
    name = f"{point}{'-image' if from_image else ''}"
    deployment = Deployment(world, name)
    user = 1_250_000_000_000_002_000 + len(point) + (100 if from_image else 0)
    world.fake.add_member(DEFAULT_GUILD_ID, user, f"crash-{name}")
    prompt = f"durable lighthouse {name}"
    upload = world.fake.uploads.upload(picture()) if from_image else None
    options: dict[str, object] = {"prompt": prompt, "n": 2, **({"image": upload} if upload else {})}
    try:
        await deployment.start(crash_at=point)
        record = await world.fake.invoke_command("imagine", options, user_id=user)
        await record.wait_for_ack(timeout=5)
        assert await deployment.kill_at_marker() == point
        state_at_crash = deployment.job_row(prompt)["state"]
        await deployment.start()
        row = await deployment.settled(prompt)
    finally:
        await deployment.stop()
    keys = {r.idempotency_key for r in world.sim.state.create_records if r.body.get("prompt") == prompt}
    tasks = {r.task_id for r in world.sim.state.create_records if r.body.get("prompt") == prompt and r.task_id}
    calls = [r for r in world.sim.state.create_records if r.body.get("prompt") == prompt]
    print(
        f"{point}: state stored at the kill {state_at_crash!r}; after restart {row['state']}, "
        f"{len(calls)} create call(s) with key(s) {sorted(keys)}, {len(tasks)} task(s), "
        f"{results_posted(world, record, row['id'])} result message(s), "
        f"{row['images_delivered']} image(s) delivered, quota used {deployment.used(user)}"
    )
    assert row["state"] == "delivered"
    assert {str(r.body.get("image_urls")) for r in calls} == {str([upload.url] if upload else None)}
    assert keys == {row["id"]}
    assert len(tasks) == 1
    assert results_posted(world, record, row["id"]) == 1
    assert row["images_delivered"] == 2
    assert deployment.used(user) == row["images_delivered"]


async def test_a_channel_post_cut_short_by_a_crash_is_not_repeated_after_a_long_outage(world: World) -> None:
    """The token expired, the result went to the channel, the bot died before recording it, and the
    outage outlasted Discord's nonce memory: the restarted bot finds the post in the channel."""
    deployment = Deployment(world, "channel")
    user = 1_250_000_000_000_003_004
    world.fake.add_member(DEFAULT_GUILD_ID, user, "patient")
    prompt = "durable lighthouse by the channel"
    world.fake.messages.nonce_window = 0.0
    try:
        await deployment.start(crash_at="during_channel_upload")
        record = await world.fake.invoke_command("imagine", {"prompt": prompt, "n": 2}, user_id=user)
        await record.wait_for_ack(timeout=5)
        world.fake.expire_token(record.token)
        assert await deployment.kill_at_marker() == "during_channel_upload"
        await deployment.start()
        row = await deployment.settled(prompt)
    finally:
        world.fake.messages.nonce_window = 300.0
        await deployment.stop()
    assert row["state"] == "delivered"
    assert results_posted(world, record, row["id"]) == 1
    assert deployment.used(user) == row["images_delivered"] == 2


async def test_sigterm_exits_cleanly_and_the_next_start_resumes(world: World) -> None:
    deployment = Deployment(world, "sigterm")
    prompt = "a slow comet [duration:3]"
    try:
        bot = await deployment.start()
        record = await world.fake.invoke_command("imagine", {"prompt": prompt}, user_id=OTHER_USER_ID)
        await record.wait_until_edit(lambda e: "Generating" in (e.content or ""), timeout=10)
        started = time.monotonic()
        assert await bot.stop(signal.SIGTERM) == 0
        assert time.monotonic() - started < 10
        assert deployment.job_row(prompt)["state"] == "submitted"
        await deployment.start()
        row = await deployment.settled(prompt)
    finally:
        await deployment.stop()
    assert row["state"] == "delivered"
    assert results_posted(world, record, row["id"]) == 1
    assert len([r for r in world.sim.state.create_records if r.body.get("prompt") == prompt]) == 1


async def test_buttons_clicked_after_a_restart_work(world: World) -> None:
    deployment = Deployment(world, "buttons")
    user = 1_250_000_000_000_003_001
    world.fake.add_member(DEFAULT_GUILD_ID, user, "clicker")
    try:
        bot = await deployment.start()
        record = await world.fake.invoke_command("imagine", {"prompt": "a button test"}, user_id=user)
        await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        job_id = deployment.job_row("a button test")["id"]
        assert await bot.stop(signal.SIGTERM) == 0
        await deployment.start()
        result = record.original
        assert result is not None
        assert set(result.custom_ids()) == {
            f"imagine:reroll:{job_id}",
            f"imagine:delete:{job_id}",
            f"imagine:vary:{job_id}:1",
            f"imagine:remix:{job_id}",
        }

        refused = await world.fake.invoke_component(f"imagine:delete:{job_id}", result.id, user_id=OTHER_USER_ID)
        await refused.wait_for_ack(timeout=5)
        assert refused.ephemeral
        assert "Only the member" in refused.original.content
        assert not result.deleted

        reroll = await world.fake.invoke_component(f"imagine:reroll:{job_id}", result.id, user_id=OTHER_USER_ID)
        rerolled = await reroll.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)
        assert "a button test" in rerolled.content
        assert deployment.used(OTHER_USER_ID) >= 1

        delete = await world.fake.invoke_component(f"imagine:delete:{job_id}", result.id, user_id=user)
        await delete.wait_for_followup(timeout=5)
        assert world.fake.message(result.id).deleted
    finally:
        await deployment.stop()


async def test_cancel_buttons_drop_a_queued_job_and_discard_a_running_one(world: World) -> None:
    deployment = Deployment(world, "cancel")
    deployment_env = {"MAX_TASKS_IN_FLIGHT": "1"}
    user = 1_250_000_000_000_003_002
    world.fake.add_member(DEFAULT_GUILD_ID, user, "canceller")
    try:
        await deployment.start(extra_env=deployment_env)
        running = await world.fake.invoke_command("imagine", {"prompt": "long runner [duration:3]"}, user_id=user)
        running_id = (await deployment.wait_for_row("long runner [duration:3]", "submitted"))["id"]
        queued = await world.fake.invoke_command("imagine", {"prompt": "waiting in line"}, user_id=user)
        queued_id = (await deployment.wait_for_row("waiting in line", "queued"))["id"]
        await queued.wait_for(lambda r: r.original is not None and bool(r.original.custom_ids()), timeout=10)

        stranger = await world.fake.invoke_component(
            f"imagine:cancel:{queued_id}", queued.original.id, user_id=OTHER_USER_ID
        )
        await stranger.wait_for_ack(timeout=5)
        assert stranger.ephemeral
        assert "Only the member" in stranger.original.content

        dropped = await world.fake.invoke_component(f"imagine:cancel:{queued_id}", queued.original.id, user_id=user)
        answer = await dropped.wait_for_followup(timeout=5)
        assert answer.ephemeral
        assert "quota was returned" in answer.content
        assert (await deployment.settled("waiting in line"))["state"] == "cancelled"

        await running.wait_for(lambda r: r.original is not None and bool(r.original.custom_ids()), timeout=10)
        discarding = await world.fake.invoke_component(
            f"imagine:cancel:{running_id}", running.original.id, user_id=user
        )
        assert "cannot be stopped" in (await discarding.wait_for_followup(timeout=5)).content
        row = await deployment.settled("long runner [duration:3]")
    finally:
        await deployment.stop()
    assert (row["state"], row["images_charged"], row["images_delivered"]) == ("cancelled", 1, 0)
    assert not any(edit.files for edit in running.edits)
    assert "Cancelled" in running.original.content
    assert not any(r.body.get("prompt") == "waiting in line" for r in world.sim.state.create_records)
    assert deployment.used(user) == 1


async def test_results_that_expired_before_delivery_end_with_a_generate_again_button(world: World) -> None:
    deployment = Deployment(world, "expired")
    user = 1_250_000_000_000_003_003
    world.fake.add_member(DEFAULT_GUILD_ID, user, "late")
    store = await Store.open(f"sqlite:///{deployment.database}")
    now = time.time()
    job = Job(
        id="0123456789ab",
        user_id=user,
        options=GenerationOptions("an old sunset", None, 2),
        target=DeliveryTarget(channel_id=DEFAULT_CHANNEL_ID, guild_id=DEFAULT_GUILD_ID),
        created_at=now - 90_000,
        updated_at=now - 90_000,
        usage_day=usage_day(now),
    )
    assert await store.insert_job_reserving(job, Limits(8, 3, 0.0, UNLIMITED)) is None
    await store.transition(
        job.id,
        [JobState.QUEUED],
        JobState.COMPLETED,
        task_id="task-unified-1-abcdefgh",
        task_created=int(now) - 90_000,
        result_urls=[f"{world.sim.base_url}/files/task-unified-1-abcdefgh/0.png"],
    )
    await store.close()
    try:
        await deployment.start()
        message = await world.fake.wait_for_channel_message(
            DEFAULT_CHANNEL_ID, lambda m: "an old sunset" in m.content, timeout=RESULT_TIMEOUT
        )
        row = await deployment.settled("an old sunset")
    finally:
        await deployment.stop()
    assert row["state"] == "expired"
    assert "expired" in message.content
    assert message.custom_ids() == [f"imagine:reroll:{job.id}"]
    assert message.components[0]["components"][0]["label"] == "Generate again"
    assert message.pings.user_ids == [user]
    assert deployment.used(user) == 0
