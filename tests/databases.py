"""The databases the store suites run on: a SQLite file, and PostgreSQL (a scratch database on the
machine's server, `TEST_POSTGRES_URL`, default postgresql://postgres@127.0.0.1:5432/postgres)."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import asyncpg

ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _run(coroutine: Coroutine[Any, Any, None]) -> None:
    # A thread of its own: callers may be inside a running event loop (async fixtures).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


async def _admin(statement: str) -> None:
    connection = await asyncpg.connect(ADMIN_URL, timeout=5)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def postgres_reachable() -> str | None:
    """None if the server answers, else why not."""
    try:
        _run(_admin("SELECT 1"))
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"PostgreSQL at {ADMIN_URL} is not reachable: {error}"
    return None


def create_scratch_database() -> str:
    """A new, empty database; returns its URL."""
    name = f"imagine_test_{secrets.token_hex(4)}"
    _run(_admin(f'CREATE DATABASE "{name}"'))
    return _with_database(ADMIN_URL, name)


def drop_database(url: str) -> None:
    """Drop a scratch database (and the connections still open to it)."""
    name = url.rsplit("/", 1)[1]
    _run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def empty_schema(url: str) -> None:
    """Remove every table, so the next store starts from nothing."""
    connection = await asyncpg.connect(url, timeout=5)
    try:
        await connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await connection.close()
