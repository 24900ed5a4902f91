"""Reservations and settlements racing on PostgreSQL from two stores (two pools, as two processes would),
across guilds, DMs and two days of one month: no deadlock, no limit exceeded, counters exactly what the
stored jobs account for."""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace

from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.quotas.credits import credits_for
from services.quotas.limits import UNLIMITED, Limits
from services.storage.credit_counts import month_of
from services.storage.job_rows import EVERYWHERE, GUILD_TOTAL
from services.storage.job_store import Store
from tests.databases import empty_schema

DAYS = ("2026-11-30", "2026-12-01")  # across midnight and a month's end
GUILDS = (20, 21, None)
USERS = (1, 2, 3)
BOT_DAILY, PERSON_DAILY, CREDITS_MONTHLY = 40, 12, 90_000
LIMITS = replace(
    Limits(UNLIMITED, UNLIMITED, 0.0, UNLIMITED),
    person_daily_images=PERSON_DAILY,
    bot_daily_images=BOT_DAILY,
    credits_monthly=CREDITS_MONTHLY,
)


def _job(index: int, user: int, guild: int | None, day: str, n: int) -> Job:
    return Job(
        id=f"j{index}",
        user_id=user,
        options=GenerationOptions("a lighthouse", None, n),
        target=DeliveryTarget(channel_id=10, guild_id=guild),
        created_at=1.0,
        updated_at=1.0,
        usage_day=day,
        credits_reserved=credits_for("wan2.5-text-to-image", n),
    )


async def test_reservations_and_settlements_racing_on_two_pools_neither_deadlock_nor_exceed(
    postgres_database: str,
) -> None:
    await empty_schema(postgres_database)
    first = await Store.open(postgres_database, clock=lambda: 100.0)
    second = await Store.open(postgres_database, clock=lambda: 100.0)
    rng = random.Random(12)
    accepted: list[Job] = []
    errors: list[BaseException] = []

    async def request(index: int) -> None:
        store = (first, second)[index % 2]
        job = _job(index, rng.choice(USERS), rng.choice(GUILDS), rng.choice(DAYS), rng.choice((1, 2, 4)))
        try:
            if await store.insert_job_reserving(job, LIMITS) is None:
                accepted.append(job)
                await asyncio.sleep(0)
                if index % 3:
                    await (second, first)[index % 2].settle(job.id, JobState.FAILED, charged=0)
        except Exception as error:  # a deadlock must be seen, not hidden
            errors.append(error)

    await asyncio.gather(*(request(index) for index in range(400)))
    assert errors == []
    for day in DAYS:
        bot = await first.images_used(GUILD_TOTAL, day, EVERYWHERE)
        assert bot <= BOT_DAILY
        for user in USERS:
            assert await first.images_used(user, day, EVERYWHERE) <= PERSON_DAILY
    kept = [job for job in accepted if int(job.id[1:]) % 3 == 0]
    for day in DAYS:
        booked = await first.credits_booked(EVERYWHERE, month_of(day))
        assert booked <= CREDITS_MONTHLY
        assert booked == sum(job.credits_reserved for job in kept if job.usage_day == day)
    await first.close()
    await second.close()
