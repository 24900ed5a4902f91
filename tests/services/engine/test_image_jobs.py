"""Image-to-image jobs in the engine (real simulator over HTTP, a real store on SQLite and PostgreSQL,
virtual time): their inputs renewed (and stored) before the create call when their URLs expire soon, a
refusal to renew failing the job uncharged, a create that may have been made sent again with the same
URLs (and counted when they cannot be had), and the API's 403 for the model failing it uncharged and
switching the feature off."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from PIL import Image

from services.core.models import FailureReason, GenerationOptions, InputImage, Job, JobState
from services.engine.image_inputs import ImageToImageAccess, ImageToImageMode
from tests.services.engine.harness import LIMITS, TARGET, Harness, open_harness


class Renewals:
    """Discord's refresh endpoint as the engine sees it: renews to `fresh`, or refuses (`fail`)."""

    def __init__(self, fresh: str, *, fail: bool = False) -> None:
        self.fresh, self.fail = fresh, fail
        self.asked: list[list[str]] = []

    async def refresh(self, urls: Sequence[str]) -> Mapping[str, str]:
        self.asked.append(list(urls))
        if self.fail:
            raise ConnectionError("Discord did not answer")
        return dict.fromkeys(urls, self.fresh)


class RenewsOnce(Renewals):
    """Renews the first time, then fails (a Discord hiccup, a deleted message)."""

    async def refresh(self, urls: Sequence[str]) -> Mapping[str, str]:
        self.fail = bool(self.asked)
        return await super().refresh(urls)


@pytest.fixture
async def harness(tmp_path: Path, database_url: str) -> AsyncIterator[Harness]:
    async for ready in open_harness(tmp_path, database_url):
        yield ready


@pytest.fixture
async def picture_url() -> AsyncIterator[str]:
    """A URL serving a 600×400 JPEG (where a renewed Discord URL would lead)."""
    out = io.BytesIO()
    Image.new("RGB", (600, 400), (10, 120, 200)).save(out, format="JPEG")

    async def serve(_request: web.Request) -> web.Response:
        return web.Response(body=out.getvalue(), content_type="image/jpeg")

    app = web.Application()
    app.router.add_get("/input.jpg", serve)
    server = TestServer(app)
    await server.start_server()
    yield str(server.make_url("/input.jpg"))
    await server.close()


def expiring(now: float, seconds: float) -> str:
    return f"https://cdn.discordapp.com/attachments/1/2/in.jpg?ex={int(now + seconds):x}&is=0&hm=ab"


async def run_from(harness: Harness, url: str, *, resumed_mid_create: bool = False) -> Job:
    options = GenerationOptions("from an image", n=2, images=(InputImage(url, channel_id=10),))
    job = await harness.engine.accept(1, options, TARGET, LIMITS)
    if resumed_mid_create:  # as a restart finds a job whose create call may have been sent
        assert await harness.store.transition(job.id, [JobState.QUEUED], JobState.SUBMITTING)
        job.state = JobState.SUBMITTING
    harness.engine.start(job, resumed=resumed_mid_create)
    await asyncio.wait_for(harness.engine.join(job.id), timeout=20)
    stored = await harness.store.get_job(job.id)
    assert stored is not None
    return stored


async def test_an_input_url_close_to_expiry_is_renewed_before_the_create_call(
    harness: Harness, picture_url: str
) -> None:
    stale = expiring(harness.clock.now(), 120)
    renewals = Renewals(picture_url)
    harness.engine.image_inputs.refresher = renewals
    job = await run_from(harness, stale)
    assert job.state is JobState.DELIVERED
    assert renewals.asked == [[stale]]
    (call,) = harness.sim.state.create_records
    assert call.body["image_urls"] == [picture_url]
    assert call.body["model"] == "wan2.5-image-to-image"
    assert job.options.images[0].url == picture_url  # what was sent is stored, for a retry to send again


async def test_an_input_url_with_a_day_left_is_sent_as_it_is(harness: Harness, picture_url: str) -> None:
    renewals = Renewals("https://never.example/x.jpg")
    harness.engine.image_inputs.refresher = renewals
    job = await run_from(harness, picture_url + "?ex=" + f"{int(harness.clock.now() + 86000):x}")
    assert job.state is JobState.DELIVERED
    assert renewals.asked == []


