"""The budget alerts of accepted jobs, checked off the request path: at most one check per guild runs at
a time (requests that come meanwhile ask for one more, which takes the latest limits), and shutdown waits
for the checks before the audit log is flushed. They are not the supervisor's tasks: cancelled at
shutdown after their claim was written, an alert would be stored as given yet never posted, and so never
be given at all."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from services.engine.budget_watch import BudgetAlert, BudgetWatch
from services.quotas.limits import Limits

log = logging.getLogger(__name__)

Deliver = Callable[[list[BudgetAlert]], Awaitable[None]]
"""What to do with the server's alerts a check found due (post them in its audit channel)."""


class AlertChecks:
    """Runs `BudgetWatch.check` in the background, coalesced per guild, drained at shutdown."""

    def __init__(self, watch: BudgetWatch) -> None:
        self._watch = watch
        self._next: dict[int | None, tuple[Limits, Deliver]] = {}
        self._tasks: dict[int | None, asyncio.Task[None]] = {}
        self._closed = False

    def check_later(self, guild_id: int | None, limits: Limits, deliver: Deliver) -> None:
        """Check the budgets of `guild_id` (None: a DM) under `limits` soon and hand the alerts due to
        `deliver`; returns at once. Once shutdown began it is skipped (logged)."""
        if self._closed:
            log.info("budget alerts of guild %s not checked: shutting down", guild_id)
            return
        self._next[guild_id] = (limits, deliver)
        if guild_id not in self._tasks:
            task = asyncio.get_running_loop().create_task(self._run(guild_id), name=f"budget-alerts-{guild_id}")
            self._tasks[guild_id] = task

    @property
    def running(self) -> int:
        """How many guilds have a check running."""
        return len(self._tasks)

    async def close(self, timeout: float) -> None:
        """Take no more checks and wait (up to `timeout` seconds) for those running, so the alerts they
        claim are queued before the audit log is flushed."""
        self._closed = True
        tasks = list(self._tasks.values())
        if not tasks:
            return
        _, pending = await asyncio.wait(tasks, timeout=timeout)
        if pending:
            log.warning("%d budget alert checks did not end within %.1f s", len(pending), timeout)

    async def _run(self, guild_id: int | None) -> None:
        try:
            while guild_id in self._next:
                limits, deliver = self._next.pop(guild_id)
                try:
                    await deliver(await self._watch.check(guild_id, limits))
                except Exception:
                    log.exception("budget alerts for guild %s could not be checked; the request went on", guild_id)
        finally:
            del self._tasks[guild_id]
