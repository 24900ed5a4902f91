"""Settings read once from the environment, validated up front: one pydantic-settings model.

Every setting is a field of `Settings`: its environment variable (the name in capitals), its default,
its rule (`services.config.rules`) and a description, from which the README's table and `.env.example`
are generated (`python -m services.config.reference --write`). A blank variable counts as unset. Secrets
are secret types, so they never show in a repr, a str or a log. A bad value raises `SettingsError`, whose
message names the variable and says what is valid, so the entry point can print one line and exit.
`.env` is loaded into the environment by the entry point (python-dotenv), so the real environment wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

from services.config.rules import (
    CallbackUrl,
    Choice,
    DatabaseAddress,
    DatabaseUrl,
    Flag,
    HttpUrl,
    IdList,
    LogLevel,
    Number,
    Text,
    WholeNumber,
    number_text,
    refusal,
)

DEFAULT_API_BASE_URL = "https://ai.odkkk.com/apiv1"
DEFAULT_DATABASE_URL = "sqlite:///data/imagine.db"
REQUIRED_PROBLEM = "is required and not set; copy .env.example to .env and fill it in"

# The environment `load_settings` was given, read instead of `os.environ` while the model is built.
_given_environment: ContextVar[Mapping[str, str] | None] = ContextVar("given_environment", default=None)


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the variable and what is expected."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


class _GivenEnvironment(PydanticBaseSettingsSource):
    """Reads each setting's variable from a given mapping instead of `os.environ`."""

    def __init__(self, settings_cls: type[BaseSettings], environment: Mapping[str, str]) -> None:
        super().__init__(settings_cls)
        self._environment = environment

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        """The variable's text (None when unset) and the key it is validated under."""
        variable = field.alias or field_name
        return self._environment.get(variable), variable, False

    def __call__(self) -> dict[str, Any]:
        """Every set variable, by name."""
        values = (self.get_field_value(field, name) for name, field in self.settings_cls.model_fields.items())
        return {variable: value for value, variable, _ in values if value is not None}


