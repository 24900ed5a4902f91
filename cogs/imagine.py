"""The `/imagine` command: validate, acknowledge at once, reserve quota, and hand the job to the engine."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.launcher import JobLauncher
from discord_side.texts import invalid_option_text
from services.api.validation import PROMPT_MAX_CHARS, size_suggestions, validate_options
from services.core.errors import InvalidOption

log = logging.getLogger(__name__)


class ImagineCog(commands.Cog):
    """Members turn prompts into images."""

    def __init__(self, launcher: JobLauncher) -> None:
        self._launcher = launcher

    @app_commands.command(name="imagine", description="Generate images from a text prompt")
    @app_commands.describe(
        prompt="What to draw (1 to 2000 characters)",
        size="WxH such as 1280x1280, or pick a preset; leave empty for the default",
        n="How many images, 1 to 4",
        prompt_extend="Let the service enrich a short prompt (default: on)",
    )
    async def imagine(
        self,
        interaction: discord.Interaction,
        prompt: app_commands.Range[str, 1, PROMPT_MAX_CHARS],
        size: str | None = None,
        n: app_commands.Range[int, 1, 4] = 1,
        prompt_extend: bool = True,
    ) -> None:
        """Start a generation job for the caller."""
        try:
            options = validate_options(prompt, size, n, prompt_extend)
        except InvalidOption as error:
            await interaction.response.send_message(invalid_option_text(error), ephemeral=True)
            return
        await self._launcher.launch(interaction, options)

    @imagine.autocomplete("size")
    async def size_autocomplete(
        self, _interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Offer the presets, and echo a valid size the user typed."""
        return [app_commands.Choice(name=label, value=value) for label, value in size_suggestions(current)]

    async def cog_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Answer any unexpected error with a short ephemeral message instead of silence."""
        log.error("/%s failed", interaction.command.name if interaction.command else "?", exc_info=error)
        text = "Something went wrong inside the bot; nothing was generated and no quota was used. Please try again."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the user about the error")
