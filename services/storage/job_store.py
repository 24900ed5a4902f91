"""The job store: jobs and daily usage. Every state change of a job is one statement guarded by the
state it leaves, and every quota change happens in the same transaction as the job change that causes
it, so a crash between two steps can neither lose nor double-count images."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState
from services.quotas.limits import LimitKind, Limits
from services.storage.database import (
    StoreCore,
    StoreError,
    async_url,
    completes_on_cancel,
    describe_database,
    sqlite_path,
)
from services.storage.tables import daily_usage, jobs, member_overrides

__all__ = ["Refusal", "Store", "StoreError", "async_url", "describe_database", "sqlite_path"]


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


class Store(StoreCore):
    """Jobs, daily usage and small metadata, persisted in the configured database."""

    @completes_on_cancel
    async def insert_job_reserving(
        self, job: Job, limits: Limits, *, lease: tuple[str, float] | None = None
    ) -> Refusal | None:
        """Store a new job and reserve its images in one transaction, if every limit allows it.

        Returns None when stored, else the `Refusal` (nothing is stored or reserved). The member's usage
        row is updated first, which locks it: concurrent requests of one member are serialised, so the
        count of active jobs and the cooldown below are read consistently on every engine.
        """
        scope = usage_scope(job.target.guild_id)
        n = job.options.n
        try:
            async with self.write() as connection:
                await self._ensure_usage_rows(connection, job.target.guild_id, job.user_id, job.usage_day)
                if limits.blocked:
                    raise _Refused(Refusal(LimitKind.BLOCKED, 0, 0))
                user_row = (scope, job.user_id, job.usage_day)
                if not await self._add_within(connection, user_row, n, limits.user_daily_images):
                    used = await self._used(connection, *user_row)
                    raise _Refused(Refusal(LimitKind.USER_DAILY, limits.user_daily_images, used))
                await self._check_activity(connection, job, limits)
                guild_row = (scope, 0, job.usage_day)
                in_guild = job.target.guild_id is not None
                if in_guild and not await self._add_within(connection, guild_row, n, limits.guild_daily_images):
                    used = await self._used(connection, *guild_row)
                    raise _Refused(Refusal(LimitKind.GUILD_DAILY, limits.guild_daily_images, used))
                job.reserved_images = n
                row = _job_row(job, job.usage_day)
                if lease is not None:
                    row["lease_owner"], row["lease_expires_at"] = lease[0], self._clock() + lease[1]
                await connection.execute(jobs.insert().values(**row))
        except _Refused as refused:
            return refused.refusal
        return None

    async def _ensure_usage_rows(
        self, connection: AsyncConnection, guild_id: int | None, user_id: int, day: str
    ) -> None:
        insert = sqlite.insert if self._is_sqlite else postgresql.insert
        scope = usage_scope(guild_id)
        rows = [{"guild_id": scope, "user_id": user_id, "day": day, "used": 0}]
        if guild_id is not None:
            rows.append({"guild_id": scope, "user_id": 0, "day": day, "used": 0})
        await connection.execute(insert(daily_usage).values(rows).on_conflict_do_nothing())

    async def _check_activity(self, connection: AsyncConnection, job: Job, limits: Limits) -> None:
        mine = [jobs.c.user_id == job.user_id, _in_scope(job.target.guild_id)]
        if limits.cooldown_seconds > 0:
            last = (await connection.execute(sa.select(sa.func.max(jobs.c.created_at)).where(*mine))).scalar()
            if last is not None and job.created_at - last < limits.cooldown_seconds:
                raise _Refused(Refusal(LimitKind.COOLDOWN, 0, 0, retry_at=last + limits.cooldown_seconds))
        final = [state.value for state in JobState if state.is_final]
        active = (
            await connection.execute(sa.select(sa.func.count()).where(*mine, jobs.c.state.not_in(final)))
        ).scalar_one()
        if active >= limits.max_active_jobs:
            raise _Refused(Refusal(LimitKind.ACTIVE_JOBS, limits.max_active_jobs, active))

    @staticmethod
    async def _add_within(connection: AsyncConnection, row: tuple[int, int, str], n: int, limit: int) -> bool:
        # One conditional UPDATE: the check and the increment cannot be separated by another writer.
        granted = await connection.execute(
            daily_usage.update()
            .where(*_usage_row(*row), daily_usage.c.used + n <= limit)
            .values(used=daily_usage.c.used + n)
        )
        return granted.rowcount == 1

    @staticmethod
    async def _used(connection: AsyncConnection, scope: int, user_id: int, day: str) -> int:
        result = await connection.execute(sa.select(daily_usage.c.used).where(*_usage_row(scope, user_id, day)))
        return int(result.scalar() or 0)

    @completes_on_cancel
    async def transition(
        self,
        job_id: str,
        leaving: Iterable[JobState],
        entering: JobState,
        *,
        unless_cancelled: bool = False,
        owner: str | None = None,
        **values: Any,
    ) -> bool:
        """Move a job to `entering` if it is in one of `leaving` (and, with `unless_cancelled`, its
        requester has not asked to cancel it; with `owner`, that process still holds its lease); False
        if not, e.g. because someone else moved it."""
        conditions = [jobs.c.id == job_id, jobs.c.state.in_([s.value for s in leaving])]
        if unless_cancelled:
            conditions.append(jobs.c.cancel_requested.is_(False))
        if owner is not None:
            conditions.append(jobs.c.lease_owner == owner)
        async with self.write() as connection:
            result = await connection.execute(
                jobs.update().where(*conditions).values(state=entering.value, updated_at=self._clock(), **values)
            )
            return result.rowcount == 1

    @completes_on_cancel
    async def settle(
        self,
        job_id: str,
        entering: JobState,
        *,
        charged: int,
        delivered: int = 0,
        message_ids: tuple[int, ...] = (),
        failure: tuple[FailureReason, str] | None = None,
        leaving: Iterable[JobState] | None = None,
        owner: str | None = None,
    ) -> bool:
        """End a job: record its outcome, keep `charged` of its reserved images and return the rest,
        atomically. False if the job had already ended (or is not in one of `leaving`)."""
        async with self.write() as connection:
            row = (
                await connection.execute(
                    sa.select(
                        jobs.c.user_id,
                        jobs.c.guild_id,
                        jobs.c.usage_day,
                        jobs.c.reserved_images,
                        jobs.c.state,
                        jobs.c.lease_owner,
                    ).where(jobs.c.id == job_id)
                )
            ).first()
            if row is None or JobState(row.state).is_final:
                return False
            if leaving is not None and JobState(row.state) not in set(leaving):
                return False
            if owner is not None and row.lease_owner != owner:
                return False
            charged = min(charged, row.reserved_images)
            refund = row.reserved_images - charged
            ended = await connection.execute(
                jobs.update()
                .where(jobs.c.id == job_id, jobs.c.state == row.state)
                .values(
                    state=entering.value,
                    updated_at=self._clock(),
                    reserved_images=0,
                    images_charged=charged,
                    images_delivered=delivered,
                    message_ids=list(message_ids),
                    failure_reason=failure[0].value if failure else None,
                    failure_detail=failure[1] if failure else None,
                    interaction_token=None,
                )
            )
            if ended.rowcount != 1:
                return False
            if refund:
                scope = usage_scope(row.guild_id)
                # Member row first, then the guild's: the same order as the reservation takes its locks,
                # so two processes on PostgreSQL cannot deadlock on them.
                for counted in [row.user_id] if row.guild_id is None else [row.user_id, 0]:
                    await connection.execute(
                        daily_usage.update()
                        .where(*_usage_row(scope, counted, row.usage_day))
                        .values(used=sa.case((daily_usage.c.used >= refund, daily_usage.c.used - refund), else_=0))
                    )
            return True

    @completes_on_cancel
    async def request_cancel(self, job_id: str) -> bool:
        """Mark a job whose task may be running as cancelled by its requester; False once its results
        have arrived (or it ended)."""
        running = [JobState.SUBMITTING.value, JobState.SUBMITTED.value]
        async with self.write() as connection:
            result = await connection.execute(
                jobs.update()
                .where(jobs.c.id == job_id, jobs.c.state.in_(running))
                .values(cancel_requested=True, updated_at=self._clock())
            )
            return result.rowcount == 1

    async def get_job(self, job_id: str) -> Job | None:
        """The job with this id, or None."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(sa.select(jobs).where(jobs.c.id == job_id))).first()
        return None if row is None else _row_job(row)

    @completes_on_cancel
    async def claim_jobs(self, owner: str, lease_seconds: float, *, take_all: bool = False) -> list[Job]:
        """Lease to `owner` the runnable jobs that no live process holds (their lease lapsed, or none);
        with `take_all`, every runnable job (a single process that knows it is alone). On PostgreSQL the
        rows are locked with SKIP LOCKED, so two processes claiming at once never get the same job."""
        now = self._clock()
        idle = [state.value for state in JobState if state.is_final] + [JobState.AWAITING_APPROVAL.value]
        query = sa.select(jobs.c.id).where(jobs.c.state.not_in(idle)).order_by(jobs.c.created_at)
        if not take_all:
            query = query.where(sa.or_(jobs.c.lease_expires_at.is_(None), jobs.c.lease_expires_at < now))
        if not self._is_sqlite:
            query = query.with_for_update(skip_locked=True)
        async with self.write() as connection:
            ids = [row.id for row in await connection.execute(query)]
            if not ids:
                return []
            await connection.execute(
                jobs.update().where(jobs.c.id.in_(ids)).values(lease_owner=owner, lease_expires_at=now + lease_seconds)
            )
            rows = await connection.execute(sa.select(jobs).where(jobs.c.id.in_(ids)).order_by(jobs.c.created_at))
            return [_row_job(row) for row in rows]

    @completes_on_cancel
    async def renew_leases(self, owner: str, job_ids: Iterable[str], lease_seconds: float) -> set[str]:
        """Extend `owner`'s leases on these jobs; returns the ids it still holds (lost ones were taken over)."""
        wanted = list(job_ids)
        if not wanted:
            return set()
        async with self.write() as connection:
            await connection.execute(
                jobs.update()
                .where(jobs.c.id.in_(wanted), jobs.c.lease_owner == owner)
                .values(lease_expires_at=self._clock() + lease_seconds)
            )
            held = await connection.execute(
                sa.select(jobs.c.id).where(jobs.c.id.in_(wanted), jobs.c.lease_owner == owner)
            )
            return {row.id for row in held}

    async def stale_approvals(self, created_before: float) -> list[str]:
        """Ids of jobs waiting for approval since before `created_before`."""
        query = sa.select(jobs.c.id).where(
            jobs.c.state == JobState.AWAITING_APPROVAL.value, jobs.c.created_at < created_before
        )
        async with self.read() as connection:
            return [row.id for row in await connection.execute(query)]

    async def count_jobs_by_state(self) -> dict[str, int]:
        """How many stored jobs are in each state."""
        query = sa.select(jobs.c.state, sa.func.count()).group_by(jobs.c.state)
        async with self.read() as connection:
            return {row[0]: int(row[1]) for row in await connection.execute(query)}

    async def unfinished_jobs(self) -> list[Job]:
        """Every job that has not ended, oldest first."""
        final = [state.value for state in JobState if state.is_final]
        async with self._engine.connect() as connection:
            rows = await connection.execute(
                sa.select(jobs).where(jobs.c.state.not_in(final)).order_by(jobs.c.created_at)
            )
            return [_row_job(row) for row in rows]

    async def images_used(self, user_id: int, usage_day: str, guild_id: int | None = None) -> int:
        """Images used or reserved on that UTC day by a member in a guild (None: in DMs); `user_id` 0
        gives the guild's total."""
        async with self._engine.connect() as connection:
            return await self._used(connection, usage_scope(guild_id), user_id, usage_day)

    async def user_jobs(self, user_id: int, guild_id: int | None, *, active: bool, limit: int = 10) -> list[Job]:
        """A member's jobs in a guild (None: DMs), newest first: the running ones, or the ended ones."""
        final = [state.value for state in JobState if state.is_final]
        scope = _in_scope(guild_id)
        state = jobs.c.state.not_in(final) if active else jobs.c.state.in_(final)
        query = (
            sa.select(jobs)
            .where(jobs.c.user_id == user_id, scope, state)
            .order_by(jobs.c.created_at.desc())
            .limit(limit)
        )
        async with self._engine.connect() as connection:
            return [_row_job(row) for row in await connection.execute(query)]

    # Retention and erasure

    @completes_on_cancel
    async def purge_older_than(self, cutoff: float) -> int:
        """Delete ended jobs last changed before `cutoff` and usage of days before it; returns jobs deleted."""
        final = [state.value for state in JobState if state.is_final]
        day = datetime.fromtimestamp(cutoff, UTC).strftime("%Y-%m-%d")
        async with self.write() as connection:
            deleted = await connection.execute(jobs.delete().where(jobs.c.state.in_(final), jobs.c.updated_at < cutoff))
            await connection.execute(daily_usage.delete().where(daily_usage.c.day < day))
            return deleted.rowcount

    @completes_on_cancel
    async def erase_member(self, guild_id: int, user_id: int) -> int:
        """Delete every stored job, usage count and override of a member in a guild; returns jobs deleted.
        The guild's own daily total keeps the images, so erasing cannot be used to exceed it."""
        async with self.write() as connection:
            deleted = await connection.execute(
                jobs.delete().where(jobs.c.guild_id == guild_id, jobs.c.user_id == user_id)
            )
            await connection.execute(
                daily_usage.delete().where(daily_usage.c.guild_id == guild_id, daily_usage.c.user_id == user_id)
            )
            await connection.execute(
                member_overrides.delete().where(
                    member_overrides.c.guild_id == guild_id, member_overrides.c.user_id == user_id
                )
            )
            return deleted.rowcount


