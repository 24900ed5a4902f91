"""Rendering of result images: a gradient (or noise) background with the prompt drawn on it.

Pure, blocking functions: callers run them in a worker thread (`asyncio.to_thread`).
"""

from __future__ import annotations

import io
import random
import textwrap
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, ImageOps

CONTENT_TYPES: dict[str, str] = {"png": "image/png", "jpeg": "image/jpeg"}
EXTENSIONS: dict[str, str] = {"png": "png", "jpeg": "jpg"}
NON_IMAGE_BODY = (
    b"<!doctype html><html><head><title>Access denied</title></head>"
    b"<body><h1>403 Forbidden</h1><p>This object is not an image.</p></body></html>"
)


@dataclass(frozen=True)
class ImageSpec:
    """What one result image looks like: its text, size, format and background."""

    prompt: str
    width: int
    height: int
    index: int
    count: int
    image_format: str = "png"
    noise: bool = False
    seed: int = 0
    source: bytes | None = None
    """Image-to-image: the input the result is derived from (resized to the result's size and tinted)."""


_TINTS = ((230, 60, 60), (60, 200, 90), (70, 110, 240), (240, 200, 40))


def _background(spec: ImageSpec, rng: random.Random) -> Image.Image:
    size = (spec.width, spec.height)
    if spec.source is not None:
        with Image.open(io.BytesIO(spec.source)) as source:
            derived = source.convert("RGB").resize(size)
        return Image.blend(derived, Image.new("RGB", size, _TINTS[spec.index % len(_TINTS)]), 0.3)
    if spec.noise:
        return Image.frombytes("RGB", size, rng.randbytes(spec.width * spec.height * 3))
    dark = tuple(rng.randrange(20, 110) for _ in range(3))
    light = tuple(rng.randrange(140, 240) for _ in range(3))
    gradient = Image.linear_gradient("L").resize(size)
    return ImageOps.colorize(gradient, dark, light)  # type: ignore[arg-type]


def _draw_text(image: Image.Image, spec: ImageSpec) -> None:
    font_size = max(14, spec.width // 32)
    font = ImageFont.load_default(size=font_size)
    margin = max(16, spec.width // 24)
    sample = "the quick brown fox jumps over the lazy dog"
    char_width = max(1.0, font.getlength(sample) / len(sample))
    columns = max(8, int((spec.width - 4 * margin) / char_width))
    line_height = int(font_size * 1.25)
    max_lines = max(1, (spec.height - 4 * margin) // line_height - 2)
    lines = textwrap.wrap(spec.prompt, width=columns) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: columns - 1] + "…"]
    header = f"Wan2.5 simulator · image {spec.index + 1}/{spec.count} · {spec.width}x{spec.height}"
    text = "\n".join([header, "", *lines])
    draw = ImageDraw.Draw(image)
    box = draw.multiline_textbbox((2 * margin, 2 * margin), text, font=font, spacing=font_size // 4)
    draw.rectangle(
        (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin),
        fill=(12, 12, 16),
        outline=(240, 240, 240),
        width=2,
    )
    draw.multiline_text((2 * margin, 2 * margin), text, font=font, fill=(250, 250, 250), spacing=font_size // 4)


def render_image(spec: ImageSpec) -> bytes:
    """Render one image and return its encoded bytes (PNG or JPEG). Blocking: call it in a thread."""
    rng = random.Random(f"{spec.seed}:{spec.index}")  # noqa: S311 - image content, not cryptography
    image = _background(spec, rng)
    _draw_text(image, spec)
    out = io.BytesIO()
    if spec.image_format == "jpeg":
        image.save(out, format="JPEG", quality=90)
    else:
        # Noise does not compress: level 1 keeps rendering fast without changing the size much.
        image.save(out, format="PNG", compress_level=1 if spec.noise else 6)
    return out.getvalue()


def render_all(specs: list[ImageSpec]) -> list[bytes]:
    """Render several images in order. Blocking: call it in a thread."""
    return [render_image(spec) for spec in specs]
