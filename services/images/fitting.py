"""Checking that bytes are a real image and fitting it under an upload limit (Pillow; CPU-bound, so
callers run `fit_image` in a worker thread)."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PIL import Image, UnidentifiedImageError

from services.core.errors import ImageProblem, Value

ACCEPTED_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024
# Discord accepts at most this much per message request, whatever each file's own limit.
REQUEST_BYTES_LIMIT = 25 * 1024 * 1024
_MULTIPART_OVERHEAD = 64 * 1024
_QUALITY_LADDER = (92, 85, 75)
_MIN_SIDE = 64
# Working memory of a re-encode, per pixel (measured: 10.6 for 1440x1440): the decoded image, its RGBA
# and RGB copies, a downscale.
_REENCODE_BYTES_PER_PIXEL = 11
_FULL_DECODE_BYTES_PER_PIXEL = 4
_CHECK_ONLY_BYTES = 256 * 1024
# The API makes at most 1440x1440 pixels, with sides from 1:4 to 4:1 (2880x720 at the extreme:
# the Wan2.5 text-to-image API reference, `size`). Anything far beyond that is not a result
# but a decompression bomb (13000x13000 is 0.5 MB as a PNG and 500 MB decoded, yet under Pillow's own
# limit): refused from its header, before a single pixel is decoded. Twice the largest side and four
# times the largest area leave room for a service that grows its sizes.
MAX_RESULT_SIDE = 2 * 2880
MAX_RESULT_PIXELS = 4 * 1440 * 1440


class InvalidImageData(ValueError):
    """The bytes are not an image this bot accepts, or cannot be made to fit: why (`problem`) and its
    `values`, worded by the Discord side."""

    def __init__(self, problem: ImageProblem, **values: Value) -> None:
        super().__init__(f"{problem} {values}")
        self.problem = ImageProblem(problem)
        self.values: Mapping[str, Value] = MappingProxyType(values)


@dataclass(frozen=True)
class FittedImage:
    """Image bytes ready to upload."""

    data: bytes
    extension: str
    width: int
    height: int
    reencoded: bool

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)

    def reader(self) -> io.BytesIO:
        """A stream of the bytes to upload, sharing them instead of copying them."""
        return SharedBytesReader(self.data)


class SharedBytesReader(io.BytesIO):
    """A stream over bytes for an upload, that never copies them and is freed with its last reference.

    aiohttp asks a `BytesIO` for its buffer to learn its size, and a plain `BytesIO` then copies the
    bytes it shares. `discord.File` swaps the stream's `close` for a no-op (the stream must stay
    readable for retries) and later puts the stream's own bound `close` back on it: a reference cycle
    that keeps the image until the cyclic garbage collector runs, outside the budget of bytes in flight.
    Here `close` is always that no-op and assignments to it are ignored."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._shared = data

    def getbuffer(self) -> memoryview:
        """The shared bytes, read-only (nothing writes to an upload's stream)."""
        return memoryview(self._shared)

    @property  # type: ignore[override]
    def close(self) -> Callable[[], None]:
        """Does nothing: the stream stays readable for retries, and is freed with its last reference."""
        return _stay_open

    @close.setter
    def close(self, _replacement: Callable[[], None]) -> None:
        """Ignored, so that no one can attach the stream to itself."""


def _stay_open() -> None:
    """Closing an upload's stream: nothing to do."""


def per_file_limit(attachment_limit: int, file_count: int) -> int:
    """The size each of `file_count` files may have so that one message carries them all."""
    shared = (REQUEST_BYTES_LIMIT - _MULTIPART_OVERHEAD) // max(1, file_count)
    return max(1, min(attachment_limit, shared))


