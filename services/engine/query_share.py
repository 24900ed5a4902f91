"""This process's share of the account's task queries when several processes share the API account.

The provider's limit is the account's, so with several processes on one PostgreSQL database each runs
its budget at `per_second` divided by the processes running jobs now: those holding an unexpired lease
on a runnable job, this one always counted. The count is read again as often as leases are renewed, so
a process that stops is given up within `LEASE_SECONDS` and a new one counted at the next read (until
then the total may briefly exceed the budget, which the margin below the provider's limit absorbs)."""

from __future__ import annotations

import logging

from services.core.clock import Clock
from services.engine.query_budget import QueryBudget
from services.storage.job_store import Store

log = logging.getLogger(__name__)


class QueryShare:
    """Keeps `budget` at this process's share of the account's `per_second`."""

    def __init__(self, budget: QueryBudget, store: Store, owner: str, per_second: float, clock: Clock) -> None:
        self._budget = budget
        self._store = store
        self._owner = owner
        self._per_second = per_second
        self._clock = clock

    async def refresh(self) -> float:
        """Count the live processes and set the budget to this one's share; returns the share."""
        processes = len(await self._store.live_lease_owners() | {self._owner})
        share = self._per_second / processes
        if share != self._budget.rate:
            log.info(
                "task queries: %.2f/s for this process (%d processes share %.2f/s)", share, processes, self._per_second
            )
        self._budget.set_rate(share)
        return share

    async def keep(self, every: float) -> None:
        """Refresh the share every `every` seconds until cancelled; a failed read keeps the last share."""
        while True:
            try:
                await self.refresh()
            except Exception:
                log.exception("counting the processes that share the query budget failed; keeping the last share")
            await self._clock.sleep(every)
