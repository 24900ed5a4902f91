"""The job store: SQLAlchemy Core (async) over aiosqlite or asyncpg, one code path for both.

Every state change of a job is one statement guarded by the state it leaves, and every quota change
happens in the same transaction as the job change that causes it, so a crash between two steps can
neither lose nor double-count images.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import functools
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from services.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState
from services.quota import LimitKind, Limits
from services.schema import MIGRATIONS, daily_usage, jobs, member_overrides, meta, schema_version

_R = TypeVar("_R")
_P = ParamSpec("_P")


def _completes_on_cancel(
    method: Callable[Concatenate[Store, _P], Coroutine[Any, Any, _R]],
) -> Callable[Concatenate[Store, _P], Coroutine[Any, Any, _R]]:
    """Run a write method through `Store.finish`, so a cancelled caller cannot cut it short."""

    @functools.wraps(method)
    async def wrapper(self: Store, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        return await self.finish(method(self, *args, **kwargs))

    return wrapper


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


class StoreError(Exception):
    """The database cannot be opened or used; the message names it and says why."""


def async_url(database_url: str) -> str:
    """The SQLAlchemy async URL for a `sqlite:///` or `postgresql://` setting."""
    if database_url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + database_url.removeprefix("sqlite:///")
    for prefix in ("postgresql://", "postgres://"):
        if database_url.startswith(prefix):
            return "postgresql+asyncpg://" + database_url.removeprefix(prefix)
    raise StoreError(f"unsupported DATABASE_URL scheme: {database_url.split(':', 1)[0]}")


def sqlite_path(database_url: str) -> Path | None:
    """The file behind a `sqlite:///` URL, or None for another engine or an in-memory database."""
    if not database_url.startswith("sqlite:///"):
        return None
    path = database_url.removeprefix("sqlite:///")
    return None if path in {"", ":memory:"} else Path(path)


def describe_database(database_url: str) -> str:
    """A name for the database that is safe to print (no password)."""
    path = sqlite_path(database_url)
    if path is not None:
        return str(path)
    return sa.make_url(async_url(database_url)).render_as_string(hide_password=True)


class Store:
    """Jobs, daily usage and small metadata, persisted in the configured database."""

    def __init__(self, engine: AsyncEngine, name: str, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._name = name
        self._clock = clock
        self._is_sqlite = engine.dialect.name == "sqlite"
        self._write_lock = asyncio.Lock()
        self._pending: set[asyncio.Future[Any]] = set()
        self._lock: IO[bytes] | None = None

    @classmethod
    async def open(
        cls, database_url: str, clock: Callable[[], float] = time.time, *, busy_timeout_ms: int = 5000
    ) -> Store:
        """Open (creating on first use) and migrate the database; `StoreError` names it on failure."""
        name = describe_database(database_url)
        path = sqlite_path(database_url)
        lock = None
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                lock = _lock_exclusively(path, name)
            engine = create_async_engine(async_url(database_url), pool_pre_ping=path is None)
        except (OSError, sa.exc.ArgumentError) as error:
            raise StoreError(f"cannot open database {name}: {error}") from None
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine.sync_engine, "connect", functools.partial(_sqlite_pragmas, busy_timeout_ms))
        store = cls(engine, name, clock)
        store._lock = lock
        try:
            await store._migrate()
        except StoreError:
            await store._release()
            raise
        except (sa.exc.SQLAlchemyError, OSError) as error:
            await store._release()
            detail = str(getattr(error, "orig", None) or error)
            raise StoreError(f"cannot use database {name}: {detail}{_hint(detail)}") from None
        return store

    async def close(self) -> None:
        """Wait for writes in progress, then close every connection."""
        if self._pending:
            await asyncio.wait(list(self._pending))
        async with self._write_lock:
            await self._release()

    async def _release(self) -> None:
        await self._engine.dispose()
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None

    async def ping(self) -> None:
        """Raise if the database cannot be reached."""
        async with self._engine.connect() as connection:
            await connection.execute(sa.text("SELECT 1"))

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction (serialised in this process; SQLite has one writer)."""
        # SQLite allows one writer: serialise writes here instead of failing on "database is locked".
        async with self._write_lock, self._engine.begin() as connection:
            yield connection

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reads."""
        async with self._engine.connect() as connection:
            yield connection

    async def finish(self, write: Coroutine[Any, Any, _R]) -> _R:
        # A write that has started is completed even if its caller is cancelled (shutdown): the
        # caller stops waiting, the write commits or rolls back whole, and close() waits for it.
        task = asyncio.ensure_future(write)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        return await asyncio.shield(task)

    async def _migrate(self) -> None:
        async with self.write() as connection:
            if self._is_sqlite:
                result = await connection.exec_driver_sql("PRAGMA quick_check")
                verdict = result.scalar()
                if verdict != "ok":
                    raise StoreError(f"database {self._name} is corrupt: {verdict}{_hint('malformed')}")
            await connection.run_sync(lambda sync: schema_version.create(sync, checkfirst=True))
            current = (await connection.execute(sa.select(sa.func.max(schema_version.c.version)))).scalar() or 0
            for version, step in MIGRATIONS:
                if version > current:
                    await connection.run_sync(step)
                    await connection.execute(schema_version.insert().values(version=version, applied_at=self._clock()))
            # A write at every start: a database another process holds locked, or a full disk, is
            # reported now, naming the file, rather than at the first job.
            await connection.execute(meta.delete().where(meta.c.key == "last_start"))
            await connection.execute(meta.insert().values(key="last_start", value=str(self._clock())))

    # Jobs

    @_completes_on_cancel
    async def insert_job_reserving(self, job: Job, limits: Limits) -> Refusal | None:
        """Store a new job and reserve its images in one transaction, if every limit allows it.

        Returns None when stored, else the `Refusal` (nothing is stored or reserved). The member's usage
        row is updated first, which locks it: concurrent requests of one member are serialised, so the
        count of active jobs and the cooldown below are read consistently on every engine.
        """
        scope = job.target.guild_id or 0
        n = job.options.n
        try:
            async with self.write() as connection:
                await self._ensure_usage_rows(connection, scope, job.user_id, job.usage_day)
                if limits.blocked:
                    raise _Refused(Refusal(LimitKind.BLOCKED, 0, 0))
                user_row = (scope, job.user_id, job.usage_day)
                if not await self._add_within(connection, user_row, n, limits.user_daily_images):
                    used = await self._used(connection, *user_row)
                    raise _Refused(Refusal(LimitKind.USER_DAILY, limits.user_daily_images, used))
                await self._check_activity(connection, job, limits)
                guild_row = (scope, 0, job.usage_day)
                if scope and not await self._add_within(connection, guild_row, n, limits.guild_daily_images):
                    used = await self._used(connection, *guild_row)
                    raise _Refused(Refusal(LimitKind.GUILD_DAILY, limits.guild_daily_images, used))
                job.reserved_images = n
                await connection.execute(jobs.insert().values(**_job_row(job, job.usage_day)))
        except _Refused as refused:
            return refused.refusal
        return None

    async def _ensure_usage_rows(self, connection: AsyncConnection, scope: int, user_id: int, day: str) -> None:
        insert = sqlite.insert if self._is_sqlite else postgresql.insert
        rows = [{"guild_id": scope, "user_id": user_id, "day": day, "used": 0}]
        if scope:
            rows.append({"guild_id": scope, "user_id": 0, "day": day, "used": 0})
        await connection.execute(insert(daily_usage).values(rows).on_conflict_do_nothing())

    async def _check_activity(self, connection: AsyncConnection, job: Job, limits: Limits) -> None:
        scope_filter = jobs.c.guild_id == job.target.guild_id if job.target.guild_id else jobs.c.guild_id.is_(None)
        mine = [jobs.c.user_id == job.user_id, scope_filter]
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

    @_completes_on_cancel
    async def transition(
        self,
        job_id: str,
        leaving: Iterable[JobState],
        entering: JobState,
        *,
        unless_cancelled: bool = False,
        **values: Any,
    ) -> bool:
        """Move a job to `entering` if it is in one of `leaving` (and, with `unless_cancelled`, its
        requester has not asked to cancel it); False if not, e.g. because someone else moved it."""
        conditions = [jobs.c.id == job_id, jobs.c.state.in_([s.value for s in leaving])]
        if unless_cancelled:
            conditions.append(jobs.c.cancel_requested.is_(False))
        async with self.write() as connection:
            result = await connection.execute(
                jobs.update().where(*conditions).values(state=entering.value, updated_at=self._clock(), **values)
            )
            return result.rowcount == 1

    @_completes_on_cancel
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
    ) -> bool:
        """End a job: record its outcome, keep `charged` of its reserved images and return the rest,
        atomically. False if the job had already ended (or is not in one of `leaving`)."""
        async with self.write() as connection:
            row = (
                await connection.execute(
                    sa.select(
                        jobs.c.user_id, jobs.c.guild_id, jobs.c.usage_day, jobs.c.reserved_images, jobs.c.state
                    ).where(jobs.c.id == job_id)
                )
            ).first()
            if row is None or JobState(row.state).is_final:
                return False
            if leaving is not None and JobState(row.state) not in set(leaving):
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
                scope = row.guild_id or 0
                # Member row first, then the guild's: the same order as the reservation takes its locks,
                # so two processes on PostgreSQL cannot deadlock on them.
                for owner in [row.user_id, 0] if scope else [row.user_id]:
                    await connection.execute(
                        daily_usage.update()
                        .where(*_usage_row(scope, owner, row.usage_day))
                        .values(used=sa.case((daily_usage.c.used >= refund, daily_usage.c.used - refund), else_=0))
                    )
            return True

    @_completes_on_cancel
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
            return await self._used(connection, guild_id or 0, user_id, usage_day)

    async def user_jobs(self, user_id: int, guild_id: int | None, *, active: bool, limit: int = 10) -> list[Job]:
        """A member's jobs in a guild (None: DMs), newest first: the running ones, or the ended ones."""
        final = [state.value for state in JobState if state.is_final]
        scope = jobs.c.guild_id == guild_id if guild_id else jobs.c.guild_id.is_(None)
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

    @_completes_on_cancel
    async def purge_older_than(self, cutoff: float) -> int:
        """Delete ended jobs last changed before `cutoff` and usage of days before it; returns jobs deleted."""
        final = [state.value for state in JobState if state.is_final]
        day = datetime.fromtimestamp(cutoff, UTC).strftime("%Y-%m-%d")
        async with self.write() as connection:
            deleted = await connection.execute(jobs.delete().where(jobs.c.state.in_(final), jobs.c.updated_at < cutoff))
            await connection.execute(daily_usage.delete().where(daily_usage.c.day < day))
            return deleted.rowcount

    @_completes_on_cancel
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

    # Small settings tables

    @_completes_on_cancel
    async def upsert(self, table: sa.Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
        """Insert the row with these key columns, or update its `values` if it exists."""
        async with self.write() as connection:
            where = [table.c[name] == value for name, value in keys.items()]
            exists = (await connection.execute(sa.select(sa.literal(1)).select_from(table).where(*where))).first()
            if exists is None:
                await connection.execute(table.insert().values(**keys, **values))
            elif values:
                await connection.execute(table.update().where(*where).values(**values))

    @_completes_on_cancel
    async def delete_rows(self, table: sa.Table, keys: dict[str, Any]) -> None:
        """Delete the rows whose key columns have these values."""
        async with self.write() as connection:
            await connection.execute(table.delete().where(*(table.c[n] == v for n, v in keys.items())))

    # Metadata

    async def get_meta(self, key: str) -> str | None:
        """A stored metadata value, or None."""
        async with self._engine.connect() as connection:
            return (await connection.execute(sa.select(meta.c.value).where(meta.c.key == key))).scalar()

    @_completes_on_cancel
    async def set_meta(self, key: str, value: str) -> None:
        """Store a metadata value, replacing any previous one."""
        async with self.write() as connection:
            await connection.execute(meta.delete().where(meta.c.key == key))
            await connection.execute(meta.insert().values(key=key, value=value))


def _lock_exclusively(path: Path, name: str) -> IO[bytes]:
    """Hold `<database>.lock` for as long as the store is open: a second bot process on the same SQLite
    file would resume the same jobs, so it is stopped at start instead."""
    lock = (path.parent / f"{path.name}.lock").open("ab")
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        raise StoreError(
            f"database {name} is in use by another bot process (stop it first; lock file {path.name}.lock)"
        ) from None
    return lock


def _hint(detail: str) -> str:
    text = detail.lower()
    if "locked" in text:
        return " (another process is using it; stop that process first)"
    if "disk" in text or "readonly" in text or "read-only" in text:
        return " (is the disk full, or the file or its folder not writable?)"
    if "not a database" in text or "malformed" in text:
        return " (the file is damaged; restore it from a backup, or move it away to start afresh)"
    return ""


def _usage_row(scope: int, user_id: int, day: str) -> tuple[sa.ColumnElement[bool], ...]:
    return (daily_usage.c.guild_id == scope, daily_usage.c.user_id == user_id, daily_usage.c.day == day)


def _sqlite_pragmas(busy_timeout_ms: int, dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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
    )
