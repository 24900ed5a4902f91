"""How many SQL statements a reservation and a settlement send: each counter table is changed by one
statement (after one locking read on PostgreSQL), not one per row. Counted with SQLAlchemy's
`before_cursor_execute` event, on SQLite and PostgreSQL; the bounds are those of the batched statements,
below the one-statement-per-row code they replaced (13 and 10 statements on SQLite)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa

from services.core.models import JobState
from services.quotas.limits import Limits
from services.storage.job_store import Store
from tests.services.storage.job_factory import make_job, open_store

# Every image and credit row has a limit, and the cooldown is on: every check of the reservation runs.
EVERY_LIMIT = Limits(
    user_daily_images=10,
    max_active_jobs=5,
    cooldown_seconds=0.5,
    guild_daily_images=20,
    person_daily_images=15,
    bot_daily_images=100,
    credits_daily=1_000_000,
    credits_monthly=10_000_000,
    guild_monthly_credits=5_000_000,
)
# Per engine: the batched statements (PostgreSQL adds the person's lock, one locking read per counter table
# and the database's clock for the lease); the per-row code sent 13 and 15.
RESERVATION_BOUND = {"sqlite": 7, "postgresql": 11}
# The job's read and update, then one statement per counter table (PostgreSQL: plus its locking read); the
# per-row code sent 10 and 10.
SETTLEMENT_BOUND = {"sqlite": 4, "postgresql": 6}


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    """The statements the store sends while the block runs."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    sa.event.listen(store.engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(store.engine.sync_engine, "before_cursor_execute", count)


def engine_of(store: Store) -> str:
    return "sqlite" if store.is_sqlite else "postgresql"


def priced(job_id: str, created_at: float = 1.0) -> Any:
    """A job of three images in guild 20 reserving credits, so every credit row is booked and given back."""
    return replace(make_job(job_id, n=3, created_at=created_at), credits_reserved=3000)


async def test_a_reservation_sends_one_statement_per_counter_table(store: Store) -> None:
    assert await store.insert_job_reserving(priced("warm"), EVERY_LIMIT) is None  # the rows of the day exist
    with counted(store) as statements:
        assert await store.insert_job_reserving(priced("a", created_at=10.0), EVERY_LIMIT, lease=("me", 60.0)) is None
    assert len(statements) <= RESERVATION_BOUND[engine_of(store)], statements


async def test_a_first_reservation_of_the_day_sends_no_more_statements(store: Store) -> None:
    with counted(store) as statements:
        assert await store.insert_job_reserving(priced("a"), EVERY_LIMIT) is None
    assert len(statements) <= RESERVATION_BOUND[engine_of(store)], statements


async def test_a_settlement_sends_one_statement_per_counter_table(store: Store) -> None:
    assert await store.insert_job_reserving(priced("a"), EVERY_LIMIT) is None
    with counted(store) as statements:
        assert await store.settle("a", JobState.FAILED, charged=0)
    assert len(statements) <= SETTLEMENT_BOUND[engine_of(store)], statements
    assert await store.images_used(1, make_job("x").usage_day, 20) == 0
