"""Credits (thousandths) per period in `credit_usage`: the bot's day and month and a guild's month, each
within its budget, and a guild's day (for its chart, no limit). A job's credits are booked in the
transaction that stores it and given back (or topped up) in the one that settles it, rows always in the
same order (`credit_periods`, `lock_in_order`), so two processes on PostgreSQL cannot deadlock on them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.quotas.limits import UNLIMITED_CREDITS, LimitKind, Limits
from services.storage.job_rows import EVERYWHERE
from services.storage.row_locks import add_within, any_of, lock_in_order
from services.storage.tables import credit_usage

# The key columns of a `credit_usage` row.
CREDIT_KEY = (credit_usage.c.scope, credit_usage.c.period)


def month_of(day: str) -> str:
    """The UTC month (YYYY-MM) of a UTC day (YYYY-MM-DD)."""
    return day[:7]


def credit_periods(guild_id: int | None, day: str) -> list[tuple[int, str]]:
    """The `credit_usage` rows a job of that guild (None: a DM) on that day counts in, in lock order."""
    rows = [(EVERYWHERE, day), (EVERYWHERE, month_of(day))]
    if guild_id is not None:
        rows += [(guild_id, month_of(day)), (guild_id, day)]
    return rows


def _budgets(limits: Limits) -> list[tuple[LimitKind | None, int]]:
    """What bounds each row of `credit_periods`, in the same order (None: counted, not bounded)."""
    return [
        (LimitKind.CREDITS_DAILY, limits.credits_daily),
        (LimitKind.CREDITS_MONTHLY, limits.credits_monthly),
        (LimitKind.GUILD_CREDITS, limits.guild_monthly_credits),
        (None, 0),
    ]


async def book_credits(
    connection: AsyncConnection, insert: Any, guild_id: int | None, day: str, amount: int, limits: Limits
) -> tuple[LimitKind, int, int] | None:
    """Add `amount` to every row of the job's periods if every budget allows it; else the refused budget
    (the first in `credit_periods` order), its value and what was used (the caller's transaction is then
    rolled back, with whatever this added to the other rows). Three statements: the missing rows, their
    locks in order (PostgreSQL), one conditional UPDATE of them all; a refusal reads the refused row."""
    periods = credit_periods(guild_id, day)
    await connection.execute(
        insert(credit_usage)
        .values([{"scope": scope, "period": period, "used": 0} for scope, period in periods])
        .on_conflict_do_nothing()
    )
    budgets = _budgets(limits)[: len(periods)]
    # no budget: counted, never compared
    bounds = [budget if kind is not None and budget < UNLIMITED_CREDITS else None for kind, budget in budgets]
    booked = await add_within(connection, CREDIT_KEY, periods, bounds, amount)
    # The first row left out (in `credit_periods` order) is the refusal.
    for (scope, period), (kind, budget), added in zip(periods, budgets, booked, strict=True):
        if kind is not None and not added:
            return kind, budget, await credits_used(connection, scope, period)
    return None


async def adjust_credits(connection: AsyncConnection, guild_id: int | None, day: str, change: int) -> None:
    """Give back (negative `change`) or add credits to the job's periods, never below zero: one UPDATE
    (after the rows' locks in order, on PostgreSQL)."""
    if not change:
        return
    periods = credit_periods(guild_id, day)
    await lock_in_order(connection, CREDIT_KEY, periods)
    used = credit_usage.c.used + change
    await connection.execute(
        credit_usage.update().where(any_of(CREDIT_KEY, periods)).values(used=sa.case((used >= 0, used), else_=0))
    )


async def credits_used(connection: AsyncConnection, scope: int, period: str) -> int:
    """The credits (thousandths) booked in a scope (a guild, or `EVERYWHERE`) in a period."""
    query = sa.select(credit_usage.c.used).where(credit_usage.c.scope == scope, credit_usage.c.period == period)
    return int((await connection.execute(query)).scalar() or 0)
