"""Daily usage: a new job is stored and its images and credits reserved in one transaction, within every
limit (daily images of the member, of the person everywhere, of the guild and of the bot, active jobs,
cooldown, the credit budgets); ending a job returns what it did not use. The counts of each table change in
one conditional statement whose condition holds every row to its own limit, on rows locked in one fixed
order (`row_locks`), so concurrent requests, of one process or several, can never exceed a limit."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.core.models import Job
from services.quotas.limits import LimitKind, Limits
from services.storage.credit_counts import CREDIT_KEY, book_credits, credits_used
from services.storage.database import StoreCore, completes_on_cancel
from services.storage.job_claims import database_now
from services.storage.job_rows import (
    EVERYWHERE,
    GUILD_TOTAL,
    UNFINISHED_STATES,
    in_scope,
    job_row,
    usage_row,
    usage_scope,
)
from services.storage.row_locks import add_within, any_of, key_match, lock_in_order
from services.storage.tables import budget_alerts, daily_usage, jobs


@dataclass(frozen=True)
class Refusal:
    """Why a job was not accepted: the limit, its value, what was already used, and for a cooldown
    when the member may ask again."""

    kind: LimitKind
    limit: int
    used: int
    retry_at: float | None = None


class _Refused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.kind)
        self.refusal = refusal


class _DryRun(Exception):
    """Ends a reservation that was only a check: its transaction is rolled back."""


class UsageCounts(StoreCore):
    """Reserving a new job's images within the limits, and reading what was used."""

    @completes_on_cancel
    async def insert_job_reserving(
        self, job: Job, limits: Limits, *, lease: tuple[str, float] | None = None
    ) -> Refusal | None:
        """Store a new job and reserve its images in one transaction, if every limit allows it.

        Returns None when stored, else the `Refusal` (nothing is stored or reserved). The person is locked
        first (`_lock_person`, a key of their own that no day or guild changes), so concurrent requests of
        one person are serialised, in every guild and even across midnight: the count of active jobs and the
        cooldown below are read consistently on every engine. The job's credits are `job.credits_reserved`.
        """
        try:
            async with self.write() as connection:
                await self._reserve(connection, job, limits)
                job.reserved_images = job.options.n
                row = job_row(job)
                if lease is not None:
                    now = await database_now(connection, self._clock)
                    row["lease_owner"], row["lease_expires_at"] = lease[0], now + lease[1]
                await connection.execute(jobs.insert().values(**row))
        except _Refused as refused:
            return refused.refusal
        return None

    async def quota_refusal(self, job: Job, limits: Limits) -> Refusal | None:
        """The `Refusal` that `insert_job_reserving` would give the job now, or None: the same checks in a
        transaction that is rolled back, so nothing is stored or reserved (the reservation itself stays
        atomic). For refusing a member out of quota before anything costly is done for the request."""
        try:
            async with self.write() as connection:
                await self._reserve(connection, job, limits)
                raise _DryRun
        except _Refused as refused:
            return refused.refusal
        except _DryRun:
            return None

    async def images_used(self, user_id: int, usage_day: str, guild_id: int | None = None) -> int:
        """Images used or reserved on that UTC day by a member in a guild (None: in DMs); `user_id` 0
        (`GUILD_TOTAL`) gives the guild's total."""
        async with self.read() as connection:
            return await _used(connection, usage_scope(guild_id), user_id, usage_day)

    async def credits_booked(self, scope: int, period: str) -> int:
        """Credits (thousandths) booked in a guild (or `EVERYWHERE`, the bot) in a UTC day or month."""
        async with self.read() as connection:
            return await credits_used(connection, scope, period)

    async def counters(
        self, images: Sequence[tuple[int, int, str]], credits: Sequence[tuple[int, str]]
    ) -> tuple[list[int], list[int]]:
        """What several counters hold, read on one connection in at most two statements: the `daily_usage`
        rows (usage scope, member or `GUILD_TOTAL`, day) of `images` and the `credit_usage` rows (scope,
        period) of `credits`, in the order given (0 for a row not yet written)."""
        async with self.read() as connection:
            return await _held(connection, _KEY, images), await _held(connection, CREDIT_KEY, credits)

    @completes_on_cancel
    async def claim_alert(self, budget: str, period: str, level: int) -> bool:
        """Record that `budget` reached `level` percent in `period`; True the first time only (whichever
        process asks first)."""
        row = {"budget": budget, "period": period, "level": level}
        async with self.write() as connection:
            result = await connection.execute(self._insert(budget_alerts).values(row).on_conflict_do_nothing())
            return result.rowcount == 1

    async def _reserve(self, connection: AsyncConnection, job: Job, limits: Limits) -> None:
        if limits.blocked:
            raise _Refused(Refusal(LimitKind.BLOCKED, 0, 0))
        await self._lock_person(connection, job.user_id)
        rows = _image_rows(job.target.guild_id, job.user_id)
        await self._ensure_usage_rows(connection, [key for key, _ in rows], job.usage_day)
        refused = await _add_images(connection, rows, job.usage_day, job.options.n, limits)
        # Refused by the first limit in this order: member, person, active jobs and cooldown, guild, bot.
        if refused is not None and refused.kind in {LimitKind.USER_DAILY, LimitKind.PERSON_DAILY}:
            raise _Refused(refused)
        await _check_activity(connection, job, limits)
        if refused is not None:
            raise _Refused(refused)
        guild_id = job.target.guild_id
        booked = await book_credits(connection, self._insert, guild_id, job.usage_day, job.credits_reserved, limits)
        if booked is not None:
            raise _Refused(Refusal(*booked))

    @property
    def _insert(self) -> Any:
        return sqlite.insert if self._is_sqlite else postgresql.insert

    async def _lock_person(self, connection: AsyncConnection, user_id: int) -> None:
        """Hold the person's lock until the transaction ends (PostgreSQL: a transaction-level advisory lock
        on a key of the person alone). A usage row would not do: it is one day's, and two requests on
        either side of midnight lock two rows. SQLite takes one writer at a time already."""
        if self._is_sqlite:
            return
        await connection.execute(sa.select(sa.func.pg_advisory_xact_lock(person_lock_key(user_id))))

    async def _ensure_usage_rows(self, connection: AsyncConnection, keys: list[tuple[int, int]], day: str) -> None:
        # In the order the rows are then locked (`_image_rows`): a new day's rows are held from their
        # insertion on, so inserting them in another order could deadlock two processes.
        rows = [{"guild_id": guild, "user_id": user, "day": day, "used": 0} for guild, user in keys]
        await connection.execute(self._insert(daily_usage).values(rows).on_conflict_do_nothing())


