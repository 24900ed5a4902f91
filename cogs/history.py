"""`/history`: a member's own recent results in this server (or DMs), a page at a time, privately."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.catalogue import locale
from discord_side.history import History


class HistoryCog(commands.Cog):
    """The member's own results, with links to their messages."""

    def __init__(self, history: History) -> None:
        self._history = history

    @app_commands.command(name="history", description=locale("history-description"))
    @app_commands.describe(page=locale("history-page-description"))
    async def history(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 1000] = 1) -> None:
        """Answer privately with a page of the caller's results."""
        await self._history.answer(interaction, interaction.user, page)
