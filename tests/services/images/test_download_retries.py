"""A result link that fails in passing (a dropped connection, a timeout, a 5xx, a 429) is tried again with
backoff, in virtual time; a refusal that would be the same next time is not; the images that arrive are
kept when another never does."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web

from services.core.errors import ImageFetchError, ImageProblem
from services.images.download import Fetched, ImageDownloader
from services.images.retries import DOWNLOAD_ATTEMPTS
from tests.fakes import FakeClock
from tests.services.images.test_download import png_bytes


@dataclass
class Host:
    url: str = ""
    requests: Counter[str] = field(default_factory=Counter)
    failures: dict[str, list[str]] = field(default_factory=dict)
    """Per path, what its next answers are instead of the image: "500", "429", "drop", "slow"."""


@pytest.fixture
async def host() -> AsyncIterator[Host]:
    served = Host()

    async def answer(request: web.Request) -> web.StreamResponse:
        served.requests[request.path] += 1
        planned = served.failures.get(request.path) or ["ok"]
        fault = planned.pop(0) if planned[0] != "always" or len(planned) > 1 else "503"
        if fault == "drop":
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        if fault == "slow":
            await asyncio.sleep(1)
        if fault in {"500", "503"}:
            return web.Response(status=int(fault))
        if fault == "429":
            return web.Response(status=429, headers={"Retry-After": "7"})
        if fault == "404":
            return web.Response(status=404)
        if fault == "html":
            return web.Response(text="<html>gone</html>", content_type="text/html")
        return web.Response(body=png_bytes(), content_type="image/png")

    app = web.Application()
    app.router.add_get("/{name}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    served.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    yield served
    await runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


async def fetch(
    host: Host, session: aiohttp.ClientSession, clock: FakeClock, *names: str, allow_private: bool = True
) -> Fetched:
    images = ImageDownloader(session, allow_private=allow_private, max_bytes=1024**2, timeout=0.3, clock=clock)
    async with images.reservation() as held:
        fetched = await images.fetch_all(tuple(f"{host.url}/{name}" for name in names), 10**7, held)
        assert held.held == sum(image.size for image in fetched.images)
    assert images.budget.in_use == 0
    return fetched


async def test_a_link_answering_500_once_is_tried_again_after_a_second(host: Host, session) -> None:
    host.failures["/a.png"] = ["500"]
    clock = FakeClock()
    fetched = await fetch(host, session, clock, "a.png")
    assert [image.data for image in fetched.images] == [png_bytes()]
    assert host.requests["/a.png"] == 2
    assert clock.sleeps == [1.0]


async def test_a_dropped_connection_is_tried_again(host: Host, session) -> None:
    host.failures["/a.png"] = ["drop", "drop"]  # twice: aiohttp itself retries a GET once on a reused connection
    fetched = await fetch(host, session, FakeClock(), "a.png")
    assert [image.data for image in fetched.images] == [png_bytes()]


async def test_a_timeout_is_tried_again(host: Host, session) -> None:
    host.failures["/a.png"] = ["slow"]
    fetched = await fetch(host, session, FakeClock(), "a.png")
    assert len(fetched.images) == 1
    assert host.requests["/a.png"] == 2


async def test_a_429_waits_as_long_as_the_host_asks(host: Host, session) -> None:
    host.failures["/a.png"] = ["429"]
    clock = FakeClock()
    await fetch(host, session, clock, "a.png")
    assert clock.sleeps == [7.0]


async def test_the_waits_double_between_tries(host: Host, session) -> None:
    host.failures["/a.png"] = ["503", "503", "503"]
    clock = FakeClock()
    await fetch(host, session, clock, "a.png")
    assert clock.sleeps == [1.0, 2.0, 4.0]


async def test_a_link_that_never_answers_leaves_the_other_images_delivered(host: Host, session) -> None:
    host.failures["/b.png"] = ["always"]
    fetched = await fetch(host, session, FakeClock(), "a.png", "b.png", "c.png")
    assert len(fetched.images) == 2
    assert [(error.problem, error.values["status"]) for error in fetched.failures] == [(ImageProblem.HTTP_STATUS, 503)]
    assert host.requests["/b.png"] == DOWNLOAD_ATTEMPTS
    assert host.requests["/a.png"] == 1


@pytest.mark.parametrize("fault", ["404", "html"])
async def test_a_refusal_that_would_not_change_is_not_tried_again(host: Host, session, fault: str) -> None:
    host.failures["/b.png"] = [fault]
    clock = FakeClock()
    fetched = await fetch(host, session, clock, "a.png", "b.png")
    assert len(fetched.images) == 1
    assert host.requests["/b.png"] == 1
    assert clock.sleeps == []


async def test_a_private_address_is_not_tried_again(host: Host, session) -> None:
    clock = FakeClock()
    with pytest.raises(ImageFetchError) as caught:
        await fetch(host, session, clock, "a.png", allow_private=False)
    assert caught.value.problem is ImageProblem.PRIVATE_ADDRESS
    assert clock.sleeps == []
    assert host.requests["/a.png"] == 0
