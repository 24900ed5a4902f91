"""Downloading an image a member starts from as it is: streamed under a byte cap (declared or not),
with the same host rules as result images."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from services.core.errors import ImageFetchError, ImageProblem
from services.images.download import ImageDownloader
from tests.fakes import FakeClock

CAP = 256 * 1024


@pytest.fixture
async def base() -> AsyncIterator[str]:
    async def sized(_request: web.Request) -> web.Response:
        return web.Response(body=b"\1" * (CAP + 1))

    async def streamed(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        for _chunk in range(8):
            await response.write(b"\2" * 65536)
        return response

    async def small(_request: web.Request) -> web.Response:
        return web.Response(body=b"\3" * 1000)

    app = web.Application()
    app.router.add_get("/sized", sized)
    app.router.add_get("/streamed", streamed)
    app.router.add_get("/small", small)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def fetch(url: str, *, allow_private: bool = True, held: list[int] | None = None) -> bytes:
    """The file's bytes; `held` gets the most bytes the download held in the budget."""
    async with aiohttp.ClientSession() as session:
        downloader = ImageDownloader(
            session, allow_private=allow_private, max_bytes=CAP * 8, timeout=5, clock=FakeClock()
        )
        data = await downloader.fetch_bytes(url, CAP)
        assert downloader.budget.in_use == 0  # the bytes held while reading are given back
        if held is not None:
            held.append(downloader.budget.peak)
        return data


async def test_a_file_under_the_cap_arrives_whole(base: str) -> None:
    assert await fetch(f"{base}/small") == b"\3" * 1000


@pytest.mark.parametrize("path", ["/sized", "/streamed"], ids=["declared", "undeclared"])
async def test_a_file_over_the_cap_is_refused_as_too_large(base: str, path: str) -> None:
    with pytest.raises(ImageFetchError) as refused:
        await fetch(base + path)
    assert (refused.value.problem, refused.value.values["maximum"]) == (ImageProblem.TOO_LARGE, CAP)


async def test_a_declared_size_is_what_the_download_holds_in_the_budget(base: str) -> None:
    held: list[int] = []
    await fetch(f"{base}/small", held=held)
    assert held == [1000]


async def test_a_private_address_is_refused_unless_allowed(base: str) -> None:
    with pytest.raises(ImageFetchError) as refused:
        await fetch(f"{base}/small", allow_private=False)
    assert refused.value.problem is ImageProblem.PRIVATE_ADDRESS
