"""What image-to-image jobs need beyond text-to-image: input URLs fresh at submit time, and whether the
API key may use the model at all.

Discord's CDN URLs are signed and expire (their `ex` query parameter: a Unix time in hex). A job that
waited (a long queue, an approval, a restart) may hold URLs that have expired or are about to: before its
create call they are exchanged for fresh ones (Discord's attachment refresh endpoint, reached through the
`AttachmentRefresher` the Discord side gives), since the API downloads the inputs itself.

The switch (`IMAGE_TO_IMAGE`): `on` and `off` are the operator's word; `auto` is on until the API answers
403 for the model, and then off, stored, so a restart keeps it off until the operator starts the bot once
with `on` (which clears the stored refusal). Only a 403 that says the model is denied switches it off
(another 403, a key blocked for a while, fails the job alone), and every process re-reads the stored
switch at most every `SWITCH_REREAD_SECONDS`, so a refusal one of them met reaches the others."""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

from services.api.errors import WanAPIError
from services.core.clock import Clock, SystemClock
from services.core.errors import ImagineError
from services.core.models import GenerationOptions, Job
from services.storage.job_store import Store

log = logging.getLogger(__name__)

REFRESH_MARGIN_SECONDS = 3600.0
"""An input URL with less than this left is refreshed before it is sent: the API may queue the task and
download its inputs some time after the create call."""
DENIED_KEY = "image_to_image_denied"
SWITCH_REREAD_SECONDS = 60.0
"""How long a process trusts its copy of the stored switch (another process may have met the API's 403)."""
MODEL_DENIED_MESSAGE = "access denied for this model"


class ImageToImageMode(enum.StrEnum):
    """The operator's `IMAGE_TO_IMAGE` setting."""

    AUTO = "auto"
    ON = "on"
    OFF = "off"


class InputUrlsUnavailable(ImagineError):
    """No fresh URL of a job's input image could be had (Discord refused or did not answer)."""


class AttachmentRefresher(Protocol):
    """Exchanges expired Discord CDN URLs for fresh ones (the Discord side implements it)."""

    async def refresh(self, urls: Sequence[str]) -> Mapping[str, str]:
        """Fresh URLs by the URLs given; raises if Discord cannot give them."""
        ...


def url_expires_at(url: str) -> float | None:
    """When a Discord CDN URL expires (its `ex` parameter, hex Unix time), or None if it does not say."""
    values = parse_qs(urlsplit(url).query).get("ex")
    if not values:
        return None
    try:
        return float(int(values[0], 16))
    except ValueError:
        return None


def needs_refresh(url: str, now: float, margin: float = REFRESH_MARGIN_SECONDS) -> bool:
    """Whether a URL has expired or expires within `margin` seconds."""
    expires = url_expires_at(url)
    return expires is not None and expires - now < margin


def denies_model(job: Job, error: WanAPIError) -> bool:
    """Whether `error` is the API refusing the key this (image-to-image) job's model: a 403 whose message
    says so, or whose `param` names the model. No task can exist after it."""
    if error.status != 403 or not job.options.images:
        return False
    return MODEL_DENIED_MESSAGE in (error.message or "").lower() or error.param == "model"


class ImageToImageAccess:
    """Whether the bot offers image-to-image now; remembers (in the store) that the API refused the key."""

    def __init__(self, mode: ImageToImageMode, store: Store, clock: Clock | None = None) -> None:
        self._mode = mode
        self._store = store
        self._clock = clock or SystemClock()
        self._denied = False
        self._read_at: float | None = None

    async def load(self) -> None:
        """Read the stored refusal (auto), or clear it (on: the operator switched the feature back on)."""
        if self._mode == ImageToImageMode.ON:
            await self._store.set_meta(DENIED_KEY, "")
        elif self._mode == ImageToImageMode.AUTO:
            await self._read()
            if self._denied:
                log.warning(
                    "image-to-image stays off: the API refused the key for it (start once with IMAGE_TO_IMAGE=on)"
                )

    async def refresh(self) -> bool:
        """Re-read the stored switch if this process's copy is older than `SWITCH_REREAD_SECONDS` (auto
        mode); returns `enabled`. Called before an image job is taken."""
        stale = self._read_at is None or self._clock.now() - self._read_at >= SWITCH_REREAD_SECONDS
        if self._mode == ImageToImageMode.AUTO and not self._denied and stale:
            await self._read()
            if self._denied:
                log.warning("image-to-image is off: another process met the API's refusal of the key for it")
        return self.enabled

    async def _read(self) -> None:
        self._denied = bool(await self._store.get_meta(DENIED_KEY))
        self._read_at = self._clock.now()

    @property
    def enabled(self) -> bool:
        """Whether `/imagine` takes images and results offer Vary and Remix."""
        return self._mode == ImageToImageMode.ON or (self._mode == ImageToImageMode.AUTO and not self._denied)

    async def refused(self, job: Job, error: WanAPIError) -> bool:
        """Whether `error` is the API refusing the key this job's model (`denies_model`); in auto mode the
        feature is switched off from now on, and stored so, so a restart (and every other process) keeps it
        off."""
        if not denies_model(job, error):
            return False
        if self._mode == ImageToImageMode.AUTO and not self._denied:
            self._denied = True
            await self._store.set_meta(DENIED_KEY, "1")
            log.error(
                "the API denied this key the image-to-image model (403); /imagine with images, Vary and Remix are"
                " off until the bot is started with IMAGE_TO_IMAGE=on"
            )
        return True


class ImageInputs:
    """Gives a job's inputs fresh URLs before its create call."""

    def __init__(self, clock: Clock, refresher: AttachmentRefresher | None = None) -> None:
        self._clock = clock
        self.refresher = refresher

    async def fresh(self, options: GenerationOptions, margin: float = REFRESH_MARGIN_SECONDS) -> GenerationOptions:
        """The options with every input URL that expired, or will within `margin` seconds, exchanged for
        a fresh one."""
        now = self._clock.now()
        stale = [image.url for image in options.images if needs_refresh(image.url, now, margin)]
        if not stale:
            return options
        if self.refresher is None:
            raise InputUrlsUnavailable("no way to refresh expired input URLs")
        try:
            fresh = await self.refresher.refresh(stale)
        except Exception as error:
            raise InputUrlsUnavailable(f"refreshing input URLs failed: {type(error).__name__}") from error
        if any(url not in fresh for url in stale):
            raise InputUrlsUnavailable("Discord did not refresh every input URL")
        log.info("refreshed %d input URL(s) before sending", len(stale))
        images = tuple(replace(image, url=fresh.get(image.url, image.url)) for image in options.images)
        return replace(options, images=images)
