"""The Alembic migrations: they build the tables the code uses, take over databases made by the
hand-written migrations before them with every row kept, and fail whole, with one clear line."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from services.storage.database import async_url, sqlite_path
from services.storage.job_store import Store, StoreError
from services.storage.migrations import alembic_config, head_revision
from services.storage.tables import blocked_terms, daily_usage, guild_settings, jobs, metadata

HERE = Path(__file__).parent
# Rows as the previous release stored them, one statement each, valid on both engines.
OLD_ROWS = (
    "INSERT INTO jobs (id, user_id, guild_id, channel_id, upload_limit, prompt, n, prompt_extend, state,"
    " created_at, updated_at, usage_day, images_delivered, images_charged, result_urls)"
    " VALUES ('old', 1, 20, 10, 8388608, 'a lighthouse', 2, TRUE, 'delivered', 1.5, 2.5, '2026-11-25', 2, 2,"
    ' \'["https://images.example/1.png", "https://images.example/2.png"]\')',
    "INSERT INTO daily_usage (guild_id, user_id, day, used) VALUES (20, 1, '2026-11-25', 2)",
    "INSERT INTO guild_settings (guild_id, channel_mode, audit_channel_id) VALUES (20, 'listed', 30)",
    "INSERT INTO blocked_terms (guild_id, text, is_regex) VALUES (20, 'forbidden', FALSE)",
    "INSERT INTO meta (key, value) VALUES ('last_start', '1700000000.0')",
)
URLS = ["https://images.example/1.png", "https://images.example/2.png"]
KEPT = (
    (
        sa.select(jobs.c.prompt, jobs.c.state, jobs.c.images_charged, jobs.c.result_urls),
        ("a lighthouse", "delivered", 2, URLS),
    ),
    (sa.select(daily_usage.c.used).where(daily_usage.c.guild_id == 20), (2,)),
    (sa.select(guild_settings.c.channel_mode, guild_settings.c.audit_channel_id), ("listed", 30)),
    (sa.select(blocked_terms.c.text, blocked_terms.c.is_regex), ("forbidden", False)),
)


async def execute(database_url: str, statements: list[str]) -> None:
    """Run SQL on the database as another program would (no SQLAlchemy, no store)."""
    path = sqlite_path(database_url)
    if path is not None:
        with sqlite3.connect(path) as connection:
            connection.executescript(";\n".join(statements))
        return
    connection = await asyncpg.connect(database_url)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


async def make_old_database(database_url: str, *extra: str) -> None:
    """A database as the hand-written migrations left it: their DDL, verbatim, and some rows."""
    engine = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    ddl = (HERE / f"schema_v1_{engine}.sql").read_text()
    await execute(database_url, [ddl, *OLD_ROWS, *extra])


async def on_connection(database_url: str, work: Callable[[sa.Connection], Any]) -> Any:
    """Run `work` on a plain connection to the database, committing what it did."""
    engine = create_async_engine(async_url(database_url))
    try:
        async with engine.begin() as connection:
            return await connection.run_sync(work)
    finally:
        await engine.dispose()


def differences(connection: sa.Connection) -> list[Any]:
    """Alembic's own comparison of the database with the tables the code uses (types and defaults too)."""
    context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
    return list(compare_metadata(context, metadata))


def table_names(connection: sa.Connection) -> set[str]:
    return set(sa.inspect(connection).get_table_names())


def revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def kept_rows(connection: sa.Connection) -> list[list[tuple[Any, ...]]]:
    return [[tuple(row) for row in connection.execute(query)] for query, _ in KEPT]


async def test_a_migrated_database_has_exactly_the_tables_the_code_uses(database_url: str) -> None:
    store = await Store.open(database_url)
    await store.close()
    assert await on_connection(database_url, differences) == []


async def test_a_new_database_is_created_at_the_newest_revision(database_url: str) -> None:
    store = await Store.open(database_url)
    await store.close()
    assert store.schema is not None
    assert (store.schema.before, store.schema.after) == (None, head_revision())
    assert await on_connection(database_url, revision) == head_revision()


async def test_a_database_of_the_hand_written_migrations_keeps_every_row(database_url: str) -> None:
    await make_old_database(database_url)
    store = await Store.open(database_url)
    await store.close()
    assert await on_connection(database_url, kept_rows) == [[expected] for _, expected in KEPT]


async def test_a_database_of_the_hand_written_migrations_is_stamped_then_upgraded(database_url: str) -> None:
    await make_old_database(database_url)
    store = await Store.open(database_url)
    await store.close()
    assert store.schema is not None
    assert (store.schema.before, store.schema.after) == ("0001", head_revision())
    assert "schema_version" not in await on_connection(database_url, table_names)
    assert await on_connection(database_url, differences) == []


async def test_an_unknown_hand_written_version_is_refused_in_one_line(database_url: str) -> None:
    await make_old_database(database_url, "INSERT INTO schema_version (version, applied_at) VALUES (2, 1.0)")
    with pytest.raises(StoreError, match=r"^cannot migrate database .*schema_version table says version 2[^\n]*$"):
        await Store.open(database_url)
    assert await on_connection(database_url, kept_rows) == [[expected] for _, expected in KEPT]


async def test_a_revision_newer_than_the_code_is_refused_in_one_line(database_url: str) -> None:
    store = await Store.open(database_url)
    await store.close()
    await execute(database_url, ["UPDATE alembic_version SET version_num = '9999'"])
    with pytest.raises(StoreError, match=r"^cannot migrate database .*revision 9999.*newer version[^\n]*$"):
        await Store.open(database_url)


async def test_a_migration_that_fails_part_way_leaves_the_database_as_it_was(database_url: str) -> None:
    # A stray `meta` table: the first revision creates `jobs` and the others, then fails on `meta`.
    await execute(database_url, ["CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)"])
    with pytest.raises(StoreError, match=r"^cannot use database .*meta"):
        await Store.open(database_url)
    assert await on_connection(database_url, table_names) == {"meta"}


async def test_every_revision_downgrades_back_to_an_empty_database(database_url: str) -> None:
    await make_old_database(database_url)
    store = await Store.open(database_url)
    await store.close()
    await on_connection(database_url, lambda connection: command.downgrade(alembic_config(connection), "base"))
    assert await on_connection(database_url, table_names) == {"alembic_version"}
    await on_connection(database_url, lambda connection: command.upgrade(alembic_config(connection), "head"))
    assert await on_connection(database_url, differences) == []


async def test_two_databases_opened_at_once_in_one_process_are_both_migrated(tmp_path: Path) -> None:
    urls = [f"sqlite:///{tmp_path}/first.db", f"sqlite:///{tmp_path}/second.db"]
    stores = await asyncio.gather(*(Store.open(url) for url in urls))
    for store in stores:
        await store.close()
    assert [await on_connection(url, differences) for url in urls] == [[], []]
