"""Validation of `/imagine` options against the API's documented limits, before anything is spent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.core.errors import InvalidOption
from services.core.models import GenerationOptions

PROMPT_MAX_CHARS = 2000
MIN_PIXELS = 768 * 768
MAX_PIXELS = 1440 * 1440
MAX_ASPECT = 4.0
MAX_IMAGES = 4

_SIZE_PATTERN = re.compile(r"^\s*(\d{1,5})\s*[xX×*]\s*(\d{1,5})\s*$")


@dataclass(frozen=True)
class SizePreset:
    """A named, valid size offered by autocomplete."""

    name: str
    size: str
    label: str


SIZE_PRESETS: tuple[SizePreset, ...] = (
    SizePreset("square", "1280x1280", "square 1:1"),
    SizePreset("portrait", "1080x1440", "portrait 3:4"),
    SizePreset("landscape", "1440x1080", "landscape 4:3"),
    SizePreset("wide", "1600x900", "wide 16:9"),
    SizePreset("tall", "900x1600", "tall 9:16"),
)

SIZE_RULES = (
    "use WxH such as 1280x1280: width×height between 768×768 and 1440×1440 pixels in total, "
    "aspect ratio between 1:4 and 4:1, or a preset: " + ", ".join(p.name for p in SIZE_PRESETS)
)


def parse_size(raw: str) -> str:
    """Return the canonical `WxH` for a size or preset name, or raise `InvalidOption` saying why."""
    text = raw.strip()
    for preset in SIZE_PRESETS:
        if text.lower() == preset.name:
            return preset.size
    match = _SIZE_PATTERN.match(text)
    if match is None:
        raise InvalidOption("size", f"`{_shorten(text)}` is not a size; {SIZE_RULES}.")
    width, height = int(match.group(1)), int(match.group(2))
    if width == 0 or height == 0:
        raise InvalidOption("size", f"`{width}x{height}` has a zero side; {SIZE_RULES}.")
    pixels = width * height
    if not MIN_PIXELS <= pixels <= MAX_PIXELS:
        raise InvalidOption(
            "size",
            f"`{width}x{height}` has {pixels:,} pixels, outside {MIN_PIXELS:,} to {MAX_PIXELS:,}; {SIZE_RULES}.",
        )
    if not 1 / MAX_ASPECT <= width / height <= MAX_ASPECT:
        raise InvalidOption("size", f"`{width}x{height}` is too narrow or too wide; {SIZE_RULES}.")
    return f"{width}x{height}"


def size_suggestions(current: str, limit: int = 25) -> list[tuple[str, str]]:
    """Autocomplete choices `(label, value)` for what the user typed so far: presets, and a valid size."""
    typed = current.strip().lower()
    choices = [
        (f"{p.label} ({p.size})", p.size)
        for p in SIZE_PRESETS
        if not typed or typed in p.name or typed in p.size or typed in p.label
    ]
    if typed:
        try:
            size = parse_size(typed)
        except InvalidOption:
            size = None
        if size is not None and all(value != size for _, value in choices):
            choices.insert(0, (size, size))
    return choices[:limit]


def validate_options(prompt: str, size: str | None, n: int | None, prompt_extend: bool | None) -> GenerationOptions:
    """Check every option of `/imagine`, returning the options to send or raising `InvalidOption`."""
    text = prompt.strip()
    if not text:
        raise InvalidOption("prompt", "is empty; describe the image you want (1 to 2000 characters).")
    if len(text) > PROMPT_MAX_CHARS:
        raise InvalidOption(
            "prompt",
            f"has {len(text)} characters; the limit is {PROMPT_MAX_CHARS}. Shorten it and try again.",
        )
    count = 1 if n is None else n
    if not 1 <= count <= MAX_IMAGES:
        raise InvalidOption("n", f"must be between 1 and {MAX_IMAGES}, not {count}.")
    canonical_size = None if size is None or not size.strip() else parse_size(size)
    return GenerationOptions(
        prompt=text,
        size=canonical_size,
        n=count,
        prompt_extend=True if prompt_extend is None else prompt_extend,
    )


def _shorten(text: str, limit: int = 40) -> str:
    text = text.replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
