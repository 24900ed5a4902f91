"""Private results: repeated clicks of **Show them** while the images are being fetched start no second
download, and a private job is refused where its notice could not be posted."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import discord

from discord_side.catalogue import speaking, text, text_in
from discord_side.private_results import PrivateResults, can_deliver_privately, ready_notice
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


def _interaction(channel_type: discord.ChannelType, *, locked: bool = False, **allowed: bool) -> Any:
    permissions = discord.Permissions(view_channel=True, send_messages=True, send_messages_in_threads=True, **allowed)
    return SimpleNamespace(app_permissions=permissions, channel=SimpleNamespace(type=channel_type, locked=locked))


def test_a_private_thread_needs_manage_threads_for_a_private_result() -> None:
    assert not can_deliver_privately(_interaction(discord.ChannelType.private_thread))
    assert can_deliver_privately(_interaction(discord.ChannelType.private_thread, manage_threads=True))


def test_a_locked_thread_needs_manage_threads_for_a_private_result() -> None:
    assert not can_deliver_privately(_interaction(discord.ChannelType.public_thread, locked=True))


def test_a_public_thread_and_a_text_channel_can_take_a_private_result() -> None:
    assert can_deliver_privately(_interaction(discord.ChannelType.public_thread))
    assert can_deliver_privately(_interaction(discord.ChannelType.text))


def _private_job() -> Job:
    target = DeliveryTarget(channel_id=1, guild_id=2, ephemeral=True, locale="de", public_locale="ja")
    return Job(
        id="abcdefabcdef", user_id=3, options=GenerationOptions("p", None, 1, True), target=target, created_at=100.0
    )


def test_the_ready_notice_in_the_channel_speaks_the_servers_language_not_the_requesters() -> None:
    with speaking("de"):  # the requester's job posts speak theirs
        notice, view = ready_notice(_private_job(), 1)
    marker = text_in("ja", "job-id", job_id="abcdefabcdef")
    assert notice == "<@3> " + text_in("ja", "private-result-ready", job=marker, until="<t:86500:f>", count=1)
    (button,) = view.to_components()[0]["components"]
    assert button["label"] == text_in("ja", "button-show")
