"""Images far beyond what the API makes (a 13000x13000 PNG or WebP: half a megabyte on the wire, 500 MB
decoded, under Pillow's own bomb limit) are refused from their header, before any pixel is decoded."""

from __future__ import annotations

import io
import struct
import warnings
import zlib

import pytest
from PIL import Image

from services.core.errors import ImageProblem
from services.images.budget import ByteBudget
from services.images.fit_pool import FitPool
from services.images.fitting import (
    MAX_RESULT_PIXELS,
    MAX_RESULT_SIDE,
    InvalidImageData,
    fit_cost,
    fit_image,
)

BOMB_SIDE = 13000
UPLOAD_LIMIT = 8 * 1024 * 1024


def valid_png_bomb() -> bytes:
    """A real 13000x13000 PNG (one bit per pixel, all black): about 20 KB."""
    buffer = io.BytesIO()
    Image.new("1", (BOMB_SIDE, BOMB_SIDE)).save(buffer, format="PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims `width`x`height` RGB and whose pixel data is garbage: decoding it in
    full would fail as corrupt, so refusing it for its size shows the header alone was read."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"not deflate") + _chunk(b"IEND", b"")


def webp_header_only(width: int, height: int) -> bytes:
    """A lossless WebP of 16x16 whose header is rewritten to claim `width`x`height`."""
    buffer = io.BytesIO()
    Image.new("L", (16, 16), 7).save(buffer, format="WEBP", lossless=True)
    data = bytearray(buffer.getvalue())
    bits = struct.unpack("<I", data[21:25])[0]  # after "VP8L", its size and the 0x2f signature
    bits = (bits & ~((1 << 28) - 1)) | (width - 1) | ((height - 1) << 14)
    data[21:25] = struct.pack("<I", bits)
    return bytes(data)


def refusal(data: bytes, limit: int = UPLOAD_LIMIT) -> InvalidImageData:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with pytest.raises(InvalidImageData) as caught:
            fit_image(data, limit)
    return caught.value


def test_the_limits_are_under_pillows_own_bomb_limit() -> None:
    assert BOMB_SIDE * BOMB_SIDE < 2 * Image.MAX_IMAGE_PIXELS  # Pillow only warns about this one
    assert MAX_RESULT_PIXELS >= 1440 * 1440
    assert MAX_RESULT_SIDE >= 2880


def test_a_valid_png_of_13000_pixels_a_side_is_refused_though_it_fits_the_upload_limit() -> None:
    data = valid_png_bomb()
    assert len(data) < UPLOAD_LIMIT
    problem = refusal(data)
    assert problem.problem is ImageProblem.DIMENSIONS_TOO_LARGE
    assert problem.values == {"width": BOMB_SIDE, "height": BOMB_SIDE}


def test_a_huge_png_is_refused_from_its_header_without_decoding_its_pixels() -> None:
    assert refusal(png_header_only(BOMB_SIDE, BOMB_SIDE), limit=10).problem is ImageProblem.DIMENSIONS_TOO_LARGE


def test_a_huge_webp_is_refused_from_its_header_without_decoding_its_pixels() -> None:
    assert refusal(webp_header_only(BOMB_SIDE, BOMB_SIDE), limit=10).problem is ImageProblem.DIMENSIONS_TOO_LARGE


def test_a_banner_far_wider_than_the_api_makes_is_refused() -> None:
    problem = refusal(png_header_only(MAX_RESULT_SIDE + 1, 100))
    assert problem.problem is ImageProblem.DIMENSIONS_TOO_LARGE


def test_the_largest_size_the_api_makes_is_not_refused_for_its_size() -> None:
    # Garbage pixels, and a limit that makes it re-encode: refused as corrupt once decoded, so the size
    # check let it through.
    assert refusal(png_header_only(2880, 720), limit=10).problem is ImageProblem.CORRUPT


def test_a_huge_image_costs_no_decoding_memory() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        cost = fit_cost(png_header_only(BOMB_SIDE, BOMB_SIDE), limit=10)
    assert cost < 1024 * 1024


async def test_the_fit_pool_refuses_a_huge_image_without_taking_its_decoding_memory() -> None:
    pool = FitPool(ByteBudget(4 * 1024 * 1024))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with pytest.raises(InvalidImageData) as caught:
            await pool.fit(png_header_only(BOMB_SIDE, BOMB_SIDE), limit=10)
    assert caught.value.problem is ImageProblem.DIMENSIONS_TOO_LARGE
    assert pool.budget.peak < 1024 * 1024
