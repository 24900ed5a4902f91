"""Secrets never show: not in the repr or str of the settings, not in a log line, not in an error."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from services.config.settings import Settings, SettingsError, load_settings

SECRETS = {"DISCORD_TOKEN": "discord-secret", "WAN_API_KEY": "wan-secret"}
DATABASE = "postgresql://bot:hunter2@db.internal:5432/imagine"


def _all_secrets_env() -> dict[str, str]:
    return {**SECRETS, "DATABASE_URL": DATABASE}


@pytest.mark.parametrize("render", [repr, str, Settings.model_dump_json])
def test_secrets_never_appear_when_the_settings_are_shown(render: Callable[[Settings], str]) -> None:
    text = render(load_settings(_all_secrets_env()))
    for secret in ("discord-secret", "wan-secret", "hunter2"):
        assert secret not in text


def test_secrets_never_appear_in_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    settings = load_settings(_all_secrets_env())
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("settings %s %r", settings, settings)
        logging.getLogger("test").info("key %s, database %s", settings.wan_api_key, settings.database_url)
    for secret in ("discord-secret", "wan-secret", "hunter2"):
        assert secret not in caplog.text


def test_the_database_url_is_shown_without_its_password_but_kept_whole() -> None:
    url = load_settings(_all_secrets_env()).database_url
    assert repr(url) == "DatabaseUrl('postgresql://bot:***@db.internal:5432/imagine')"
    assert url.get_secret_value() == DATABASE


def test_a_password_given_as_a_parameter_is_masked_too() -> None:
    url = load_settings({**SECRETS, "DATABASE_URL": "postgresql://db/imagine?user=bot&password=hunter2"}).database_url
    assert str(url) == "postgresql://db/imagine?user=bot&password=***"


def test_the_secrets_are_there_for_whoever_asks_for_them() -> None:
    settings = load_settings(SECRETS)
    assert settings.discord_token.get_secret_value() == "discord-secret"
    assert settings.wan_api_key.get_secret_value() == "wan-secret"


def test_a_refused_database_url_is_not_quoted_back() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({**SECRETS, "DATABASE_URL": "mysql://bot:hunter2@db/imagine"})
    assert str(caught.value) == "DATABASE_URL: must be a sqlite:///, postgresql:// or postgres:// URL"
