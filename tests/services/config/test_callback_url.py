"""`PUBLIC_BASE_URL`: https anywhere, plain http only when the host IS this machine (an exact match of
the parsed host, not a prefix of the text)."""

from __future__ import annotations

import pytest

from services.config.rules import CallbackUrl
from services.config.settings import SettingsError, load_settings

RULE = CallbackUrl()
SECRETS = {"DISCORD_TOKEN": "discord-secret", "WAN_API_KEY": "wan-secret"}
REFUSED = "PUBLIC_BASE_URL: must be an https URL"


@pytest.mark.parametrize(
    "url",
    [
        "https://bot.example",
        "https://bot.example:8443/imagine",
        "https://localhost.attacker.example",
        "http://127.0.0.1",
        "http://127.0.0.1:8080",
        "http://localhost:8080/base",
        "http://LOCALHOST:8080",
        "http://[::1]:8080",
    ],
)
def test_accepted(url: str) -> None:
    assert RULE.parse(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost.attacker.example",
        "http://127.0.0.1.attacker.example",
        "http://localhost@attacker.example",
        "http://127.0.0.1:80@attacker.example",
        "http://[::1].attacker.example",
        "http://localhostx:8080",
        "http://127.0.0.10",
        "http://bot.example",
        "https://",
        "https://:443",
        "https://bot.example:99999",
        "https://bot.example/?next=x",
        "https://bot.example/#x",
        "https://bot example",
        "ftp://127.0.0.1",
        "127.0.0.1:8080",
    ],
)
def test_refused(url: str) -> None:
    with pytest.raises(SettingsError, match=REFUSED):
        load_settings({**SECRETS, "PUBLIC_BASE_URL": url})


def test_the_trailing_slash_is_dropped() -> None:
    assert RULE.parse("https://bot.example/imagine/") == "https://bot.example/imagine"


def test_a_url_over_the_length_limit_is_refused() -> None:
    with pytest.raises(SettingsError, match=REFUSED):
        load_settings({**SECRETS, "PUBLIC_BASE_URL": "https://bot.example/" + "a" * 1900})
