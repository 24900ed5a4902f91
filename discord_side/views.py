"""Buttons on job messages that survive restarts: discord.py `DynamicItem`s with the job id in the
`custom_id`, registered at start, so a click on a week-old message still reaches the bot."""

from __future__ import annotations

import enum
import re
from typing import Any, Protocol, runtime_checkable

import discord

from discord_side.catalogue import text
from discord_side.error_text import answer_error
from services.core.models import Job

VARY_TEMPLATE = r"imagine:vary:(?P<job_id>[0-9a-f]{12}):(?P<index>[1-4])"


class JobAction(enum.StrEnum):
    """What a job button does."""

    REROLL = "reroll"
    DELETE = "delete"
    CANCEL = "cancel"
    APPROVE = "approve"
    REJECT = "reject"
    SHOW = "show"
    REMIX = "remix"
    VARY = "vary"
    INFO = "info"
    REPORT = "report"
    RESTORE = "restore"  # the review card's buttons, for moderators: Restore, Delete (purge), Block the
    PURGE = "purge"  # requester, Add a blocked term
    BLOCK = "block"
    TERM = "term"


# Every action but Vary (whose button carries an image's number too: VARY_TEMPLATE).
CUSTOM_ID_TEMPLATE = (
    r"imagine:(?P<action>"
    + "|".join(action.value for action in JobAction if action != JobAction.VARY)
    + r"):(?P<job_id>[0-9a-f]{12})"
)

_LOOK: dict[JobAction, tuple[str, str, discord.ButtonStyle]] = {
    JobAction.REROLL: ("button-reroll", "🎲", discord.ButtonStyle.primary),
    JobAction.DELETE: ("button-delete", "🗑️", discord.ButtonStyle.danger),
    JobAction.CANCEL: ("button-cancel", "✖️", discord.ButtonStyle.secondary),
    JobAction.APPROVE: ("button-approve", "✅", discord.ButtonStyle.success),
    JobAction.REJECT: ("button-reject", "⛔", discord.ButtonStyle.danger),
    JobAction.SHOW: ("button-show", "🖼️", discord.ButtonStyle.success),
    JobAction.REMIX: ("button-remix", "🎛️", discord.ButtonStyle.secondary),
    JobAction.INFO: ("button-info", "🔎", discord.ButtonStyle.secondary),
    JobAction.REPORT: ("button-report", "🚩", discord.ButtonStyle.secondary),
    JobAction.RESTORE: ("button-restore", "✅", discord.ButtonStyle.success),
    JobAction.PURGE: ("button-delete", "🗑️", discord.ButtonStyle.danger),
    JobAction.BLOCK: ("button-block-requester", "⛔", discord.ButtonStyle.danger),
    JobAction.TERM: ("button-add-term", "🔤", discord.ButtonStyle.secondary),
}
# The review card's actions, for moderators only.
REVIEW_ACTIONS = (JobAction.RESTORE, JobAction.PURGE, JobAction.BLOCK, JobAction.TERM)


class JobButtonHandler(Protocol):
    """Checks and carries out clicks (`discord_side.buttons.JobButtons`, reached through the client)."""

    async def enter(self, interaction: discord.Interaction) -> None:
        """Before anything else: speak the clicking member's language (`ServerLanguages.enter`)."""
        ...

    async def check(self, interaction: discord.Interaction, action: JobAction, job_id: str) -> Job:
        """The job, if the clicking member may do `action` on it; else raise a `ButtonRefused`."""
        ...

    async def handle(self, interaction: discord.Interaction, action: JobAction, job: Job) -> None:
        """React to `action` on `job` (already checked)."""
        ...

    async def vary(self, interaction: discord.Interaction, job: Job, index: int) -> None:
        """A new image-to-image job from image `index` of the result, with the same prompt."""
        ...


@runtime_checkable
class JobButtonsClient(Protocol):
    """A client that carries the job buttons' handler: the bot's client (`discord_side.client`)."""

    @property
    def job_buttons(self) -> JobButtonHandler:
        """What carries out clicks on job buttons."""
        ...


def _handler(interaction: discord.Interaction) -> JobButtonHandler:
    client = interaction.client
    if not isinstance(client, JobButtonsClient):
        raise TypeError(f"job buttons need the bot's client, not {type(client).__name__}")
    return client.job_buttons


