"""Private results whose interaction expired before they were ready (a long queue, an approval, a
restart): the requester is offered a **Show them** button in the channel, with no images and mentioning
them alone, and a click (a fresh interaction, answered privately) fetches the images again from the
links stored on the job, which the service keeps for 24 hours.

Fetching again on click, rather than keeping the fitted files on disk, needs nothing that outlives the
process but the job's row: no files to clean up, no disk to fill, and the images are fitted to the
upload limit of the server where the click happens. Past the links' 24 hours the member is told the
images expired.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from discord_side.catalogue import speaking, text
from discord_side.texts import describe_job, job_marker, result_text
from discord_side.views import show_view
from services.core.clock import Clock
from services.core.models import RESULT_LIFETIME_SECONDS, Job, JobState
from services.images.download import ImageDownloader
from services.images.fitting import DEFAULT_UPLOAD_LIMIT, FittedImage, per_file_limit

# Sending a message (in a thread: in the thread) is what a private result needs once its token expired.
_THREAD_TYPES = {discord.ChannelType.public_thread, discord.ChannelType.private_thread, discord.ChannelType.news_thread}


def results_expire_at(job: Job) -> float:
    """When the service's links to the job's images stop working (24 hours after its task was made)."""
    created = job.task_created or job.submitted_at or job.created_at
    return created + RESULT_LIFETIME_SECONDS


def ready_notice(job: Job, count: int) -> tuple[str, discord.ui.View]:
    """The notice a requester gets in the channel: their images are ready, behind a button only they
    may use (**Show them**), until when, and that they count (the service made and billed them). It
    names the job by its id alone: the prompt stays private. Everyone in the channel sees it, so it
    speaks the server's language, not the requester's."""
    with speaking(job.target.public_locale):
        until = f"<t:{int(results_expire_at(job))}:f>"
        notice = text("private-result-ready", job=job_marker(job.id), until=until, count=count)
        return f"<@{job.user_id}> {notice}", show_view(job)


def image_files(job: Job, images: Sequence[FittedImage]) -> list[discord.File]:
    """A job's images as attachments, named after the job (fresh readers: a File can be sent once)."""
    return [
        discord.File(image.reader(), filename=f"{job.id}-{index + 1}.{image.extension}")
        for index, image in enumerate(images)
    ]


def can_deliver_privately(interaction: discord.Interaction) -> bool:
    """Whether a private result could still reach the requester after its interaction's 15 minutes: the
    bot must be able to see and post in the channel (in a thread: post in threads) to offer its button."""
    permissions = interaction.app_permissions
    channel = interaction.channel
    in_thread = channel is not None and getattr(channel, "type", None) in _THREAD_TYPES
    can_post = permissions.send_messages_in_threads if in_thread else permissions.send_messages
    private_thread = getattr(channel, "type", None) is discord.ChannelType.private_thread
    if in_thread and (private_thread or getattr(channel, "locked", False)):
        # The bot posts in a private thread only as its member and in a locked one only with Manage
        # Threads; membership is not known here, so only Manage Threads makes the notice certain.
        can_post = can_post and permissions.manage_threads
    return permissions.view_channel and can_post


class PrivateResults:
    """Shows a private result to its requester when they click **Show them** (the check that the clicking
    member is the requester is the button's own, in `discord_side.buttons`)."""

    def __init__(self, downloader: ImageDownloader, clock: Clock) -> None:
        self._downloader = downloader
        self._clock = clock
        # Jobs whose images are being fetched for a click: one fetch per job at a time, so repeated
        # clicks cannot pile downloads onto the byte budget that paid deliveries share.
        self._showing: set[str] = set()

    async def show(self, interaction: discord.Interaction, job: Job) -> None:
        """Answer the click privately with the images, fetched again from the job's stored links."""
        if job.id in self._showing:
            await interaction.response.send_message(text("private-result-on-its-way"), ephemeral=True)
            return
        self._showing.add(job.id)
        try:
            await self._show(interaction, job)
        finally:
            self._showing.discard(job.id)

    async def _show(self, interaction: discord.Interaction, job: Job) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        if job.state not in {JobState.COMPLETED, JobState.DELIVERED} or not job.result_urls:
            await interaction.followup.send(text("private-result-unavailable"), ephemeral=True)
            return
        if self._clock.now() >= results_expire_at(job):
            expired = text("private-result-expired", job=describe_job(job))
            await interaction.followup.send(expired, ephemeral=True)
            return
        limit = per_file_limit(interaction.filesize_limit or DEFAULT_UPLOAD_LIMIT, len(job.result_urls))
        # The images' bytes count in the process's budget until the answer's upload is done.
        async with self._downloader.reservation() as held:
            fetched = await self._downloader.fetch_all(job.result_urls, limit, held)
            await interaction.followup.send(
                result_text(job, len(fetched.images)),
                files=image_files(job, fetched.images),
                ephemeral=True,
                allowed_mentions=discord.AllowedMentions.none(),
            )
