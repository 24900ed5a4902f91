"""`/imagine-admin spend`: the chart carries no words, whatever the language (Pillow's font has no CJK
glyphs); its title and legend are in the message, in the member's language."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from discord_side.catalogue import speaking, text_in
from discord_side.spend_report import SPEND_DAYS, SpendReport
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store
from tests.discord_side.manual_clock import ManualClock
from tests.services.storage.test_purse import job

OPEN = Limits(UNLIMITED, UNLIMITED, 0.0, UNLIMITED)
GUILD = 20


@pytest.fixture
async def report(tmp_path: Path) -> AsyncIterator[SpendReport]:
    clock = ManualClock(start=1_764_374_400.0)  # 2025-11-29
    store = await Store.open(f"sqlite:///{tmp_path}/spend.db", clock=clock.now)
    await store.insert_job_reserving(job("a", guild=GUILD, n=2, day="2025-11-28"), OPEN)
    yield SpendReport(store, clock)
    await store.close()


async def _chart_and_words(report: SpendReport, language: str) -> tuple[bytes, str]:
    with speaking(language):
        words, chart = await report.build(GUILD, OPEN)
    return chart.fp.read(), words


async def test_the_chart_is_the_same_picture_in_every_language(report: SpendReport) -> None:
    english, _ = await _chart_and_words(report, "en-US")
    for language in ("ja", "zh-CN", "de"):
        assert (await _chart_and_words(report, language))[0] == english, language


@pytest.mark.parametrize("language", ["en-US", "ja", "zh-CN", "fr"])
async def test_the_message_names_both_series_in_the_members_language(report: SpendReport, language: str) -> None:
    _, words = await _chart_and_words(report, language)
    assert words.startswith(text_in(language, "spend-chart-legend", days=SPEND_DAYS))


async def test_the_english_legend_says_which_colour_is_which(report: SpendReport) -> None:
    _, words = await _chart_and_words(report, "en-US")
    assert "images (blue, above) and credits (orange, below)" in words
