"""A guild's spending per day and its top members, read back from what the reservations booked."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.core.models import JobState
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store
from services.storage.spending import DaySpend
from tests.services.storage.job_factory import open_store
from tests.services.storage.test_purse import job

OPEN = Limits(UNLIMITED, UNLIMITED, 0.0, UNLIMITED)
DAYS = ["2026-11-24", "2026-11-25", "2026-11-26"]


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


async def test_each_day_shows_the_guilds_images_and_credits(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=2, day="2026-11-24"), OPEN)
    await store.insert_job_reserving(job("b", user=2, n=1, day="2026-11-26", model="wan2.5-image-to-image"), OPEN)
    await store.insert_job_reserving(job("c", guild=21, n=4, day="2026-11-26"), OPEN)
    assert await store.guild_spending(20, DAYS) == [
        DaySpend("2026-11-24", 2, 2000),
        DaySpend("2026-11-25", 0, 0),
        DaySpend("2026-11-26", 1, 1200),
    ]


async def test_given_back_images_and_credits_leave_the_chart(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=3, day="2026-11-25"), OPEN)
    await store.settle("a", JobState.CANCELLED, charged=0)
    assert await store.guild_spending(20, ["2026-11-25"]) == [DaySpend("2026-11-25", 0, 0)]


async def test_the_top_members_are_those_with_most_images_in_the_guild(store: Store) -> None:
    await store.insert_job_reserving(job("a", user=1, n=1, day="2026-11-24"), OPEN)
    await store.insert_job_reserving(job("b", user=2, n=3, day="2026-11-25"), OPEN)
    await store.insert_job_reserving(job("c", user=1, n=1, day="2026-11-26"), OPEN)
    await store.insert_job_reserving(job("d", user=3, n=4, guild=21, day="2026-11-26"), OPEN)
    assert await store.top_members(20, DAYS) == [(2, 3), (1, 2)]
    assert await store.top_members(20, DAYS, limit=1) == [(2, 3)]
