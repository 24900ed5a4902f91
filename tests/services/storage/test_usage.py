"""Reserving images within the limits, and returning them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from services.core.models import DeliveryTarget, JobState
from services.quotas.limits import UNLIMITED, LimitKind, Limits
from services.storage.job_store import Store
from tests.services.storage.job_factory import DAY, limits, make_job, open_store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


async def test_reservation_is_refused_beyond_the_limit_and_stores_nothing(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", n=3), limits(4)) is None
    refusal = await store.insert_job_reserving(make_job("b", n=2), limits(4))
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.USER_DAILY, 4, 3)
    assert await store.get_job("b") is None
    assert await store.images_used(1, DAY, 20) == 3


async def test_users_have_separate_quotas(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", user_id=1, n=4), limits(4)) is None
    assert await store.insert_job_reserving(make_job("b", user_id=2, n=4), limits(4)) is None


async def test_concurrent_reservations_never_exceed_the_limit(store: Store) -> None:
    results = await asyncio.gather(
        *(store.insert_job_reserving(make_job(f"j{i}", n=1), limits(20)) for i in range(100))
    )
    assert sum(result is None for result in results) == 20
    assert await store.images_used(1, DAY, 20) == 20


async def test_the_guild_total_caps_all_members_together(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", user_id=1, n=3), limits(10, guild=5)) is None
    refusal = await store.insert_job_reserving(make_job("b", user_id=2, n=3), limits(10, guild=5))
    assert (refusal.kind, refusal.used) == (LimitKind.GUILD_DAILY, 3)
    assert await store.images_used(2, DAY, 20) == 0
    assert await store.images_used(0, DAY, 20) == 3


async def test_a_refund_returns_images_to_the_member_and_the_guild(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=3), limits(10, guild=5))
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.images_used(1, DAY, 20) == 1
    assert await store.images_used(0, DAY, 20) == 1


async def test_direct_message_jobs_are_counted_apart_from_guilds_and_refunded(store: Store) -> None:
    job = make_job("dm", n=3)
    job.target = DeliveryTarget(channel_id=11, guild_id=None)
    assert await store.insert_job_reserving(job, limits(5, guild=1)) is None
    assert (await store.images_used(1, DAY, None), await store.images_used(1, DAY, 20)) == (3, 0)
    assert await store.settle("dm", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.images_used(1, DAY, None) == 1
    assert [j.id for j in await store.user_jobs(1, None, active=False)] == ["dm"]
    assert await store.user_jobs(1, 20, active=False) == []


async def test_active_jobs_are_limited_and_free_up_when_they_end(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a"), limits(10, active=1)) is None
    refusal = await store.insert_job_reserving(make_job("b"), limits(10, active=1))
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.ACTIVE_JOBS, 1, 1)
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.insert_job_reserving(make_job("c"), limits(10, active=1)) is None


async def test_a_refusal_leaves_no_reservation_behind(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10, active=1))
    await store.insert_job_reserving(make_job("b", n=3), limits(10, active=1))
    assert await store.images_used(1, DAY, 20) == 1


async def test_the_cooldown_refuses_a_quick_second_request_and_says_when(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", created_at=100.0), limits(10, cooldown=30)) is None
    refusal = await store.insert_job_reserving(make_job("b", created_at=110.0), limits(10, cooldown=30))
    assert (refusal.kind, refusal.retry_at) == (LimitKind.COOLDOWN, 130.0)
    assert await store.insert_job_reserving(make_job("c", created_at=131.0), limits(10, cooldown=30)) is None


async def test_a_blocked_member_is_refused(store: Store) -> None:
    blocked = Limits(0, UNLIMITED, 0.0, UNLIMITED, blocked=True)
    refusal = await store.insert_job_reserving(make_job("a"), blocked)
    assert refusal.kind is LimitKind.BLOCKED


async def test_concurrent_requests_never_exceed_the_active_job_limit(store: Store) -> None:
    results = await asyncio.gather(
        *(store.insert_job_reserving(make_job(f"j{i}"), limits(100, active=3)) for i in range(100))
    )
    assert sum(result is None for result in results) == 3
    assert await store.images_used(1, DAY, 20) == 3


async def test_the_quota_check_says_what_the_reservation_would_refuse_and_reserves_nothing(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", n=3), limits(4)) is None
    refusal = await store.quota_refusal(make_job("b", n=2), limits(4))
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.USER_DAILY, 4, 3)
    assert await store.quota_refusal(make_job("c", n=1), limits(4)) is None
    assert await store.images_used(1, DAY, 20) == 3
    assert await store.get_job("c") is None


async def test_the_quota_check_sees_the_cooldown_and_the_active_jobs(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", created_at=100.0), limits(10, cooldown=30)) is None
    cooling = await store.quota_refusal(make_job("b", created_at=110.0), limits(10, cooldown=30))
    assert cooling.kind is LimitKind.COOLDOWN
    busy = await store.quota_refusal(make_job("c", created_at=200.0), limits(10, active=1))
    assert busy.kind is LimitKind.ACTIVE_JOBS