class _CheckedJobClick:
    """What every persistent job button does with a click: the handler's check of who may do the button's
    action to the job (a refusal answered privately), then the action (`_run`), errors answered like a
    command's. Each button still has its own `interaction_check`, this one, through its class."""

    action: JobAction
    job_id: str
    _job: Job | None

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Whether the clicking member may do this to the job; a refusal is answered privately."""
        try:
            await _handler(interaction).enter(interaction)
            self._job = await _handler(interaction).check(interaction, self.action, self.job_id)
        except Exception as error:
            await answer_error(interaction, error)
            return False
        return True

    async def callback(self, interaction: discord.Interaction) -> None:
        """Hand the checked click to the bot's handler; errors are answered like a command's."""
        try:
            handler = _handler(interaction)
            job = self._job or await handler.check(interaction, self.action, self.job_id)
            await self._run(handler, interaction, job)
        except Exception as error:
            await answer_error(interaction, error)

    async def _run(self, handler: JobButtonHandler, interaction: discord.Interaction, job: Job) -> None:
        raise NotImplementedError


class JobButton(_CheckedJobClick, discord.ui.DynamicItem[discord.ui.Button[Any]], template=CUSTOM_ID_TEMPLATE):
    """A job's button (Reroll, Delete, Cancel, Approve, Reject, Show); its own check says who may click it."""

    def __init__(self, action: JobAction, job_id: str, label_entry: str | None = None) -> None:
        entry, emoji, style = _LOOK[action]
        super().__init__(
            discord.ui.Button(
                label=text(label_entry or entry), emoji=emoji, style=style, custom_id=f"imagine:{action}:{job_id}"
            )
        )
        self.action = action
        self.job_id = job_id
        self._job: Job | None = None

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button[Any], match: re.Match[str], /
    ) -> JobButton:
        """Rebuild the button from a click on any message, whenever it was posted."""
        return cls(JobAction(match["action"]), match["job_id"])

    async def _run(self, handler: JobButtonHandler, interaction: discord.Interaction, job: Job) -> None:
        await handler.handle(interaction, self.action, job)


class VaryButton(_CheckedJobClick, discord.ui.DynamicItem[discord.ui.Button[Any]], template=VARY_TEMPLATE):
    """ "Vary N" on a result: a new image-to-image job from its image N, charged to whoever clicks."""

    def __init__(self, job_id: str, index: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=text("button-vary", index=index),
                emoji="🔀",
                style=discord.ButtonStyle.secondary,
                custom_id=f"imagine:vary:{job_id}:{index}",
            )
        )
        self.action = JobAction.VARY
        self.job_id = job_id
        self.index = index
        self._job: Job | None = None

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button[Any], match: re.Match[str], /
    ) -> VaryButton:
        """Rebuild the button from a click on any message, whenever it was posted."""
        return cls(match["job_id"], int(match["index"]))

    async def _run(self, handler: JobButtonHandler, interaction: discord.Interaction, job: Job) -> None:
        await handler.vary(interaction, job, self.index)


def _view(*buttons: discord.ui.Item[Any]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for button in buttons:
        view.add_item(button)
    return view


def running_view(job: Job) -> discord.ui.View:
    """Buttons while a job is queued or running: Cancel."""
    return _view(JobButton(JobAction.CANCEL, job.id))


def vary_buttons(job: Job, images: int, *, image_to_image: bool) -> list[VaryButton]:
    """Vary 1..N for a result's `images` (at most the API's 4), when jobs may start from images."""
    return [VaryButton(job.id, index) for index in range(1, min(images, 4) + 1)] if image_to_image else []


def result_view(job: Job, images: int = 0, *, image_to_image: bool = False) -> discord.ui.View:
    """Buttons on a result: Reroll, Delete and Remix, and (when jobs may start from images) Vary for each
    of its `images`."""
    varies = vary_buttons(job, images, image_to_image=image_to_image)
    return _view(
        JobButton(JobAction.REROLL, job.id),
        JobButton(JobAction.DELETE, job.id),
        *varies,
        JobButton(JobAction.REMIX, job.id),
    )


def again_view(job: Job, label_entry: str) -> discord.ui.View:
    """One button that runs the same request again, labelled by its catalogue entry ("Try again")."""
    return _view(JobButton(JobAction.REROLL, job.id, label_entry=label_entry))


def approval_view(job: Job) -> discord.ui.View:
    """Buttons on an approval request in the audit channel: Approve and Reject."""
    return _view(JobButton(JobAction.APPROVE, job.id), JobButton(JobAction.REJECT, job.id))


def show_view(job: Job) -> discord.ui.View:
    """One button that shows a private result to its requester alone, whenever they click it."""
    return _view(JobButton(JobAction.SHOW, job.id))