class Settings(BaseSettings):
    """The bot's whole configuration, one field per environment variable (in capitals)."""

    model_config = SettingsConfigDict(alias_generator=str.upper, case_sensitive=True, frozen=True, extra="ignore")

    discord_token: Annotated[SecretStr, Text()] = Field(description="the bot's token")
    wan_api_key: Annotated[SecretStr, Text()] = Field(
        description="the Wan2.5 API key (sent as a Bearer token, never logged)"
    )
    wan_api_base_url: Annotated[str, HttpUrl()] = Field(
        DEFAULT_API_BASE_URL,
        description="API base URL; `/v1/images/generations` and `/v1/tasks/{id}` are appended",
    )
    database_url: Annotated[DatabaseUrl, DatabaseAddress()] = Field(
        DatabaseUrl(DEFAULT_DATABASE_URL),
        description="where jobs and usage are stored (created on first start; relative to the working directory)",
    )
    image_url_allow_private: Annotated[bool, Flag()] = Field(
        False,
        description="allow downloading result images from loopback/private/link-local addresses and over plain http"
        " (for the local simulator only: otherwise result links must be https on public addresses)",
    )
    user_daily_images: Annotated[int, WholeNumber(0)] = Field(
        20,
        description="images one person may generate per UTC day, every server and DM together; also the most a"
        " server may give a member (0 blocks everyone)",
    )
    user_max_active_jobs: Annotated[int, WholeNumber(1)] = Field(
        3, description="jobs one member may have queued or running at once"
    )
    user_cooldown_seconds: Annotated[float, Number(0, 86400)] = Field(
        0.0, description="seconds a member must wait between two requests (0: off)"
    )
    guild_daily_images: Annotated[int, WholeNumber(0)] = Field(
        200, description="images one server may generate per UTC day, all members together (0: no limit)"
    )
    bot_daily_images: Annotated[int, WholeNumber(0)] = Field(
        0, description="images the whole bot may generate per UTC day, every server and DM together (0: no limit)"
    )
    credit_budget_daily: Annotated[float, Number(0, 1e9)] = Field(
        0.0, description="API credits the whole bot may spend per UTC day (0: no budget)"
    )
    credit_budget_monthly: Annotated[float, Number(0, 1e9)] = Field(
        0.0,
        description="API credits the whole bot may spend per UTC month (0: no budget); also the most a server's"
        " monthly credits may be",
    )
    trusted_guild_ids: Annotated[tuple[int, ...], IdList("guild ids"), NoDecode] = Field(
        (),
        description="servers whose admins may set limits beyond USER_DAILY_IMAGES, USER_MAX_ACTIVE_JOBS,"
        " USER_COOLDOWN_SECONDS and GUILD_DAILY_IMAGES (never beyond the bot-wide budgets)",
    )
    creates_per_second: Annotated[float, Number(0, 1000)] = Field(
        0.0,
        description="a hard cap on tasks started at the API per second (0: no cap); below it the rate adapts:"
        " halved when the API signals overload, then recovering",
    )
    allow_dms: Annotated[bool, Flag()] = Field(
        False, description="whether `/imagine` works in direct messages with the bot"
    )
    dm_daily_images: Annotated[int, WholeNumber(0)] = Field(
        10, description="images one user may generate per UTC day in DMs (when allowed)"
    )
    blocked_terms_file: Annotated[str | None, Text("the path of a text file")] = Field(
        None,
        description="a file of terms blocked everywhere, in every server and in DMs, on top of each server's own:"
        " one a line, `re:` before a regular expression, `#` starts a comment; read at start",
    )
    retention_days: Annotated[int, WholeNumber(0, 36500)] = Field(
        90, description="ended jobs and usage older than this are deleted (0: keep forever)"
    )
    web_host: Annotated[str, Text("a host name or IP address")] = Field(
        "127.0.0.1",
        description="address of the bot's web server (callbacks, `/healthz`, `/metrics`); `0.0.0.0` in Docker",
    )
    web_port: Annotated[int, WholeNumber(0, 65535)] = Field(8080, description="its port (0: no web server)")
    public_base_url: Annotated[str | None, CallbackUrl()] = Field(
        None,
        description="the https address of your reverse proxy (the API calls back over https only): tasks call back to"
        " `<url>/callbacks/<job secret>`",
    )
    shard_count: Annotated[int | None, WholeNumber(1, 10000)] = Field(
        None,
        description="total Discord shards when running several processes (empty: one process, one connection)",
    )
    shard_ids: Annotated[tuple[int, ...] | None, IdList("shard ids", "each below SHARD_COUNT"), NoDecode] = Field(
        None, description="the shards this process runs (empty with `SHARD_COUNT`: all)"
    )
    approval_wait_hours: Annotated[float, Number(0.1, 8760)] = Field(
        72.0, description="a request waiting for approval longer than this is rejected (its images given back)"
    )
    lease_seconds: Annotated[float, Number(2, 3600)] = Field(
        30.0, description="how long a job stays with a process that stopped renewing it before another takes it over"
    )
    discord_guild_ids: Annotated[tuple[int, ...], IdList("guild ids"), NoDecode] = Field(
        (), description="the guilds the commands are synced to (instant); empty: global commands"
    )
    image_to_image: Annotated[str, Choice(("auto", "on", "off"))] = Field(
        "auto",
        description="`/imagine` with an image, Vary and Remix (the wan2.5-image-to-image model): auto (on until the"
        " API answers 403 for the model; stays off, across restarts, until started once with on), on, off",
    )
    card_results: Annotated[bool, Flag()] = Field(
        True,
        description="show each job as one card (Discord's Components V2: progress, then the images in a gallery"
        " with the prompt, details and buttons); off: the classic message (also used when Discord refuses a card)",
    )
    log_level: Annotated[str, LogLevel()] = Field("INFO", description="the least severe level that is logged")
    job_deadline_seconds: Annotated[float, Number(5)] = Field(
        600.0, description="a job whose task has not finished this long after submission ends as timed out"
    )
    max_tasks_in_flight: Annotated[int, WholeNumber(0, 10000)] = Field(
        0,
        description="a hard cap on tasks running at the API at once (0: no cap); below it the number adapts:"
        " halved when the API signals overload, then recovering; further jobs wait in the fair queue",
    )
    poll_min_interval: Annotated[float, Number(0.05, 60)] = Field(
        1.0, description="shortest wait between two queries of a task (seconds)"
    )
    poll_max_interval: Annotated[float, Number(0.1, 600, "not below POLL_MIN_INTERVAL")] = Field(
        30.0,
        description="longest wait between two queries of a task past its estimate; a long task is also asked for"
        " its progress this often when the query budget has room (seconds)",
    )
    api_queries_per_second: Annotated[float, Number(0.1, 1000)] = Field(
        18.0,
        description="task queries per second for the whole API account, shared by every task (the provider allows"
        " about 20; never more than this reach it in any second); split among the processes running jobs on a"
        " shared PostgreSQL database",
    )
    progress_edit_interval: Annotated[float, Number(0, 60)] = Field(
        3.0, description="at most one progress edit of a job's message per this many seconds"
    )
    api_timeout_seconds: Annotated[float, Number(1, 300)] = Field(30.0, description="timeout of one API call")
    create_max_attempts: Annotated[int, WholeNumber(1, 5)] = Field(
        3, description="attempts of a create call in all, where a retry is safe"
    )
    download_timeout_seconds: Annotated[float, Number(1, 600)] = Field(
        60.0, description="timeout of one result image download"
    )
    max_download_bytes: Annotated[int, WholeNumber(1024)] = Field(
        50 * 1024 * 1024, description="largest result image accepted (bytes)"
    )
    image_bytes_in_flight: Annotated[int, WholeNumber(1024 * 1024)] = Field(
        48 * 1024 * 1024,
        description="bytes of result images held in memory at once, from download to upload (a quarter of it"
        " for decoding); more wait their turn, a larger job runs alone",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The given environment when `load_settings` has one, else `os.environ`."""
        given = _given_environment.get()
        return (init_settings, env_settings if given is None else _GivenEnvironment(settings_cls, given))

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        texts = {key: value.strip() if isinstance(value, str) else value for key, value in data.items()}
        return {key: value for key, value in texts.items() if value != ""}

    @field_validator("poll_max_interval")
    @classmethod
    def _poll_bounds_ordered(cls, value: float, info: ValidationInfo) -> float:
        minimum = info.data.get("poll_min_interval")
        if minimum is not None and value < minimum:
            raise refusal(f"must not be below POLL_MIN_INTERVAL ({number_text(minimum)})")
        return value

    @field_validator("shard_ids")
    @classmethod
    def _shards_within_count(cls, value: tuple[int, ...] | None, info: ValidationInfo) -> tuple[int, ...] | None:
        if value is None or "shard_count" not in info.data:  # an invalid SHARD_COUNT is reported on its own
            return value
        count = info.data["shard_count"]
        if count is None:
            raise refusal("needs SHARD_COUNT")
        if any(shard >= count for shard in value):
            raise refusal(f"must be below SHARD_COUNT ({count})")
        return value


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build `Settings` from an environment mapping (default `os.environ`), raising `SettingsError` on the
    first bad value."""
    given = _given_environment.set(env)
    try:
        return Settings()
    except ValidationError as error:
        raise _settings_error(error) from None
    finally:
        _given_environment.reset(given)


def _settings_error(error: ValidationError) -> SettingsError:
    first = error.errors(include_url=False, include_input=False)[0]
    variable = str(first["loc"][0]) if first["loc"] else "settings"
    return SettingsError(variable, REQUIRED_PROBLEM if first["type"] == "missing" else first["msg"])
