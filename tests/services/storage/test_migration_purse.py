"""Upgrading to 0005_purse with usage already counted: each person's day across guilds and DMs and the
bot's day are filled in from the members' rows, so a job accepted before the upgrade and ended after it
gives its images back to rows that hold them. Each test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from alembic import command

from services.core.models import JobState
from services.storage.job_rows import DM_USAGE_SCOPE, EVERYWHERE, GUILD_TOTAL
from services.storage.job_store import Store
from services.storage.migrations import alembic_config
from tests.services.storage.job_factory import DAY
from tests.services.storage.test_migrations import execute, on_connection
from tests.services.storage.test_purse import OPEN, job

YESTERDAY = "2026-11-24"
# A job of person 1 in guild 20 accepted under 0004: it reserved its 2 images on the member's row and
# the guild's total only.
OLD_QUEUED_JOB = (
    "INSERT INTO jobs (id, user_id, guild_id, channel_id, upload_limit, prompt, n, prompt_extend, state,"
    " created_at, updated_at, usage_day, reserved_images, result_urls, message_ids)"
    f" VALUES ('old', 1, 20, 10, 8388608, 'a lighthouse', 2, TRUE, 'queued', 1.5, 2.5, '{DAY}', 2, '[]', '[]')"
)
OLD_USAGE = [
    f"INSERT INTO daily_usage (guild_id, user_id, day, used) VALUES ({guild}, {user}, '{day}', {used})"
    for guild, user, day, used in (
        (20, 1, DAY, 2),
        (20, GUILD_TOTAL, DAY, 5),
        (20, 2, DAY, 3),
        (21, 1, DAY, 1),
        (21, GUILD_TOTAL, DAY, 1),
        (DM_USAGE_SCOPE, 1, DAY, 4),
        (20, 1, YESTERDAY, 6),
        (20, GUILD_TOTAL, YESTERDAY, 6),
    )
]


@pytest.fixture
async def upgraded(database_url: str) -> AsyncIterator[Store]:
    """A database at 0004 holding the old rows, opened (and so upgraded) by the store."""
    store = await Store.open(database_url, clock=lambda: 100.0)
    await store.close()
    await on_connection(database_url, lambda connection: command.downgrade(alembic_config(connection), "0004"))
    await execute(database_url, [OLD_QUEUED_JOB, *OLD_USAGE])
    store = await Store.open(database_url, clock=lambda: 100.0)
    yield store
    await store.close()


async def test_the_upgrade_counts_each_persons_day_across_guilds_and_direct_messages(upgraded: Store) -> None:
    assert await upgraded.images_used(1, DAY, EVERYWHERE) == 7
    assert await upgraded.images_used(2, DAY, EVERYWHERE) == 3
    assert await upgraded.images_used(1, YESTERDAY, EVERYWHERE) == 6


async def test_the_upgrade_counts_the_bots_day_from_every_members_images(upgraded: Store) -> None:
    assert await upgraded.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 10
    assert await upgraded.images_used(GUILD_TOTAL, YESTERDAY, EVERYWHERE) == 6


async def test_the_upgrade_leaves_the_members_and_guilds_rows_as_they_were(upgraded: Store) -> None:
    assert await upgraded.images_used(1, DAY, 20) == 2
    assert await upgraded.images_used(GUILD_TOTAL, DAY, 20) == 5
    assert await upgraded.images_used(1, DAY, None) == 4


async def test_the_persons_ceiling_counts_what_was_used_before_the_upgrade(upgraded: Store) -> None:
    refusal = await upgraded.insert_job_reserving(job("new", guild=21, n=2), replace(OPEN, person_daily_images=8))
    assert refusal is not None
    assert (refusal.used, refusal.limit) == (7, 8)


async def test_a_job_queued_before_the_upgrade_does_not_free_images_reserved_after_it(upgraded: Store) -> None:
    limits = replace(OPEN, person_daily_images=9, bot_daily_images=12)
    assert await upgraded.insert_job_reserving(job("new", guild=21, n=2), limits) is None
    # The old job fails: its 2 images go back to the person's and the bot's day, which held them.
    assert await upgraded.settle("old", JobState.FAILED, charged=0)
    assert await upgraded.images_used(1, DAY, EVERYWHERE) == 7
    assert await upgraded.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 10
