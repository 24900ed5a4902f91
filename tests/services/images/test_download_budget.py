"""The budget of bytes in flight, with real downloads from a local server and real Pillow fits."""

from __future__ import annotations

import asyncio
import io
import random
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web
from PIL import Image

from services.images.download import ImageDownloader
from tests.fakes import FakeClock

SIDE = 128  # a noise PNG of 128x128 is about 49 KB


def noise_png(side: int = SIDE, seed: int = 1) -> bytes:
    pixels = random.Random(seed).randbytes(side * side * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), pixels).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class Host:
    url: str
    requests: Counter[str] = field(default_factory=Counter)
    hold: asyncio.Event = field(default_factory=asyncio.Event)
    holding: asyncio.Event = field(default_factory=asyncio.Event)


@pytest.fixture
async def host() -> AsyncIterator[Host]:
    image = noise_png()
    served = Host("")

    async def sized(request: web.Request) -> web.StreamResponse:
        served.requests[request.path] += 1
        response = web.StreamResponse(headers={"Content-Length": str(len(image)), "Content-Type": "image/png"})
        await response.prepare(request)
        for start in range(0, len(image), 8192):  # in pieces, so that downloads interleave
            await response.write(image[start : start + 8192])
            await asyncio.sleep(0)
        return response

    async def unsized(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "image/png"})
        await response.prepare(request)
        await response.write(image)
        return response

    async def held(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Length": str(len(image))})
        await response.prepare(request)
        await response.write(image[:1000])
        served.holding.set()
        await served.hold.wait()
        return response

    app = web.Application()
    app.router.add_get("/sized/{name}", sized)
    app.router.add_get("/unsized.png", unsized)
    app.router.add_get("/held.png", held)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    served.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    yield served
    served.hold.set()
    await runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


def images(session: aiohttp.ClientSession, bytes_in_flight: int, size_estimate: int = 64 * 1024) -> ImageDownloader:
    return ImageDownloader(
        session,
        allow_private=True,
        max_bytes=1024 * 1024,
        timeout=10,
        bytes_in_flight=bytes_in_flight,
        size_estimate=size_estimate,
        clock=FakeClock(),
    )


async def test_many_jobs_at_once_never_hold_more_image_bytes_than_the_budget(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=400 * 1024)
    holding, most = 0, 0

    async def job(number: int) -> None:
        nonlocal holding, most
        urls = (f"{host.url}/sized/{number}-a.png", f"{host.url}/sized/{number}-b.png")
        async with downloader.reservation() as held:
            fitted = (await downloader.fetch_all(urls, 10**7, held)).images
            size = sum(image.size for image in fitted)
            holding += size
            most = max(most, holding)
            for _ in range(5):  # the upload
                await asyncio.sleep(0)
            holding -= size

    await asyncio.gather(*(job(number) for number in range(40)))
    assert most <= downloader.budget.capacity
    assert downloader.budget.peak <= downloader.budget.capacity
    assert downloader.budget.in_use == 0


async def test_a_job_larger_than_the_whole_budget_still_completes(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=8 * 1024)
    async with downloader.reservation() as held:
        both = (f"{host.url}/sized/a.png", f"{host.url}/sized/b.png")
        fetched = await asyncio.wait_for(downloader.fetch_all(both, 10**7, held), 10)  # never waits for itself
    assert [image.data for image in fetched.images] == [noise_png(), noise_png()]
    assert downloader.budget.in_use == 0


async def test_sizes_over_the_estimate_are_waited_for_and_asked_again(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=400 * 1024, size_estimate=1024)
    async with downloader.reservation() as held:
        fitted = (await downloader.fetch_all((f"{host.url}/sized/a.png",), 10**7, held)).images
        assert held.held == len(noise_png())
    assert fitted[0].data == noise_png()
    assert host.requests["/sized/a.png"] == 2


async def test_an_image_of_unknown_size_is_held_at_its_real_size_once_read(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=4 * 1024 * 1024)
    async with downloader.reservation() as held:
        (fitted,) = (await downloader.fetch_all((f"{host.url}/unsized.png",), 10**7, held)).images
        assert held.held == fitted.size == len(noise_png())


async def test_a_cancelled_download_gives_its_bytes_back(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=400 * 1024)

    async def job() -> None:
        async with downloader.reservation() as held:
            await downloader.fetch_all((f"{host.url}/held.png",), 10**7, held)

    running = asyncio.create_task(job())
    await asyncio.wait_for(host.holding.wait(), 5)
    assert downloader.budget.in_use > 0
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    assert downloader.budget.in_use == 0


async def test_a_job_cancelled_during_its_upload_gives_its_bytes_back(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=400 * 1024)
    uploading = asyncio.Event()

    async def job() -> None:
        async with downloader.reservation() as held:
            await downloader.fetch_all((f"{host.url}/sized/a.png",), 10**7, held)
            uploading.set()
            await asyncio.Event().wait()

    running = asyncio.create_task(job())
    await asyncio.wait_for(uploading.wait(), 5)
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    assert downloader.budget.in_use == 0


async def test_at_most_two_fits_run_at_once(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=64 * 1024 * 1024)
    urls = tuple(f"{host.url}/sized/{number}.png" for number in range(12))
    async with downloader.reservation() as held:
        fitted = (await downloader.fetch_all(urls, 20 * 1024, held)).images  # too large: each is re-encoded
    assert all(image.reencoded for image in fitted)
    assert downloader.fitter.peak_busy <= 2


async def test_a_fit_needing_more_than_the_decoding_budget_runs_alone(host: Host, session) -> None:
    downloader = images(session, bytes_in_flight=64 * 1024)
    urls = tuple(f"{host.url}/sized/{number}.png" for number in range(4))
    async with downloader.reservation() as held:
        fitted = (await downloader.fetch_all(urls, 20 * 1024, held)).images
    assert all(image.size <= 20 * 1024 for image in fitted)
    assert downloader.fitter.peak_busy == 1
    assert downloader.fitter.budget.in_use == 0
