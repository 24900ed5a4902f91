from __future__ import annotations

import pytest

from services.config.settings import DEFAULT_API_BASE_URL, DEFAULT_DATABASE_URL, SettingsError, load_settings

SECRETS = {"DISCORD_TOKEN": "discord-secret", "WAN_API_KEY": "wan-secret"}


def test_defaults_apply_when_only_the_secrets_are_set() -> None:
    settings = load_settings(SECRETS)
    assert settings.wan_api_base_url == DEFAULT_API_BASE_URL
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.image_url_allow_private is False
    assert settings.user_daily_images == 20
    assert settings.discord_guild_ids == ()
    assert settings.log_level == "INFO"
    assert settings.job_deadline_seconds == 600


@pytest.mark.parametrize("missing", ["DISCORD_TOKEN", "WAN_API_KEY"])
def test_missing_secret_names_the_variable_and_env_example(missing: str) -> None:
    env = {**SECRETS, missing: "  "}
    with pytest.raises(SettingsError) as caught:
        load_settings(env)
    assert caught.value.variable == missing
    assert ".env.example" in str(caught.value)


def test_secrets_never_appear_in_the_repr() -> None:
    text = repr(load_settings(SECRETS))
    assert "discord-secret" not in text
    assert "wan-secret" not in text


def test_guild_ids_are_parsed_and_deduplicated() -> None:
    settings = load_settings({**SECRETS, "DISCORD_GUILD_IDS": "123, 456,123,"})
    assert settings.discord_guild_ids == (123, 456)


def test_non_numeric_guild_id_is_refused() -> None:
    with pytest.raises(SettingsError, match="DISCORD_GUILD_IDS"):
        load_settings({**SECRETS, "DISCORD_GUILD_IDS": "123,abc"})


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("off", False), ("", False)])
def test_booleans_accept_common_spellings(raw: str, expected: bool) -> None:
    assert load_settings({**SECRETS, "IMAGE_URL_ALLOW_PRIVATE": raw}).image_url_allow_private is expected


def test_bad_boolean_is_refused_with_its_name() -> None:
    with pytest.raises(SettingsError, match="IMAGE_URL_ALLOW_PRIVATE"):
        load_settings({**SECRETS, "IMAGE_URL_ALLOW_PRIVATE": "maybe"})


def test_negative_quota_is_refused() -> None:
    with pytest.raises(SettingsError, match="USER_DAILY_IMAGES: must be at least 0"):
        load_settings({**SECRETS, "USER_DAILY_IMAGES": "-1"})


def test_non_number_is_refused() -> None:
    with pytest.raises(SettingsError, match="JOB_DEADLINE_SECONDS: must be a number"):
        load_settings({**SECRETS, "JOB_DEADLINE_SECONDS": "ten"})


def test_base_url_loses_its_trailing_slash() -> None:
    assert load_settings({**SECRETS, "WAN_API_BASE_URL": "http://127.0.0.1:8090/"}).wan_api_base_url == (
        "http://127.0.0.1:8090"
    )


def test_unknown_database_scheme_is_refused() -> None:
    with pytest.raises(SettingsError, match="DATABASE_URL"):
        load_settings({**SECRETS, "DATABASE_URL": "mysql://x"})


def test_poll_bounds_must_be_ordered() -> None:
    with pytest.raises(SettingsError, match="POLL_MAX_INTERVAL"):
        load_settings({**SECRETS, "POLL_MIN_INTERVAL": "10", "POLL_MAX_INTERVAL": "5"})


def test_public_base_url_must_be_https() -> None:
    with pytest.raises(SettingsError, match="PUBLIC_BASE_URL: must be an https URL"):
        load_settings({**SECRETS, "PUBLIC_BASE_URL": "http://bot.example"})


def test_public_base_url_may_be_plain_http_on_this_machine_for_the_simulator() -> None:
    assert load_settings({**SECRETS, "PUBLIC_BASE_URL": "http://127.0.0.1:8080"}).public_base_url == (
        "http://127.0.0.1:8080"
    )


def test_public_base_url_loses_its_trailing_slash() -> None:
    assert load_settings({**SECRETS, "PUBLIC_BASE_URL": "https://bot.example/"}).public_base_url == (
        "https://bot.example"
    )


def test_shard_ids_need_a_shard_count() -> None:
    with pytest.raises(SettingsError, match="SHARD_IDS: needs SHARD_COUNT"):
        load_settings({**SECRETS, "SHARD_IDS": "0"})


def test_shard_ids_must_be_below_the_count() -> None:
    with pytest.raises(SettingsError, match="SHARD_IDS: must be below SHARD_COUNT"):
        load_settings({**SECRETS, "SHARD_COUNT": "2", "SHARD_IDS": "0,2"})


def test_shards_are_parsed() -> None:
    settings = load_settings({**SECRETS, "SHARD_COUNT": "4", "SHARD_IDS": "1, 3"})
    assert (settings.shard_count, settings.shard_ids) == (4, (1, 3))
