"""A database whose first start under the hand-written migrations stopped before it recorded its
version (SQLite committed each CREATE TABLE on its own): the tables exist, `schema_version` is empty."""

from __future__ import annotations

import pytest

from services.storage.job_store import Store, StoreError
from services.storage.migrations import head_revision
from tests.services.storage.test_migrations import HERE, differences, execute, on_connection, revision

HERE_DDL = "schema_v1_{engine}.sql"


async def make_unfinished_database(database_url: str, *rows: str) -> None:
    """The old DDL with no version recorded, and optionally some rows."""
    engine = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    ddl = (HERE / HERE_DDL.format(engine=engine)).read_text()
    await execute(database_url, [ddl, "DELETE FROM schema_version", *rows])


async def test_an_unfinished_first_start_with_empty_tables_is_created_afresh(database_url: str) -> None:
    await make_unfinished_database(database_url)

    store = await Store.open(database_url)
    await store.close()

    assert await on_connection(database_url, revision) == head_revision()
    assert await on_connection(database_url, differences) == []


async def test_an_unfinished_first_start_whose_tables_hold_rows_is_refused_in_one_line(database_url: str) -> None:
    await make_unfinished_database(database_url, "INSERT INTO meta (key, value) VALUES ('last_start', '1.0')")

    with pytest.raises(StoreError, match=r"^cannot migrate database .*did not finish.*meta[^\n]*$"):
        await Store.open(database_url)
