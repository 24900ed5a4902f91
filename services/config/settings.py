"""Settings read once from the environment (and `.env` through python-dotenv), validated up front.

Every setting has a default except the two secrets. A bad value raises `SettingsError`, whose message
names the variable, so the entry point can print one line and exit instead of a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

DEFAULT_API_BASE_URL = "https://ai.odkkk.com/apiv1"
DEFAULT_DATABASE_URL = "sqlite:///data/imagine.db"

_T = TypeVar("_T")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the variable and what is expected."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


@dataclass(frozen=True)
class Settings:
    """The bot's whole configuration. Secrets are excluded from `repr` so they never reach a log."""

    discord_token: str = field(repr=False)
    wan_api_key: str = field(repr=False)
    wan_api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = DEFAULT_DATABASE_URL
    image_url_allow_private: bool = False
    user_daily_images: int = 20
    user_max_active_jobs: int = 3
    user_cooldown_seconds: float = 0.0
    guild_daily_images: int = 200
    creates_per_second: float = 2.0
    allow_dms: bool = False
    dm_daily_images: int = 10
    retention_days: int = 90
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    public_base_url: str | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    lease_seconds: float = 30.0
    approval_wait_hours: float = 72.0
    discord_guild_ids: tuple[int, ...] = ()
    log_level: str = "INFO"
    job_deadline_seconds: float = 600.0
    poll_min_interval: float = 1.0
    poll_max_interval: float = 30.0
    progress_edit_interval: float = 3.0
    api_timeout_seconds: float = 30.0
    create_max_attempts: int = 3
    download_timeout_seconds: float = 60.0
    max_download_bytes: int = 50 * 1024 * 1024
    max_tasks_in_flight: int = 8


def _text(env: Mapping[str, str], name: str, default: str) -> str:
    value = env.get(name)
    return default if value is None or value.strip() == "" else value.strip()


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise SettingsError(name, "is required and not set; copy .env.example to .env and fill it in")
    return value


