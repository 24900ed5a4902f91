"""Shows jobs in Discord: progress edits when there is news (`progress_edits`), the result message, and
failure messages.

Messages go through the interaction's webhook while its token is valid (15 minutes); when it has
expired or Discord rejects it, they go to the channel as a reply that mentions the requester only (a
private result: a notice with a button that shows the images to the requester alone).
Only the token and ids stored on the job are needed, so this works the same after a restart.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import Any

import discord

from discord_side.cards import progress_card, result_card, text_card
from discord_side.job_language import in_job_language, in_job_language_now
from discord_side.private_results import image_files, ready_notice
from discord_side.progress_edits import ProgressEdits
from discord_side.texts import ended_text, progress_text, result_text
from discord_side.views import JobAction, again_view, result_view, running_view
from services.core.clock import Clock
from services.core.models import Job, JobState
from services.core.supervisor import TaskSupervisor
from services.engine.events import DeliveryError, DeliveryProblem, JobPhase, RunStatus
from services.images.fitting import FittedImage

log = logging.getLogger(__name__)

TOKEN_LIFETIME_SECONDS = 15 * 60
TOKEN_SAFETY_MARGIN = 30.0
# Discord codes meaning the interaction token is no longer usable.
TOKEN_GONE_CODES = {50027, 10062, 10015}
# How far back a resumed job looks in its channel for a result it may have posted before a crash.
RESUME_HISTORY_LIMIT = 50


def nonce_for(job: Job) -> str:
    """A message nonce derived from the job, so Discord drops a repeated post of the same result."""
    return f"imagine-{job.id}"[:25]


def requester_mentions(job: Job) -> discord.AllowedMentions:
    """Mentions allowed in a job's messages: the requester, nobody else."""
    return discord.AllowedMentions(everyone=False, roles=False, replied_user=True, users=[discord.Object(job.user_id)])


