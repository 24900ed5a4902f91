"""The choices of `/imagine-admin`'s options."""

from __future__ import annotations

import logging

import pytest

from discord_side.admin_choices import DISCORD_SETTING, MAX_CHOICES, language_choices
from discord_side.locales import DISCORD_LOCALES, SOURCE


def test_the_language_choices_offer_every_catalogue_and_discords_setting() -> None:
    values = [choice.value for choice in language_choices(["fr", SOURCE, "de"])]
    assert values == ["de", SOURCE, "fr", DISCORD_SETTING]


def test_the_language_choices_stay_within_discords_limit_with_every_discord_locale(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Discord refuses an option with more than 25 choices, and with it the sync at start-up.
    with caplog.at_level(logging.WARNING, logger="discord_side.admin_choices"):
        values = [choice.value for choice in language_choices(DISCORD_LOCALES)]
    assert len(values) == MAX_CHOICES
    assert SOURCE in values
    assert values[-1] == DISCORD_SETTING
    assert "left out" in caplog.text
