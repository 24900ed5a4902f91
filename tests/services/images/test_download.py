from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from PIL import Image

from services.core.errors import ImageFetchError, ImageProblem
from services.images.download import ImageDownloader, PublicOnlyResolver, is_public_address
from services.images.fitting import FittedImage
from tests.fakes import FakeClock


def png_bytes(size: int = 64) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (10, 200, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
async def server() -> AsyncIterator[str]:
    async def image(_: web.Request) -> web.Response:
        return web.Response(body=png_bytes(), content_type="image/png")

    async def html(_: web.Request) -> web.Response:
        return web.Response(text="<html>gone</html>", content_type="text/html")

    async def huge(_: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(_)
        for _chunk in range(40):
            await response.write(b"\0" * 65536)
        return response

    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(1)
        return web.Response(body=b"late")

    async def redirect(_: web.Request) -> web.Response:
        raise web.HTTPFound("/image.png")

    app = web.Application()
    app.router.add_get("/image.png", image)
    app.router.add_get("/page.png", html)
    app.router.add_get("/huge.png", huge)
    app.router.add_get("/slow.png", slow)
    app.router.add_get("/moved.png", redirect)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


def downloader(session: aiohttp.ClientSession, *, allow_private: bool = True, timeout: float = 5.0) -> ImageDownloader:
    return ImageDownloader(
        session, allow_private=allow_private, max_bytes=1024 * 1024, timeout=timeout, clock=FakeClock()
    )


async def fetch_one(images: ImageDownloader, url: str, upload_limit: int = 10**7) -> FittedImage:
    async with images.reservation() as held:
        (fitted,) = (await images.fetch_all((url,), upload_limit, held)).images
        return fitted


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "0.0.0.0",
    ],
)
def test_local_and_private_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:f5ff:fffe"])
def test_ipv6_addresses_embedding_a_private_ipv4_are_not_public(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1111"])
def test_global_addresses_are_public(address: str) -> None:
    assert is_public_address(address)


async def test_an_image_is_downloaded_and_fitted(server: str, session: aiohttp.ClientSession) -> None:
    fitted = await fetch_one(downloader(session), f"{server}/image.png", 10 * 1024 * 1024)
    assert fitted.data == png_bytes()
    assert fitted.extension == "png"


async def test_private_hosts_are_refused_by_default(server: str, session: aiohttp.ClientSession) -> None:
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session, allow_private=False), f"{server}/image.png", 10**7)
    assert caught.value.problem is ImageProblem.PRIVATE_ADDRESS


async def test_localhost_by_name_is_refused_by_default(server: str, session: aiohttp.ClientSession) -> None:
    url = server.replace("127.0.0.1", "localhost")
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session, allow_private=False), url)
    assert caught.value.problem is ImageProblem.PRIVATE_ADDRESS


async def test_a_missing_file_fails_with_its_status(server: str, session: aiohttp.ClientSession) -> None:
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session), f"{server}/nothing.png", 10**7)
    assert (caught.value.problem, caught.value.values) == (ImageProblem.HTTP_STATUS, {"status": 404})


async def test_a_page_that_is_not_an_image_fails_clearly(server: str, session: aiohttp.ClientSession) -> None:
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session), f"{server}/page.png", 10**7)
    assert caught.value.problem is ImageProblem.UNREADABLE


async def test_downloads_stop_at_the_byte_cap(server: str, session: aiohttp.ClientSession) -> None:
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session), f"{server}/huge.png")
    assert caught.value.problem is ImageProblem.TOO_LARGE


async def test_a_slow_server_times_out(server: str, session: aiohttp.ClientSession) -> None:
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session, timeout=0.2), f"{server}/slow.png")
    assert caught.value.problem is ImageProblem.TIMED_OUT


async def test_redirects_are_followed(server: str, session: aiohttp.ClientSession) -> None:
    assert (await fetch_one(downloader(session), f"{server}/moved.png")).data == png_bytes()


async def test_non_http_links_are_refused(session: aiohttp.ClientSession) -> None:
    with pytest.raises(ImageFetchError) as caught:
        await fetch_one(downloader(session), "file:///etc/passwd")
    assert caught.value.problem is ImageProblem.NOT_HTTP


async def test_fetch_all_fails_when_no_image_arrives(server: str, session: aiohttp.ClientSession) -> None:
    images = downloader(session)
    async with images.reservation() as held:
        with pytest.raises(ImageFetchError) as caught:
            await images.fetch_all((f"{server}/page.png", f"{server}/missing.png"), 10**7, held)
    assert caught.value.problem is ImageProblem.UNREADABLE
    assert images.budget.in_use == 0


async def test_fetch_all_returns_the_images_that_arrived_and_why_the_others_did_not(
    server: str, session: aiohttp.ClientSession
) -> None:
    images = downloader(session)
    async with images.reservation() as held:
        fetched = await images.fetch_all((f"{server}/image.png", f"{server}/page.png"), 10**7, held)
        assert held.held == len(png_bytes())
    assert [image.data for image in fetched.images] == [png_bytes()]
    assert [failure.problem for failure in fetched.failures] == [ImageProblem.UNREADABLE]


async def test_the_resolver_drops_private_answers() -> None:
    resolver = PublicOnlyResolver()
    with pytest.raises(OSError, match="private or local"):
        await resolver.resolve("localhost", 80)
    await resolver.close()


async def test_the_resolver_lets_trusted_hosts_through() -> None:
    resolver = PublicOnlyResolver({"localhost"})
    answers = await resolver.resolve("localhost", 80)
    assert answers
    await resolver.close()


async def test_a_session_with_the_resolver_cannot_reach_a_private_host_by_name(server: str) -> None:
    connector = aiohttp.TCPConnector(resolver=PublicOnlyResolver())
    async with aiohttp.ClientSession(connector=connector) as guarded:
        with pytest.raises(aiohttp.ClientConnectorError):
            await guarded.get(server.replace("127.0.0.1", "localhost") + "/image.png")
