"""The budget alerts of accepted jobs, checked in the background: shutdown waits for a check whose claim
is being written, so the alert it claims is handed on to be posted (before the audit log's flush) rather
than stored as given and never posted; and a burst of requests in one guild runs few checks, not one each."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from services.engine.alert_checks import AlertChecks
from services.engine.budget_watch import BudgetAlert, BudgetWatch
from services.quotas.limits import UNLIMITED, LimitKind, Limits, usage_day
from services.storage.job_store import Store
from tests.fakes import FakeClock
from tests.services.engine.harness import Harness
from tests.services.storage.test_purse import job

GUILD = 20
LIMITS = replace(Limits(UNLIMITED, UNLIMITED, 0.0, UNLIMITED), guild_daily_images=10)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite:///{tmp_path}/store.db")
    yield opened
    await opened.close()


async def test_shutdown_waits_for_an_alert_being_claimed_and_hands_it_on(store: Store) -> None:
    clock = FakeClock()
    assert await store.insert_job_reserving(job("a", guild=GUILD, n=8, day=usage_day(clock.now())), LIMITS) is None
    checks, posted, claiming = AlertChecks(BudgetWatch(store, clock)), list[BudgetAlert](), asyncio.Event()
    original = store.claim_alert

    async def claim(budget: str, period: str, level: int) -> bool:
        claiming.set()
        return await original(budget, period, level)

    store.claim_alert = claim  # type: ignore[method-assign]

    async def post(alerts: list[BudgetAlert]) -> None:
        posted.extend(alerts)

    async with store._write_turn:  # another write in progress (a job stopping): the claim waits its turn
        checks.check_later(GUILD, LIMITS, post)
        await claiming.wait()
        closing = asyncio.create_task(checks.close(timeout=60))  # the shutdown (bot.py), before the flush
        await asyncio.sleep(0)
        assert not closing.done()
    await closing
    assert [(alert.kind, alert.level) for alert in posted] == [(LimitKind.GUILD_DAILY, 80)]


async def test_the_engine_supervisors_close_does_not_cut_short_an_alert_being_claimed(harness: Harness) -> None:
    store, guild_id = harness.store, 30
    day = usage_day(harness.clock.now())
    assert await store.insert_job_reserving(job("a", guild=guild_id, n=8, day=day), LIMITS) is None
    posted, claiming = list[BudgetAlert](), asyncio.Event()
    original = store.claim_alert

    async def claim(budget: str, period: str, level: int) -> bool:
        claiming.set()
        return await original(budget, period, level)

    store.claim_alert = claim  # type: ignore[method-assign]

    async def post(alerts: list[BudgetAlert]) -> None:
        posted.extend(alerts)

    async with store._write_turn:
        harness.engine.alert_checks.check_later(guild_id, LIMITS, post)
        await claiming.wait()
        await harness.supervisor.close()  # the shutdown (bot.py): jobs and background tasks cancelled
    await harness.engine.alert_checks.close(timeout=60)  # then the checks, before the audit log's flush
    assert [(alert.kind, alert.level) for alert in posted] == [(LimitKind.GUILD_DAILY, 80)]


async def test_no_check_starts_once_shutdown_began(store: Store) -> None:
    clock = FakeClock()
    assert await store.insert_job_reserving(job("a", guild=GUILD, n=8, day=usage_day(clock.now())), LIMITS) is None
    checks, posted = AlertChecks(BudgetWatch(store, clock)), list[BudgetAlert]()

    async def post(alerts: list[BudgetAlert]) -> None:
        posted.extend(alerts)

    await checks.close(timeout=60)
    checks.check_later(GUILD, LIMITS, post)
    assert checks.running == 0
    after_restart = await BudgetWatch(store, clock).check(GUILD, LIMITS)  # not claimed: given later
    assert [(alert.kind, alert.level) for alert in after_restart] == [(LimitKind.GUILD_DAILY, 80)]


async def test_a_burst_in_one_guild_runs_one_check_and_one_more_for_the_latest(store: Store) -> None:
    clock = FakeClock()
    watch = BudgetWatch(store, clock)
    checks, posted, runs = AlertChecks(watch), list[BudgetAlert](), 0
    original = watch.check

    async def counting(guild_id: int | None, limits: Limits, **kwargs: LimitKind | None) -> list[BudgetAlert]:
        nonlocal runs
        runs += 1
        return await original(guild_id, limits, **kwargs)

    watch.check = counting  # type: ignore[method-assign]

    async def post(alerts: list[BudgetAlert]) -> None:
        posted.extend(alerts)

    for _ in range(100):
        checks.check_later(GUILD, LIMITS, post)
    await asyncio.sleep(0)  # the check begins (it reads the counters)
    assert runs == 1
    for _ in range(100):
        checks.check_later(GUILD, LIMITS, post)
    await checks.close(timeout=60)
    assert runs == 2  # the first, and one for all that came while it ran


async def test_a_failing_check_is_logged(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    assert await store.insert_job_reserving(job("a", guild=GUILD, n=8, day=usage_day(clock.now())), LIMITS) is None
    checks = AlertChecks(BudgetWatch(store, clock))

    async def failing(alerts: list[BudgetAlert]) -> None:
        raise RuntimeError("audit channel gone")

    checks.check_later(GUILD, LIMITS, failing)
    await checks.close(timeout=60)
    assert checks.running == 0
    assert "budget alerts for guild 20 could not be checked" in caplog.text
