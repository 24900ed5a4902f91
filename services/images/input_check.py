"""Checking an image a member wants to start from, before anything is reserved or sent: what the
image-to-image model takes (shared/spec/image-to-image.md): at most 10 MB, JPEG, PNG, BMP or WebP, each
side 384..5000 pixels, no transparency (the API refuses an alpha channel, and it downloads the image from
its URL itself, so a flattened copy would need a public URL of its own: such images are refused).
Pillow reads only the header and verifies the file; callers run `check_input_image` in a thread."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from services.core.errors import InputProblem, InputRefused

INPUT_MAX_BYTES = 10 * 1024 * 1024
MIN_SIDE = 384
MAX_SIDE = 5000
ACCEPTED_FORMATS: dict[str, str] = {"JPEG": "JPEG", "PNG": "PNG", "BMP": "BMP", "WEBP": "WebP"}
ALLOWED = ", ".join(ACCEPTED_FORMATS.values())
ACCEPTED_CONTENT_TYPES = frozenset({"image/jpeg", "image/jpg", "image/png", "image/bmp", "image/webp"})
_ALPHA_MODES = frozenset({"RGBA", "LA", "PA", "RGBa", "La"})


@dataclass(frozen=True)
class InputFacts:
    """What the check found out about an accepted image."""

    format: str
    width: int
    height: int


def check_declared(size: int, content_type: str | None, position: int = 1) -> None:
    """Refuse what the upload's own description already rules out (its size, a type that is no image),
    before downloading it."""
    if size > INPUT_MAX_BYTES:
        raise InputRefused(InputProblem.TOO_LARGE, position, maximum=INPUT_MAX_BYTES)
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind and not kind.startswith("image/"):
        raise InputRefused(InputProblem.NOT_AN_IMAGE, position, allowed=ALLOWED)


def check_input_image(data: bytes, position: int = 1) -> InputFacts:
    """The facts of an image the API accepts as input, or `InputRefused` saying what is wrong.
    Blocking (Pillow): run it in a worker thread."""
    if len(data) > INPUT_MAX_BYTES:
        raise InputRefused(InputProblem.TOO_LARGE, position, maximum=INPUT_MAX_BYTES)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                facts = _facts(image, position)
                image.verify()
        except InputRefused:
            raise
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
        ):
            raise InputRefused(InputProblem.NOT_AN_IMAGE, position, allowed=ALLOWED) from None
    return facts


def _facts(image: Image.Image, position: int) -> InputFacts:
    format_name = image.format or "?"
    if format_name not in ACCEPTED_FORMATS:
        raise InputRefused(InputProblem.UNSUPPORTED_FORMAT, position, format=format_name, allowed=ALLOWED)
    width, height = image.size
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise InputRefused(
            InputProblem.SIDE_OUT_OF_RANGE, position, width=width, height=height, minimum=MIN_SIDE, maximum=MAX_SIDE
        )
    if image.mode in _ALPHA_MODES or "transparency" in image.info:
        raise InputRefused(InputProblem.TRANSPARENT, position)
    return InputFacts(ACCEPTED_FORMATS[format_name], width, height)
