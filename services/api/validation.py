"""Validation of `/imagine` options against the API's documented limits, before anything is spent. A
refusal is an `InvalidOption` with a reason code and values; the size presets are data. The Discord side
words both from its catalogue."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from services.core.errors import InvalidOption, InvalidOptionReason
from services.core.models import GenerationOptions

PROMPT_MAX_CHARS = 2000
MIN_SQUARE_SIDE = 768
MAX_SQUARE_SIDE = 1440
MIN_PIXELS = MIN_SQUARE_SIDE * MIN_SQUARE_SIDE
MAX_PIXELS = MAX_SQUARE_SIDE * MAX_SQUARE_SIDE
MAX_ASPECT = 4.0
MAX_IMAGES = 4

_SIZE_PATTERN = re.compile(r"^\s*(\d{1,5})\s*[xX×*]\s*(\d{1,5})\s*$")
# C0, DEL and C1 (Unicode's Cc): a prompt is one line of text; a NUL cannot even be stored in PostgreSQL.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class SizePreset:
    """A valid size with a `name` a member may type instead of it (`square`); offered by autocomplete."""

    name: str
    width: int
    height: int

    @property
    def size(self) -> str:
        """The canonical `WxH`."""
        return f"{self.width}x{self.height}"

    @property
    def ratio(self) -> str:
        """The aspect ratio in lowest terms, `W:H`."""
        divisor = math.gcd(self.width, self.height)
        return f"{self.width // divisor}:{self.height // divisor}"


SIZE_PRESETS: tuple[SizePreset, ...] = (
    SizePreset("square", 1280, 1280),
    SizePreset("portrait", 1080, 1440),
    SizePreset("landscape", 1440, 1080),
    SizePreset("wide", 1600, 900),
    SizePreset("tall", 900, 1600),
)


def parse_size(raw: str) -> str:
    """Return the canonical `WxH` for a size or preset name, or raise `InvalidOption` saying why."""
    typed = raw.strip()
    for preset in SIZE_PRESETS:
        if typed.lower() == preset.name:
            return preset.size
    match = _SIZE_PATTERN.match(typed)
    if match is None:
        raise InvalidOption("size", InvalidOptionReason.SIZE_NOT_A_SIZE, typed=typed)
    width, height = int(match.group(1)), int(match.group(2))
    if width == 0 or height == 0:
        raise InvalidOption("size", InvalidOptionReason.SIZE_ZERO_SIDE, width=width, height=height)
    pixels = width * height
    if not MIN_PIXELS <= pixels <= MAX_PIXELS:
        raise InvalidOption(
            "size",
            InvalidOptionReason.SIZE_PIXELS_OUT_OF_RANGE,
            width=width,
            height=height,
            pixels=pixels,
            minimum=MIN_PIXELS,
            maximum=MAX_PIXELS,
        )
    if not 1 / MAX_ASPECT <= width / height <= MAX_ASPECT:
        raise InvalidOption("size", InvalidOptionReason.SIZE_ASPECT_OUT_OF_RANGE, width=width, height=height)
    return f"{width}x{height}"


def validate_options(
    prompt: str, size: str | None, n: int | None, prompt_extend: bool | None, *, with_image: bool = False
) -> GenerationOptions:
    """Check every option of `/imagine`, returning the options to send or raising `InvalidOption`. With
    an image (`with_image`) the image-to-image model is used, which takes neither a size nor prompt_extend:
    either given is refused (the images themselves are checked once downloaded)."""
    if with_image and size is not None and size.strip():
        raise InvalidOption("size", InvalidOptionReason.SIZE_WITH_IMAGE)
    if with_image and prompt_extend is not None:
        raise InvalidOption("prompt_extend", InvalidOptionReason.PROMPT_EXTEND_WITH_IMAGE)
    stripped = prompt.strip()
    if not stripped:
        raise InvalidOption("prompt", InvalidOptionReason.PROMPT_EMPTY, maximum=PROMPT_MAX_CHARS)
    if (control := _CONTROL_CHARACTER.search(stripped)) is not None:
        character = f"U+{ord(control.group()):04X}"
        raise InvalidOption("prompt", InvalidOptionReason.PROMPT_CONTROL_CHARACTER, character=character)
    if len(stripped) > PROMPT_MAX_CHARS:
        raise InvalidOption(
            "prompt", InvalidOptionReason.PROMPT_TOO_LONG, length=len(stripped), maximum=PROMPT_MAX_CHARS
        )
    count = 1 if n is None else n
    if not 1 <= count <= MAX_IMAGES:
        raise InvalidOption("n", InvalidOptionReason.COUNT_OUT_OF_RANGE, count=count, minimum=1, maximum=MAX_IMAGES)
    canonical_size = None if size is None or not size.strip() else parse_size(size)
    return GenerationOptions(
        prompt=stripped,
        size=canonical_size,
        n=count,
        prompt_extend=True if prompt_extend is None else prompt_extend,
    )
