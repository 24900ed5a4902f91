"""/usage gives `limit` as the word for "unlimited" when there is no limit: no language may choose a
plural noun after it ("von unbegrenzt Bildern", "de sin límite imágenes" read as broken grammar)."""

from __future__ import annotations

import re

import pytest

from discord_side.catalogue import LANGUAGES, text_in

# Entries whose `limit` the code may pass as the word `unlimited` (cogs/usage.py), with their other values.
MAY_BE_UNLIMITED = {
    "usage-person-today": {"used": 3},
    "usage-guild-credits": {"used": "12.5"},
    "usage-active-jobs": {},
    "usage-active-jobs-cooldown": {"seconds": "30"},
}


@pytest.mark.parametrize("code", ["de", "es-ES"])
def test_an_unlimited_daily_limit_is_not_given_a_plural_noun(code: str) -> None:
    unlimited = text_in(code, "unlimited")
    shown = text_in(code, "usage-person-today", used=3, limit=unlimited)
    assert f"{unlimited} " not in shown, shown


@pytest.mark.parametrize("entry", sorted(MAY_BE_UNLIMITED))
@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_no_language_chooses_a_noun_by_a_limit_that_may_be_unlimited(code: str, entry: str) -> None:
    assert "limit" not in LANGUAGES[code].messages[entry].selectors


@pytest.mark.parametrize("entry", sorted(MAY_BE_UNLIMITED))
@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_an_unlimited_limit_ends_its_phrase(code: str, entry: str) -> None:
    unlimited = text_in(code, "unlimited")
    shown = text_in(code, entry, limit=unlimited, **MAY_BE_UNLIMITED[entry])
    assert not re.match(r"\s+\w", shown.split(unlimited, 1)[1]), shown  # no noun after it
