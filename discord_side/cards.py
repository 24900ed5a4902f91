"""Result cards: a job shown as one Components V2 card (`discord.ui.LayoutView`) from start to end:
its progress, then a media gallery of the attached images, the prompt (inert), the details and the
buttons. Also the hidden card of a reported result and the review card moderators get.

Every text is inert (`texts.inert`: no markdown, mention or link from a prompt acts); the card mentions
only the requester, as the classic message does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord
from discord import ui

from discord_side.catalogue import text
from discord_side.views import REVIEW_ACTIONS, JobAction, JobButton, vary_buttons
from services.core.models import Job
from services.storage.moderation_settings import ModerationSettings

ACCENT = 0x5865F2
HIDDEN_ACCENT = 0xED4245


def progress_card(job: Job, status_text: str, cancellable: bool) -> ui.LayoutView:
    """A running job's card: what it is and where it stands, with Cancel while it can be cancelled."""
    buttons = [JobButton(JobAction.CANCEL, job.id)] if cancellable else []
    return _card([ui.TextDisplay(status_text)], buttons, ACCENT)


def text_card(job: Job, message: str, buttons: Sequence[ui.Item[Any]] = ()) -> ui.LayoutView:
    """A card of text and buttons: how a job ended without images (its card already was one)."""
    return _card([ui.TextDisplay(message)], list(buttons), ACCENT)


def result_card(
    job: Job,
    filenames: Sequence[str],
    caption: str,
    *,
    image_to_image: bool,
    spoiler: bool = False,
    hidden: bool = False,
) -> ui.LayoutView:
    """The result: the images in a gallery (behind a spoiler in a spoiler channel or once reported),
    the caption (prompt, size, count, job id), the model and requester, and the result's buttons (once
    reported: no Reroll, Report, Vary or Remix)."""
    gallery = ui.MediaGallery(
        *(discord.MediaGalleryItem(f"attachment://{name}", spoiler=spoiler or hidden) for name in filenames[:10])
    )
    details = text("card-details", model=job.options.model, requester=f"<@{job.user_id}>")
    parts: list[ui.Item[Any]] = [gallery, ui.TextDisplay(caption), ui.TextDisplay(details)]
    if hidden:
        parts.insert(0, ui.TextDisplay(text("card-hidden")))
    elif spoiler:
        parts.append(ui.TextDisplay(text("card-spoiler")))
    actions = (JobAction.DELETE, JobAction.INFO) if hidden else (JobAction.REROLL, JobAction.DELETE, JobAction.INFO)
    main = [JobButton(action, job.id) for action in actions]
    if not hidden and job.target.guild_id is not None:  # in DMs only the requester sees the result
        main.append(JobButton(JobAction.REPORT, job.id))
    view = _card(parts, main, HIDDEN_ACCENT if hidden else ACCENT)
    if hidden:  # a reported result is not offered for new jobs until a moderator restores it
        return view
    varies = vary_buttons(job, len(filenames), image_to_image=image_to_image)
    container = view.children[0]
    assert isinstance(container, ui.Container)
    container.add_item(ui.ActionRow(*varies, JobButton(JobAction.REMIX, job.id)))
    return view


def review_card(job: Job, summary: str, filenames: Sequence[str], verdict: str | None = None) -> ui.LayoutView:
    """The review card in the audit channel: the reported images (behind a spoiler), who asked and who
    reported, and Restore / Delete / Block the requester / Add a blocked term until a verdict closes it."""
    parts: list[ui.Item[Any]] = [ui.TextDisplay(summary)]
    if filenames:
        items = (discord.MediaGalleryItem(f"attachment://{name}", spoiler=True) for name in filenames[:10])
        parts.append(ui.MediaGallery(*items))
    if verdict is not None:
        parts.append(ui.TextDisplay(verdict))
    buttons = [] if verdict is not None else [JobButton(action, job.id) for action in REVIEW_ACTIONS]
    return _card(parts, buttons, HIDDEN_ACCENT)


def _card(parts: list[ui.Item[Any]], buttons: list[Any], accent: int) -> ui.LayoutView:
    container: ui.Container[ui.LayoutView] = ui.Container(*parts, accent_colour=accent)
    if buttons:
        container.add_item(ui.Separator())
        container.add_item(ui.ActionRow(*buttons))
    view = ui.LayoutView(timeout=None)
    view.add_item(container)
    return view


def card_text(components: Sequence[Any]) -> str:
    """Every text display's content in a message's components (how a card is read back: the job's
    marker after a restart, the review card's summary)."""
    found: list[str] = []
    for component in components:
        content = getattr(component, "content", None)
        if isinstance(content, str):
            found.append(content)
        found.append(card_text(getattr(component, "children", None) or getattr(component, "components", None) or ()))
    return "\n".join(part for part in found if part)


def first_text(components: Sequence[Any]) -> str:
    """The first text display's content in a message's components ("" if none)."""
    for component in components:
        content = getattr(component, "content", None)
        if isinstance(content, str):
            return content
        nested = first_text(getattr(component, "children", None) or getattr(component, "components", None) or ())
        if nested:
            return nested
    return ""


def channel_spoiler(moderation: ModerationSettings) -> Callable[[Job], Awaitable[bool]]:
    """Whether a job's channel shows every result behind a spoiler (`/imagine-admin channels spoiler`)."""

    async def spoiler(job: Job) -> bool:
        if job.target.guild_id is None:
            return False
        return (await moderation.policy(job.target.guild_id)).rule(job.target.channel_id).spoiler

    return spoiler