def person_lock_key(user_id: int) -> int:
    """The advisory lock key of a person (every guild and DM): a signed 64-bit hash of their id. Two people
    sharing a key (a chance in 2**64) only wait for each other."""
    digest = hashlib.blake2b(f"person:{user_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _image_rows(guild_id: int | None, user_id: int) -> list[tuple[tuple[int, int], LimitKind]]:
    """The `daily_usage` rows (scope, member) a job counts in on its day, with the limit of each, in lock
    order: member, person, guild (none in DMs), bot. `return_images` takes them in that order too."""
    scope = usage_scope(guild_id)
    rows = [((scope, user_id), LimitKind.USER_DAILY), ((EVERYWHERE, user_id), LimitKind.PERSON_DAILY)]
    if guild_id is not None:
        rows.append(((scope, GUILD_TOTAL), LimitKind.GUILD_DAILY))
    rows.append(((EVERYWHERE, GUILD_TOTAL), LimitKind.BOT_DAILY))
    return rows


async def return_images(
    connection: AsyncConnection, guild_id: int | None, user_id: int, day: str, counts: tuple[int, int]
) -> None:
    """Give reserved images back: `counts[0]` to the member and the person (the images they never got),
    `counts[1]` to the guild's total and the bot's (the images the API never made: those it made cost the
    operator, delivered or not). One UPDATE, after the rows' locks in the reservation's order."""
    mine, operators = counts
    returned = [
        ((scope, counted, day), mine if kind in {LimitKind.USER_DAILY, LimitKind.PERSON_DAILY} else operators)
        for (scope, counted), kind in _image_rows(guild_id, user_id)
    ]
    returned = [(key, count) for key, count in returned if count > 0]
    if not returned:
        return
    keys = [key for key, _ in returned]
    await lock_in_order(connection, _KEY, keys)
    used = daily_usage.c.used
    each = [(key_match(_KEY, key), sa.case((used >= count, used - count), else_=0)) for key, count in returned]
    await connection.execute(daily_usage.update().where(any_of(_KEY, keys)).values(used=sa.case(*each, else_=used)))


async def _check_activity(connection: AsyncConnection, job: Job, limits: Limits) -> None:
    mine = [jobs.c.user_id == job.user_id, in_scope(job.target.guild_id)]
    if limits.cooldown_seconds > 0:
        last = (await connection.execute(sa.select(sa.func.max(jobs.c.created_at)).where(*mine))).scalar()
        if last is not None and job.created_at - last < limits.cooldown_seconds:
            raise _Refused(Refusal(LimitKind.COOLDOWN, 0, 0, retry_at=last + limits.cooldown_seconds))
    active = (
        await connection.execute(sa.select(sa.func.count()).where(*mine, jobs.c.state.in_(UNFINISHED_STATES)))
    ).scalar_one()
    if active >= limits.max_active_jobs:
        raise _Refused(Refusal(LimitKind.ACTIVE_JOBS, limits.max_active_jobs, active))


_LIMIT_OF = {
    LimitKind.USER_DAILY: "user_daily_images",
    LimitKind.PERSON_DAILY: "person_daily_images",
    LimitKind.GUILD_DAILY: "guild_daily_images",
    LimitKind.BOT_DAILY: "bot_daily_images",
}
_KEY = (daily_usage.c.guild_id, daily_usage.c.user_id, daily_usage.c.day)


async def _held(
    connection: AsyncConnection, key: tuple[sa.Column[Any], ...], rows: Sequence[tuple[Any, ...]]
) -> list[int]:
    """The `used` of each row of `rows` (values of the `key` columns of one table), 0 where missing."""
    if not rows:
        return []
    table = key[0].table
    found = await connection.execute(sa.select(*key, table.c.used).where(any_of(key, rows)))
    held = {tuple(row[: len(key)]): int(row[-1]) for row in found}
    return [held.get(tuple(row), 0) for row in rows]


async def _add_images(
    connection: AsyncConnection, rows: list[tuple[tuple[int, int], LimitKind]], day: str, n: int, limits: Limits
) -> Refusal | None:
    """Add `n` to every row within its limit, in one conditional UPDATE on rows locked in order; the
    `Refusal` of the first row (in `rows` order) that its limit left out, else None. On a refusal the
    caller's transaction is rolled back with whatever this added to the other rows."""
    keys = [(scope, counted, day) for (scope, counted), _ in rows]
    bounds = [getattr(limits, _LIMIT_OF[kind]) for _, kind in rows]
    added = await add_within(connection, _KEY, keys, bounds, n)
    for key, limit, (_, kind), granted in zip(keys, bounds, rows, added, strict=True):
        if not granted:
            return Refusal(kind, limit, await _used(connection, *key))
    return None


async def _used(connection: AsyncConnection, scope: int, user_id: int, day: str) -> int:
    result = await connection.execute(sa.select(daily_usage.c.used).where(*usage_row(scope, user_id, day)))
    return int(result.scalar() or 0)
