"""Whether the bot may post (with files) in a channel an admin names, as Discord reports its permissions:
the audit channel and the listed channels are refused when it may not."""

from __future__ import annotations

import discord

from discord_side.catalogue import text

Channel = discord.TextChannel | discord.Thread | discord.ForumChannel | discord.VoiceChannel


async def why_bot_cannot_post(
    client: discord.Client, interaction: discord.Interaction, channel: Channel, *, files: bool
) -> str | None:
    """Why the bot cannot post (with files) in `channel`, or None if it can."""
    guild = interaction.guild
    assert guild is not None
    me = guild.me
    if me is None and client.user is not None:
        try:
            me = await guild.fetch_member(client.user.id)
        except discord.HTTPException:
            return None  # cannot tell: do not block the admin on it
    if me is None:
        return None
    resolved = guild.get_channel_or_thread(channel.id) or channel
    permissions = resolved.permissions_for(me)
    missing = [
        text(entry)
        for entry, granted in (
            ("permission-view-channel", permissions.view_channel),
            ("permission-send-messages", _can_send(resolved, permissions)),
            ("permission-attach-files", permissions.attach_files or not files),
        )
        if not granted
    ]
    return text("admin-bot-lacks", permissions=", ".join(missing), channel=channel.mention) if missing else None


def _can_send(channel: object, permissions: discord.Permissions) -> bool:
    if isinstance(channel, discord.Thread):
        return permissions.send_messages_in_threads
    return permissions.send_messages
