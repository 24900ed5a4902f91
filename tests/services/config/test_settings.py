from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from services.config.settings import DEFAULT_API_BASE_URL, DEFAULT_DATABASE_URL, SettingsError, load_settings

SECRETS = {"DISCORD_TOKEN": "discord-secret", "WAN_API_KEY": "wan-secret"}


def test_defaults_apply_when_only_the_secrets_are_set() -> None:
    settings = load_settings(SECRETS)
    assert settings.wan_api_base_url == DEFAULT_API_BASE_URL
    assert settings.database_url.get_secret_value() == DEFAULT_DATABASE_URL
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
    with pytest.raises(SettingsError, match="USER_DAILY_IMAGES: must be a whole number of at least 0, got '-1'"):
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


def test_every_default_is_the_documented_one() -> None:
    settings = load_settings(SECRETS).model_dump(exclude={"discord_token", "wan_api_key", "database_url"})
    assert settings == {
        "wan_api_base_url": "https://ai.odkkk.com/apiv1",
        "image_url_allow_private": False,
        "user_daily_images": 20,
        "user_max_active_jobs": 3,
        "user_cooldown_seconds": 0.0,
        "guild_daily_images": 200,
        "bot_daily_images": 0,
        "credit_budget_daily": 0.0,
        "credit_budget_monthly": 0.0,
        "trusted_guild_ids": (),
        "creates_per_second": 0.0,
        "allow_dms": False,
        "dm_daily_images": 10,
        "blocked_terms_file": None,
        "retention_days": 90,
        "web_host": "127.0.0.1",
        "web_port": 8080,
        "public_base_url": None,
        "shard_count": None,
        "shard_ids": None,
        "lease_seconds": 30.0,
        "approval_wait_hours": 72.0,
        "discord_guild_ids": (),
        "image_to_image": "auto",
        "card_results": True,
        "log_level": "INFO",
        "job_deadline_seconds": 600.0,
        "poll_min_interval": 1.0,
        "poll_max_interval": 30.0,
        "api_queries_per_second": 18.0,
        "progress_edit_interval": 3.0,
        "api_timeout_seconds": 30.0,
        "create_max_attempts": 3,
        "download_timeout_seconds": 60.0,
        "max_download_bytes": 52428800,
        "max_tasks_in_flight": 0,
        "image_bytes_in_flight": 50331648,
    }


def test_a_bad_value_names_the_variable_what_is_valid_and_what_was_given() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({**SECRETS, "MAX_TASKS_IN_FLIGHT": "abc"})
    assert str(caught.value) == "MAX_TASKS_IN_FLIGHT: must be a whole number from 0 to 10000, got 'abc'"
    assert caught.value.variable == "MAX_TASKS_IN_FLIGHT"


@pytest.mark.parametrize(
    ("raw", "accepted"), [("10000", True), ("10001", False), ("0", True), ("-1", False), ("2.5", False)]
)
def test_bounds_are_inclusive_and_whole_numbers_stay_whole(raw: str, accepted: bool) -> None:
    env = {**SECRETS, "MAX_TASKS_IN_FLIGHT": raw}
    if accepted:
        assert load_settings(env).max_tasks_in_flight == int(raw)
    else:
        with pytest.raises(SettingsError, match="MAX_TASKS_IN_FLIGHT: must be a whole number from 0 to 10000"):
            load_settings(env)


def test_a_number_out_of_range_says_the_range() -> None:
    expected = "POLL_MIN_INTERVAL: must be a number from 0.05 to 60, got '0.01'"
    with pytest.raises(SettingsError, match=re.escape(expected)):
        load_settings({**SECRETS, "POLL_MIN_INTERVAL": "0.01"})


@pytest.mark.parametrize("raw", ["nan", "inf"])
def test_a_number_that_is_not_finite_is_refused(raw: str) -> None:
    with pytest.raises(SettingsError, match="JOB_DEADLINE_SECONDS: must be a number of at least 5"):
        load_settings({**SECRETS, "JOB_DEADLINE_SECONDS": raw})


def test_a_blank_variable_means_its_default() -> None:
    settings = load_settings({**SECRETS, "WEB_PORT": "  ", "LOG_LEVEL": "", "PUBLIC_BASE_URL": " "})
    assert (settings.web_port, settings.log_level, settings.public_base_url) == (8080, "INFO", None)


def test_values_are_stripped() -> None:
    assert load_settings({**SECRETS, "USER_DAILY_IMAGES": " 7 "}).user_daily_images == 7


def test_log_level_is_case_insensitive() -> None:
    assert load_settings({**SECRETS, "LOG_LEVEL": "debug"}).log_level == "DEBUG"


def test_unknown_log_level_says_the_valid_ones() -> None:
    with pytest.raises(SettingsError, match="LOG_LEVEL: must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"):
        load_settings({**SECRETS, "LOG_LEVEL": "loud"})


def test_postgresql_urls_are_accepted() -> None:
    url = "postgresql://bot@db:5432/imagine"
    assert load_settings({**SECRETS, "DATABASE_URL": url}).database_url.get_secret_value() == url


def test_settings_are_immutable() -> None:
    settings = load_settings(SECRETS)
    with pytest.raises(ValidationError):
        settings.web_port = 1  # type: ignore[misc]


def test_without_a_mapping_the_process_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {**SECRETS, "DISCORD_GUILD_IDS": "5, 6", "ALLOW_DMS": "yes"}.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert (settings.discord_guild_ids, settings.allow_dms) == ((5, 6), True)
    assert settings.discord_token.get_secret_value() == "discord-secret"


def test_a_given_mapping_is_read_instead_of_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    assert load_settings(SECRETS).log_level == "INFO"


def test_trusted_guild_ids_and_budgets_are_parsed() -> None:
    settings = load_settings(
        {**SECRETS, "TRUSTED_GUILD_IDS": "7, 8", "CREDIT_BUDGET_DAILY": "12.5", "BOT_DAILY_IMAGES": "300"}
    )
    assert (settings.trusted_guild_ids, settings.credit_budget_daily, settings.bot_daily_images) == ((7, 8), 12.5, 300)


def test_a_negative_credit_budget_is_refused() -> None:
    with pytest.raises(SettingsError, match="CREDIT_BUDGET_MONTHLY"):
        load_settings({**SECRETS, "CREDIT_BUDGET_MONTHLY": "-1"})


def test_image_to_image_takes_auto_on_or_off_in_any_case() -> None:
    assert load_settings({**SECRETS, "IMAGE_TO_IMAGE": "Off"}).image_to_image == "off"


def test_image_to_image_refuses_another_word_naming_the_choices() -> None:
    with pytest.raises(SettingsError, match="IMAGE_TO_IMAGE: must be one of auto, on, off"):
        load_settings({**SECRETS, "IMAGE_TO_IMAGE": "maybe"})
