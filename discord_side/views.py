"""Buttons on job messages that survive restarts: discord.py `DynamicItem`s with the job id in the
`custom_id`, registered at start, so a click on a week-old message still reaches the bot."""

from __future__ import annotations

import enum
import re
from typing import Any, Protocol

import discord

from services.core.models import Job

CUSTOM_ID_TEMPLATE = r"imagine:(?P<action>reroll|delete|cancel|approve|reject):(?P<job_id>[0-9a-f]{12})"


class JobAction(enum.StrEnum):
    """What a job button does."""

    REROLL = "reroll"
    DELETE = "delete"
    CANCEL = "cancel"
    APPROVE = "approve"
    REJECT = "reject"


_LOOK: dict[JobAction, tuple[str, str, discord.ButtonStyle]] = {
    JobAction.REROLL: ("Reroll", "🎲", discord.ButtonStyle.primary),
    JobAction.DELETE: ("Delete", "🗑️", discord.ButtonStyle.danger),
    JobAction.CANCEL: ("Cancel", "✖️", discord.ButtonStyle.secondary),
    JobAction.APPROVE: ("Approve", "✅", discord.ButtonStyle.success),
    JobAction.REJECT: ("Reject", "⛔", discord.ButtonStyle.danger),
}


class JobButtonHandler(Protocol):
    """Carries out a click (implemented in `cogs.buttons`, reached through the client)."""

    async def handle(self, interaction: discord.Interaction, action: JobAction, job_id: str) -> None:
        """React to `action` on job `job_id`."""
        ...


class JobButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=CUSTOM_ID_TEMPLATE):
    """A Reroll, Delete or Cancel button bound to one job."""

    def __init__(self, action: JobAction, job_id: str, label: str | None = None) -> None:
        name, emoji, style = _LOOK[action]
        super().__init__(
            discord.ui.Button(label=label or name, emoji=emoji, style=style, custom_id=f"imagine:{action}:{job_id}")
        )
        self.action = action
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button[Any], match: re.Match[str], /
    ) -> JobButton:
        """Rebuild the button from a click on any message, whenever it was posted."""
        return cls(JobAction(match["action"]), match["job_id"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Hand the click to the bot's handler."""
        handler: JobButtonHandler = interaction.client.job_buttons  # type: ignore[attr-defined]
        await handler.handle(interaction, self.action, self.job_id)


def _view(*buttons: JobButton) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for button in buttons:
        view.add_item(button)
    return view


def running_view(job: Job) -> discord.ui.View:
    """Buttons while a job is queued or running: Cancel."""
    return _view(JobButton(JobAction.CANCEL, job.id))


def result_view(job: Job) -> discord.ui.View:
    """Buttons on a result: Reroll and Delete."""
    return _view(JobButton(JobAction.REROLL, job.id), JobButton(JobAction.DELETE, job.id))


def again_view(job: Job, label: str) -> discord.ui.View:
    """One button that runs the same request again, e.g. "Try again" or "Generate again"."""
    return _view(JobButton(JobAction.REROLL, job.id, label=label))


def approval_view(job: Job) -> discord.ui.View:
    """Buttons on an approval request in the audit channel: Approve and Reject."""
    return _view(JobButton(JobAction.APPROVE, job.id), JobButton(JobAction.REJECT, job.id))
