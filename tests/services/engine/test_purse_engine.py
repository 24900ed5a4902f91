"""Credits through the engine (the simulator reports `usage.credits_used` at the end) and the budget
alerts, on a real store."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from services.core.errors import QuotaExceeded
from services.core.models import GenerationOptions, JobState
from services.engine.budget_watch import BudgetWatch
from services.quotas.limits import LimitKind, usage_day
from services.storage.job_rows import EVERYWHERE
from tests.services.engine.harness import LIMITS, TARGET, Harness


def _sample(harness: Harness, name: str, labels: dict[str, str] | None = None) -> float:
    value = harness.metrics.registry.get_sample_value(name, labels or {})
    return 0.0 if value is None else value


async def _booked(harness: Harness) -> int:
    return await harness.store.credits_booked(EVERYWHERE, usage_day(harness.clock.now()))


async def test_a_delivered_job_is_charged_the_credits_the_api_reports(harness: Harness) -> None:
    job = await harness.run("a lighthouse [results:2]", n=4)
    assert (job.state, job.credits_reserved, job.credits_charged) == (JobState.DELIVERED, 4000, 2000)
    assert await _booked(harness) == 2000
    assert _sample(harness, "imagine_credits_reserved_total") == 4.0
    assert _sample(harness, "imagine_credits_spent_total") == 2.0


async def test_a_refused_prompt_gives_its_credits_back(harness: Harness) -> None:
    job = await harness.run("a lighthouse [fail:content_policy_violation]", n=2)
    assert (job.state, job.credits_charged) == (JobState.FAILED, 0)
    assert await _booked(harness) == 0
    assert _sample(harness, "imagine_credits_spent_total") == 0.0


async def test_a_request_beyond_the_monthly_budget_is_refused_naming_credits_and_the_month(harness: Harness) -> None:
    limits = replace(LIMITS, credits_monthly=1500)
    await harness.engine.accept(1, GenerationOptions("one"), TARGET, limits)
    with pytest.raises(QuotaExceeded) as refused:
        await harness.engine.accept(1, GenerationOptions("two"), TARGET, limits)
    error = refused.value
    assert (error.kind, error.requested, error.remaining) == (LimitKind.CREDITS_MONTHLY, 1000, 500)
    assert error.resets_at.day == 1
    assert harness.sim.state.create_records == []


async def test_a_servers_budget_alerts_at_80_percent_once(harness: Harness) -> None:
    limits = replace(LIMITS, guild_daily_images=5, user_daily_images=10)
    await harness.engine.accept(1, GenerationOptions("a", n=4), TARGET, limits)
    first = await harness.engine.budgets.check(TARGET.guild_id, limits)
    assert [(a.kind, a.level, a.used, a.limit) for a in first] == [(LimitKind.GUILD_DAILY, 80, 4, 5)]
    assert await harness.engine.budgets.check(TARGET.guild_id, limits) == []


async def test_a_refusal_by_a_servers_budget_is_its_100_percent_alert(harness: Harness) -> None:
    limits = replace(LIMITS, guild_daily_images=5, user_daily_images=10)
    await harness.engine.accept(1, GenerationOptions("a", n=3), TARGET, limits)
    alerts = await harness.engine.budgets.check(TARGET.guild_id, limits, exhausted=LimitKind.GUILD_DAILY)
    assert [(a.kind, a.level) for a in alerts] == [(LimitKind.GUILD_DAILY, 100)]


async def test_an_alert_given_before_a_restart_is_not_given_again(harness: Harness) -> None:
    limits = replace(LIMITS, guild_daily_images=5, user_daily_images=10)
    await harness.engine.accept(1, GenerationOptions("a", n=4), TARGET, limits)
    assert await harness.engine.budgets.check(TARGET.guild_id, limits)
    restarted = BudgetWatch(harness.store, harness.clock)
    assert await restarted.check(TARGET.guild_id, limits) == []


async def test_an_operator_budget_alert_is_a_log_line_and_a_metric(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    limits = replace(LIMITS, credits_daily=2000)
    await harness.engine.accept(1, GenerationOptions("a", n=2), TARGET, limits)
    with caplog.at_level(logging.WARNING, logger="services.engine.budget_watch"):
        assert await harness.engine.budgets.check(TARGET.guild_id, limits) == []
    assert "operator budget credits_daily reached 100% in" in caplog.text
    labels = {"budget": "credits_daily", "level": "100"}
    assert _sample(harness, "imagine_budget_alerts_total", labels) == 1.0


async def test_the_remainders_of_the_operators_budgets_are_what_is_left_of_each(harness: Harness) -> None:
    limits = replace(LIMITS, bot_daily_images=10, credits_daily=5000, credits_monthly=20_000)
    await harness.engine.accept(1, GenerationOptions("a", n=3), TARGET, limits)
    left = await harness.engine.budgets.remainders(limits)
    assert left == {"bot_daily": 7.0, "credits_daily": 2.0, "credits_monthly": 17.0}
