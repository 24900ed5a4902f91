"""Sleeping on the injected clock unless an event comes first."""

from __future__ import annotations

import asyncio

from services.core.clock import sleep_unless
from tests.fakes import FakeClock


async def test_an_event_already_set_ends_the_sleep_at_once() -> None:
    clock, event = FakeClock(), asyncio.Event()
    event.set()

    assert await sleep_unless(clock, 30, event)
    assert clock.sleeps == []


async def test_without_the_event_the_whole_time_is_slept() -> None:
    clock = FakeClock()

    assert not await sleep_unless(clock, 30, asyncio.Event())
    assert clock.sleeps == [30]
