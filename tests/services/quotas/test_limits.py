from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from services.quotas.limits import (
    UNLIMITED,
    CeilingBreach,
    GuildQuota,
    LimitKind,
    LimitOverrides,
    Limits,
    MemberOverride,
    beyond_ceilings,
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
            1: LimitOverrides(user_daily_images=15, max_active_jobs=1, cooldown_seconds=30),
            2: LimitOverrides(user_daily_images=10, max_active_jobs=2),
        }
    )
    limits = effective_limits(DEFAULTS, guild, [GUILD, 1, 2], None)
    assert (limits.user_daily_images, limits.max_active_jobs, limits.cooldown_seconds) == (15, 2, 30)


def test_role_limits_apply_only_to_members_with_the_role() -> None:
    guild = GuildQuota(role_limits={1: LimitOverrides(user_daily_images=50)})
    assert effective_limits(DEFAULTS, guild, [GUILD, 2], None).user_daily_images == 20


def test_limits_set_on_the_everyone_role_apply_to_all() -> None:
    guild = GuildQuota(role_limits={GUILD: LimitOverrides(user_daily_images=7)})
    assert effective_limits(DEFAULTS, guild, [GUILD], None).user_daily_images == 7


def test_exempt_roles_lift_the_servers_per_member_limits_to_the_operators_not_beyond() -> None:
    strict = LimitOverrides(user_daily_images=2, max_active_jobs=1, cooldown_seconds=600)
    guild = GuildQuota(overrides=strict, exempt_roles=frozenset({9}), guild_daily_images=100)
    limits = effective_limits(DEFAULTS, guild, [GUILD, 9], None)
    assert limits.exempt
    assert (limits.user_daily_images, limits.max_active_jobs, limits.cooldown_seconds) == (20, 3, 10)
    assert limits.guild_daily_images == 100


def test_exempting_everyone_gives_everyone_the_operators_limits_and_nothing_more() -> None:
    guild = GuildQuota(exempt_roles=frozenset({GUILD}))
    assert effective_limits(DEFAULTS, guild, [GUILD], None) == replace(DEFAULTS, exempt=True)


def test_a_member_bonus_adds_to_the_servers_daily_limit() -> None:
    guild = GuildQuota(overrides=LimitOverrides(user_daily_images=5))
    assert effective_limits(DEFAULTS, guild, [GUILD], MemberOverride(bonus_images=5)).user_daily_images == 10


def test_a_member_bonus_never_lifts_the_daily_limit_above_the_operators() -> None:
    assert effective_limits(DEFAULTS, GuildQuota(), [GUILD], MemberOverride(bonus_images=5)).user_daily_images == 20


@pytest.mark.parametrize(
    ("guild", "expected"),
    [
        (GuildQuota(overrides=LimitOverrides(user_daily_images=1000)), ("user_daily_images", 20)),
        (GuildQuota(overrides=LimitOverrides(max_active_jobs=100)), ("max_active_jobs", 3)),
        (GuildQuota(overrides=LimitOverrides(cooldown_seconds=0)), ("cooldown_seconds", 10)),
        (GuildQuota(guild_daily_images=1_000_000), ("guild_daily_images", 200)),
        (GuildQuota(role_limits={7: LimitOverrides(user_daily_images=10_000)}), ("user_daily_images", 20)),
        (GuildQuota(role_limits={7: LimitOverrides(max_active_jobs=100)}), ("max_active_jobs", 3)),
        (GuildQuota(role_limits={7: LimitOverrides(cooldown_seconds=0)}), ("cooldown_seconds", 10)),
    ],
)
def test_stored_settings_looser_than_the_operators_are_clamped_to_them(
    guild: GuildQuota, expected: tuple[str, float]
) -> None:
    name, ceiling = expected
    assert getattr(effective_limits(DEFAULTS, guild, [GUILD, 7], None), name) == ceiling


def test_stricter_settings_than_the_operators_stay() -> None:
    strict = LimitOverrides(user_daily_images=1, max_active_jobs=1, cooldown_seconds=3600)
    limits = effective_limits(DEFAULTS, GuildQuota(overrides=strict, guild_daily_images=5), [GUILD], None)
    assert (limits.user_daily_images, limits.max_active_jobs, limits.cooldown_seconds) == (1, 1, 3600)
    assert limits.guild_daily_images == 5


def test_without_an_operators_server_total_a_server_may_set_any() -> None:
    unlimited = replace(DEFAULTS, guild_daily_images=UNLIMITED)
    assert effective_limits(unlimited, GuildQuota(guild_daily_images=5000), [GUILD], None).guild_daily_images == 5000


def test_a_blocked_member_gets_nothing_even_with_an_exempt_role() -> None:
    guild = GuildQuota(exempt_roles=frozenset({9}))
    limits = effective_limits(DEFAULTS, guild, [GUILD, 9], MemberOverride(blocked=True))
    assert limits.blocked
    assert limits.user_daily_images == 0


def test_a_bonus_with_an_exempt_role_stays_within_the_operators_limit() -> None:
    guild = GuildQuota(exempt_roles=frozenset({9}))
    assert effective_limits(DEFAULTS, guild, [GUILD, 9], MemberOverride(bonus_images=5)).user_daily_images == 20


@pytest.mark.parametrize(
    ("overrides", "server_total", "breach"),
    [
        (LimitOverrides(user_daily_images=21), None, CeilingBreach(LimitKind.USER_DAILY, 20)),
        (LimitOverrides(max_active_jobs=4), None, CeilingBreach(LimitKind.ACTIVE_JOBS, 3)),
        (LimitOverrides(cooldown_seconds=9.5), None, CeilingBreach(LimitKind.COOLDOWN, 10.0)),
        (LimitOverrides(), 1_000_000, CeilingBreach(LimitKind.GUILD_DAILY, 200)),
        (LimitOverrides(user_daily_images=5, max_active_jobs=9), 10, CeilingBreach(LimitKind.ACTIVE_JOBS, 3)),
    ],
)
def test_an_admin_value_looser_than_the_operators_is_a_breach_naming_the_ceiling(
    overrides: LimitOverrides, server_total: int | None, breach: CeilingBreach
) -> None:
    assert beyond_ceilings(DEFAULTS, overrides, server_total) == breach


@pytest.mark.parametrize(
    ("overrides", "server_total"),
    [
        (LimitOverrides(), None),
        (LimitOverrides(user_daily_images=20, max_active_jobs=3, cooldown_seconds=10), 200),
        (LimitOverrides(user_daily_images=0, max_active_jobs=1, cooldown_seconds=3600), 0),
    ],
)
def test_values_up_to_the_operators_are_no_breach(overrides: LimitOverrides, server_total: int | None) -> None:
    assert beyond_ceilings(DEFAULTS, overrides, server_total) is None


def test_without_an_operators_server_total_any_server_total_is_no_breach() -> None:
    assert beyond_ceilings(replace(DEFAULTS, guild_daily_images=UNLIMITED), LimitOverrides(), 1_000_000) is None
