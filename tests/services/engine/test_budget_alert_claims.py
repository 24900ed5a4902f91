"""A burst of requests crossing a budget level gives one alert for one write: the checks that come while
its claim is written wait for that claim instead of writing the same row again (each write would queue
on SQLite's single writer ahead of the members' reservations)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from services.engine.budget_watch import BudgetWatch
from services.quotas.limits import UNLIMITED, LimitKind, Limits, usage_day
from services.storage.job_store import Store
from tests.fakes import FakeClock
from tests.services.storage.test_purse import job

GUILD, BURST = 20, 200
LIMITS = replace(Limits(UNLIMITED, UNLIMITED, 0.0, UNLIMITED), guild_daily_images=250)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite:///{tmp_path}/store.db")
    yield opened
    await opened.close()


async def test_a_burst_of_checks_crossing_a_level_claims_it_with_one_write(store: Store) -> None:
    clock = FakeClock()
    day = usage_day(clock.now())
    for index in range(BURST):  # 200 of 250: the guild's 80%
        assert await store.insert_job_reserving(job(f"j{index}", user=index, guild=GUILD, day=day), LIMITS) is None
    watch, claims = BudgetWatch(store, clock), 0
    original = store.claim_alert

    async def counting(budget: str, period: str, level: int) -> bool:
        nonlocal claims
        claims += 1
        return await original(budget, period, level)

    store.claim_alert = counting  # type: ignore[method-assign]

    found = await asyncio.gather(*(watch.check(GUILD, LIMITS) for _ in range(BURST)))
    alerts = [alert for alerts in found for alert in alerts]
    assert [(alert.kind, alert.level) for alert in alerts] == [(LimitKind.GUILD_DAILY, 80)]
    assert claims == 1
