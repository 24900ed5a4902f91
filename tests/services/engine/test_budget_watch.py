"""The budget watch beyond the basics of test_purse_engine: budgets of any size (credits above what an
image count's "unlimited" could hold) are watched and reported, and an alert once given costs later
requests no write."""

from __future__ import annotations

from dataclasses import replace

from services.quotas.credits import to_milli
from services.quotas.limits import LimitKind, usage_day
from tests.services.engine.harness import LIMITS, TARGET, Harness
from tests.services.storage.test_purse import job

THREE_MILLION = to_milli(3_000_000)


async def _book(harness: Harness, job_id: str, credits: int) -> None:
    """A job of the target's guild today that reserves `credits` (thousandths)."""
    big = replace(job(job_id, guild=TARGET.guild_id, day=usage_day(harness.clock.now())), credits_reserved=credits)
    assert await harness.store.insert_job_reserving(big, LIMITS) is None


async def test_a_monthly_budget_above_two_million_credits_has_its_remainder_reported(harness: Harness) -> None:
    await _book(harness, "a", to_milli(1_000_000))
    left = await harness.engine.budgets.remainders(replace(LIMITS, credits_monthly=THREE_MILLION))
    assert left == {"credits_monthly": 2_000_000.0}


async def test_a_servers_budget_above_two_million_credits_alerts_at_80_percent(harness: Harness) -> None:
    await _book(harness, "a", to_milli(2_500_000))
    limits = replace(LIMITS, guild_monthly_credits=THREE_MILLION)
    alerts = await harness.engine.budgets.check(TARGET.guild_id, limits)
    assert [(a.kind, a.level, a.limit) for a in alerts] == [(LimitKind.GUILD_CREDITS, 80, THREE_MILLION)]


async def test_no_budget_means_no_alert_however_much_is_spent(harness: Harness) -> None:
    await _book(harness, "a", to_milli(5_000_000))
    assert await harness.engine.budgets.check(TARGET.guild_id, LIMITS) == []
    assert await harness.engine.budgets.remainders(LIMITS) == {}


async def test_a_given_alert_costs_later_requests_no_write(harness: Harness) -> None:
    limits = replace(LIMITS, guild_daily_images=5, bot_daily_images=5, user_daily_images=10)
    await _book(harness, "a", 1000)
    await _book(harness, "b", 1000)
    await _book(harness, "c", 1000)
    await _book(harness, "d", 1000)
    assert len(await harness.engine.budgets.check(TARGET.guild_id, limits)) == 1  # the guild's 80%
    claims = 0
    original = harness.store.claim_alert

    async def counting(budget: str, period: str, level: int) -> bool:
        nonlocal claims
        claims += 1
        return await original(budget, period, level)

    harness.store.claim_alert = counting  # type: ignore[method-assign]
    for _ in range(10):
        assert await harness.engine.budgets.check(TARGET.guild_id, limits) == []
    assert claims == 0


async def test_a_new_level_is_still_given_after_a_lower_one(harness: Harness) -> None:
    limits = replace(LIMITS, guild_daily_images=5, user_daily_images=10)
    for job_id in "abcd":
        await _book(harness, job_id, 1000)
    assert [a.level for a in await harness.engine.budgets.check(TARGET.guild_id, limits)] == [80]
    await _book(harness, "e", 1000)
    assert [a.level for a in await harness.engine.budgets.check(TARGET.guild_id, limits)] == [100]
