"""The account's budget of task queries: spacing, urgency order, pauses, shares and cancellation."""

from __future__ import annotations

import asyncio

import pytest

from services.engine.query_budget import QueryBudget
from tests.fakes import FakeClock


async def _take_all(budget: QueryBudget, clock: FakeClock, dues: list[float]) -> list[tuple[float, float]]:
    """(due, time granted) of queries that all wait at once, in the order they were granted."""
    granted: list[tuple[float, float]] = []

    async def one(due: float) -> None:
        await budget.take(due)
        granted.append((due, clock.now()))

    await asyncio.gather(*(one(due) for due in dues))
    return granted


async def test_turns_are_spaced_so_no_second_sees_more_than_the_rate_plus_one() -> None:
    clock = FakeClock()
    budget = QueryBudget(10, clock)
    start = clock.now()

    granted = await _take_all(budget, clock, [start] * 45)

    times = [at for _, at in granted]
    worst = max(sum(1 for t in times if first <= t < first + 1.0) for first in times)
    assert worst <= 11
    assert times[-1] - times[0] == pytest.approx(4.4)
    await budget.close()


async def test_the_most_overdue_query_goes_first() -> None:
    clock = FakeClock()
    budget = QueryBudget(5, clock)
    now = clock.now()

    granted = await _take_all(budget, clock, [now - 1, now - 9, now, now - 4])

    assert [due - now for due, _ in granted] == [-9, -4, -1, 0]
    await budget.close()


async def test_a_pause_holds_every_query_for_as_long_as_it_asks() -> None:
    clock = FakeClock()
    budget = QueryBudget(20, clock)
    await budget.take(clock.now())
    paused_at = clock.now()

    budget.pause(7.5)
    await budget.take(clock.now())

    assert clock.now() - paused_at >= 7.5
    await budget.close()


async def test_a_lower_share_spaces_turns_further_apart() -> None:
    clock = FakeClock()
    budget = QueryBudget(10, clock)
    budget.set_rate(2)

    granted = await _take_all(budget, clock, [clock.now()] * 5)

    assert granted[-1][1] - granted[0][1] == pytest.approx(2.0)
    await budget.close()


async def test_a_cancelled_wait_does_not_use_a_turn() -> None:
    clock = FakeClock()
    budget = QueryBudget(1, clock)
    await budget.take(clock.now())
    abandoned = asyncio.ensure_future(budget.take(clock.now() - 100))
    await asyncio.sleep(0)

    abandoned.cancel()
    await asyncio.gather(abandoned, return_exceptions=True)
    await budget.take(clock.now())

    assert budget.granted == 2
    assert budget.waiting == 0
    await budget.close()


def test_a_budget_of_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        QueryBudget(0, FakeClock())


async def _settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_no_turn_is_granted_while_the_rate_of_queries_is_in_flight() -> None:
    clock = FakeClock()
    budget = QueryBudget(2, clock)
    await budget.acquire(clock.now())
    await budget.acquire(clock.now())
    third = asyncio.ensure_future(budget.take(clock.now()))

    await clock.sleep(5)
    await _settle()
    assert not third.done()

    budget.release()
    await asyncio.wait_for(third, timeout=1)
    await budget.close()


async def test_a_query_answered_late_counts_for_a_second_after_its_answer() -> None:
    clock = FakeClock()
    budget = QueryBudget(2, clock)
    async with budget.turn(clock.now()):
        await clock.sleep(3)  # a slow answer: it may have reached the provider just now
    answered_at = clock.now()
    await budget.acquire(clock.now())

    await budget.take(clock.now())

    assert clock.now() >= answered_at + 1.0
    await budget.close()
