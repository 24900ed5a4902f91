"""Quota reservations stay atomic when several processes share PostgreSQL."""

from __future__ import annotations

import asyncio
import sys

from services.storage.job_rows import EVERYWHERE
from services.storage.job_store import Store
from tests.databases import empty_schema
from tests.e2e.bot_process import REPO_ROOT
from tests.support.person_worker import PERSON
from tests.support.reserve_worker import DAY, GUILD, USER

LIMIT, PER_PROCESS = 25, 60


async def test_two_processes_racing_for_one_members_quota_never_exceed_it(postgres_database: str) -> None:
    await empty_schema(postgres_database)
    workers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.support.reserve_worker",
            postgres_database,
            name,
            str(PER_PROCESS),
            str(LIMIT),
            cwd=REPO_ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        for name in ("a", "b")
    ]
    granted = [int((await worker.communicate())[0]) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert sum(granted) == LIMIT
    store = await Store.open(postgres_database)
    assert await store.images_used(USER, DAY, GUILD) == LIMIT
    assert sum((await store.count_jobs_by_state()).values()) == LIMIT
    await store.close()


async def test_six_requests_of_one_person_in_two_guilds_on_two_processes_get_exactly_the_cap(
    postgres_database: str,
) -> None:
    await empty_schema(postgres_database)
    store = await Store.open(postgres_database)  # the schema exists before both processes race
    await store.close()
    workers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.support.person_worker",
            postgres_database,
            name,
            str(guild),
            "3",
            "3",
            cwd=REPO_ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        for name, guild in (("a", 7), ("b", 8))
    ]
    granted = [int((await worker.communicate())[0]) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert sum(granted) == 3
    store = await Store.open(postgres_database)
    assert await store.images_used(PERSON, DAY, EVERYWHERE) == 3
    assert await store.images_used(PERSON, DAY, 7) + await store.images_used(PERSON, DAY, 8) == 3
    assert await store.credits_booked(EVERYWHERE, DAY) == 3000
    assert sum((await store.count_jobs_by_state()).values()) == 3
    await store.close()