async def test_an_input_that_cannot_be_renewed_fails_the_job_uncharged_without_a_create_call(
    harness: Harness,
) -> None:
    harness.engine.image_inputs.refresher = Renewals("", fail=True)
    job = await run_from(harness, expiring(harness.clock.now(), -5))
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.INPUT_UNAVAILABLE)
    assert harness.sim.state.create_records == []
    assert await harness.used() == 0


async def test_a_403_for_the_image_model_fails_uncharged_and_switches_the_feature_off_for_good(
    harness: Harness, picture_url: str
) -> None:
    harness.sim.state.update_config({"deny_image_to_image": True})
    job = await run_from(harness, picture_url)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.MODEL_DENIED)
    assert await harness.used() == 0
    assert harness.engine.access is not None
    assert not harness.engine.access.enabled
    after_restart = ImageToImageAccess(ImageToImageMode.AUTO, harness.store)
    await after_restart.load()
    assert not after_restart.enabled


async def test_a_403_for_a_text_job_does_not_switch_image_to_image_off(harness: Harness) -> None:
    harness.sim.state.add_fault("create", {"status": 403})
    job = await harness.run("a text job")
    assert job.failure_reason is FailureReason.SERVICE_UNAVAILABLE
    assert harness.engine.access is not None
    assert harness.engine.access.enabled


async def test_a_retry_after_an_unanswered_create_sends_the_urls_of_the_first_attempt(
    harness: Harness, picture_url: str
) -> None:
    renewals = RenewsOnce(picture_url)
    harness.engine.image_inputs.refresher = renewals
    harness.sim.state.add_fault("create", {"status": 500, "after_create": True})
    job = await run_from(harness, expiring(harness.clock.now(), -5))
    first, retry = harness.sim.state.create_records
    assert first.body["image_urls"] == retry.body["image_urls"] == [picture_url]
    assert len(renewals.asked) == 1
    assert harness.sim.state.stats()["tasks_created"] == 1
    assert job.state is JobState.DELIVERED
    assert await harness.used() == 2


async def test_a_stored_input_url_is_sent_again_as_it_is_when_the_create_may_have_been_made(
    harness: Harness, picture_url: str
) -> None:
    renewals = Renewals("https://never.example/x.jpg")
    harness.engine.image_inputs.refresher = renewals
    close_to_expiry = picture_url + "?ex=" + f"{int(harness.clock.now() + 120):x}"
    job = await run_from(harness, close_to_expiry, resumed_mid_create=True)
    assert renewals.asked == []
    assert [call.body["image_urls"] for call in harness.sim.state.create_records] == [[close_to_expiry]]
    assert job.state is JobState.DELIVERED


async def test_an_expired_input_that_cannot_be_renewed_when_the_create_may_have_been_made_stays_counted(
    harness: Harness,
) -> None:
    harness.engine.image_inputs.refresher = Renewals("", fail=True)
    job = await run_from(harness, expiring(harness.clock.now(), -5), resumed_mid_create=True)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.OUTCOME_UNKNOWN)
    assert await harness.used() == 2  # the task may exist at the API and be billed


async def test_a_403_for_the_image_model_after_an_unanswered_create_fails_uncharged(
    harness: Harness, picture_url: str
) -> None:
    harness.sim.state.add_fault("create", {"status": 502})
    harness.sim.state.update_config({"deny_image_to_image": True})
    job = await run_from(harness, picture_url)
    assert harness.sim.state.stats()["tasks_created"] == 0
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.MODEL_DENIED)
    assert await harness.used() == 0
    assert harness.engine.access is not None
    assert not harness.engine.access.enabled


async def test_another_403_after_an_unanswered_create_stays_counted(harness: Harness, picture_url: str) -> None:
    harness.sim.state.add_fault("create", {"status": 502})
    harness.sim.state.add_fault("create", {"status": 403, "message": "This API key has been temporarily disabled"})
    job = await run_from(harness, picture_url)
    assert job.failure_reason is FailureReason.OUTCOME_UNKNOWN
    assert await harness.used() == 2
