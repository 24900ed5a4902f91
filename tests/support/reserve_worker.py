"""A separate process that makes many concurrent reservations for one member, for the test of quota
atomicity across processes. Prints how many were granted.

    python -m tests.support.reserve_worker DATABASE_URL NAME COUNT LIMIT
"""

from __future__ import annotations

import asyncio
import sys

from services.core.models import DeliveryTarget, GenerationOptions, Job
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store

USER, GUILD, DAY = 42, 7, "2026-11-25"


async def reserve(url: str, name: str, count: int, limit: int) -> int:
    """Make `count` reservations of one image at once; return how many were granted."""
    store = await Store.open(url)
    limits = Limits(limit, UNLIMITED, 0.0, UNLIMITED)

    async def one(i: int) -> bool:
        job = Job(
            id=f"{name}{i:06d}",
            user_id=USER,
            options=GenerationOptions("race"),
            target=DeliveryTarget(1, GUILD),
            usage_day=DAY,
        )
        return await store.insert_job_reserving(job, limits) is None

    granted = sum(await asyncio.gather(*(one(i) for i in range(count))))
    await store.close()
    return granted


if __name__ == "__main__":
    url, name, count, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    print(asyncio.run(reserve(url, name, count, limit)))