def _boolean(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(name, f"must be true or false, not {raw!r}")


def _number(
    env: Mapping[str, str],
    name: str,
    default: _T,
    parse: Callable[[str], _T],
    minimum: float,
    maximum: float | None = None,
) -> _T:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = parse(raw.strip())
    except ValueError:
        raise SettingsError(name, f"must be a number, not {raw!r}") from None
    if value < minimum or (maximum is not None and value > maximum):  # type: ignore[operator]
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise SettingsError(name, f"must be at least {minimum}{upper}, not {raw.strip()}")
    return value


def _guild_ids(env: Mapping[str, str], name: str, what: str = "guild ids") -> tuple[int, ...]:
    raw = env.get(name, "")
    ids: list[int] = []
    for piece in raw.split(","):
        part = piece.strip()
        if not part:
            continue
        if not part.isdigit():
            raise SettingsError(name, f"must be comma-separated numeric {what}, not {part!r}")
        ids.append(int(part))
    return tuple(dict.fromkeys(ids))


def _url(env: Mapping[str, str], name: str, default: str) -> str:
    value = _text(env, name, default).rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise SettingsError(name, f"must be an http(s) URL, not {value!r}")
    return value


def _database_url(env: Mapping[str, str], name: str) -> str:
    value = _text(env, name, DEFAULT_DATABASE_URL)
    if not value.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise SettingsError(name, "must start with sqlite:/// or postgresql://")
    return value


def _log_level(env: Mapping[str, str], name: str) -> str:
    value = _text(env, name, "INFO").upper()
    if value not in logging.getLevelNamesMapping():
        raise SettingsError(name, "must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
    return value


def _public_base_url(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip().rstrip("/")
    if not value:
        return None
    local = value.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]"))
    if not value.startswith("https://") and not local:
        # http is accepted for this machine only: the local simulator calls back over plain http.
        raise SettingsError(name, "must be an https URL: the API calls back over https only")
    if len(value) > 1900:
        raise SettingsError(name, "is too long: callback URLs may have at most 2048 characters")
    return value


def _shard_ids(env: Mapping[str, str], name: str, shard_count: int | None) -> tuple[int, ...] | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if shard_count is None:
        raise SettingsError(name, "needs SHARD_COUNT")
    ids = _guild_ids({name: raw}, name, "shard ids")
    if any(shard >= shard_count for shard in ids):
        raise SettingsError(name, f"must be below SHARD_COUNT ({shard_count})")
    return ids


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build `Settings` from an environment mapping, raising `SettingsError` on the first bad value."""
    poll_min = _number(env, "POLL_MIN_INTERVAL", 1.0, float, 0.05, 60)
    poll_max = _number(env, "POLL_MAX_INTERVAL", 30.0, float, 0.1, 600)
    if poll_max < poll_min:
        raise SettingsError("POLL_MAX_INTERVAL", f"must not be below POLL_MIN_INTERVAL ({poll_min})")
    shard_count = _number(env, "SHARD_COUNT", None, int, 1, 10000)  # type: ignore[arg-type]
    return Settings(
        discord_token=_required(env, "DISCORD_TOKEN"),
        wan_api_key=_required(env, "WAN_API_KEY"),
        wan_api_base_url=_url(env, "WAN_API_BASE_URL", DEFAULT_API_BASE_URL),
        database_url=_database_url(env, "DATABASE_URL"),
        image_url_allow_private=_boolean(env, "IMAGE_URL_ALLOW_PRIVATE", False),
        user_daily_images=_number(env, "USER_DAILY_IMAGES", 20, int, 0),
        user_max_active_jobs=_number(env, "USER_MAX_ACTIVE_JOBS", 3, int, 1),
        user_cooldown_seconds=_number(env, "USER_COOLDOWN_SECONDS", 0.0, float, 0, 86400),
        guild_daily_images=_number(env, "GUILD_DAILY_IMAGES", 200, int, 0),
        creates_per_second=_number(env, "CREATES_PER_SECOND", 2.0, float, 0.01, 100),
        allow_dms=_boolean(env, "ALLOW_DMS", False),
        dm_daily_images=_number(env, "DM_DAILY_IMAGES", 10, int, 0),
        retention_days=_number(env, "RETENTION_DAYS", 90, int, 0, 36500),
        web_host=_text(env, "WEB_HOST", "127.0.0.1"),
        web_port=_number(env, "WEB_PORT", 8080, int, 0, 65535),
        public_base_url=_public_base_url(env, "PUBLIC_BASE_URL"),
        shard_count=shard_count,
        shard_ids=_shard_ids(env, "SHARD_IDS", shard_count),
        lease_seconds=_number(env, "LEASE_SECONDS", 30.0, float, 2, 3600),
        approval_wait_hours=_number(env, "APPROVAL_WAIT_HOURS", 72.0, float, 0.1, 8760),
        discord_guild_ids=_guild_ids(env, "DISCORD_GUILD_IDS"),
        log_level=_log_level(env, "LOG_LEVEL"),
        job_deadline_seconds=_number(env, "JOB_DEADLINE_SECONDS", 600.0, float, 5),
        poll_min_interval=poll_min,
        poll_max_interval=poll_max,
        progress_edit_interval=_number(env, "PROGRESS_EDIT_INTERVAL", 3.0, float, 0.0, 60),
        api_timeout_seconds=_number(env, "API_TIMEOUT_SECONDS", 30.0, float, 1, 300),
        create_max_attempts=_number(env, "CREATE_MAX_ATTEMPTS", 3, int, 1, 5),
        download_timeout_seconds=_number(env, "DOWNLOAD_TIMEOUT_SECONDS", 60.0, float, 1, 600),
        max_download_bytes=_number(env, "MAX_DOWNLOAD_BYTES", 50 * 1024 * 1024, int, 1024),
        max_tasks_in_flight=_number(env, "MAX_TASKS_IN_FLIGHT", 8, int, 1, 1000),
    )