def _open_checked(data: bytes, *, full: bool) -> Image.Image:
    """The image, after checking that it is an accepted format and not damaged; `full` decodes every
    pixel (needed to re-encode it), else the check is as cheap as the format allows."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format or ""
            check_dimensions(probe.width, probe.height)
            probe.verify()  # structure and, for PNG, every chunk's checksum: a damaged PNG fails here
        if image_format not in ACCEPTED_FORMATS:
            raise InvalidImageData(ImageProblem.UNSUPPORTED_FORMAT, format=image_format or "?")
        image = Image.open(io.BytesIO(data))
        if full:
            image.load()
        elif image_format == "JPEG":
            # verify() does not read a JPEG's scan data: decode it at 1/8 scale, enough to find a
            # truncated or corrupt file at a fraction of the cost of a full decode.
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
        elif image_format != "PNG":
            image.load()
    except InvalidImageData:
        raise
    except Image.DecompressionBombError:
        raise InvalidImageData(ImageProblem.TOO_LARGE_TO_DECODE) from None
    except (UnidentifiedImageError, SyntaxError):
        raise InvalidImageData(ImageProblem.UNREADABLE) from None
    except (OSError, ValueError):
        raise InvalidImageData(ImageProblem.CORRUPT) from None
    return image


def check_dimensions(width: int, height: int) -> None:
    """Refuse a size far beyond what the API makes (`MAX_RESULT_SIDE`, `MAX_RESULT_PIXELS`)."""
    if max(width, height) > MAX_RESULT_SIDE or width * height > MAX_RESULT_PIXELS:
        raise InvalidImageData(ImageProblem.DIMENSIONS_TOO_LARGE, width=width, height=height)


def decode_image(data: bytes) -> Image.Image:
    """The fully decoded image, after checking that it is an accepted format and not damaged."""
    return _open_checked(data, full=True)


def inspect_image(data: bytes) -> tuple[str, int, int]:
    """Return (format, width, height) of bytes that are an accepted, undamaged image."""
    with _open_checked(data, full=False) as image:
        image_format = image.format or ""
    with Image.open(io.BytesIO(data)) as header:  # the size as stored (a drafted JPEG reports less)
        return image_format, header.width, header.height


def fit_cost(data: bytes, limit: int) -> int:
    """Bytes of working memory `fit_image(data, limit)` needs besides `data`, judged from the header
    alone; bytes that are not an image cost little (`fit_image` refuses them at once)."""
    try:
        with Image.open(io.BytesIO(data)) as header:
            image_format, pixels = header.format or "", header.width * header.height
            check_dimensions(header.width, header.height)
    except (Image.DecompressionBombError, UnidentifiedImageError, SyntaxError, OSError, ValueError):
        return _CHECK_ONLY_BYTES  # includes InvalidImageData: refused from the header, at once
    if len(data) > limit:
        return pixels * _REENCODE_BYTES_PER_PIXEL + limit
    if image_format == "JPEG":
        return _CHECK_ONLY_BYTES + pixels * 3 // 64  # checked at 1/8 scale
    if image_format == "PNG":
        return _CHECK_ONLY_BYTES
    return pixels * _FULL_DECODE_BYTES_PER_PIXEL


def fit_image(data: bytes, limit: int) -> FittedImage:
    """Keep the original bytes when they fit `limit`; otherwise re-encode as JPEG, then downscale."""
    if len(data) <= limit:
        image_format, width, height = inspect_image(data)
        return FittedImage(data, ACCEPTED_FORMATS[image_format], width, height, reencoded=False)
    with decode_image(data) as image:
        rgb = _flatten(image)
    for quality in _QUALITY_LADDER:
        encoded = _encode_jpeg(rgb, quality)
        if len(encoded) <= limit:
            return FittedImage(encoded, "jpg", rgb.width, rgb.height, reencoded=True)
    current = rgb  # `encoded` holds the lowest quality of the ladder already
    while len(encoded) > limit:
        scale = math.sqrt(limit / len(encoded)) * 0.9
        new_size = (int(current.width * scale), int(current.height * scale))
        if min(new_size) < _MIN_SIDE:
            raise InvalidImageData(ImageProblem.CANNOT_FIT, limit=limit)
        current = rgb.resize(new_size, Image.Resampling.LANCZOS)
        encoded = _encode_jpeg(current, _QUALITY_LADDER[-1])
    return FittedImage(encoded, "jpg", current.width, current.height, reencoded=True)


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in {"RGBA", "LA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
