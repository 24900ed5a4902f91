from __future__ import annotations

import asyncio

import pytest

from services.images.budget import ByteBudget
from tests.fakes import settle


def start(budget: ByteBudget, amount: int, granted: list[int]) -> asyncio.Task[None]:
    async def take() -> None:
        await budget.acquire(amount)
        granted.append(amount)

    return asyncio.create_task(take())


async def test_requests_within_the_budget_are_granted_and_the_next_one_waits() -> None:
    budget, granted = ByteBudget(100), []
    for amount in (40, 50, 30):
        start(budget, amount, granted)
    await settle()
    assert (granted, budget.in_use, budget.waiting) == ([40, 50], 90, 1)


async def test_released_bytes_go_to_the_waiting_request() -> None:
    budget, granted = ByteBudget(100), []
    for amount in (60, 60):
        start(budget, amount, granted)
    await settle()
    budget.release(60)
    await settle()
    assert (granted, budget.in_use) == ([60, 60], 60)


async def test_a_large_request_is_not_overtaken_by_later_small_ones() -> None:
    budget, granted = ByteBudget(100), []
    for amount in (50, 80, 10):
        start(budget, amount, granted)
    await settle()
    assert granted == [50]


async def test_a_request_larger_than_the_budget_runs_alone() -> None:
    budget, granted = ByteBudget(100), []
    start(budget, 10, granted)
    start(budget, 500, granted)
    start(budget, 10, granted)
    await settle()
    assert granted == [10]
    budget.release(10)
    await settle()
    assert (granted, budget.in_use) == ([10, 500], 500)
    budget.release(500)
    await settle()
    assert granted == [10, 500, 10]


async def test_a_cancelled_request_leaves_the_line() -> None:
    budget, granted = ByteBudget(100), []
    start(budget, 90, granted)
    impatient = start(budget, 50, granted)
    start(budget, 10, granted)
    await settle()
    impatient.cancel()
    await settle()
    assert (granted, budget.in_use, budget.waiting) == ([90, 10], 100, 0)


async def test_a_reservation_gives_everything_back_when_it_ends() -> None:
    budget = ByteBudget(100)
    async with budget.reservation() as held:
        await held.resize(70)
        held.shrink(20)
        assert budget.in_use == 20
    assert budget.in_use == 0


async def test_a_reservation_that_grows_waits_in_line_holding_nothing() -> None:
    budget, granted = ByteBudget(100), []
    held = budget.reservation()
    await held.resize(60)
    start(budget, 40, granted)
    growing = asyncio.create_task(held.resize(80))
    await settle()
    assert (granted, held.held, growing.done()) == ([40], 0, False)
    budget.release(40)
    await settle()
    assert (held.held, budget.in_use) == (80, 80)


async def test_a_reservation_cancelled_while_growing_holds_nothing() -> None:
    budget = ByteBudget(100)
    other = budget.reservation()
    await other.resize(90)
    held = budget.reservation()
    await held.resize(10)
    growing = asyncio.create_task(held.resize(50))
    await settle()
    growing.cancel()
    await settle()
    other.release()
    assert (held.held, budget.in_use) == (0, 0)


async def test_a_request_cancelled_as_bytes_are_released_ends_cancelled_holding_nothing() -> None:
    budget = ByteBudget(100)
    await budget.acquire(100)
    waiting = asyncio.ensure_future(budget.acquire(50))
    await asyncio.sleep(0)

    waiting.cancel()
    budget.release(100)  # in the same turn of the loop, before the cancelled request resumes

    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert (budget.in_use, budget.waiting) == (0, 0)
