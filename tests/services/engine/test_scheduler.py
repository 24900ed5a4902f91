from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator

import pytest

from services.engine.scheduler import MIN_CREATE_RATE, FairScheduler
from tests.fakes import FakeClock, settle


@pytest.fixture
async def running() -> AsyncIterator[tuple[FairScheduler, FakeClock, list[str]]]:
    clock = FakeClock()
    scheduler = FairScheduler(clock, max_in_flight=1, creates_per_second=100.0)
    granted: list[str] = []
    dispatcher = asyncio.create_task(scheduler.run())
    yield scheduler, clock, granted
    dispatcher.cancel()


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


class GrantTimes:
    """When the scheduler granted each slot: read in its `on_change` hook, at the very moment of the grant
    (a waiter resumes later, when a virtual clock may have jumped ahead)."""

    def __init__(self, scheduler: FairScheduler, clock: FakeClock) -> None:
        self.times: list[float] = []
        self._last = 0
        self._scheduler, self._clock = scheduler, clock
        scheduler.on_change = self._changed

    def _changed(self) -> None:
        in_flight = self._scheduler.in_flight
        if in_flight > self._last:
            self.times.append(self._clock.now())
        self._last = in_flight


def make(max_in_flight: int = 0, creates_per_second: float = 0) -> tuple[FairScheduler, FakeClock, GrantTimes]:
    clock = FakeClock()
    scheduler = FairScheduler(clock, max_in_flight=max_in_flight, creates_per_second=creates_per_second)
    return scheduler, clock, GrantTimes(scheduler, clock)


@pytest.fixture
async def unbounded() -> AsyncIterator[tuple[FairScheduler, FakeClock, GrantTimes]]:
    made = make()
    task = asyncio.create_task(made[0].run())
    yield made
    task.cancel()


async def fill(scheduler: FairScheduler, count: int, prefix: str = "j") -> None:
    for i in range(count):
        queue(scheduler, [], f"{prefix}{i}", guild=1, user=i)
    await settle()


async def test_without_caps_a_burst_is_granted_at_once(unbounded) -> None:
    scheduler, clock, grants = unbounded
    start = clock.now()
    await fill(scheduler, 200)
    assert grants.times == [start] * 200
    assert (scheduler.rate, scheduler.window) == (math.inf, math.inf)


async def test_the_in_flight_cap_is_respected_when_set() -> None:
    scheduler, _, _ = make(max_in_flight=3)
    task = asyncio.create_task(scheduler.run())
    await fill(scheduler, 10)
    assert (scheduler.in_flight, scheduler.queued) == (3, 7)
    scheduler.release("j0")
    await settle()
    assert (scheduler.in_flight, scheduler.queued) == (3, 6)
    task.cancel()


async def test_the_create_rate_cap_spaces_grants_when_set() -> None:
    scheduler, _, grants = make(creates_per_second=2.0)
    task = asyncio.create_task(scheduler.run())
    await fill(scheduler, 6)
    gaps = [later - earlier for earlier, later in zip(grants.times, grants.times[1:], strict=False)]
    assert gaps == pytest.approx([0.5] * 5)
    task.cancel()


async def test_the_dispatcher_waits_out_the_retry_after_of_a_refused_create(unbounded) -> None:
    scheduler, clock, grants = unbounded
    await fill(scheduler, 1, "refused")
    refused_at = clock.now()
    scheduler.create_refused("refused0", wait=45.0)
    await fill(scheduler, 1, "after-pause")
    assert grants.times[-1] == pytest.approx(refused_at + 45.0)


async def test_a_refused_create_halves_the_create_rate_from_the_pace_reached(unbounded) -> None:
    scheduler, _, _ = unbounded
    await fill(scheduler, 40)
    scheduler.create_refused("j0", wait=2.0)
    assert scheduler.rate == pytest.approx(20.0)


async def test_the_rate_and_the_in_flight_limit_recover_step_by_step_after_the_pause(unbounded) -> None:
    scheduler, clock, _ = unbounded
    await fill(scheduler, 40)
    scheduler.create_refused("j0", wait=2.0)
    resumed = clock.now() + 2.0
    rates, windows = [], []
    for second in (0, 2, 5, 14, 15):
        clock.time = resumed + second
        rates.append(scheduler.rate)
        windows.append(scheduler.window)
    assert rates == pytest.approx([20.0, 28.0, 40.0, 76.0, math.inf])
    assert windows == pytest.approx([20.0, 28.0, 40.0, 76.0, math.inf])


async def test_a_refused_create_halves_the_tasks_in_flight(unbounded) -> None:
    scheduler, clock, grants = unbounded
    await fill(scheduler, 10)
    scheduler.create_refused("j0", wait=0.0)
    refused_at = clock.now()
    assert scheduler.window == 5.0
    await fill(scheduler, 1, "waiting")
    # Nine still in flight: the next waits until the limit has climbed back to ten (one task a second).
    assert grants.times[-1] == pytest.approx(refused_at + 5.0)


async def test_tasks_that_end_make_room_under_the_halved_limit(unbounded) -> None:
    scheduler, clock, grants = unbounded
    await fill(scheduler, 10)
    scheduler.create_refused("j0", wait=0.0)
    refused_at, halved_rate = clock.now(), scheduler.rate
    for i in range(1, 9):
        scheduler.release(f"j{i}")
    await fill(scheduler, 1, "waiting")
    assert grants.times[-1] == pytest.approx(refused_at + 1 / halved_rate)  # paced, not held


async def test_refusals_of_calls_already_on_their_way_lower_the_limits_once(unbounded) -> None:
    scheduler, _, _ = unbounded
    await fill(scheduler, 16)
    for i in range(8):
        scheduler.create_refused(f"j{i}", wait=1.0)
    assert scheduler.overloads == 1
    assert scheduler.window == 8.0


async def test_the_limits_never_fall_below_one_task_and_a_trickle_of_creates(unbounded) -> None:
    scheduler, _, _ = unbounded
    for attempt in range(30):
        await fill(scheduler, 1, f"try{attempt}-")
        scheduler.create_refused(f"try{attempt}-0", wait=0.0)
    assert scheduler.overloads == 30
    assert scheduler.window == 1.0
    assert scheduler.rate >= MIN_CREATE_RATE
