"""Image-to-image inputs: the vendor downloads each `image_urls` entry itself and refuses (400) what it
cannot use: over 10 MB, not JPEG/PNG/BMP/WebP, a side outside 384..5000 pixels, an alpha channel, or a
URL that does not download the image directly."""

from __future__ import annotations

import asyncio
import io

import aiohttp
from PIL import Image, UnidentifiedImageError

from simulator.validation import RequestError

MAX_INPUT_BYTES = 10 * 1024 * 1024
MIN_SIDE, MAX_SIDE = 384, 5000
FORMATS = {"JPEG", "PNG", "BMP", "WEBP"}
RESULT_LONG_SIDE = 1024
"""The long side of an image-to-image result (the input's aspect ratio is kept)."""


def _bad(index: int, message: str) -> RequestError:
    return RequestError(400, f"image_urls[{index}]: {message}", "image_urls")


async def download_inputs(session: aiohttp.ClientSession, urls: tuple[str, ...]) -> list[bytes]:
    """Each input's bytes, checked, or a RequestError (400) naming the first one that is unusable."""
    images = []
    for index, url in enumerate(urls):
        data = await _download(session, index, url)
        await asyncio.to_thread(check_input, index, data)
        images.append(data)
    return images


async def _download(session: aiohttp.ClientSession, index: int, url: str) -> bytes:
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=15)) as response:
            if response.status != 200:
                raise _bad(index, f"could not be downloaded (HTTP {response.status})")
            chunks, size = [], 0
            async for chunk in response.content.iter_chunked(256 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_INPUT_BYTES:
                    break
            data = b"".join(chunks)
    except (aiohttp.ClientError, TimeoutError) as error:
        raise _bad(index, f"could not be downloaded ({type(error).__name__})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _bad(index, "the image exceeds 10 MB")
    return data


def check_input(index: int, data: bytes) -> tuple[int, int]:
    """The input's size if the vendor takes it, else a RequestError. Blocking: call it in a thread."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in FORMATS:
                raise _bad(index, "unsupported image format (use jpeg, png, bmp or webp)")
            width, height = image.size
            if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
                raise _bad(index, f"width and height must be within [{MIN_SIDE}, {MAX_SIDE}] pixels")
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                raise _bad(index, "images with transparency (an alpha channel) are not supported")
            return width, height
    except (UnidentifiedImageError, OSError):
        raise _bad(index, "the file is not an image") from None


def result_size(data: bytes) -> tuple[int, int]:
    """The size of results derived from this input: its aspect ratio, the long side `RESULT_LONG_SIDE`."""
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    scale = RESULT_LONG_SIDE / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))
