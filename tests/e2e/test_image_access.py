"""Image-to-image across restarts and without access: a key the API refuses for the image model (403):
nobody is charged, the member is told, and the feature stays off, across a restart, until the operator
starts the bot with IMAGE_TO_IMAGE=on; then Vary and Remix work on a result posted before the restarts."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.e2e.image_inputs import button, picture, refusal
from tests.support.fake_discord import DEFAULT_GUILD_ID, EditRecord, FakeDiscord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

MEMBER_ID = 1_250_000_000_000_007_001
CLICKER_ID = 1_250_000_000_000_007_002


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.5, duration_max=0.5, seed=17), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_member(DEFAULT_GUILD_ID, MEMBER_ID, "member")
        fake.add_member(DEFAULT_GUILD_ID, CLICKER_ID, "clicker")
        yield World(fake, sim, tmp_path_factory.mktemp("image-access"))
    await sim.close()


def has_files(edit: EditRecord) -> bool:
    return bool(edit.files)


async def result_of(record: InteractionRecord) -> EditRecord:
    await record.wait_for_ack(timeout=5)
    return await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)


async def imagine_from_image(world: World, prompt: str) -> InteractionRecord:
    upload = world.fake.uploads.upload(picture())
    return await world.fake.invoke_command("imagine", {"prompt": prompt, "image": upload}, user_id=MEMBER_ID)


async def test_a_403_switches_image_to_image_off_across_restarts_until_on_and_old_results_vary_again(
    world: World,
) -> None:
    """One deployment through restarts (each bot start is seconds of the suite): a 403 charges nobody and
    switches the feature off, a restart keeps it off, IMAGE_TO_IMAGE=on brings it back, and then Vary and
    Remix work on a result posted before those restarts."""
    deployment = Deployment(world, "denied")
    try:
        await deployment.start()
        old = await world.fake.invoke_command("imagine", {"prompt": "an old lighthouse"}, user_id=MEMBER_ID)
        await result_of(old)
        assert old.original is not None
        message = world.fake.message(old.original.id)
        await deployment.settled("an old lighthouse")
        world.sim.state.update_config({"deny_image_to_image": True})
        record = await imagine_from_image(world, "denied from an image")
        await record.wait_for_ack(timeout=5)
        ended = await record.wait_until_edit(lambda e: "does not allow" in (e.content or ""), timeout=RESULT_TIMEOUT)
        assert "No images were counted" in (ended.content or "")
        assert (await deployment.settled("denied from an image"))["state"] == "failed"
        assert deployment.used(MEMBER_ID) == 1  # the old result's image; nothing for the refused job
        told = await refusal(await imagine_from_image(world, "denied again"))
        assert "switched off" in told
        assert creates_for(world, "denied again") == 0
        text_job = await world.fake.invoke_command("imagine", {"prompt": "text still works"}, user_id=MEMBER_ID)
        await result_of(text_job)
        assert text_job.original is not None
        assert not [i for i in world.fake.message(text_job.original.id).custom_ids() if i.startswith("imagine:vary:")]
        await deployment.stop()
        await deployment.start()
        assert "switched off" in await refusal(await imagine_from_image(world, "still off after a restart"))
        await deployment.stop()
        world.sim.state.update_config({"deny_image_to_image": False})
        await deployment.start(extra_env={"IMAGE_TO_IMAGE": "on"})
        vary = await world.fake.invoke_component(button(message, "imagine:vary:"), message.id, user_id=CLICKER_ID)
        await result_of(vary)
        remix = await world.fake.invoke_component(button(message, "imagine:remix:"), message.id, user_id=CLICKER_ID)
        await remix.wait_for_ack(timeout=5)
        await result_of(await world.fake.submit_modal(remix, ["an old lighthouse in fog", "1", "1"]))
    finally:
        world.sim.state.update_config({"deny_image_to_image": False})
        await deployment.stop()
    assert creates_for(world, "denied from an image") == 1
    assert creates_for(world, "still off after a restart") == 0
    varied = [r.body for r in world.sim.state.create_records if r.body.get("prompt") == "an old lighthouse"]
    assert varied[1]["image_urls"] == [message.attachments[0].url]
    assert creates_for(world, "an old lighthouse in fog") == 1
    assert deployment.used(CLICKER_ID) == 2
