"""The image-to-image model: the simulator downloads its inputs from their URLs, refuses what the vendor
refuses (400), derives its results from the input, reserves 1.2 credits an image, and can deny the model."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from PIL import Image

from simulator.state import SimulatorState
from tests.simulator.conftest import FakeClock, SimClient, create, get_task, local_path


def encoded(size: tuple[int, int], *, mode: str = "RGB", image_format: str = "PNG", colour: object = None) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour or (20, 200, 20)[: len(mode)]).save(out, format=image_format)
    return out.getvalue()


@pytest.fixture
async def files() -> AsyncIterator[tuple[dict[str, bytes], str]]:
    """A small file server: put bytes under a name, get them at `{base}/{name}`."""
    served: dict[str, bytes] = {}

    async def serve(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in served:
            return web.Response(status=404)
        return web.Response(body=served[name], content_type="application/octet-stream")

    app = web.Application()
    app.router.add_get("/{name}", serve)
    server = TestServer(app)
    await server.start_server()
    try:
        yield served, str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


def i2i(*urls: str, **extra: object) -> dict[str, object]:
    return {"model": "wan2.5-image-to-image", "prompt": "make it blue", "image_urls": list(urls), **extra}


async def test_results_are_derived_from_the_input(
    client: SimClient, clock: FakeClock, files: tuple[dict[str, bytes], str]
) -> None:
    served, base = files
    served["red.png"] = encoded((800, 400), colour=(250, 0, 0))
    status, created = await create(client, i2i(f"{base}/red.png"))
    assert status == 200
    clock.advance(10)
    _, task = await get_task(client, created["id"])
    data = await (await client.get(local_path(task["results"][0]))).read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1024, 512)  # the input's aspect ratio
        red, green, blue = image.convert("RGB").getpixel((1000, 500))
    assert (red > 150, green < 100, blue < 100) == (True, True, True)  # the red input, tinted


async def test_credits_reserved_are_one_point_two_per_image(
    client: SimClient, files: tuple[dict[str, bytes], str]
) -> None:
    served, base = files
    served["a.jpg"] = encoded((512, 512), image_format="JPEG")
    _, created = await create(client, i2i(f"{base}/a.jpg", n=3))
    assert created["usage"]["credits_reserved"] == pytest.approx(3.6)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (encoded((300, 600)), "width and height"),
        (encoded((600, 600), mode="RGBA", colour=(1, 2, 3, 4)), "transparency"),
        (encoded((600, 600), image_format="GIF", mode="P", colour=3), "unsupported image format"),
        (b"just some text, not an image", "not an image"),
        (encoded((600, 600)) + b"\0" * (10 * 1024 * 1024), "exceeds 10 MB"),
    ],
    ids=["side", "alpha", "gif", "not-an-image", "over-10-mb"],
)
async def test_unusable_inputs_are_refused_with_400(
    client: SimClient, state: SimulatorState, files: tuple[dict[str, bytes], str], data: bytes, words: str
) -> None:
    served, base = files
    served["input"] = data
    status, answer = await create(client, i2i(f"{base}/input"))
    assert status == 400
    assert words in answer["error"]["message"]
    assert not state.tasks


async def test_an_input_that_does_not_download_is_refused(
    client: SimClient, files: tuple[dict[str, bytes], str]
) -> None:
    _, base = files
    status, answer = await create(client, i2i(f"{base}/gone.png"))
    assert (status, answer["error"]["param"]) == (400, "image_urls")


async def test_size_is_refused_for_the_image_model(client: SimClient, files: tuple[dict[str, bytes], str]) -> None:
    served, base = files
    served["a.png"] = encoded((512, 512))
    status, answer = await create(client, i2i(f"{base}/a.png", size="1024x1024"))
    assert (status, answer["error"]["param"]) == (400, "size")


async def test_three_inputs_are_refused(client: SimClient, files: tuple[dict[str, bytes], str]) -> None:
    _, base = files
    status, answer = await create(client, i2i(f"{base}/a", f"{base}/b", f"{base}/c"))
    assert (status, answer["error"]["param"]) == (400, "image_urls")


async def test_a_denied_model_answers_403(
    client: SimClient, state: SimulatorState, files: tuple[dict[str, bytes], str]
) -> None:
    served, base = files
    served["a.png"] = encoded((512, 512))
    state.update_config({"deny_image_to_image": True})
    status, answer = await create(client, i2i(f"{base}/a.png"))
    assert (status, answer["error"]["message"]) == (403, "Access denied for this model")
    status, _ = await create(client, {"model": "wan2.5-text-to-image", "prompt": "still fine"})
    assert status == 200


@pytest.fixture
async def held_input() -> AsyncIterator[tuple[str, asyncio.Event, list[str]]]:
    """An input whose download waits until the test releases it (a slow CDN); records each download."""
    release, downloads = asyncio.Event(), []

    async def serve(request: web.Request) -> web.Response:
        downloads.append(request.path)
        await release.wait()
        return web.Response(body=encoded((600, 400), image_format="JPEG"), content_type="image/jpeg")

    app = web.Application()
    app.router.add_get("/in.jpg", serve)
    server = TestServer(app)
    await server.start_server()
    try:
        yield str(server.make_url("/in.jpg")), release, downloads
    finally:
        release.set()
        await server.close()


async def test_a_retry_with_the_same_key_while_the_inputs_download_gets_the_one_task(
    client: SimClient, state: SimulatorState, held_input: tuple[str, asyncio.Event, list[str]]
) -> None:
    url, release, downloads = held_input
    first = asyncio.create_task(create(client, i2i(url), key="same-key"))
    second = asyncio.create_task(create(client, i2i(url), key="same-key"))
    async with asyncio.timeout(10):
        # Both calls in, the first downloading (the simulator signals neither: its records are read).
        while len(state.create_records) < 2 or not downloads:  # noqa: ASYNC110
            await asyncio.sleep(0)
    release.set()
    (status_one, one), (status_two, two) = await asyncio.gather(first, second)
    assert (status_one, status_two) == (200, 200)
    assert one["id"] == two["id"]
    assert state.stats()["tasks_created"] == 1
    assert len(downloads) == 1