class DiscordJobEvents:
    """The Discord side of the engine's seam (`services.events.JobEvents`)."""

    def __init__(
        self,
        client: discord.Client,
        clock: Clock,
        supervisor: TaskSupervisor,
        edit_interval: float,
        image_to_image: Callable[[], bool] = lambda: False,
        *,
        cards: bool = False,
        spoiler: Callable[[Job], Awaitable[bool]] | None = None,
    ) -> None:
        self._client = client
        self._cards = cards  # CARD_RESULTS: one card per job (Components V2), else the classic message
        self._spoiler = spoiler  # whether the job's channel shows results behind a spoiler
        self._image_to_image = image_to_image  # whether results offer Vary (asked at each delivery)
        self._clock = clock
        self._progress = ProgressEdits(clock, supervisor, edit_interval, self._show_progress)

    async def job_changed(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        """Edit the response when the change is news to the requester (`progress_edits`: at most one edit
        per interval, always showing the latest state)."""
        if self._token_usable(job):
            self._progress.changed(job, phase, status)

    @in_job_language
    async def _show_progress(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        cancellable = phase != JobPhase.UPLOADING and not job.cancel_requested
        try:
            words = progress_text(job, phase, status, self._seconds_left(job, status))
            if self._cards:
                card = progress_card(job, words, cancellable)
                await self._edit_original(job, content=None, view=card, mentions=discord.AllowedMentions.none())
            else:
                view = running_view(job) if cancellable else None
                await self._edit_original(job, content=words, view=view, mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            log.info("job %s: progress edit refused (%s %s)", job.id, error.status, error.code)

    @in_job_language
    async def deliver(self, job: Job, images: Sequence[FittedImage]) -> tuple[int, ...]:
        """Post the result: one card (or, without cards, one message) with every image attached."""
        await self._progress.finish(job.id)
        spoiler = self._spoiler is not None and await self._spoiler(job)

        def files() -> list[discord.File]:
            return image_files(job, images)

        if self._token_usable(job):
            try:
                return (await self._edit_result(job, len(images), files(), spoiler),)
            except discord.HTTPException as error:
                if not _token_gone(error):
                    if not (self._cards and _refused(error)):
                        raise DeliveryError(
                            DeliveryProblem.RESULT_REFUSED, status=error.status, code=error.code
                        ) from None
                    log.warning("job %s: Discord refused the card (%s %s)", job.id, error.status, error.code)
                    return (await self._classic_instead(job, len(images), files, spoiler),)
                log.info("job %s: interaction token gone (%s); posting in the channel", job.id, error.code)
        if job.target.ephemeral:
            # Results meant for the requester alone are never posted where everyone sees them: the
            # requester is offered a button that shows them privately (`private_results`). The images
            # were made and billed, so they count from this offer on, opened or not.
            notice, view = ready_notice(job, len(images))
            return (await self._post_in_channel(job, notice, view, []),)
        if self._cards:
            try:
                attached = files()
                card = self.card(job, len(images), [f.filename for f in attached], spoiler, f"<@{job.user_id}>")
                return (await self._send(job, None, card, attached),)
            except discord.HTTPException as error:
                log.warning(
                    "job %s: Discord refused the card (%s %s); posting the classic message",
                    job.id,
                    error.status,
                    error.code,
                )
        return (await self._post_classic(job, len(images), files(), spoiler),)

    @in_job_language_now
    def card(
        self,
        job: Job,
        delivered: int,
        filenames: Sequence[str],
        spoiler: bool,
        mention: str | None = None,
        *,
        hidden: bool = False,
    ) -> discord.ui.LayoutView:
        """The result card of `job` (hidden: after a report), with the buttons offered now."""
        caption = result_text(job, delivered, mention)
        return result_card(
            job, filenames, caption, image_to_image=self._image_to_image(), spoiler=spoiler, hidden=hidden
        )

    async def _edit_result(self, job: Job, delivered: int, files: list[discord.File], spoiler: bool) -> int:
        if not self._cards:
            return await self._edit_classic(job, delivered, files, spoiler)
        card = self.card(job, delivered, [f.filename for f in files], spoiler)
        message = await self._edit_original(job, content=None, view=card, mentions=requester_mentions(job), files=files)
        return message.id

    async def _edit_classic(self, job: Job, delivered: int, files: list[discord.File], spoiler: bool) -> int:
        _spoil(files, spoiler)
        message = await self._edit_original(
            job,
            content=result_text(job, delivered),
            view=result_view(job, delivered, image_to_image=self._image_to_image()),
            mentions=requester_mentions(job),
            files=files,
        )
        return message.id

    async def _classic_instead(
        self, job: Job, delivered: int, files: Callable[[], list[discord.File]], spoiler: bool
    ) -> int:
        # Discord refused the card in the response: the classic message in the response, and only if that
        # is refused too, in the channel (never for a private result: it is not for everyone to see).
        try:
            return await self._edit_classic(job, delivered, files(), spoiler)
        except discord.HTTPException as error:
            if job.target.ephemeral:
                raise DeliveryError(DeliveryProblem.RESULT_REFUSED, status=error.status, code=error.code) from None
            log.warning("job %s: the classic response refused too (%s %s)", job.id, error.status, error.code)
        return await self._post_classic(job, delivered, files(), spoiler)

    async def _post_classic(self, job: Job, delivered: int, files: list[discord.File], spoiler: bool) -> int:
        _spoil(files, spoiler)  # a spoiler channel's result stays behind a spoiler without its card
        content = result_text(job, delivered, f"<@{job.user_id}>")
        view = result_view(job, delivered, image_to_image=self._image_to_image())
        return await self._post_in_channel(job, content, view, files)

    @in_job_language
    async def job_ended(self, job: Job) -> None:
        """Tell the requester why the job ended without images (failed, cancelled, expired)."""
        await self._progress.finish(job.id)
        view = _again_view(job)
        if self._token_usable(job):
            try:
                if self._cards:
                    card = text_card(job, ended_text(job), list(view.children) if view else [])
                    await self._edit_original(job, content=None, view=card, mentions=discord.AllowedMentions.none())
                else:
                    await self._edit_original(
                        job, content=ended_text(job), view=view, mentions=discord.AllowedMentions.none()
                    )
                return
            except discord.HTTPException as error:
                if not _token_gone(error):
                    log.warning("job %s: could not show how it ended (%s %s)", job.id, error.status, error.code)
                    return
        if job.target.ephemeral:
            log.info("job %s: its private response expired; the outcome stays in /usage", job.id)
            return
        try:
            await self._post_ended(job)
        except (DeliveryError, discord.HTTPException) as error:
            log.warning("job %s: could not tell the requester how it ended: %s", job.id, error)

    async def _post_ended(self, job: Job) -> None:
        # In the channel (the response is gone): the card, or the classic message if Discord refuses it.
        words = ended_text(job, f"<@{job.user_id}>")
        if self._cards:
            view = _again_view(job)
            try:
                await self._send(job, None, text_card(job, words, list(view.children) if view else []), [])
                return
            except discord.HTTPException as error:
                if not _refused(error):
                    raise
                log.warning(
                    "job %s: Discord refused the card (%s %s); posting the classic message",
                    job.id,
                    error.status,
                    error.code,
                )
        await self._post_in_channel(job, words, _again_view(job), [])

    async def _edit_original(
        self,
        job: Job,
        *,
        content: str | None,
        view: discord.ui.View | discord.ui.LayoutView | None,
        mentions: discord.AllowedMentions,
        files: list[discord.File] | None = None,
    ) -> discord.WebhookMessage:
        extra: dict[str, object] = {} if files is None else {"attachments": files}
        message = await self._webhook(job).edit_message(
            "@original",  # type: ignore[arg-type]  # the webhook route takes "@original" for the response
            content=content,
            view=view,
            allowed_mentions=mentions,
            **extra,  # type: ignore[arg-type]
        )
        if view is not None:
            view.stop()  # its buttons are DynamicItems, dispatched by custom_id; nothing to keep in memory
        return message

    async def find_delivery(self, job: Job) -> tuple[tuple[int, ...], int] | None:
        """A message that already carries this job's result (posted just before a crash): the
        interaction's response while its token works, else the channel's recent messages (a private
        result's notice counts the images it offers). A message is recognised by what members cannot
        write and no language changes: its attachments' names or its buttons' custom_ids, both made of
        the job's id (never its text: another job's prompt may quote this job's id)."""
        if self._token_usable(job):
            try:
                original = await self._webhook(job).fetch_message("@original")  # type: ignore[arg-type]
            except discord.HTTPException as error:
                log.info("job %s: cannot read its response (%s %s)", job.id, error.status, error.code)
            else:
                if original.attachments and _names_job(original, job):
                    return (original.id,), len(original.attachments)
        channel = self._client.get_partial_messageable(job.target.channel_id, guild_id=job.target.guild_id)
        own_id = self._client.user.id if self._client.user else None
        try:
            async for message in channel.history(limit=RESUME_HISTORY_LIMIT):
                if message.author.id == own_id and message.attachments and _names_job(message, job):
                    return (message.id,), len(message.attachments)
                if message.author.id == own_id and _offers_show(message, job):
                    return (message.id,), len(job.result_urls)  # a private result's notice
        except discord.HTTPException as error:
            log.info("job %s: cannot read the channel's history (%s %s)", job.id, error.status, error.code)
        return None

    async def _post_in_channel(
        self, job: Job, content: str, view: discord.ui.View | None, files: list[discord.File]
    ) -> int:
        try:
            return await self._send(job, content, view, files)
        except discord.HTTPException as error:
            raise DeliveryError(DeliveryProblem.CHANNEL_REFUSED, status=error.status, code=error.code) from None

    async def _send(
        self,
        job: Job,
        content: str | None,
        view: discord.ui.View | discord.ui.LayoutView | None,
        files: list[discord.File],
    ) -> int:
        channel = self._client.get_partial_messageable(job.target.channel_id, guild_id=job.target.guild_id)
        # The nonce, derived from the job, makes Discord drop a repeat of this post after a restart.
        message = await channel.send(
            content=content,
            files=files,
            view=view or discord.utils.MISSING,  # type: ignore[arg-type]
            allowed_mentions=requester_mentions(job),
            nonce=nonce_for(job),
        )
        if view is not None:
            view.stop()
        return message.id

    def _seconds_left(self, job: Job, status: RunStatus) -> float | None:
        if job.submitted_at is None:
            return None
        remaining = seconds_left(self._clock.now() - job.submitted_at, status.progress, job.estimated_time)
        return None if remaining is None else max(0.0, remaining)

    def _token_usable(self, job: Job) -> bool:
        target = job.target
        if not target.interaction_token or target.application_id is None or target.interaction_created_at is None:
            return False
        age = self._clock.now() - target.interaction_created_at
        return age < TOKEN_LIFETIME_SECONDS - TOKEN_SAFETY_MARGIN

    def _webhook(self, job: Job) -> discord.Webhook:
        assert job.target.application_id is not None
        assert job.target.interaction_token is not None
        return discord.Webhook.partial(job.target.application_id, job.target.interaction_token, client=self._client)


def seconds_left(elapsed: float, progress: int, estimated_time: float | None) -> float | None:
    """Seconds a task probably has left, as shown to the requester: from its progress once it has moved,
    leaning on the API's estimate early on (early progress is noisy); None if neither is known."""
    if 5 <= progress < 100 and elapsed > 0:
        by_progress = elapsed * (100 - progress) / progress
        if estimated_time is None:
            return by_progress
        weight = progress / 100
        return weight * by_progress + (1 - weight) * (estimated_time - elapsed)
    return None if estimated_time is None else estimated_time - elapsed


def _offers_show(message: discord.Message, job: Job) -> bool:
    """Whether the message is the notice offering this job's private result (its Show them button)."""
    wanted = f"imagine:{JobAction.SHOW}:{job.id}"
    return any(
        getattr(child, "custom_id", None) == wanted
        for row in message.components
        for child in getattr(row, "children", ())
    )


def _names_job(message: discord.Message, job: Job) -> bool:
    """Whether the message is one of this job's, by what the bot alone names: an attachment named after
    the job (`image_files`: `<job id>-<n>.<ext>`, SPOILER_ first when hidden) or a button whose custom_id
    carries its id (`imagine:<action>:<job id>[:...]`)."""
    named = re.compile(rf"(?:SPOILER_)?{re.escape(job.id)}-\d+\.\w+")
    return any(named.fullmatch(attachment.filename) for attachment in message.attachments) or any(
        custom_id.split(":")[2:3] == [job.id] for custom_id in _custom_ids(message.components)
    )


def _custom_ids(components: Sequence[Any]) -> Iterator[str]:
    for component in components:
        custom_id = getattr(component, "custom_id", None)
        if isinstance(custom_id, str):
            yield custom_id
        yield from _custom_ids(getattr(component, "children", None) or getattr(component, "components", None) or ())


def _token_gone(error: discord.HTTPException) -> bool:
    return error.code in TOKEN_GONE_CODES or error.status in {401, 404}


def _spoil(files: list[discord.File], spoiler: bool) -> None:
    # A classic message has no gallery to mark: the attachment's SPOILER_ name hides it.
    for file in files:
        file.spoiler = spoiler


def _refused(error: discord.HTTPException) -> bool:
    # Discord refused what was sent (a 4xx validation error such as an unsupported card), as opposed to
    # an expired token or a failure on Discord's side (5xx), where the classic message would fare no better.
    return 400 <= error.status < 500 and not _token_gone(error)


def _again_view(job: Job) -> discord.ui.View | None:
    # The button offered with how a job ended: Try again after a failure, Generate again after expiry.
    if job.state == JobState.FAILED:
        return again_view(job, "button-try-again")
    if job.state == JobState.EXPIRED:
        return again_view(job, "button-generate-again")
    return None
