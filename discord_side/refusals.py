"""The Discord side's own refusals, raised by checks (a command's or a button's `interaction_check`) and
turned into text by `discord_side.error_text` like every other error."""

from __future__ import annotations

from discord import app_commands


class NotAnAdmin(app_commands.CheckFailure):
    """The caller of `/imagine-admin` lacks Manage Server (Discord let the command through anyway)."""


class ButtonRefused(Exception):
    """A click on a job button that its check refuses."""


class UnknownJob(ButtonRefused):
    """The button's job is no longer stored (its record was removed)."""


class NotTheRequester(ButtonRefused):
    """Only the member who asked for the job may do this (Cancel)."""


class NotYourImages(ButtonRefused):
    """Only the member who asked for a private result may see it (Show them)."""


class CannotDelete(ButtonRefused):
    """Neither the requester nor a member who can manage messages (Delete)."""


class UnderReview(ButtonRefused):
    """A reported result waits for a moderator's review: no new job from it (Reroll, Vary, Remix)."""


class NotAModerator(ButtonRefused):
    """Only members who can manage messages may approve or reject a request."""
