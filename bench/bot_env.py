"""The bot's environment in the benchmark: its DEFAULT settings. Only what it must have is set (token, API
key and address, database, private image addresses for the local simulator, the guild, the web port, the
public address for callbacks) and LOG_LEVEL=INFO (its default). Member quotas are raised only where the
benchmark's own jobs would otherwise be refused; the engine's throttles are never touched."""

from __future__ import annotations

import math
from pathlib import Path

from bench.scenarios import Scenario
from services.config.settings import Settings
from tests.support.fake_discord import DEFAULT_GUILD_ID

INHERITED = frozenset({"PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYTHONPATH", "FAKE_DISCORD_URL"})
"""What the bot process keeps of the benchmark's own environment (nothing that could set a setting)."""


def _default(name: str) -> int:
    default = Settings.model_fields[name].default
    assert isinstance(default, int)
    return default


def quota_overrides(scenario: Scenario) -> dict[str, str]:
    """The member quotas raised just enough for every job of `scenario` to be accepted (n=1 each)."""
    per_member = math.ceil(scenario.jobs / scenario.users)
    overrides = {}
    if per_member > _default("user_daily_images"):
        overrides["USER_DAILY_IMAGES"] = str(per_member)
    if per_member > _default("user_max_active_jobs"):
        overrides["USER_MAX_ACTIVE_JOBS"] = str(per_member)
    guild_daily = _default("guild_daily_images")
    if guild_daily and scenario.jobs > guild_daily:
        overrides["GUILD_DAILY_IMAGES"] = str(scenario.jobs)
    return overrides


def bot_environment(api_base_url: str, database: Path, scenario: Scenario, web_port: int) -> dict[str, str]:
    """The settings the bot runs with in one run of `scenario`."""
    env = {
        "DISCORD_TOKEN": "bench-token",
        "WAN_API_KEY": "bench-key",
        "WAN_API_BASE_URL": api_base_url,
        "DATABASE_URL": f"sqlite:///{database}",
        "IMAGE_URL_ALLOW_PRIVATE": "true",
        "DISCORD_GUILD_IDS": str(DEFAULT_GUILD_ID),
        "WEB_PORT": str(web_port),
        "LOG_LEVEL": "INFO",
        **quota_overrides(scenario),
    }
    if scenario.callbacks:
        env["PUBLIC_BASE_URL"] = f"http://127.0.0.1:{web_port}"
    return env


def only_these(process_env: dict[str, str], settings: dict[str, str]) -> dict[str, str]:
    """`process_env` (as built for the bot process) without anything inherited that is not harmless."""
    return {name: value for name, value in process_env.items() if name in INHERITED or name in settings}
