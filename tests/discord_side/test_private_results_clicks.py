"""Repeated clicks of **Show them** while the images are being fetched start no second download."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from discord_side.catalogue import text
from discord_side.private_results import PrivateResults
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from tests.fakes import FakeClock


@dataclass
class Response:
    """What an interaction's first answer was."""

    sent: list[str] = field(default_factory=list)
    deferred: bool = False

    async def send_message(self, content: str, **_options: Any) -> None:
        self.sent.append(content)

    async def defer(self, **_options: Any) -> None:
        self.deferred = True


@dataclass
class Followup:
    """What was sent after the defer."""

    sent: list[str] = field(default_factory=list)

    async def send(self, content: str, **_options: Any) -> None:
        self.sent.append(content)


@dataclass
class Click:
    """A click's interaction, as far as `PrivateResults` uses it."""

    response: Response = field(default_factory=Response)
    followup: Followup = field(default_factory=Followup)
    filesize_limit: int = 8 * 1024 * 1024


@dataclass
class Fetched:
    images: tuple[()] = ()


class SlowDownloader:
    """Counts fetches; each waits until released."""

    def __init__(self) -> None:
        self.fetches = 0
        self.release = asyncio.Event()

    @contextlib.asynccontextmanager
    async def reservation(self) -> AsyncIterator[object]:
        yield object()

    async def fetch_all(self, _urls: Any, _limit: int, _held: object) -> Fetched:
        self.fetches += 1
        await self.release.wait()
        return Fetched()


async def test_a_second_click_while_the_images_are_fetched_starts_no_second_download() -> None:
    clock = FakeClock()
    downloader = SlowDownloader()
    shown = PrivateResults(downloader, clock)  # type: ignore[arg-type]
    job = Job(
        id="0123456789ab",
        user_id=1,
        options=GenerationOptions("a lighthouse"),
        target=DeliveryTarget(1, 2),
        state=JobState.DELIVERED,
        result_urls=("https://images.example/1.png",),
        task_created=clock.now(),
    )
    first, second = Click(), Click()

    showing = asyncio.ensure_future(shown.show(first, job))  # type: ignore[arg-type]
    await asyncio.sleep(0)
    await asyncio.wait_for(shown.show(second, job), 5)  # type: ignore[arg-type]
    downloader.release.set()
    await showing

    assert downloader.fetches == 1
    assert second.response.sent == [text("private-result-on-its-way")]
    assert first.response.deferred
