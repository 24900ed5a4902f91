"""The `/imagine` command: validate, acknowledge at once, reserve quota, and hand the job to the engine."""

from __future__ import annotations

from dataclasses import replace

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.catalogue import locale
from discord_side.error_text import apology_extras
from discord_side.input_images import attachment_inputs
from discord_side.launcher import JobLauncher
from discord_side.texts import size_choices
from services.api.validation import PROMPT_MAX_CHARS, validate_options


class ImagineCog(commands.Cog):
    """Members turn prompts into images. An invalid option raises `InvalidOption`, answered by the
    tree's error handler (`discord_side.error_text`)."""

    def __init__(self, launcher: JobLauncher) -> None:
        self._launcher = launcher

    @app_commands.command(
        name="imagine", description=locale("imagine-description"), extras=apology_extras("error-unexpected-imagine")
    )
    @app_commands.describe(
        prompt=locale("imagine-prompt-description"),
        size=locale("imagine-size-description"),
        n=locale("imagine-n-description"),
        prompt_extend=locale("imagine-prompt-extend-description"),
        image=locale("imagine-image-description"),
        image2=locale("imagine-image2-description"),
    )
    async def imagine(
        self,
        interaction: discord.Interaction,
        prompt: app_commands.Range[str, 1, PROMPT_MAX_CHARS],
        size: str | None = None,
        n: app_commands.Range[int, 1, 4] = 1,
        prompt_extend: bool | None = None,
        image: discord.Attachment | None = None,
        image2: discord.Attachment | None = None,
    ) -> None:
        """Start a generation job for the caller: from the prompt, or (with `image`, `image2`) from images."""
        attachments = [attachment for attachment in (image, image2) if attachment is not None]
        options = validate_options(prompt, size, n, prompt_extend, with_image=bool(attachments))
        if attachments:
            options = replace(options, images=attachment_inputs(attachments, interaction.channel_id))
        await self._launcher.launch(interaction, options)

    @imagine.autocomplete("size")
    async def size_autocomplete(
        self, _interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Offer the presets, and echo a valid size the user typed."""
        return [app_commands.Choice(name=name, value=value) for name, value in size_choices(current)]
