"""The words of `/imagine-admin channels mode` and `visibility`: composed whenever called, so the admin's
answer speaks their language and the audit log the server's, each naming the choice as its language does
(never its code value)."""

from __future__ import annotations

from collections.abc import Callable

from discord_side.admin_choices import mode_name, results_name
from discord_side.catalogue import text
from services.moderation.guild_policy import ChannelMode, Visibility


def mode_change(mode: ChannelMode) -> Callable[[], str]:
    """The words of a change of channel mode."""
    return lambda: text("change-channel-mode", mode=mode_name(mode))


def visibility_change(channel: str, visibility: Visibility) -> Callable[[], str]:
    """The words of a change of who sees a channel's results."""
    return lambda: text("change-visibility", channel=channel, results=results_name(visibility))
