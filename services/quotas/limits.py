"""Quota policy: the UTC day, and the limits that apply to one member (pure functions, no I/O).

Limits come from the environment's defaults, a guild's overrides, the member's roles (the most
generous of the limits of their roles that have any), exempt roles and a per-member override. The
environment's values are also the operator's ceilings: a guild may make its limits stricter, never
looser (more images, more jobs at once, a shorter cooldown), whatever its admins stored.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TypeVar

UNLIMITED = 2**31 - 1
# No budget of credits (thousandths): the largest the store's BIGINT holds, never a bound in a query (a
# budget of more than 2,147,483 credits is a real one, so it cannot share the images' `UNLIMITED`).
UNLIMITED_CREDITS = 2**63 - 1
_N = TypeVar("_N", int, float)


def usage_day(now: float) -> str:
    """The UTC day (YYYY-MM-DD) that a use at Unix time `now` counts against."""
    return datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")


def next_reset(now: float) -> datetime:
    """The next UTC midnight after Unix time `now`."""
    today = datetime.fromtimestamp(now, UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)


def next_month(now: float) -> datetime:
    """The first UTC midnight of the month after Unix time `now`."""
    today = datetime.fromtimestamp(now, UTC)
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return datetime(year, month, 1, tzinfo=UTC)


def usage_month(now: float) -> str:
    """The UTC month (YYYY-MM) that a use at Unix time `now` counts against."""
    return usage_day(now)[:7]


class LimitKind(enum.StrEnum):
    """Which limit refused a request."""

    BLOCKED = "blocked"
    COOLDOWN = "cooldown"
    ACTIVE_JOBS = "active_jobs"
    USER_DAILY = "user_daily"
    GUILD_DAILY = "guild_daily"
    PERSON_DAILY = "person_daily"
    BOT_DAILY = "bot_daily"
    CREDITS_DAILY = "credits_daily"
    CREDITS_MONTHLY = "credits_monthly"
    GUILD_CREDITS = "guild_credits"

    @property
    def in_credits(self) -> bool:
        """Whether the limit counts credits (thousandths) rather than images."""
        return self in {LimitKind.CREDITS_DAILY, LimitKind.CREDITS_MONTHLY, LimitKind.GUILD_CREDITS}

    @property
    def unlimited(self) -> int:
        """The value meaning no limit of this kind (`UNLIMITED_CREDITS` for credits, else `UNLIMITED`)."""
        return UNLIMITED_CREDITS if self.in_credits else UNLIMITED

    @property
    def monthly(self) -> bool:
        """Whether the limit resets at the start of the UTC month rather than the day."""
        return self in {LimitKind.CREDITS_MONTHLY, LimitKind.GUILD_CREDITS}


class OverBudget(enum.StrEnum):
    """What happens to a request once the server's own budget (daily images, monthly credits) is spent."""

    REFUSE = "refuse"
    APPROVAL = "approval"
    ONE_IMAGE = "one-image"


@dataclass(frozen=True)
class Limits:
    """The limits that apply to one member in one place (a guild, or DMs)."""

    user_daily_images: int
    max_active_jobs: int
    cooldown_seconds: float
    guild_daily_images: int
    exempt: bool = False
    blocked: bool = False
    # The operator's: one person's images per day everywhere, the bot's images per day, and the bot's
    # credits per day and month (thousandths); the guild's own monthly credits (thousandths).
    person_daily_images: int = UNLIMITED
    bot_daily_images: int = UNLIMITED
    credits_daily: int = UNLIMITED_CREDITS
    credits_monthly: int = UNLIMITED_CREDITS
    guild_monthly_credits: int = UNLIMITED_CREDITS
    over_budget: OverBudget = OverBudget.REFUSE  # the guild's choice beyond its own budget


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
    monthly_credits: int | None = None  # thousandths of a credit
    over_budget: OverBudget | None = None


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


@dataclass(frozen=True)
class CeilingBreach:
    """A value an admin asked for that is looser than the operator's: which limit (`kind`), and the
    operator's value it may not pass (for the cooldown, the shortest allowed)."""

    kind: LimitKind
    ceiling: int | float


