"""Jobs and limits for the store tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

from services.core.models import DeliveryTarget, GenerationOptions, Job
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store

DAY = "2026-11-25"


def limits(daily: int, *, active: int = UNLIMITED, guild: int = UNLIMITED, cooldown: float = 0.0) -> Limits:
    """Limits with these values (unlimited where not given)."""
    return Limits(user_daily_images=daily, max_active_jobs=active, cooldown_seconds=cooldown, guild_daily_images=guild)


def make_job(job_id: str, user_id: int = 1, n: int = 1, created_at: float = 1.0) -> Job:
    """A new job in guild 20 on `DAY`."""
    return Job(
        id=job_id,
        user_id=user_id,
        options=GenerationOptions("a lighthouse", "1280x1280", n),
        target=DeliveryTarget(channel_id=10, guild_id=20, application_id=30, interaction_token="tok"),
        created_at=created_at,
        updated_at=created_at,
        usage_day=DAY,
    )


async def open_store(database_url: str) -> AsyncIterator[Store]:
    """A store whose clock stands at 100, closed afterwards (the body of the tests' `store` fixture)."""
    opened = await Store.open(database_url, clock=lambda: 100.0)
    yield opened
    await opened.close()
