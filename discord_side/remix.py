"""Vary and Remix: new jobs from a result. Vary makes an image-to-image job from one of the result's
images with the same prompt; Remix opens a form with the prompt and the number of images filled in, and
makes a job from the image chosen there, or from the prompt alone. Both go through the launcher like
`/imagine` (moderation, quotas, approval), charged to whoever clicks."""

from __future__ import annotations

from dataclasses import replace

import discord

from discord_side.catalogue import speak, text
from discord_side.error_text import answer_error
from discord_side.input_images import message_input
from discord_side.launcher import JobLauncher
from discord_side.refusals import UnderReview
from services.api.validation import MAX_IMAGES, PROMPT_MAX_CHARS, validate_options
from services.core.errors import InvalidOption, InvalidOptionReason
from services.core.models import GenerationOptions, Job
from services.storage.job_store import Store


class RemixModal(discord.ui.Modal):
    """The Remix form: the prompt and the number of images, filled in, and which image to start from."""

    def __init__(self, remixes: Remixes, job: Job, images: int) -> None:
        super().__init__(title=text("remix-form-title"), timeout=600)
        self.prompt: discord.ui.TextInput[RemixModal] = discord.ui.TextInput(
            label=text("remix-form-prompt"), default=job.options.prompt, max_length=PROMPT_MAX_CHARS
        )
        self.count: discord.ui.TextInput[RemixModal] = discord.ui.TextInput(
            label=text("remix-form-count"), default=str(job.options.n), min_length=1, max_length=1
        )
        self.add_item(self.prompt)
        self.add_item(self.count)
        self.image: discord.ui.TextInput[RemixModal] | None = None
        if images:
            self.image = discord.ui.TextInput(
                label=text("remix-form-image", count=images),
                default="1" if job.options.images else "",
                required=False,
                max_length=1,
            )
            self.add_item(self.image)
        self._remixes = remixes
        self._job = job

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Start the remixed job."""
        speak(interaction.locale)  # a form's submission runs in a task of its own
        image = self.image.value if self.image is not None else ""
        await self._remixes.submit(interaction, self._job, self.prompt.value, self.count.value, image or "")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Answer like any command or button does."""
        await answer_error(interaction, error)


class Remixes:
    """What Vary and Remix do, on the launcher's path."""

    def __init__(self, launcher: JobLauncher, store: Store) -> None:
        self._launcher = launcher
        self._store = store

    async def vary(self, interaction: discord.Interaction, job: Job, index: int) -> None:
        """An image-to-image job from image `index` of the clicked result, with the same prompt and n."""
        image = message_input(interaction.message, index)
        await self._launcher.launch(
            interaction, GenerationOptions(job.options.prompt, n=job.options.n, images=(image,))
        )

    async def open_form(self, interaction: discord.Interaction, job: Job) -> None:
        """Show the Remix form; its image field only when jobs may start from images."""
        message = interaction.message
        images = len(message.attachments) if message is not None and self._launcher.image_to_image else 0
        await interaction.response.send_modal(RemixModal(self, job, min(images, MAX_IMAGES)))

    async def submit(self, interaction: discord.Interaction, job: Job, prompt: str, count: str, image: str) -> None:
        """The form was sent: a job from the chosen image, or from the prompt alone (refused if the result
        was reported since the form opened)."""
        if await self._store.under_review(job.id):
            raise UnderReview(job.id)
        typed = count.strip()
        if not typed.isdecimal():
            raise InvalidOption("n", InvalidOptionReason.COUNT_OUT_OF_RANGE, count=typed, minimum=1, maximum=MAX_IMAGES)
        n = int(typed)
        choice = image.strip()
        if not choice:
            text_only = not job.options.images
            size = job.options.size if text_only else None
            options = validate_options(prompt, size, n, job.options.prompt_extend if text_only else None)
        else:
            picked = message_input(interaction.message, int(choice) if choice.isdecimal() else 0)
            options = replace(validate_options(prompt, None, n, None, with_image=True), images=(picked,))
        await self._launcher.launch(interaction, options)
