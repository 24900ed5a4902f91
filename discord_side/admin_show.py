"""The `/imagine-admin show` embed: every setting of a guild in one view."""

from __future__ import annotations

import discord

from discord_side.texts import inert
from services.moderation.guild_policy import ChannelMode, GuildPolicy, Visibility
from services.quotas.limits import UNLIMITED, GuildQuota, LimitOverrides, Limits, MemberOverride

FIELD_LIMIT = 1024


def _value(lines: list[str], empty: str) -> str:
    text = "\n".join(lines) if lines else empty
    return text if len(text) <= FIELD_LIMIT else text[: FIELD_LIMIT - 1] + "…"


def _limit(value: float | None, default: float, unit: str = "") -> str:
    if value is None:
        shown = "unlimited" if default >= UNLIMITED else f"{default:g}{unit}"
        return f"{shown} (default)"
    return "unlimited" if value >= UNLIMITED else f"{value:g}{unit}"


def describe_limits(limits: LimitOverrides) -> str:
    """A role's (or a server's) own limits in words."""
    parts = []
    if limits.user_daily_images is not None:
        parts.append(f"{limits.user_daily_images}/day")
    if limits.max_active_jobs is not None:
        parts.append(f"{limits.max_active_jobs} at once")
    if limits.cooldown_seconds is not None:
        parts.append(f"{limits.cooldown_seconds:g} s cooldown")
    return ", ".join(parts) or "no limits set"


def settings_embed(
    policy: GuildPolicy, quota: GuildQuota, defaults: Limits, members: dict[int, MemberOverride]
) -> discord.Embed:
    """Channels, roles, quotas, blocked terms and the audit channel of one guild."""
    embed = discord.Embed(title="Image bot settings", colour=discord.Colour.blurple())
    listed = [f"<#{channel}>" for channel in policy.listed_channels()]
    mode = {
        ChannelMode.EVERYWHERE: "in every channel",
        ChannelMode.ALLOW_LIST: "only in the listed channels and their threads",
        ChannelMode.DENY_LIST: "everywhere except the listed channels and their threads",
    }[policy.channel_mode]
    embed.add_field(name="Where /imagine works", value=_value([mode, *listed], mode), inline=False)
    approval = [f"<#{c}>" for c, rule in policy.channels.items() if rule.approval]
    private = [f"<#{c}>" for c, rule in policy.channels.items() if rule.visibility == Visibility.EPHEMERAL]
    embed.add_field(name="Approval required in", value=_value(approval, "no channel"), inline=True)
    embed.add_field(name="Private results in", value=_value(private, "no channel"), inline=True)
    embed.add_field(
        name="Audit log",
        value=f"<#{policy.audit_channel_id}>" if policy.audit_channel_id else "off",
        inline=True,
    )
    allowed = [f"<@&{role}>" for role in sorted(policy.allowed_roles)]
    embed.add_field(name="Roles allowed to use /imagine", value=_value(allowed, "everyone"), inline=True)
    exempt = [f"<@&{role}>" for role in sorted(quota.exempt_roles)]
    embed.add_field(name="Exempt roles", value=_value(exempt, "none"), inline=True)
    overrides = quota.overrides
    embed.add_field(
        name="Limits",
        value=(
            f"images per member per day: {_limit(overrides.user_daily_images, defaults.user_daily_images)}\n"
            f"jobs at once per member: {_limit(overrides.max_active_jobs, defaults.max_active_jobs)}\n"
            f"cooldown: {_limit(overrides.cooldown_seconds, defaults.cooldown_seconds, ' s')}\n"
            f"images per day for the server: {_limit(quota.guild_daily_images, defaults.guild_daily_images)}"
        ),
        inline=False,
    )
    role_lines = [f"<@&{role}>: {describe_limits(limits)}" for role, limits in sorted(quota.role_limits.items())]
    embed.add_field(name="Role limits", value=_value(role_lines, "none"), inline=False)
    member_lines = [
        f"<@{user}>: {'blocked' if override.blocked else f'+{override.bonus_images} images/day'}"
        for user, override in sorted(members.items())
    ]
    embed.add_field(name="Member overrides", value=_value(member_lines, "none"), inline=False)
    term_lines = [f"`{inert(t.text)}`{' (pattern)' if t.is_regex else ''}" for t in policy.terms]
    embed.add_field(name=f"Blocked terms ({len(policy.terms)})", value=_value(term_lines, "none"), inline=False)
    return embed
