"""Passing "this task changed" between bot processes that share PostgreSQL (LISTEN/NOTIFY), so a
callback that reaches one process wakes the tracker of the process that runs the job."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import asyncpg

from services.storage.database import TASK_CHANNEL

log = logging.getLogger(__name__)

CHANNEL = TASK_CHANNEL


def asyncpg_dsn(database_url: str) -> str:
    """The plain DSN asyncpg takes for a `postgresql://` or `postgres://` setting."""
    return "postgresql://" + database_url.split("://", 1)[1]


class TaskEventListener:
    """Listens for task ids other processes report and hands each to `on_task`."""

    def __init__(self, database_url: str, on_task: Callable[[str], bool]) -> None:
        self._dsn = asyncpg_dsn(database_url)
        self._on_task = on_task
        self._connection: asyncpg.Connection | None = None

    async def start(self) -> None:
        """Open the listening connection."""
        self._connection = await asyncpg.connect(self._dsn, timeout=10)
        await self._connection.add_listener(CHANNEL, self._received)
        log.info("listening for task reports from other processes")

    def _received(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        self._on_task(payload)

    async def close(self) -> None:
        """Stop listening."""
        if self._connection is not None:
            await self._connection.close()
            self._connection = None
