"""A picture of a Components V2 message as the fake Discord recorded it, drawn with Pillow in Discord's
dark theme: the container's accent bar, the media gallery from the attached images (spoilers blurred),
the text displays (markdown escapes removed, emoji dropped: the default font has none) and the buttons.
An approximation for documentation (docs/card.png), not Discord's own rendering."""

from __future__ import annotations

import io
import re
import textwrap
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.support.fake_discord.records import MessageRecord

WIDTH = 560
PAD = 16
BACKGROUND = (49, 51, 56)
CARD = (43, 45, 49)
TEXT = (219, 222, 225)
BUTTON_COLOURS = {1: (88, 101, 242), 2: (78, 80, 88), 3: (36, 128, 70), 4: (218, 55, 60)}
_NOT_DRAWN = re.compile(r"[^\u0000-\u2e7f]|[\ufe0f\u200b]")


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size)


def render_card(message: MessageRecord) -> bytes:
    """The message's first container drawn as a PNG."""
    container = next(c for c in message.components if c.get("type") == 17)
    images = {a.filename: a.data for a in message.attachments}
    blocks = [_block(component, images) for component in container.get("components", [])]
    height = PAD * 2 + sum(block.height + 10 for block in blocks)
    picture = Image.new("RGB", (WIDTH + 2 * PAD, height + 2 * PAD), BACKGROUND)
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((PAD, PAD, PAD + WIDTH, PAD + height), 8, fill=CARD)
    accent = container.get("accent_color") or 0x5865F2
    draw.rectangle((PAD, PAD, PAD + 4, PAD + height), fill=((accent >> 16) & 255, (accent >> 8) & 255, accent & 255))
    top = 2 * PAD
    for block in blocks:
        picture.paste(block, (2 * PAD, top))
        top += block.height + 10
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def _block(component: dict[str, Any], images: dict[str, bytes]) -> Image.Image:
    kind = component.get("type")
    if kind == 12:
        return _gallery(component.get("items") or [], images)
    if kind == 10:
        return _text(component.get("content") or "")
    if kind == 1:
        return _buttons(component.get("components") or [])
    return Image.new("RGB", (WIDTH - 2 * PAD, 1), (63, 65, 71))  # a separator


def _gallery(items: list[dict[str, Any]], images: dict[str, bytes]) -> Image.Image:
    inner = WIDTH - 2 * PAD
    side = inner if len(items) == 1 else (inner - 4) // 2
    rows = (len(items) + 1) // 2 if len(items) > 1 else 1
    block = Image.new("RGB", (inner, rows * (side + 4)), CARD)
    for index, item in enumerate(items):
        name = (item.get("media") or {}).get("url", "").removeprefix("attachment://")
        with Image.open(io.BytesIO(images[name])) as opened:
            tile = opened.convert("RGB").resize((side, side))
        if item.get("spoiler"):
            tile = tile.filter(ImageFilter.GaussianBlur(18))
        block.paste(tile, ((index % 2) * (side + 4), (index // 2) * (side + 4)))
    return block


def _text(content: str) -> Image.Image:
    plain = _NOT_DRAWN.sub("", content.replace("\\", "")).replace("**", "").replace("`", "")
    plain = re.sub(r"<@!?\d+>", "@member", plain)  # Discord shows a mention as the member's name
    lines = [wrapped for line in plain.splitlines() for wrapped in (textwrap.wrap(line.strip(), 62) or [""])]
    font = _font(15)
    block = Image.new("RGB", (WIDTH - 2 * PAD, 20 * len(lines) + 4), CARD)
    draw = ImageDraw.Draw(block)
    for index, line in enumerate(lines):
        draw.text((0, 20 * index), line, fill=TEXT, font=font)
    return block


def _buttons(buttons: list[dict[str, Any]]) -> Image.Image:
    font = _font(14, bold=True)
    block = Image.new("RGB", (WIDTH - 2 * PAD, 34), CARD)
    draw = ImageDraw.Draw(block)
    left = 0
    for button in buttons:
        label = _NOT_DRAWN.sub("", button.get("label") or "")
        width = int(draw.textlength(label, font=font)) + 24
        colour = BUTTON_COLOURS.get(button.get("style") or 2, BUTTON_COLOURS[2])
        draw.rounded_rectangle((left, 0, left + width, 32), 4, fill=colour)
        draw.text((left + 12, 8), label, fill=(255, 255, 255), font=font)
        left += width + 8
    return block
