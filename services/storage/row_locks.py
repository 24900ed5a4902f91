"""Several counter rows changed by one statement, locked first in one fixed order.

On PostgreSQL a single UPDATE over several rows locks them in whatever order its plan scans them, and two
transactions locking the same rows in different orders can deadlock. So a statement changing several
counters (`daily_usage`, `credit_usage`) is preceded by a `SELECT ... ORDER BY ... FOR UPDATE` that locks
them in the order the caller lists them, the order every writer of those rows keeps; the statement then
changes rows its transaction already holds. SQLite has one writer at a time: nothing to lock."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection


def key_match(columns: Sequence[sa.ColumnElement[Any]], key: Sequence[Any]) -> sa.ColumnElement[bool]:
    """The condition selecting the row whose key `columns` hold the values of `key`."""
    if len(columns) != len(key):
        raise ValueError(f"a key of {len(columns)} columns was given {len(key)} values")
    return sa.and_(*(column == value for column, value in zip(columns, key, strict=True)))


def any_of(columns: Sequence[sa.ColumnElement[Any]], keys: Sequence[Sequence[Any]]) -> sa.ColumnElement[bool]:
    """The condition selecting every row of `keys` (each usable through the primary key's index)."""
    return sa.or_(*(key_match(columns, key) for key in keys))


async def lock_in_order(
    connection: AsyncConnection, columns: Sequence[sa.ColumnElement[Any]], keys: Sequence[Sequence[Any]]
) -> None:
    """On PostgreSQL, lock the rows of `keys` (values of the key `columns` of one table) in the order of
    `keys`, until the transaction ends; rows that do not exist are skipped. A no-op on SQLite, and for a
    single row (the statement changing it locks just that one)."""
    if connection.dialect.name == "sqlite" or len(keys) < 2:
        return
    position = sa.case(*((key_match(columns, key), index) for index, key in enumerate(keys)))
    # The rows are locked as the sorted rows come out (PostgreSQL locks above the sort), so in this order.
    query = sa.select(*columns).where(any_of(columns, keys)).order_by(position).with_for_update()
    await connection.execute(query)


async def add_within(
    connection: AsyncConnection,
    columns: Sequence[sa.ColumnElement[Any]],
    keys: Sequence[Sequence[Any]],
    limits: Sequence[int | None],
    amount: int,
) -> list[bool]:
    """Add `amount` to the `used` counter of every row of `keys` (values of the key `columns` of one
    table) that stays within its limit (None: unbounded), in one UPDATE on rows locked in order first;
    whether each row was added to. A caller refusing on a row left out rolls its transaction back, with
    whatever this added to the others."""
    await lock_in_order(connection, columns, keys)
    used = columns[0].table.c.used
    within = [
        key_match(columns, key) if limit is None else sa.and_(key_match(columns, key), used + amount <= limit)
        for key, limit in zip(keys, limits, strict=True)
    ]
    granted = await connection.execute(
        columns[0].table.update().where(sa.or_(*within)).values(used=used + amount).returning(*columns)
    )
    added = {tuple(row) for row in granted.all()}
    return [tuple(key) in added for key in keys]
