"""The database underneath the store: opening (with its lock, checks and migrations), transactions,
small settings tables and metadata. SQLAlchemy Core (async) over aiosqlite or asyncpg; the schema is
Alembic's (`services.storage.migrations`), brought up to date at every open."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import functools
import sqlite3
import time
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from services.core.redaction import mask_password
from services.storage.migrations import SchemaError, Upgrade, upgrade
from services.storage.tables import meta

DEFAULT_DATABASE_URL = "sqlite:///data/imagine.db"
MIGRATION_LOCK_KEY = 7_361_924_115
TASK_CHANNEL = "imagine_task_reported"
# The store's conditional counter statements use UPDATE ... RETURNING, which SQLite has since 3.35.
SQLITE_NEEDED = (3, 35, 0)
_R = TypeVar("_R")
_P = ParamSpec("_P")
_S = TypeVar("_S", bound="StoreCore")


def completes_on_cancel(
    method: Callable[Concatenate[StoreCore, _P], Coroutine[Any, Any, _R]],
) -> Callable[Concatenate[StoreCore, _P], Coroutine[Any, Any, _R]]:
    """Run a write method through `Store.finish`, so a cancelled caller cannot cut it short."""

    @functools.wraps(method)
    async def wrapper(self: StoreCore, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        return await self.finish(method(self, *args, **kwargs))

    return wrapper


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
    return mask_password(database_url)


class StoreCore:
    """An open database: transactions, writes that complete on cancel, settings rows and metadata."""

    def __init__(self, engine: AsyncEngine, name: str, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._name = name
        self._clock = clock
        self._is_sqlite = engine.dialect.name == "sqlite"
        # SQLite has one writer: this process's writes take turns instead of failing on "database is
        # locked". PostgreSQL runs them at once; its row locks and conditional statements keep them right.
        self._write_turn: asyncio.Lock | contextlib.nullcontext[None] = (
            asyncio.Lock() if self._is_sqlite else contextlib.nullcontext()
        )
        self._pending: set[asyncio.Future[Any]] = set()
        self._lock: IO[bytes] | None = None
        self.schema: Upgrade | None = None
        """What the last open did to the schema (None until then)."""

    @classmethod
    async def open(
        cls: type[_S], database_url: str, clock: Callable[[], float] = time.time, *, busy_timeout_ms: int = 5000
    ) -> _S:
        """Open (creating on first use) and migrate the database; `StoreError` names it on failure."""
        name = describe_database(database_url)
        path = sqlite_path(database_url)
        lock = None
        if database_url.startswith("sqlite:///"):
            _require_sqlite(name)
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                lock = _lock_exclusively(path, name)
            # hide_parameters: a failing statement's error (logged, in tracebacks) never shows its values.
            engine = create_async_engine(async_url(database_url), pool_pre_ping=path is None, hide_parameters=True)
        except (OSError, ValueError, sa.exc.ArgumentError) as error:
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

    @property
    def is_sqlite(self) -> bool:
        """Whether this is a SQLite database (one process: it holds the file's lock)."""
        return self._is_sqlite

    @property
    def engine(self) -> AsyncEngine:
        """The SQLAlchemy engine underneath, for instrumentation (its statement and transaction events)."""
        return self._engine

    async def close(self) -> None:
        """Wait for writes in progress, then close every connection."""
        if self._pending:
            await asyncio.wait(list(self._pending))
        async with self._write_turn:
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
        """A write transaction: one at a time in this process on SQLite (one writer), at once on PostgreSQL."""
        async with self._write_turn, self._engine.begin() as connection:
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
        async with _upgrade_turn(), self.write() as connection:
            if self._is_sqlite:
                result = await connection.exec_driver_sql("PRAGMA quick_check")
                verdict = result.scalar()
                if verdict != "ok":
                    raise StoreError(f"database {self._name} is corrupt: {verdict}{_hint('malformed')}")
                # pysqlite starts a transaction only before a data change, so DDL would be committed
                # statement by statement: begin now, so a migration applies whole or not at all.
                await connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                # Several processes may start at once on one PostgreSQL database: one migrates at a time.
                await connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            try:
                self.schema = await connection.run_sync(upgrade)
            except SchemaError as error:
                raise StoreError(f"cannot migrate database {self._name}: {error}") from None
            # A write at every start: a database another process holds locked, or a full disk, is
            # reported now, naming the file, rather than at the first job.
            await connection.execute(self._upsert_statement(meta, {"key": "last_start"}, {"value": str(self._clock())}))

    # Jobs

    # Small settings tables

    @completes_on_cancel
    async def upsert(self, table: sa.Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
        """Insert the row with these key columns, or update its `values` if it exists."""
        async with self.write() as connection:
            await connection.execute(self._upsert_statement(table, keys, values))

    def _upsert_statement(self, table: sa.Table, keys: dict[str, Any], values: dict[str, Any]) -> sa.Executable:
        # One statement, so two processes writing the same row at once cannot both try to insert it.
        insert = (sqlite.insert if self._is_sqlite else postgresql.insert)(table).values(**keys, **values)
        if values:
            return insert.on_conflict_do_update(index_elements=list(keys), set_=values)
        return insert.on_conflict_do_nothing(index_elements=list(keys))

    @completes_on_cancel
    async def delete_rows(self, table: sa.Table, keys: dict[str, Any]) -> None:
        """Delete the rows whose key columns have these values."""
        async with self.write() as connection:
            await connection.execute(table.delete().where(*(table.c[n] == v for n, v in keys.items())))

    # Metadata

    async def report_task(self, task_id: str) -> None:
        """Tell every process sharing this PostgreSQL database that a task changed (no-op on SQLite,
        where one process does everything)."""
        if self._is_sqlite:
            return
        async with self._engine.connect() as connection:
            await connection.execute(
                sa.text("SELECT pg_notify(:channel, :task)"), {"channel": TASK_CHANNEL, "task": task_id}
            )
            await connection.commit()

    async def get_meta(self, key: str) -> str | None:
        """A stored metadata value, or None."""
        async with self._engine.connect() as connection:
            return (await connection.execute(sa.select(meta.c.value).where(meta.c.key == key))).scalar()

    @completes_on_cancel
    async def set_meta(self, key: str, value: str) -> None:
        """Store a metadata value, replacing any previous one."""
        await self.upsert(meta, {"key": key}, {"value": value})


def _require_sqlite(name: str) -> None:
    """Refuse a SQLite library older than the store's statements need, naming both versions."""
    found = sqlite3.sqlite_version_info
    if tuple(found) < SQLITE_NEEDED:
        needed, have = ".".join(map(str, SQLITE_NEEDED)), ".".join(map(str, found))
        raise StoreError(
            f"cannot open database {name}: SQLite {needed} or later is needed (UPDATE ... RETURNING), "
            f"and Python's sqlite3 module uses SQLite {have}; upgrade SQLite or use PostgreSQL"
        )


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


_upgrade_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


def _upgrade_turn() -> asyncio.Lock:
    """This event loop's turn for schema upgrades: Alembic keeps its context in module globals, so two
    stores opened at once in one process (two databases) must not interleave their upgrades."""
    loop = asyncio.get_running_loop()
    turn = _upgrade_turns.get(loop)
    if turn is None:
        turn = _upgrade_turns[loop] = asyncio.Lock()
    return turn


def _hint(detail: str) -> str:
    text = detail.lower()
    if "locked" in text:
        return " (another process is using it; stop that process first)"
    if "disk" in text or "readonly" in text or "read-only" in text:
        return " (is the disk full, or the file or its folder not writable?)"
    if "not a database" in text or "malformed" in text:
        return " (the file is damaged; restore it from a backup, or move it away to start afresh)"
    return ""


def _sqlite_pragmas(busy_timeout_ms: int, dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
