"""A bar chart of a guild's spending, day by day: images above, credits below, as a PNG. Pillow's work
runs in a worker thread (`render_spend_chart`). The chart carries no words, only numbers and ISO dates:
Pillow's default font has no glyphs for many scripts (CJK would be boxes), so the title and the legend
(which colour is which) are the accompanying message's, in the reader's language."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

CHART_SIZE = (900, 520)
CHART_FILENAME = "spend.png"
BACKGROUND = (32, 34, 37)
GRID = (72, 75, 80)
INK = (220, 221, 222)
IMAGE_BARS = (88, 101, 242)
CREDIT_BARS = (250, 166, 26)
_MARGIN, _TOP, _LABEL_WIDTH = 20, 20, 70


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ChartDays:
    """The first and last day shown, as ISO dates (`2026-11-29`): the only text on the chart besides
    each panel's largest value."""

    first: str
    last: str

    def __post_init__(self) -> None:
        for day in (self.first, self.last):
            if not _ISO_DAY.match(day):
                raise ValueError(f"the chart's days are ISO dates (YYYY-MM-DD), not {day!r}")


async def render_spend_chart(images: Sequence[float], credits: Sequence[float], days: ChartDays) -> bytes:
    """The chart as PNG bytes, drawn in a worker thread (one value per day, oldest first)."""
    return await asyncio.to_thread(draw_spend_chart, list(images), list(credits), days)


def draw_spend_chart(images: list[float], credits: list[float], days: ChartDays) -> bytes:
    """The chart as PNG bytes (blocking: call it through `render_spend_chart`)."""
    if len(images) != len(credits) or not images:
        raise ValueError("one value of images and of credits per day, at least one day")
    chart = Image.new("RGB", CHART_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(chart)
    font = ImageFont.load_default(size=16)
    width, height = CHART_SIZE
    panel = (height - _TOP - 2 * _MARGIN - 20) // 2
    top = _TOP
    for values, colour in ((images, IMAGE_BARS), (credits, CREDIT_BARS)):
        _panel(draw, font, values, colour, (_LABEL_WIDTH, top, width - _MARGIN, top + panel))
        top += panel + _MARGIN
    small = ImageFont.load_default(size=12)
    draw.text((_LABEL_WIDTH, height - _MARGIN - 6), days.first, fill=INK, font=small)
    draw.text((width - _MARGIN, height - _MARGIN - 6), days.last, fill=INK, font=small, anchor="ra")
    output = io.BytesIO()
    chart.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _panel(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    values: list[float],
    colour: tuple[int, int, int],
    box: tuple[int, int, int, int],
) -> None:
    """One panel: its largest value at the left (in the bars' colour), a baseline, and one bar per day."""
    left, top, right, bottom = box
    highest = max(values) or 1.0
    draw.text((_MARGIN, top), f"{max(values):g}", fill=colour, font=font)
    draw.line((left, bottom, right, bottom), fill=GRID, width=1)
    draw.line((left, top, right, top), fill=GRID, width=1)
    slot = (right - left) / len(values)
    for index, value in enumerate(values):
        if value <= 0:
            continue
        x0 = left + index * slot + slot * 0.15
        x1 = left + (index + 1) * slot - slot * 0.15
        draw.rectangle((x0, bottom - (bottom - top) * value / highest, x1, bottom - 1), fill=colour)
