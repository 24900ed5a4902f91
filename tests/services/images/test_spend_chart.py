"""The spend chart is a real PNG of the expected size, with the bars, largest values and first and last days
drawn on it, and no words (its title and legend are the message's, in the reader's language)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from services.images.spend_chart import (
    BACKGROUND,
    CHART_SIZE,
    CREDIT_BARS,
    IMAGE_BARS,
    INK,
    ChartDays,
    draw_spend_chart,
    render_spend_chart,
)

LABELS = ChartDays("2026-10-31", "2026-11-29")


def _colours(png: bytes) -> dict[tuple[int, int, int], int]:
    with Image.open(io.BytesIO(png)) as chart:
        assert (chart.format, chart.size) == ("PNG", CHART_SIZE)
        return {colour: count for count, colour in chart.convert("RGB").getcolors(maxcolors=1 << 16) or []}


async def test_the_chart_is_a_png_of_the_expected_size_with_both_kinds_of_bars() -> None:
    images = [float(day % 7) for day in range(30)]
    credits = [value * 1.2 for value in images]
    png = await render_spend_chart(images, credits, LABELS)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    colours = _colours(png)
    assert colours[IMAGE_BARS] > 1000
    assert colours[CREDIT_BARS] > 1000
    assert colours.get(INK, 0) > 5  # the first and last day
    assert colours[BACKGROUND] < CHART_SIZE[0] * CHART_SIZE[1]


async def test_a_taller_day_draws_a_taller_bar() -> None:
    few = _colours(await render_spend_chart([1.0, 0.0], [1.0, 0.0], LABELS))
    taller = _colours(await render_spend_chart([1.0, 4.0], [1.0, 0.0], LABELS))
    assert taller[IMAGE_BARS] > few[IMAGE_BARS] * 1.2


async def test_days_without_spending_draw_no_bars() -> None:
    colours = _colours(await render_spend_chart([0.0] * 30, [0.0] * 30, LABELS))
    assert IMAGE_BARS not in colours
    assert CREDIT_BARS not in colours


def test_mismatched_series_are_refused() -> None:
    with pytest.raises(ValueError, match="one value of images and of credits per day"):
        draw_spend_chart([1.0, 2.0], [1.0], LABELS)


def test_the_chart_takes_iso_dates_not_words() -> None:
    with pytest.raises(ValueError, match="ISO dates"):
        ChartDays("Images and credits per day", "2026-11-29")
