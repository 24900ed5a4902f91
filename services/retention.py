"""Data retention: ended jobs (with their prompts) and usage older than the configured days are deleted."""

from __future__ import annotations

import logging

from services.clock import Clock
from services.store import Store

log = logging.getLogger(__name__)

DAY_SECONDS = 86400.0
PURGE_EVERY_SECONDS = 3600.0


async def purge_once(store: Store, clock: Clock, days: int) -> int:
    """Delete what is older than `days` days now; returns the jobs deleted."""
    deleted = await store.purge_older_than(clock.now() - days * DAY_SECONDS)
    if deleted:
        log.info("retention: deleted %d job record(s) older than %d day(s)", deleted, days)
    return deleted


async def run_retention(store: Store, clock: Clock, days: int, every: float = PURGE_EVERY_SECONDS) -> None:
    """Purge at start and then every `every` seconds, until cancelled (at shutdown)."""
    while True:
        try:
            await purge_once(store, clock, days)
        except Exception:
            log.exception("retention: purge failed; trying again later")
        await clock.sleep(every)
