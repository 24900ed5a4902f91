"""One mapping from errors to what the member is told, used by every app command (`tree.on_error`, see
`discord_side.client`) and by the job buttons, and one way of telling it: privately, whether or not
the interaction was already answered or deferred.

The rules are tried in this order, most specific first (a subclass before its base):
1. discord.py's `CommandInvokeError` is unwrapped to the error the command raised.
2. The Discord side's own refusals (`discord_side.refusals`): not an admin, unknown job, not the
   requester, may not delete, not a moderator.
3. The domain's errors (`services.core.errors`): a quota refusal, an invalid option, shutting down.
4. The image API's errors (`services.api.errors`): unreachable, timed out, task failed, then any other
   API error (unreachable is one too, hence first), and an unusable result image.
5. discord.py's check failures (a guild-only command in DMs before any other check) and an option it
   could not convert.
6. Anything else is unexpected: logged once with its traceback, and the member gets an apology (the
   command's own, named in its `extras`, or the generic one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands

from discord_side.catalogue import text
from discord_side.problem_text import problem_text
from discord_side.refusals import (
    CannotDelete,
    NotAModerator,
    NotAnAdmin,
    NotTheRequester,
    NotYourImages,
    UnderReview,
    UnknownJob,
)
from discord_side.texts import failure_advice, input_refused_text, invalid_option_text, quota_text
from services.api.errors import TaskFailed, TaskTimedOut, WanAPIError, WanConnectionError
from services.core.errors import ImageFetchError, InputRefused, InvalidOption, QuotaExceeded, ShuttingDown
from services.core.models import FailureReason

log = logging.getLogger(__name__)

# The key of a command's (or its group's) `extras` naming the catalogue entry of its apology.
APOLOGY_EXTRA = "apology"
GENERIC_APOLOGY = "error-unexpected"


def _entry(entry: str) -> Callable[[Any], str]:
    return lambda _error: text(entry)


def _advice(reason: FailureReason) -> Callable[[Any], str]:
    return lambda _error: failure_advice(reason, None)


def _api_error(error: WanAPIError) -> str:
    reason = FailureReason.SERVICE_UNAVAILABLE if error.is_auth_problem else FailureReason.SERVICE_FAILED
    return failure_advice(reason, None)


def _bad_image(error: ImageFetchError) -> str:
    return failure_advice(FailureReason.BAD_IMAGE, problem_text(error.problem, error.values))


_RULES: tuple[tuple[type[BaseException], Callable[[Any], str]], ...] = (
    (NotAnAdmin, _entry("not-an-admin")),
    (UnknownJob, _entry("unknown-job")),
    (NotTheRequester, _entry("cancel-not-yours")),
    (NotYourImages, _entry("show-not-yours")),
    (CannotDelete, _entry("delete-refused")),
    (NotAModerator, _entry("not-a-moderator")),
    (UnderReview, _entry("report-under-review")),
    (QuotaExceeded, quota_text),
    (InvalidOption, invalid_option_text),
    (InputRefused, input_refused_text),
    (ShuttingDown, _entry("shutting-down")),
    (WanConnectionError, _advice(FailureReason.API_UNREACHABLE)),
    (TaskTimedOut, _advice(FailureReason.TIMED_OUT)),
    (TaskFailed, _advice(FailureReason.SERVICE_FAILED)),
    (WanAPIError, _api_error),
    (ImageFetchError, _bad_image),
    (app_commands.NoPrivateMessage, _entry("guild-only")),
    (app_commands.CheckFailure, _entry("not-allowed")),
    (app_commands.TransformerError, _entry("option-not-understood")),
)


def unwrap(error: BaseException) -> BaseException:
    """The error a command raised, out of discord.py's wrapper."""
    return error.original if isinstance(error, app_commands.CommandInvokeError) else error


def error_text(error: BaseException) -> str | None:
    """What the member is told about an expected error (rules above), or None for an unexpected one."""
    error = unwrap(error)
    for kind, render in _RULES:
        if isinstance(error, kind):
            return render(error)
    return None


def apology_extras(entry: str) -> dict[str, str]:
    """The `extras` of a command (or group) whose unexpected errors get the apology `entry`."""
    return {APOLOGY_EXTRA: entry}


def apology_for(command: object) -> str:
    """The apology entry of a command: its own, its nearest group's, or the generic one."""
    while isinstance(command, app_commands.Command | app_commands.Group | app_commands.ContextMenu):
        entry = command.extras.get(APOLOGY_EXTRA)
        if entry is not None:
            return str(entry)
        command = getattr(command, "parent", None)
    return GENERIC_APOLOGY


async def answer_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the member privately what went wrong; an unexpected error is logged once with its traceback
    (tracebacks carry no settings, so no secret), and the member gets an apology."""
    message = error_text(error)
    if message is None:
        log.error("%s failed", _what(interaction), exc_info=unwrap(error))
        message = text(apology_for(interaction.command))
    if interaction.type == discord.InteractionType.autocomplete:
        return  # suggestions cannot carry a message; an empty list is what the member sees
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException as failure:
        log.warning("could not tell the member about an error (%s %s)", failure.status, failure.code)


def _what(interaction: discord.Interaction) -> str:
    if interaction.command is not None:
        return f"/{interaction.command.qualified_name}"
    custom_id = interaction.data.get("custom_id") if interaction.data else None
    return f"component {custom_id}"