def _in_scope(guild_id: int | None) -> sa.ColumnElement[bool]:
    """Jobs of that guild, or (None) of DMs."""
    return jobs.c.guild_id.is_(None) if guild_id is None else jobs.c.guild_id == guild_id


# Direct messages are `guild_id` None everywhere but in `daily_usage`, whose primary key cannot hold a
# NULL: there they are guild 0. This is the one place that converts.
DM_USAGE_SCOPE = 0


def usage_scope(guild_id: int | None) -> int:
    """The `daily_usage.guild_id` of a guild, or of direct messages (None)."""
    return DM_USAGE_SCOPE if guild_id is None else guild_id


def _usage_row(scope: int, user_id: int, day: str) -> tuple[sa.ColumnElement[bool], ...]:
    return (daily_usage.c.guild_id == scope, daily_usage.c.user_id == user_id, daily_usage.c.day == day)


def _job_row(job: Job, usage_day: str) -> dict[str, Any]:
    return {
        "id": job.id,
        "user_id": job.user_id,
        "guild_id": job.target.guild_id,
        "channel_id": job.target.channel_id,
        "application_id": job.target.application_id,
        "interaction_token": job.target.interaction_token,
        "interaction_created_at": job.target.interaction_created_at,
        "upload_limit": job.target.upload_limit,
        "ephemeral": job.target.ephemeral,
        "prompt": job.options.prompt,
        "size": job.options.size,
        "n": job.options.n,
        "prompt_extend": job.options.prompt_extend,
        "state": job.state.value,
        "created_at": job.created_at,
        "updated_at": job.updated_at,
        "usage_day": usage_day,
        "reserved_images": job.reserved_images,
        "result_urls": list(job.result_urls),
        "message_ids": list(job.message_ids),
        "callback_token": job.callback_token,
    }


def _row_job(row: sa.Row[Any]) -> Job:
    return Job(
        id=row.id,
        user_id=row.user_id,
        options=GenerationOptions(row.prompt, row.size, row.n, row.prompt_extend),
        target=DeliveryTarget(
            channel_id=row.channel_id,
            guild_id=row.guild_id,
            application_id=row.application_id,
            interaction_token=row.interaction_token,
            interaction_created_at=row.interaction_created_at,
            upload_limit=row.upload_limit,
            ephemeral=bool(row.ephemeral),
        ),
        state=JobState(row.state),
        created_at=row.created_at,
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
        usage_day=row.usage_day,
        reserved_images=row.reserved_images,
        task_id=row.task_id,
        task_created=row.task_created,
        estimated_time=row.estimated_time,
        result_urls=tuple(row.result_urls or ()),
        images_delivered=row.images_delivered,
        images_charged=row.images_charged,
        cancel_requested=bool(row.cancel_requested),
        message_ids=tuple(int(m) for m in row.message_ids or ()),
        failure_reason=FailureReason(row.failure_reason) if row.failure_reason else None,
        failure_detail=row.failure_detail,
        callback_token=row.callback_token,
    )
