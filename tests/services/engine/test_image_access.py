"""The image-to-image switch (IMAGE_TO_IMAGE) on a real store: auto remembers the API's refusal across
restarts, on forces the feature on and forgets the refusal, off keeps it off."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.api.errors import WanAPIError
from services.core.models import GenerationOptions, InputImage, Job
from services.engine.image_inputs import (
    SWITCH_REREAD_SECONDS,
    ImageToImageAccess,
    ImageToImageMode,
    needs_refresh,
    url_expires_at,
)
from services.storage.job_store import Store
from tests.fakes import FakeClock
from tests.services.storage.job_factory import make_job, open_store

DENIED = WanAPIError(403, "permission_error", "Access denied for this model")


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


def image_job() -> Job:
    job = make_job("abcdefabcdef")
    job.options = GenerationOptions("x", images=(InputImage("https://cdn.discordapp.com/a/b/c.png"),))
    return job


async def started(store: Store, mode: ImageToImageMode) -> ImageToImageAccess:
    access = ImageToImageAccess(mode, store)
    await access.load()
    return access


async def test_auto_is_on_until_the_api_refuses_and_stays_off_after_a_restart(store: Store) -> None:
    access = await started(store, ImageToImageMode.AUTO)
    assert access.enabled
    assert await access.refused(image_job(), DENIED)
    assert not access.enabled
    assert not (await started(store, ImageToImageMode.AUTO)).enabled


async def test_on_forces_the_feature_on_and_forgets_the_refusal(store: Store) -> None:
    await (await started(store, ImageToImageMode.AUTO)).refused(image_job(), DENIED)
    forced = await started(store, ImageToImageMode.ON)
    assert forced.enabled
    assert await forced.refused(image_job(), DENIED)
    assert forced.enabled
    assert (await started(store, ImageToImageMode.AUTO)).enabled


async def test_off_is_off(store: Store) -> None:
    assert not (await started(store, ImageToImageMode.OFF)).enabled


async def test_another_error_is_not_a_refusal_of_the_model(store: Store) -> None:
    access = await started(store, ImageToImageMode.AUTO)
    assert not await access.refused(image_job(), WanAPIError(500, "server_error", "boom"))
    assert access.enabled


async def test_a_403_that_is_not_about_the_model_leaves_the_feature_on(store: Store) -> None:
    access = await started(store, ImageToImageMode.AUTO)
    blocked = WanAPIError(403, "permission_error", "This API key has been temporarily disabled")
    assert not await access.refused(image_job(), blocked)
    assert access.enabled
    assert (await started(store, ImageToImageMode.AUTO)).enabled


async def test_a_403_whose_param_names_the_model_switches_the_feature_off(store: Store) -> None:
    access = await started(store, ImageToImageMode.AUTO)
    assert await access.refused(image_job(), WanAPIError(403, "permission_error", "Forbidden", param="model"))
    assert not access.enabled


async def test_the_denial_message_is_recognised_whatever_its_case(store: Store) -> None:
    access = await started(store, ImageToImageMode.AUTO)
    assert await access.refused(image_job(), WanAPIError(403, None, "ACCESS DENIED FOR THIS MODEL."))


async def test_a_refusal_met_by_one_process_reaches_another_within_a_minute(store: Store) -> None:
    clock = FakeClock()
    first = ImageToImageAccess(ImageToImageMode.AUTO, store, clock)
    second = ImageToImageAccess(ImageToImageMode.AUTO, store, clock)
    await first.load()
    await second.load()
    await first.refused(image_job(), DENIED)
    assert await second.refresh()  # its copy is fresh: not read again yet
    clock.time += SWITCH_REREAD_SECONDS
    assert not await second.refresh()
    assert not second.enabled


async def test_the_stored_switch_is_read_at_most_once_a_minute(store: Store) -> None:
    clock = FakeClock()
    access = ImageToImageAccess(ImageToImageMode.AUTO, store, clock)
    await access.load()
    await store.set_meta("image_to_image_denied", "1")
    clock.time += SWITCH_REREAD_SECONDS - 1
    assert await access.refresh()
    clock.time += 1
    assert not await access.refresh()


def test_the_expiry_of_a_discord_url_is_its_hex_ex_parameter() -> None:
    assert url_expires_at("https://cdn.discordapp.com/a/1/2/x.png?ex=6553f1a0&is=1&hm=2") == 0x6553F1A0


@pytest.mark.parametrize("url", ["https://cdn.discordapp.com/x.png", "https://cdn.discordapp.com/x.png?ex=zz"])
def test_a_url_without_a_readable_expiry_is_never_renewed(url: str) -> None:
    assert url_expires_at(url) is None
    assert not needs_refresh(url, now=10**10)


def test_a_url_is_renewed_within_the_margin_of_its_expiry() -> None:
    url = "https://cdn.discordapp.com/x.png?ex=1000"
    assert needs_refresh(url, now=0x1000 - 60, margin=3600)
    assert not needs_refresh(url, now=0x1000 - 7200, margin=3600)
