"""The operator's ceilings beyond images per member: the person's day, the bot's budgets, a guild's
monthly credits, trusted guilds, and a guild's choice beyond its own budget (pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from services.quotas.limits import (
    UNLIMITED,
    UNLIMITED_CREDITS,
    CeilingBreach,
    GuildQuota,
    LimitKind,
    LimitOverrides,
    Limits,
    OverBudget,
    beyond_ceilings,
    beyond_server_budget,
    effective_limits,
    next_month,
    usage_month,
)

CEILINGS = Limits(
    user_daily_images=20,
    max_active_jobs=3,
    cooldown_seconds=0.0,
    guild_daily_images=200,
    person_daily_images=20,
    bot_daily_images=1000,
    credits_daily=50_000,
    credits_monthly=900_000,
)
GUILD = 1000


def test_the_month_resets_at_the_first_utc_midnight_of_the_next() -> None:
    assert next_month(datetime(2026, 11, 30, 23, 59, tzinfo=UTC).timestamp()) == datetime(2026, 12, 1, tzinfo=UTC)
    assert next_month(datetime(2026, 12, 15, tzinfo=UTC).timestamp()) == datetime(2027, 1, 1, tzinfo=UTC)
    assert usage_month(datetime(2026, 12, 15, tzinfo=UTC).timestamp()) == "2026-12"


def test_a_member_keeps_the_operators_budgets_whatever_the_guild_sets() -> None:
    guild = GuildQuota(overrides=LimitOverrides(user_daily_images=5))
    limits = effective_limits(CEILINGS, guild, [GUILD], None)
    assert (limits.person_daily_images, limits.bot_daily_images) == (20, 1000)
    assert (limits.credits_daily, limits.credits_monthly) == (50_000, 900_000)


def test_a_guilds_monthly_credits_and_choice_apply_to_its_members() -> None:
    guild = GuildQuota(monthly_credits=10_000, over_budget=OverBudget.ONE_IMAGE)
    limits = effective_limits(CEILINGS, guild, [GUILD], None)
    assert (limits.guild_monthly_credits, limits.over_budget) == (10_000, OverBudget.ONE_IMAGE)


def test_stored_monthly_credits_above_the_bots_are_clamped_to_them() -> None:
    limits = effective_limits(CEILINGS, GuildQuota(monthly_credits=5_000_000), [GUILD], None)
    assert limits.guild_monthly_credits == 900_000


def test_monthly_credits_above_the_bots_monthly_budget_are_a_breach_naming_it() -> None:
    breach = beyond_ceilings(CEILINGS, LimitOverrides(), monthly_credits=900_001)
    assert breach == CeilingBreach(LimitKind.GUILD_CREDITS, 900_000)


def test_a_trusted_guild_may_pass_the_per_member_and_per_server_ceilings() -> None:
    overrides = LimitOverrides(user_daily_images=500, max_active_jobs=50)
    assert beyond_ceilings(CEILINGS, overrides, guild_daily_images=10_000, trusted=True) is None


def test_a_trusted_guild_may_not_pass_the_bots_monthly_budget() -> None:
    breach = beyond_ceilings(CEILINGS, LimitOverrides(), monthly_credits=1_000_000, trusted=True)
    assert breach == CeilingBreach(LimitKind.GUILD_CREDITS, 900_000)


def test_an_untrusted_guilds_looser_value_is_still_a_breach() -> None:
    assert beyond_ceilings(CEILINGS, LimitOverrides(user_daily_images=21)) == CeilingBreach(LimitKind.USER_DAILY, 20)


def test_in_a_trusted_guild_the_persons_day_stretches_to_the_members_limit_there() -> None:
    guild = GuildQuota(overrides=LimitOverrides(user_daily_images=100), guild_daily_images=5000)
    limits = effective_limits(CEILINGS, guild, [GUILD], None, trusted=True)
    assert (limits.user_daily_images, limits.person_daily_images, limits.guild_daily_images) == (100, 100, 5000)
    assert (limits.bot_daily_images, limits.credits_monthly) == (1000, 900_000)


def test_past_the_server_budget_the_operators_ceilings_on_the_guild_remain() -> None:
    own = replace(CEILINGS, guild_daily_images=50, guild_monthly_credits=10_000)
    lifted = beyond_server_budget(own, CEILINGS)
    assert (lifted.guild_daily_images, lifted.guild_monthly_credits) == (200, 900_000)
    assert lifted.person_daily_images == 20


def test_without_operator_budgets_nothing_is_bounded_in_credits() -> None:
    plain = Limits(20, 3, 0.0, UNLIMITED)
    assert effective_limits(plain, GuildQuota(), [GUILD], None).guild_monthly_credits == UNLIMITED_CREDITS
