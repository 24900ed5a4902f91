"""Data retention: ended jobs (with their prompts) and usage older than the configured days are deleted."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from services.core.clock import Clock
from services.storage.job_store import Store

log = logging.getLogger(__name__)

DAY_SECONDS = 86400.0
PURGE_EVERY_SECONDS = 3600.0


async def purge_once(store: Store, clock: Clock, days: int) -> int:
    """Delete what is older than `days` days now; returns the jobs deleted."""
    deleted = await store.purge_older_than(clock.now() - days * DAY_SECONDS)
    if deleted:
        log.info("retention: deleted %d job record(s) older than %d day(s)", deleted, days)
    return deleted


async def run_retention(
    store: Store,
    clock: Clock,
    days: int,
    every: float = PURGE_EVERY_SECONDS,
    expire_approvals: Callable[[], Awaitable[int]] | None = None,
) -> None:
    """Every `every` seconds until cancelled (at shutdown): end the approval requests nobody answered
    in time, then purge what is older than `days` days (0: keep everything)."""
    while True:
        try:
            if expire_approvals is not None:
                await expire_approvals()
            if days:
                await purge_once(store, clock, days)
        except Exception:
            log.exception("retention: purge failed; trying again later")
        await clock.sleep(every)
