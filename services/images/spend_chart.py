"""A bar chart of a guild's spending, day by day: images above, credits below, as a PNG. Pillow's work
runs in a worker thread (`render_spend_chart`); the words on it (`ChartLabels`) come from the caller,
since services never word what people read."""

from __future__ import annotations

import asyncio
import io
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
_MARGIN, _TITLE_HEIGHT, _LABEL_WIDTH = 20, 40, 70


@dataclass(frozen=True)
class ChartLabels:
    """The words on the chart: its title, each panel's name, and the first and last day shown."""

    title: str
    images: str
    credits: str
    first_day: str
    last_day: str


async def render_spend_chart(images: Sequence[float], credits: Sequence[float], labels: ChartLabels) -> bytes:
    """The chart as PNG bytes, drawn in a worker thread (one value per day, oldest first)."""
    return await asyncio.to_thread(draw_spend_chart, list(images), list(credits), labels)


def draw_spend_chart(images: list[float], credits: list[float], labels: ChartLabels) -> bytes:
    """The chart as PNG bytes (blocking: call it through `render_spend_chart`)."""
    if len(images) != len(credits) or not images:
        raise ValueError("one value of images and of credits per day, at least one day")
    chart = Image.new("RGB", CHART_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(chart)
    font = ImageFont.load_default(size=16)
    draw.text((_MARGIN, _MARGIN // 2), labels.title, fill=INK, font=font)
    width, height = CHART_SIZE
    panel = (height - _TITLE_HEIGHT - 2 * _MARGIN - 20) // 2
    top = _TITLE_HEIGHT
    for values, name, colour in ((images, labels.images, IMAGE_BARS), (credits, labels.credits, CREDIT_BARS)):
        _panel(draw, font, values, name, colour, (_LABEL_WIDTH, top, width - _MARGIN, top + panel))
        top += panel + _MARGIN
    small = ImageFont.load_default(size=12)
    draw.text((_LABEL_WIDTH, height - _MARGIN - 6), labels.first_day, fill=INK, font=small)
    draw.text((width - _MARGIN, height - _MARGIN - 6), labels.last_day, fill=INK, font=small, anchor="ra")
    output = io.BytesIO()
    chart.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _panel(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    values: list[float],
    name: str,
    colour: tuple[int, int, int],
    box: tuple[int, int, int, int],
) -> None:
    """One panel: a name and its largest value at the left, a baseline, and one bar per day."""
    left, top, right, bottom = box
    highest = max(values) or 1.0
    draw.text((_MARGIN, top), name, fill=INK, font=font)
    draw.text((_MARGIN, top + 22), f"{max(values):g}", fill=INK, font=font)
    draw.line((left, bottom, right, bottom), fill=GRID, width=1)
    draw.line((left, top, right, top), fill=GRID, width=1)
    slot = (right - left) / len(values)
    for index, value in enumerate(values):
        if value <= 0:
            continue
        x0 = left + index * slot + slot * 0.15
        x1 = left + (index + 1) * slot - slot * 0.15
        draw.rectangle((x0, bottom - (bottom - top) * value / highest, x1, bottom - 1), fill=colour)
