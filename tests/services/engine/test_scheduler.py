from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from services.engine.scheduler import FairScheduler, RateState
from tests.fakes import FakeClock


@pytest.fixture
async def running() -> AsyncIterator[tuple[FairScheduler, FakeClock, list[str]]]:
    clock = FakeClock()
    scheduler = FairScheduler(clock, max_in_flight=1, creates_per_second=100.0)
    granted: list[str] = []
    dispatcher = asyncio.create_task(scheduler.run())
    yield scheduler, clock, granted
    dispatcher.cancel()


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


def queue(scheduler: FairScheduler, granted: list[str], job_id: str, guild: int, user: int) -> asyncio.Task[None]:
    async def wait() -> None:
        await scheduler.acquire(job_id, guild, user)
        granted.append(job_id)

    return asyncio.create_task(wait())


async def drain(scheduler: FairScheduler, granted: list[str], count: int) -> None:
    """Let `count` jobs run one after another, each releasing its slot when granted."""
    for _ in range(count):
        await settle()
        scheduler.release(granted[-1])
    await settle()


async def test_a_flooding_user_delays_another_users_first_job_by_at_most_one_slot(running) -> None:
    scheduler, _, granted = running
    for i in range(10):
        queue(scheduler, granted, f"a{i}", guild=1, user=100)
    await settle()
    queue(scheduler, granted, "b0", guild=1, user=200)
    await drain(scheduler, granted, 4)
    jobs_of_a_before_b = granted.index("b0") - 1  # a0 held the only slot when b0 arrived
    assert jobs_of_a_before_b <= 1


async def test_users_alternate_in_round_robin(running) -> None:
    scheduler, _, granted = running
    scheduler.occupy("blocker")
    for i in range(3):
        queue(scheduler, granted, f"a{i}", guild=1, user=100)
        queue(scheduler, granted, f"b{i}", guild=1, user=200)
    await settle()
    scheduler.release("blocker")
    await drain(scheduler, granted, 5)
    assert granted == ["a0", "b0", "a1", "b1", "a2", "b2"]


async def test_guilds_alternate_before_users(running) -> None:
    scheduler, _, granted = running
    scheduler.occupy("blocker")
    for job_id, guild, user in [("g1u1", 1, 10), ("g1u2", 1, 11), ("g1u3", 1, 12), ("g2u1", 2, 20)]:
        queue(scheduler, granted, job_id, guild, user)
    await settle()
    scheduler.release("blocker")
    await drain(scheduler, granted, 3)
    assert granted == ["g1u1", "g2u1", "g1u2", "g1u3"]


async def test_positions_predict_the_grant_order(running) -> None:
    scheduler, _, granted = running
    scheduler.occupy("blocker")
    for job_id, guild, user in [("a0", 1, 1), ("a1", 1, 1), ("b0", 1, 2), ("c0", 2, 3)]:
        queue(scheduler, granted, job_id, guild, user)
    await settle()
    predicted = sorted(scheduler.positions(), key=scheduler.positions().get)
    scheduler.release("blocker")
    await drain(scheduler, granted, 3)
    assert granted == predicted


async def test_no_more_than_the_in_flight_limit_run_at_once(running) -> None:
    scheduler, _, granted = running
    for i in range(3):
        queue(scheduler, granted, f"j{i}", guild=1, user=i)
    await settle()
    assert granted == ["j0"]
    assert scheduler.queued == 2


async def test_a_removed_job_is_never_granted(running) -> None:
    scheduler, _, granted = running
    scheduler.occupy("blocker")
    waiting = queue(scheduler, granted, "gone", guild=1, user=1)
    queue(scheduler, granted, "kept", guild=1, user=2)
    await settle()
    assert scheduler.remove("gone")
    scheduler.release("blocker")
    await settle()
    assert granted == ["kept"]
    assert waiting.cancelled() or waiting.done()


async def test_a_cancelled_waiter_leaves_the_line(running) -> None:
    scheduler, _, granted = running
    scheduler.occupy("blocker")
    waiting = queue(scheduler, granted, "impatient", guild=1, user=1)
    await settle()
    waiting.cancel()
    await settle()
    assert scheduler.queued == 0


async def test_first_in_line_goes_before_the_users_other_jobs(running) -> None:
    scheduler, _, granted = running
    scheduler.occupy("blocker")
    queue(scheduler, granted, "later", guild=1, user=1)
    await settle()

    async def retry() -> None:
        await scheduler.acquire("retried", 1, 1, first_in_line=True)
        granted.append("retried")

    retrying = asyncio.create_task(retry())
    await settle()
    scheduler.release("blocker")
    await drain(scheduler, granted, 1)
    assert granted == ["retried", "later"]
    assert retrying.done()


def test_the_bucket_spaces_create_calls_at_the_rate() -> None:
    bucket = RateState(max_rate=2.0, rate=2.0, tokens=0.0, updated=0.0)
    assert bucket.wait_time(0.0) == pytest.approx(0.5)
    assert bucket.wait_time(0.5) == 0.0


def test_a_rate_limit_pauses_and_halves_the_rate() -> None:
    bucket = RateState(max_rate=4.0, rate=4.0, updated=0.0)
    bucket.slow_down(now=10.0, wait=30.0)
    assert bucket.rate == 2.0
    assert bucket.wait_time(20.0) == pytest.approx(20.0)


def test_the_rate_recovers_gradually_after_a_rate_limit() -> None:
    bucket = RateState(max_rate=4.0, rate=4.0, updated=0.0)
    bucket.slow_down(now=0.0, wait=1.0)
    rates = []
    for _ in range(6):
        bucket.recover()
        rates.append(bucket.rate)
    assert rates[0] == pytest.approx(2.4)
    assert rates[-1] == 4.0


def test_the_rate_never_falls_to_zero() -> None:
    bucket = RateState(max_rate=4.0, rate=4.0, updated=0.0)
    for _ in range(20):
        bucket.slow_down(now=0.0, wait=1.0)
    assert bucket.rate == pytest.approx(0.2)


async def test_the_dispatcher_waits_out_a_pause(running) -> None:
    scheduler, clock, granted = running
    start = clock.now()
    scheduler.rate_limited(45.0)
    queue(scheduler, granted, "after-pause", guild=1, user=1)
    await settle()
    assert granted == ["after-pause"]
    assert clock.now() - start >= 45.0
