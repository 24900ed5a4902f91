"""Quota policy: the UTC day, and the limits that apply to one member (pure functions, no I/O).

Limits come from the environment's defaults, a guild's overrides, the member's roles (the most
generous of the limits of their roles that have any), exempt roles and a per-member override.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TypeVar

UNLIMITED = 2**31 - 1
_N = TypeVar("_N", int, float)


def usage_day(now: float) -> str:
    """The UTC day (YYYY-MM-DD) that a use at Unix time `now` counts against."""
    return datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")


def next_reset(now: float) -> datetime:
    """The next UTC midnight after Unix time `now`."""
    today = datetime.fromtimestamp(now, UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)


class LimitKind(enum.StrEnum):
    """Which limit refused a request."""

    BLOCKED = "blocked"
    COOLDOWN = "cooldown"
    ACTIVE_JOBS = "active_jobs"
    USER_DAILY = "user_daily"
    GUILD_DAILY = "guild_daily"


@dataclass(frozen=True)
class Limits:
    """The limits that apply to one member in one place (a guild, or DMs)."""

    user_daily_images: int
    max_active_jobs: int
    cooldown_seconds: float
    guild_daily_images: int
    exempt: bool = False
    blocked: bool = False


@dataclass(frozen=True)
class LimitOverrides:
    """Optional replacements of the per-member limits (a guild's settings, or one role's)."""

    user_daily_images: int | None = None
    max_active_jobs: int | None = None
    cooldown_seconds: float | None = None


@dataclass(frozen=True)
class MemberOverride:
    """One member's override in a guild: extra images per day, or blocked."""

    bonus_images: int = 0
    blocked: bool = False


@dataclass(frozen=True)
class GuildQuota:
    """Everything a guild's admins set about quotas."""

    overrides: LimitOverrides = field(default_factory=LimitOverrides)
    guild_daily_images: int | None = None
    role_limits: dict[int, LimitOverrides] = field(default_factory=dict)
    exempt_roles: frozenset[int] = frozenset()


def _apply(base: Limits, overrides: LimitOverrides) -> Limits:
    return replace(
        base,
        user_daily_images=_first(overrides.user_daily_images, base.user_daily_images),
        max_active_jobs=_first(overrides.max_active_jobs, base.max_active_jobs),
        cooldown_seconds=_first(overrides.cooldown_seconds, base.cooldown_seconds),
    )


def _first(value: _N | None, fallback: _N) -> _N:
    return fallback if value is None else value


def _most_generous(candidates: Iterable[LimitOverrides], base: Limits) -> Limits:
    chosen = list(candidates)
    if not chosen:
        return base
    daily = [c.user_daily_images for c in chosen if c.user_daily_images is not None]
    active = [c.max_active_jobs for c in chosen if c.max_active_jobs is not None]
    cooldown = [c.cooldown_seconds for c in chosen if c.cooldown_seconds is not None]
    return replace(
        base,
        user_daily_images=max(daily) if daily else base.user_daily_images,
        max_active_jobs=max(active) if active else base.max_active_jobs,
        cooldown_seconds=min(cooldown) if cooldown else base.cooldown_seconds,
    )


def effective_limits(
    defaults: Limits,
    guild: GuildQuota | None,
    role_ids: Iterable[int],
    member: MemberOverride | None,
) -> Limits:
    """The limits of a member with `role_ids` in a guild (None: a DM, where the defaults apply)."""
    limits = defaults
    roles = set(role_ids)
    if guild is not None:
        limits = _apply(limits, guild.overrides)
        if guild.guild_daily_images is not None:
            limits = replace(limits, guild_daily_images=guild.guild_daily_images)
        limits = _most_generous((guild.role_limits[r] for r in roles if r in guild.role_limits), limits)
        if roles & guild.exempt_roles:
            limits = replace(
                limits, user_daily_images=UNLIMITED, max_active_jobs=UNLIMITED, cooldown_seconds=0.0, exempt=True
            )
    if member is not None:
        if member.blocked:
            return replace(limits, user_daily_images=0, blocked=True)
        if member.bonus_images and limits.user_daily_images < UNLIMITED:
            limits = replace(limits, user_daily_images=limits.user_daily_images + member.bonus_images)
    return limits
