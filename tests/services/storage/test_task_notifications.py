"""Task reports between processes sharing PostgreSQL (LISTEN/NOTIFY)."""

from __future__ import annotations

import asyncio

from services.storage.job_store import Store
from services.storage.task_notifications import TaskEventListener
from tests.databases import empty_schema


async def test_a_task_reported_by_one_process_reaches_the_listener_of_another(postgres_database: str) -> None:
    await empty_schema(postgres_database)
    heard: asyncio.Queue[str] = asyncio.Queue()
    listener = TaskEventListener(postgres_database, lambda task_id: heard.put_nowait(task_id) or True)
    await listener.start()
    store = await Store.open(postgres_database)
    try:
        await store.report_task("task-unified-1-abcdefgh")
        assert await asyncio.wait_for(heard.get(), timeout=5) == "task-unified-1-abcdefgh"
    finally:
        await store.close()
        await listener.close()
