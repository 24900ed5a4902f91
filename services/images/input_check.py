"""Checking an image a member wants to start from, before anything is reserved or sent: what the
image-to-image model takes (shared/spec/image-to-image.md): at most 10 MB, JPEG, PNG, BMP or WebP, each
side 384..5000 pixels, no transparency (the API refuses an alpha channel, and it downloads the image from
its URL itself, so a flattened copy would need a public URL of its own: such images are refused).
Only the four formats' readers are tried (the file's header read before Pillow's decompression-bomb
check, so a header claiming huge sides is refused for its sides); Pillow reads only the header and
verifies the file; callers run `check_input_image` in a thread."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageFile

from services.core.errors import InputProblem, InputRefused

INPUT_MAX_BYTES = 10 * 1024 * 1024
MIN_SIDE = 384
MAX_SIDE = 5000
ACCEPTED_FORMATS: dict[str, str] = {"JPEG": "JPEG", "PNG": "PNG", "BMP": "BMP", "WEBP": "WebP"}
ALLOWED = ", ".join(ACCEPTED_FORMATS.values())
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
    image = _open_header(data, position)
    try:
        facts = _facts(image, position)
        image.verify()
    except InputRefused:
        raise
    except (OSError, SyntaxError, ValueError, IndexError, TypeError, struct.error):
        raise InputRefused(InputProblem.NOT_AN_IMAGE, position, allowed=ALLOWED) from None
    finally:
        image.close()
    return facts


def _open_header(data: bytes, position: int) -> ImageFile.ImageFile:
    """The image's header read by the reader of one of the accepted formats (what `Image.open` does with
    `formats` limited to them, without its decompression-bomb check: the sides are checked next, and no
    pixel is decoded). Another format recognised by its first bytes is named; anything else is no image."""
    Image.init()
    prefix = data[:16]
    for name in ACCEPTED_FORMATS:
        factory, accept = Image.OPEN[name]
        if accept is not None and not _accepts(accept, prefix):
            continue
        try:
            return factory(io.BytesIO(data), None)
        except (OSError, SyntaxError, ValueError, IndexError, TypeError, struct.error):
            break
    else:
        other = next((name for name, (_, accept) in Image.OPEN.items() if accept and _accepts(accept, prefix)), None)
        if other is not None:
            raise InputRefused(InputProblem.UNSUPPORTED_FORMAT, position, format=other, allowed=ALLOWED)
    raise InputRefused(InputProblem.NOT_AN_IMAGE, position, allowed=ALLOWED)


def _accepts(accept: Callable[[bytes], bool | str], prefix: bytes) -> bool:
    """Whether a format's reader recognises the file's first bytes (a reader may choke on too few)."""
    try:
        return accept(prefix) is True
    except (IndexError, TypeError, ValueError, struct.error):
        return False


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