def beyond_ceilings(
    ceilings: Limits,
    overrides: LimitOverrides,
    guild_daily_images: int | None = None,
    monthly_credits: int | None = None,
    *,
    trusted: bool = False,
) -> CeilingBreach | None:
    """The first of the values a guild's admin asked for that is looser than the operator's `ceilings`
    (None: every one is within them, or not given). A `trusted` guild may pass the per-member and
    per-server ceilings, never the bot's budgets (its monthly credits stay within the bot's)."""
    if monthly_credits is not None and monthly_credits > ceilings.credits_monthly:
        return CeilingBreach(LimitKind.GUILD_CREDITS, ceilings.credits_monthly)
    if trusted:
        return None
    most: tuple[tuple[LimitKind, int | None, int], ...] = (
        (LimitKind.USER_DAILY, overrides.user_daily_images, ceilings.user_daily_images),
        (LimitKind.ACTIVE_JOBS, overrides.max_active_jobs, ceilings.max_active_jobs),
        (LimitKind.GUILD_DAILY, guild_daily_images, ceilings.guild_daily_images),
    )
    for kind, value, ceiling in most:
        if value is not None and value > ceiling:
            return CeilingBreach(kind, ceiling)
    if overrides.cooldown_seconds is not None and overrides.cooldown_seconds < ceilings.cooldown_seconds:
        return CeilingBreach(LimitKind.COOLDOWN, ceilings.cooldown_seconds)
    return None


def within_ceilings(limits: Limits, ceilings: Limits) -> Limits:
    """`limits`, each no looser than the operator's `ceilings` (a stricter value stays)."""
    return replace(
        limits,
        user_daily_images=min(limits.user_daily_images, ceilings.user_daily_images),
        max_active_jobs=min(limits.max_active_jobs, ceilings.max_active_jobs),
        cooldown_seconds=max(limits.cooldown_seconds, ceilings.cooldown_seconds),
        guild_daily_images=min(limits.guild_daily_images, ceilings.guild_daily_images),
        guild_monthly_credits=min(limits.guild_monthly_credits, ceilings.credits_monthly),
    )


def effective_limits(
    defaults: Limits,
    guild: GuildQuota | None,
    role_ids: Iterable[int],
    member: MemberOverride | None,
    *,
    trusted: bool = False,
) -> Limits:
    """The limits of a member with `role_ids` in a guild (None: a DM, where the defaults apply), within
    the operator's ceilings (`defaults`). An exempt role frees a member from the guild's own per-member
    limits only: the operator's apply to them. In a `trusted` guild the guild's values may pass the
    per-member and per-server ceilings (the person's day then stretches to their limit there); the bot's
    budgets always apply."""
    limits = defaults
    roles = set(role_ids)
    if guild is not None:
        limits = _apply(limits, guild.overrides)
        if guild.guild_daily_images is not None:
            limits = replace(limits, guild_daily_images=guild.guild_daily_images)
        if guild.monthly_credits is not None:
            limits = replace(limits, guild_monthly_credits=guild.monthly_credits)
        if guild.over_budget is not None:
            limits = replace(limits, over_budget=guild.over_budget)
        limits = _most_generous((guild.role_limits[r] for r in roles if r in guild.role_limits), limits)
        if roles & guild.exempt_roles:
            limits = replace(
                limits,
                user_daily_images=defaults.user_daily_images,
                max_active_jobs=defaults.max_active_jobs,
                cooldown_seconds=defaults.cooldown_seconds,
                exempt=True,
            )
    if member is not None and member.blocked:
        limits = replace(limits, user_daily_images=0, blocked=True)
    elif member is not None and member.bonus_images:
        limits = replace(limits, user_daily_images=limits.user_daily_images + member.bonus_images)
    if trusted:
        person = max(defaults.person_daily_images, limits.user_daily_images)
        return replace(
            limits,
            person_daily_images=person,
            guild_monthly_credits=min(limits.guild_monthly_credits, defaults.credits_monthly),
        )
    return within_ceilings(limits, defaults)


def beyond_server_budget(limits: Limits, ceilings: Limits) -> Limits:
    """`limits` without the guild's own budget (its daily images and monthly credits), for a request its
    admins let past it (approval, or one image): the operator's ceilings on the guild still apply."""
    return replace(
        limits,
        guild_daily_images=max(limits.guild_daily_images, ceilings.guild_daily_images),
        guild_monthly_credits=max(limits.guild_monthly_credits, ceilings.credits_monthly),
    )
