from __future__ import annotations

from datetime import UTC, datetime

import discord
from discord import app_commands

from discord_side.catalogue import text
from discord_side.error_text import GENERIC_APOLOGY, apology_extras, apology_for, error_text
from discord_side.refusals import CannotDelete, NotAModerator, NotAnAdmin, NotTheRequester, UnknownJob
from discord_side.texts import failure_advice, quota_text
from services.api.errors import MalformedResponse, TaskFailed, TaskTimedOut, WanAPIError, WanConnectionError
from services.core.errors import (
    ImageFetchError,
    ImageProblem,
    InvalidOption,
    InvalidOptionReason,
    QuotaExceeded,
    ShuttingDown,
)
from services.core.models import FailureReason
from services.quotas.limits import LimitKind


async def _callback(interaction: discord.Interaction) -> None:
    del interaction


def command(name: str = "imagine", extras: dict[str, str] | None = None) -> app_commands.Command[None, ..., None]:
    return app_commands.Command(name=name, description="d", callback=_callback, extras=extras or {})


def quota_error() -> QuotaExceeded:
    return QuotaExceeded(LimitKind.USER_DAILY, limit=5, used=5, requested=1, resets_at=datetime(2026, 1, 1, tzinfo=UTC))


def test_an_error_a_command_raised_is_unwrapped() -> None:
    error = quota_error()
    assert error_text(app_commands.CommandInvokeError(command(), error)) == quota_text(error)


def test_not_an_admin_wins_over_the_generic_check_failure() -> None:
    assert error_text(NotAnAdmin()) == text("not-an-admin")


def test_a_guild_only_command_in_dms_gets_its_own_text() -> None:
    assert error_text(app_commands.NoPrivateMessage()) == text("guild-only")


def test_any_other_check_failure_is_a_refusal() -> None:
    assert error_text(app_commands.CheckFailure()) == text("not-allowed")


def test_button_refusals_say_who_may_click() -> None:
    assert error_text(UnknownJob("j")) == text("unknown-job")
    assert error_text(NotTheRequester("j")) == text("cancel-not-yours")
    assert error_text(CannotDelete("j")) == text("delete-refused")
    assert error_text(NotAModerator("j")) == text("not-a-moderator")


def test_domain_errors_become_advice() -> None:
    invalid = InvalidOption("size", InvalidOptionReason.SIZE_ASPECT_OUT_OF_RANGE, width=4000, height=900)
    assert "**size** `4000x900` is too narrow or too wide;" in (error_text(invalid) or "")
    assert error_text(ShuttingDown()) == text("shutting-down")


def test_an_unreachable_api_is_told_apart_from_other_api_errors() -> None:
    unreachable = error_text(WanConnectionError("refused"))
    assert unreachable == failure_advice(FailureReason.API_UNREACHABLE, None)
    assert error_text(WanAPIError(500, "internal", "boom")) == failure_advice(FailureReason.SERVICE_FAILED, None)


def test_an_api_key_problem_says_the_service_is_unavailable() -> None:
    expected = failure_advice(FailureReason.SERVICE_UNAVAILABLE, None)
    assert error_text(WanAPIError(401, "unauthorized", "bad key")) == expected


def test_task_errors_and_bad_images_become_their_advice() -> None:
    assert error_text(TaskTimedOut("t", 60)) == failure_advice(FailureReason.TIMED_OUT, None)
    assert error_text(TaskFailed("t", "x", "y")) == failure_advice(FailureReason.SERVICE_FAILED, None)
    assert error_text(MalformedResponse("not json")) == failure_advice(FailureReason.SERVICE_FAILED, None)
    too_large = ImageFetchError("https://x/y.png", ImageProblem.TOO_LARGE, maximum=100)
    assert error_text(too_large) == failure_advice(FailureReason.BAD_IMAGE, "the file is larger than 100 bytes")


def test_an_unexpected_error_has_no_text() -> None:
    assert error_text(RuntimeError("boom")) is None
    assert error_text(app_commands.CommandInvokeError(command(), KeyError("x"))) is None


def test_a_command_names_its_own_apology() -> None:
    assert apology_for(command(extras=apology_extras("error-unexpected-imagine"))) == "error-unexpected-imagine"


def test_a_subcommand_takes_its_group_apology() -> None:
    group = app_commands.Group(name="imagine-admin", description="d", extras=apology_extras("error-unexpected-admin"))
    sub = app_commands.Group(name="quota", description="d", parent=group)
    leaf = command("server")
    sub.add_command(leaf)
    assert apology_for(leaf) == "error-unexpected-admin"


def test_without_an_apology_of_its_own_the_generic_one_is_used() -> None:
    assert apology_for(command()) == GENERIC_APOLOGY
    assert apology_for(None) == GENERIC_APOLOGY
