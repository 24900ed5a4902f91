"""A separate process that makes concurrent reservations for one person in one guild, for the test of
the person's day across guilds and processes. Prints how many were granted.

    python -m tests.support.person_worker DATABASE_URL NAME GUILD COUNT PERSON_CAP
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace

from services.core.models import MODEL_NAME, DeliveryTarget, GenerationOptions, Job
from services.quotas.credits import credits_for
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store

PERSON, DAY = 42, "2026-11-25"
MEMBER_LIMIT = 3  # each guild alone would grant as many as the person may have everywhere


async def reserve(url: str, name: str, guild: int, count: int, person_cap: int) -> int:
    """Make `count` reservations of one image at once in `guild`; return how many were granted."""
    store = await Store.open(url)
    limits = replace(Limits(MEMBER_LIMIT, UNLIMITED, 0.0, UNLIMITED), person_daily_images=person_cap)

    async def one(i: int) -> bool:
        job = Job(
            id=f"{name}{i:06d}",
            user_id=PERSON,
            options=GenerationOptions("race"),
            target=DeliveryTarget(1, guild),
            usage_day=DAY,
            credits_reserved=credits_for(MODEL_NAME, 1),
        )
        return await store.insert_job_reserving(job, limits) is None

    granted = sum(await asyncio.gather(*(one(i) for i in range(count))))
    await store.close()
    return granted


if __name__ == "__main__":
    url, name, guild, count, cap = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    print(asyncio.run(reserve(url, name, guild, count, cap)))
