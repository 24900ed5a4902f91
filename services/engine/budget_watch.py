"""Alerts at 80% and 100% of each budget, once per budget per period (stored, so a restart does not repeat
them; remembered, so a request past a level already given writes nothing): the operator's (the bot's
images per day, its credits per day and month) get a log line and a metric here; a server's (its images
per day, its credits per month) are handed back for its audit channel. A request refused by a budget
counts as reaching its 100%: the budget cannot serve it."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from services.core.clock import Clock
from services.operations.metrics import Metrics
from services.quotas.credits import as_credits
from services.quotas.limits import LimitKind, Limits, usage_day
from services.storage.job_rows import EVERYWHERE, GUILD_TOTAL
from services.storage.job_store import Store

log = logging.getLogger(__name__)

ALERT_LEVELS = (80, 100)
SERVER_BUDGETS = frozenset({LimitKind.GUILD_DAILY, LimitKind.GUILD_CREDITS})


@dataclass(frozen=True)
class BudgetAlert:
    """A budget that reached `level` percent: which (`kind`), whose (`guild_id`; None: the bot's), its
    value and what is used (credits in thousandths), in which period (a UTC day or month)."""

    kind: LimitKind
    guild_id: int | None
    level: int
    used: int
    limit: int
    period: str


class BudgetWatch:
    """Finds the budget alerts due after a request was accepted or refused."""

    def __init__(self, store: Store, clock: Clock, metrics: Metrics | None = None) -> None:
        self._store = store
        self._clock = clock
        self._metrics = metrics
        # The levels known given (by this process or, as its claim found, another) per budget and period:
        # once past 80%, later requests need not write to learn it again.
        self._given: dict[tuple[str, str], set[int]] = {}
        # The claims being written, per budget, period and level: a check that finds one waits for it
        # rather than writing the same row again (a burst crossing a level would otherwise queue one
        # write per request on SQLite's single writer, ahead of the members' reservations).
        self._claiming: dict[tuple[str, str, int], asyncio.Future[bool]] = {}

    async def check(
        self, guild_id: int | None, limits: Limits, *, exhausted: LimitKind | None = None
    ) -> list[BudgetAlert]:
        """The alerts now due for the budgets of a request in `guild_id` (None: a DM) under `limits`,
        `exhausted` naming a budget that just refused one. Operator alerts are logged and counted here;
        the server's are returned."""
        day = usage_day(self._clock.now())
        self._given = {key: levels for key, levels in self._given.items() if key[1] in (day, day[:7])}
        server: list[BudgetAlert] = []
        budgets = _budgets(guild_id, limits)
        for (kind, owner, limit), used in zip(budgets, await self._used(budgets, day), strict=True):
            alert = await self._due(kind, owner, day, used, limit, exhausted == kind)
            if alert is None:
                continue
            if kind in SERVER_BUDGETS:
                server.append(alert)
            else:
                self._report(alert)
        return server

    async def remainders(self, ceilings: Limits) -> dict[str, float]:
        """What is left of each of the operator's budgets that is set (images, or credits), now."""
        day, left = usage_day(self._clock.now()), {}
        budgets = _budgets(None, ceilings)
        for (kind, _, limit), used in zip(budgets, await self._used(budgets, day), strict=True):
            remaining = max(0, limit - used)
            left[kind.value] = as_credits(remaining) if kind.in_credits else float(remaining)
        return left

    async def _used(self, budgets: list[tuple[LimitKind, int, int]], day: str) -> list[int]:
        """What each budget has used in its period, read together (one connection, two statements)."""
        images = [(owner, GUILD_TOTAL, day) for kind, owner, _ in budgets if not kind.in_credits]
        credits = [(owner, day[:7] if kind.monthly else day) for kind, owner, _ in budgets if kind.in_credits]
        held_images, held_credits = await self._store.counters(images, credits)
        images_left, credits_left = iter(held_images), iter(held_credits)
        return [next(credits_left) if kind.in_credits else next(images_left) for kind, _, _ in budgets]

    async def _due(
        self, kind: LimitKind, owner: int, day: str, used: int, limit: int, exhausted: bool
    ) -> BudgetAlert | None:
        reached = [level for level in ALERT_LEVELS if used * 100 >= level * limit or (exhausted and level == 100)]
        period, budget = (day[:7] if kind.monthly else day), f"{kind}:{owner}"
        given = self._given.setdefault((budget, period), set())
        new = [level for level in reached if level not in given]
        claimed = [level for level in new if await self._claim(budget, period, level)]
        given.update(new)
        if not claimed:
            return None
        guild_id = None if owner == EVERYWHERE else owner
        return BudgetAlert(kind, guild_id, max(claimed), used, limit, period)

    async def _claim(self, budget: str, period: str, level: int) -> bool:
        """Claim a level once per process at a time: True for the one check whose write claimed it; the
        checks that came while it was written wait for it and get False (the alert is the first's)."""
        key = (budget, period, level)
        claiming = self._claiming.get(key)
        if claiming is not None:
            await asyncio.shield(claiming)
            return False
        claiming = asyncio.ensure_future(self._store.claim_alert(budget, period, level))
        self._claiming[key] = claiming
        claiming.add_done_callback(lambda _: self._claiming.pop(key, None))
        return await asyncio.shield(claiming)

    def _report(self, alert: BudgetAlert) -> None:
        shown = (
            (as_credits(alert.used), as_credits(alert.limit)) if alert.kind.in_credits else (alert.used, alert.limit)
        )
        log.warning(
            "operator budget %s reached %d%% in %s: %s of %s used",
            alert.kind.value,
            alert.level,
            alert.period,
            *shown,
        )
        if self._metrics is not None:
            self._metrics.budget_alerts.labels(budget=alert.kind.value, level=str(alert.level)).inc()


def _budgets(guild_id: int | None, limits: Limits) -> list[tuple[LimitKind, int, int]]:
    """The finite budgets a request counts against: kind, owner (a guild or `EVERYWHERE`), value."""
    candidates = [
        (LimitKind.BOT_DAILY, EVERYWHERE, limits.bot_daily_images),
        (LimitKind.CREDITS_DAILY, EVERYWHERE, limits.credits_daily),
        (LimitKind.CREDITS_MONTHLY, EVERYWHERE, limits.credits_monthly),
    ]
    if guild_id is not None:
        candidates += [
            (LimitKind.GUILD_DAILY, guild_id, limits.guild_daily_images),
            (LimitKind.GUILD_CREDITS, guild_id, limits.guild_monthly_credits),
        ]
    return [(kind, owner, limit) for kind, owner, limit in candidates if limit < kind.unlimited]
