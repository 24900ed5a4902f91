"""Quota reservations stay atomic when several processes share PostgreSQL."""

from __future__ import annotations

import asyncio
import sys

from services.storage.job_store import Store
from tests.databases import empty_schema
from tests.e2e.bot_process import REPO_ROOT
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
