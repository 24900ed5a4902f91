"""An owner for background tasks: keeps a reference, logs what they raise, cancels them on shutdown."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskSupervisor:
    """Spawns named tasks and cancels the ones still running when closed."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    @property
    def running(self) -> int:
        """How many tasks are still running."""
        return len(self._tasks)

    def __len__(self) -> int:
        """How many tasks are still running."""
        return len(self._tasks)

    def spawn(self, name: str, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `coroutine` in the background under `name`."""
        if self._closed:
            coroutine.close()
            raise RuntimeError("the supervisor is closed")
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task %s crashed", task.get_name(), exc_info=task.exception())

    async def wait_idle(self) -> None:
        """Wait until every task (including ones spawned meanwhile) has ended; failures are not raised."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def cancel_all(self, timeout: float = 5.0) -> None:
        """Cancel every running task and wait (up to `timeout`) for them to finish; new tasks may follow."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                log.warning("background task %s did not stop within %.0f s", task.get_name(), timeout)

    async def close(self, timeout: float = 5.0) -> None:
        """Take no more tasks, cancel every running one and wait (up to `timeout`) for them to finish."""
        self._closed = True
        await self.cancel_all(timeout)
