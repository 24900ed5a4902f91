from __future__ import annotations

import gc
import io
import random
import tracemalloc
import weakref
from collections.abc import Callable

import aiohttp.payload
import pytest
from PIL import Image

from services.core.errors import ImageProblem
from services.images.fitting import FittedImage, InvalidImageData, fit_image, inspect_image, per_file_limit


def png(width: int, height: int, *, noise: bool = False, alpha: bool = False) -> bytes:
    mode = "RGBA" if alpha else "RGB"
    if noise:
        rng = random.Random(1)
        image = Image.frombytes(mode, (width, height), rng.randbytes(width * height * len(mode)))
    else:
        image = Image.new(mode, (width, height), (200, 100, 50, 128) if alpha else (200, 100, 50))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_image_that_fits_keeps_its_original_bytes() -> None:
    data = png(800, 800)
    fitted = fit_image(data, limit=len(data))
    assert fitted.data == data
    assert (fitted.extension, fitted.reencoded) == ("png", False)


def test_oversized_image_is_reencoded_under_the_limit() -> None:
    data = png(1024, 1024, noise=True)
    limit = len(data) // 2
    fitted = fit_image(data, limit)
    assert fitted.size <= limit
    assert fitted.reencoded
    assert inspect_image(fitted.data)[0] == "JPEG"


def test_image_is_downscaled_when_reencoding_is_not_enough() -> None:
    data = png(1024, 1024, noise=True)
    fitted = fit_image(data, limit=60_000)
    assert fitted.size <= 60_000
    assert fitted.width < 1024
    assert fitted.width / fitted.height == pytest.approx(1.0, abs=0.01)


def test_transparent_image_is_flattened_when_reencoded() -> None:
    data = png(512, 512, noise=True, alpha=True)
    fitted = fit_image(data, limit=len(data) // 3)
    with Image.open(io.BytesIO(fitted.data)) as image:
        assert image.mode == "RGB"


def test_bytes_that_are_not_an_image_are_refused() -> None:
    with pytest.raises(InvalidImageData) as caught:
        fit_image(b"<html>not found</html>", limit=10_000)
    assert caught.value.problem is ImageProblem.UNREADABLE


def test_truncated_image_is_refused() -> None:
    data = png(256, 256, noise=True)
    with pytest.raises(InvalidImageData):
        fit_image(data[: len(data) // 2], limit=1_000)


def test_unaccepted_format_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    with pytest.raises(InvalidImageData) as caught:
        fit_image(buffer.getvalue(), limit=10**6)
    assert (caught.value.problem, caught.value.values) == (ImageProblem.UNSUPPORTED_FORMAT, {"format": "BMP"})


def test_per_file_limit_is_the_attachment_limit_for_one_file() -> None:
    assert per_file_limit(10 * 1024 * 1024, 1) == 10 * 1024 * 1024


def test_per_file_limit_shares_the_request_limit_between_many_files() -> None:
    limit = per_file_limit(25 * 1024 * 1024, 4)
    assert 4 * limit < 25 * 1024 * 1024


def test_a_truncated_jpeg_is_refused() -> None:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (256, 256), random.Random(2).randbytes(256 * 256 * 3)).save(buffer, format="JPEG")
    with pytest.raises(InvalidImageData) as caught:
        fit_image(buffer.getvalue()[:2000], limit=10**7)
    assert caught.value.problem is ImageProblem.CORRUPT


def test_a_decompression_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(InvalidImageData) as caught:
        fit_image(png(100, 100), limit=10**7)
    assert caught.value.problem is ImageProblem.TOO_LARGE_TO_DECODE


def test_a_jpeg_that_fits_keeps_its_bytes_and_reports_its_full_size() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (1280, 960), (1, 2, 3)).save(buffer, format="JPEG")
    fitted = fit_image(buffer.getvalue(), limit=10**7)
    assert (fitted.data, fitted.width, fitted.height, fitted.extension) == (buffer.getvalue(), 1280, 960, "jpg")


def _bytes_allocated_while(step: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = step()
        allocated = tracemalloc.get_traced_memory()[0] - before
        del kept
        return allocated
    finally:
        tracemalloc.stop()


def test_an_upload_stream_shares_the_image_bytes_with_the_http_client() -> None:
    image = FittedImage(b"\x01" * 4_000_000, "png", 1, 1, reencoded=False)
    allocated = _bytes_allocated_while(lambda: aiohttp.payload.get_payload(image.reader()))
    assert allocated < 100_000


def test_a_plain_bytes_stream_would_be_copied_by_the_http_client() -> None:
    image = FittedImage(b"\x01" * 4_000_000, "png", 1, 1, reencoded=False)
    allocated = _bytes_allocated_while(lambda: aiohttp.payload.get_payload(io.BytesIO(image.data)))
    assert allocated >= image.size  # what `reader` is for


def test_an_upload_stream_reads_back_the_image() -> None:
    image = FittedImage(b"\x01\x02" * 1000, "png", 1, 1, reencoded=False)
    stream = image.reader()
    stream.seek(10)
    assert (stream.read(), len(stream.getbuffer()), stream.tell()) == (image.data[10:], image.size, image.size)


def test_an_upload_stream_is_freed_without_the_cycle_collector_when_its_close_is_swapped_back() -> None:
    stream = FittedImage(b"\x01" * 1000, "png", 1, 1, reencoded=False).reader()
    gc.disable()
    try:
        closer = stream.close
        stream.close = lambda: None  # what discord.File does to a stream, then undoes in its close()
        stream.close = closer
        freed = weakref.ref(stream)
        del stream, closer
        assert freed() is None
    finally:
        gc.enable()


def test_an_upload_stream_stays_readable_after_the_http_client_closes_it() -> None:
    stream = FittedImage(b"\x01\x02" * 1000, "png", 1, 1, reencoded=False).reader()
    stream.read()
    stream.close()
    stream.seek(0)
    assert stream.read(2) == b"\x01\x02"
