"""Daily usage: a new job is stored and its images and credits reserved in one transaction, within every
limit (daily images of the member, of the person everywhere, of the guild and of the bot, active jobs,
cooldown, the credit budgets); ending a job returns what it did not use. One conditional statement per
count, so concurrent requests, of one process or several, can never exceed a limit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.core.models import Job
from services.quotas.limits import LimitKind, Limits
from services.storage.credit_counts import book_credits, credits_used
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

    @completes_on_cancel
    async def claim_alert(self, budget: str, period: str, level: int) -> bool:
        """Record that `budget` reached `level` percent in `period`; True the first time only (whichever
        process asks first)."""
        row = {"budget": budget, "period": period, "level": level}
        async with self.write() as connection:
            result = await connection.execute(self._insert(budget_alerts).values(row).on_conflict_do_nothing())
            return result.rowcount == 1

    async def _reserve(self, connection: AsyncConnection, job: Job, limits: Limits) -> None:
        scope, n, guild_id = usage_scope(job.target.guild_id), job.options.n, job.target.guild_id
        await self._lock_person(connection, job.user_id)
        await self._ensure_usage_rows(connection, scope, job.user_id, job.usage_day, in_guild=guild_id is not None)
        if limits.blocked:
            raise _Refused(Refusal(LimitKind.BLOCKED, 0, 0))
        # Member, person, guild, bot: the order `return_images` takes them in too.
        await _add_or_refuse(connection, (scope, job.user_id, job.usage_day), n, LimitKind.USER_DAILY, limits)
        await _add_or_refuse(connection, (EVERYWHERE, job.user_id, job.usage_day), n, LimitKind.PERSON_DAILY, limits)
        await _check_activity(connection, job, limits)
        if guild_id is not None:
            await _add_or_refuse(connection, (scope, GUILD_TOTAL, job.usage_day), n, LimitKind.GUILD_DAILY, limits)
        await _add_or_refuse(connection, (EVERYWHERE, GUILD_TOTAL, job.usage_day), n, LimitKind.BOT_DAILY, limits)
        refused = await book_credits(connection, self._insert, guild_id, job.usage_day, job.credits_reserved, limits)
        if refused is not None:
            raise _Refused(Refusal(*refused))

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

    async def _ensure_usage_rows(
        self, connection: AsyncConnection, scope: int, user_id: int, day: str, *, in_guild: bool
    ) -> None:
        # In the order the rows are then updated (member, person, guild, bot): a new day's rows are held
        # from their insertion on, so inserting them in another order could deadlock two processes.
        keys = [(scope, user_id), (EVERYWHERE, user_id), *([(scope, GUILD_TOTAL)] if in_guild else [])]
        keys.append((EVERYWHERE, GUILD_TOTAL))
        rows = [{"guild_id": guild, "user_id": user, "day": day, "used": 0} for guild, user in keys]
        await connection.execute(self._insert(daily_usage).values(rows).on_conflict_do_nothing())


def person_lock_key(user_id: int) -> int:
    """The advisory lock key of a person (every guild and DM): a signed 64-bit hash of their id. Two people
    sharing a key (a chance in 2**64) only wait for each other."""
    digest = hashlib.blake2b(f"person:{user_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def return_images(
    connection: AsyncConnection, guild_id: int | None, user_id: int, day: str, counts: tuple[int, int]
) -> None:
    """Give reserved images back: `counts[0]` to the member and the person (the images they never got),
    `counts[1]` to the guild's total and the bot's (the images the API never made: those it made cost the
    operator, delivered or not)."""
    scope = usage_scope(guild_id)
    mine, operators = counts
    # Member, person, guild, bot: the same order as the reservation takes its locks, so two processes on
    # PostgreSQL cannot deadlock on them.
    rows = [(scope, user_id, mine), (EVERYWHERE, user_id, mine)]
    if guild_id is not None:
        rows.append((scope, GUILD_TOTAL, operators))
    for row_scope, counted, count in [*rows, (EVERYWHERE, GUILD_TOTAL, operators)]:
        if count <= 0:
            continue
        await connection.execute(
            daily_usage.update()
            .where(*usage_row(row_scope, counted, day))
            .values(used=sa.case((daily_usage.c.used >= count, daily_usage.c.used - count), else_=0))
        )


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


async def _add_or_refuse(
    connection: AsyncConnection, row: tuple[int, int, str], n: int, kind: LimitKind, limits: Limits
) -> None:
    limit = getattr(limits, _LIMIT_OF[kind])
    if not await _add_within(connection, row, n, limit):
        raise _Refused(Refusal(kind, limit, await _used(connection, *row)))


async def _add_within(connection: AsyncConnection, row: tuple[int, int, str], n: int, limit: int) -> bool:
    # One conditional UPDATE: the check and the increment cannot be separated by another writer.
    granted = await connection.execute(
        daily_usage.update()
        .where(*usage_row(*row), daily_usage.c.used + n <= limit)
        .values(used=daily_usage.c.used + n)
    )
    return granted.rowcount == 1


async def _used(connection: AsyncConnection, scope: int, user_id: int, day: str) -> int:
    result = await connection.execute(sa.select(daily_usage.c.used).where(*usage_row(scope, user_id, day)))
    return int(result.scalar() or 0)
