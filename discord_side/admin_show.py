"""The `/imagine-admin show` embed: every setting of a guild in one view."""

from __future__ import annotations

from collections.abc import Callable

import discord

from discord_side.catalogue import text
from discord_side.locales import native_name
from discord_side.server_language import ServerLanguages
from discord_side.texts import credits_text, inert, number
from services.moderation.blocked_terms import BlockedTerm
from services.moderation.guild_policy import ChannelMode, GuildPolicy, Visibility
from services.quotas.limits import (
    UNLIMITED,
    UNLIMITED_CREDITS,
    GuildQuota,
    LimitOverrides,
    Limits,
    MemberOverride,
    OverBudget,
)

FIELD_LIMIT = 1024
_MODE_ENTRIES = {
    ChannelMode.EVERYWHERE: "show-mode-everywhere",
    ChannelMode.ALLOW_LIST: "show-mode-allow-list",
    ChannelMode.DENY_LIST: "show-mode-deny-list",
}


def _value(lines: list[str], empty: str) -> str:
    joined = "\n".join(lines) if lines else empty
    return joined if len(joined) <= FIELD_LIMIT else joined[: FIELD_LIMIT - 1] + "…"


def _limit(value: float | None, default: float, seconds: bool = False) -> str:
    if value is None:
        return text("show-default", value=_limit(default, default, seconds))
    if value >= UNLIMITED:
        return text("unlimited")
    return text("show-seconds", seconds=number(value)) if seconds else number(value)


def term_line(term: BlockedTerm) -> str:
    """A blocked term as listed to admins, marked when it is a pattern."""
    return text("term-pattern" if term.is_regex else "term", term=inert(term.text))


def describe_limits(limits: LimitOverrides) -> str:
    """A role's (or a server's) own limits in words."""
    parts = []
    if limits.user_daily_images is not None:
        parts.append(text("limits-daily", count=limits.user_daily_images))
    if limits.max_active_jobs is not None:
        parts.append(text("limits-at-once", count=limits.max_active_jobs))
    if limits.cooldown_seconds is not None:
        parts.append(text("limits-cooldown", seconds=number(limits.cooldown_seconds)))
    return ", ".join(parts) or text("limits-none")


def _member_line(user: int, override: MemberOverride) -> str:
    shown = text("show-member-blocked") if override.blocked else text("show-member-bonus", count=override.bonus_images)
    return f"<@{user}>: {shown}"


def _limits_value(quota: GuildQuota, defaults: Limits) -> str:
    overrides = quota.overrides
    return text(
        "show-limits-value",
        daily=_limit(overrides.user_daily_images, defaults.user_daily_images),
        active=_limit(overrides.max_active_jobs, defaults.max_active_jobs),
        cooldown=_limit(overrides.cooldown_seconds, defaults.cooldown_seconds, seconds=True),
        server=_limit(quota.guild_daily_images, defaults.guild_daily_images),
    )


def _budget_value(quota: GuildQuota, defaults: Limits) -> str:
    """The server's monthly credits (or the bot's monthly budget, or none) and its choice beyond them."""
    if quota.monthly_credits is not None:
        credits = credits_text(quota.monthly_credits)
    elif defaults.credits_monthly < UNLIMITED_CREDITS:
        credits = text("show-default", value=credits_text(defaults.credits_monthly))
    else:
        credits = text("unlimited")
    then = text(_OVER_BUDGET_CHOICES[quota.over_budget or OverBudget.REFUSE])
    return text("show-budget-value", credits=credits, then=then)


_OVER_BUDGET_CHOICES = {
    OverBudget.REFUSE: "choice-over-budget-refuse",
    OverBudget.APPROVAL: "choice-over-budget-approval",
    OverBudget.ONE_IMAGE: "choice-over-budget-one-image",
}


def settings_embed(
    policy: GuildPolicy,
    quota: GuildQuota,
    defaults: Limits,
    members: dict[int, MemberOverride],
    language: str,
) -> discord.Embed:
    """Channels, roles, quotas, blocked terms, the audit channel and the language (`language`, said) of
    one guild."""
    embed = discord.Embed(title=text("show-title"), colour=discord.Colour.blurple())
    listed = [f"<#{channel}>" for channel in policy.listed_channels()]
    mode = text(_MODE_ENTRIES[policy.channel_mode])
    embed.add_field(name=text("show-where"), value=_value([mode, *listed], mode), inline=False)
    approval = [f"<#{c}>" for c, rule in policy.channels.items() if rule.approval]
    private = [f"<#{c}>" for c, rule in policy.channels.items() if rule.visibility == Visibility.EPHEMERAL]
    embed.add_field(name=text("show-approval"), value=_value(approval, text("show-no-channel")), inline=True)
    embed.add_field(name=text("show-private"), value=_value(private, text("show-no-channel")), inline=True)
    audit = f"<#{policy.audit_channel_id}>" if policy.audit_channel_id else text("show-audit-off")
    embed.add_field(name=text("show-audit"), value=audit, inline=True)
    embed.add_field(name=text("show-language"), value=language, inline=True)
    allowed = [f"<@&{role}>" for role in sorted(policy.allowed_roles)]
    everyone = text("show-allowed-roles-everyone")
    embed.add_field(name=text("show-allowed-roles"), value=_value(allowed, everyone), inline=True)
    exempt = [f"<@&{role}>" for role in sorted(quota.exempt_roles)]
    embed.add_field(name=text("show-exempt-roles"), value=_value(exempt, text("show-none")), inline=True)
    embed.add_field(name=text("show-limits"), value=_limits_value(quota, defaults), inline=False)
    embed.add_field(name=text("show-budget"), value=_budget_value(quota, defaults), inline=False)
    role_lines = [f"<@&{role}>: {describe_limits(limits)}" for role, limits in sorted(quota.role_limits.items())]
    embed.add_field(name=text("show-role-limits"), value=_value(role_lines, text("show-none")), inline=False)
    member_lines = [_member_line(user, override) for user, override in sorted(members.items())]
    embed.add_field(name=text("show-member-overrides"), value=_value(member_lines, text("show-none")), inline=False)
    terms = [term_line(term) for term in policy.terms]
    embed.add_field(
        name=text("show-terms", count=len(policy.terms)), value=_value(terms, text("show-none")), inline=False
    )
    return embed


def language_shown(languages: ServerLanguages, guild_id: int) -> str:
    """The language of the server's public posts, and whether the admins chose it or Discord's setting."""
    entry = "show-language-chosen" if languages.chosen(guild_id) else "show-language-discord"
    return text(entry, language=native_name(languages.public(guild_id)))


def language_change(languages: ServerLanguages, guild_id: int) -> Callable[[], str]:
    """The change `/imagine-admin language` made, composed in the language spoken when called."""
    name = native_name(languages.public(guild_id))
    entry = "change-language" if languages.chosen(guild_id) else "change-language-discord"
    return lambda: text(entry, language=name)
