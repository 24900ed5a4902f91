from __future__ import annotations

from datetime import UTC, datetime

from services.quotas.limits import (
    UNLIMITED,
    GuildQuota,
    LimitOverrides,
    Limits,
    MemberOverride,
    effective_limits,
    next_reset,
    usage_day,
)

DEFAULTS = Limits(user_daily_images=20, max_active_jobs=3, cooldown_seconds=10.0, guild_daily_images=200)
GUILD = 1000


def test_the_day_is_the_utc_day() -> None:
    late_evening_in_new_york = datetime(2026, 11, 26, 3, 30, tzinfo=UTC).timestamp()
    assert usage_day(late_evening_in_new_york) == "2026-11-26"


def test_the_reset_is_the_next_utc_midnight() -> None:
    assert next_reset(datetime(2026, 11, 25, 23, 59, tzinfo=UTC).timestamp()) == datetime(2026, 11, 26, tzinfo=UTC)


def test_dms_get_the_defaults() -> None:
    assert effective_limits(DEFAULTS, None, [], None) == DEFAULTS


def test_a_guild_without_settings_gets_the_defaults() -> None:
    assert effective_limits(DEFAULTS, GuildQuota(), [GUILD], None) == DEFAULTS


def test_guild_overrides_replace_the_defaults_even_when_stricter() -> None:
    guild = GuildQuota(overrides=LimitOverrides(user_daily_images=5, cooldown_seconds=60), guild_daily_images=50)
    limits = effective_limits(DEFAULTS, guild, [GUILD], None)
    assert (limits.user_daily_images, limits.cooldown_seconds, limits.guild_daily_images) == (5, 60, 50)
    assert limits.max_active_jobs == 3


def test_a_member_gets_the_most_generous_of_their_roles() -> None:
    guild = GuildQuota(
        role_limits={
            1: LimitOverrides(user_daily_images=50, max_active_jobs=1, cooldown_seconds=30),
            2: LimitOverrides(user_daily_images=10, max_active_jobs=5),
        }
    )
    limits = effective_limits(DEFAULTS, guild, [GUILD, 1, 2], None)
    assert (limits.user_daily_images, limits.max_active_jobs, limits.cooldown_seconds) == (50, 5, 30)


def test_role_limits_apply_only_to_members_with_the_role() -> None:
    guild = GuildQuota(role_limits={1: LimitOverrides(user_daily_images=50)})
    assert effective_limits(DEFAULTS, guild, [GUILD, 2], None).user_daily_images == 20


def test_limits_set_on_the_everyone_role_apply_to_all() -> None:
    guild = GuildQuota(role_limits={GUILD: LimitOverrides(user_daily_images=7)})
    assert effective_limits(DEFAULTS, guild, [GUILD], None).user_daily_images == 7


def test_exempt_roles_lift_the_per_member_limits_but_not_the_guild_total() -> None:
    guild = GuildQuota(exempt_roles=frozenset({9}), guild_daily_images=100)
    limits = effective_limits(DEFAULTS, guild, [GUILD, 9], None)
    assert limits.exempt
    assert (limits.user_daily_images, limits.max_active_jobs, limits.cooldown_seconds) == (UNLIMITED, UNLIMITED, 0)
    assert limits.guild_daily_images == 100


def test_a_member_bonus_adds_to_the_daily_limit() -> None:
    assert effective_limits(DEFAULTS, GuildQuota(), [GUILD], MemberOverride(bonus_images=5)).user_daily_images == 25


def test_a_blocked_member_gets_nothing_even_with_an_exempt_role() -> None:
    guild = GuildQuota(exempt_roles=frozenset({9}))
    limits = effective_limits(DEFAULTS, guild, [GUILD, 9], MemberOverride(blocked=True))
    assert limits.blocked
    assert limits.user_daily_images == 0


def test_a_bonus_does_not_overflow_an_unlimited_quota() -> None:
    guild = GuildQuota(exempt_roles=frozenset({9}))
    assert effective_limits(DEFAULTS, guild, [GUILD, 9], MemberOverride(bonus_images=5)).user_daily_images == UNLIMITED
