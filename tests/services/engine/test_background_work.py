"""Work the engine runs off a request's path (the budget alerts of an accepted job): it runs without the
caller waiting for it, and what it raises is logged, not lost."""

from __future__ import annotations

import asyncio
import logging

from tests.services.engine.harness import Harness


async def test_work_handed_to_the_background_runs_without_the_caller_waiting(harness: Harness) -> None:
    started, release = asyncio.Event(), asyncio.Event()

    async def slow() -> None:
        started.set()
        await release.wait()

    harness.engine.in_background("slow", slow())  # returns before the work has even begun
    assert not started.is_set()
    await asyncio.wait_for(started.wait(), timeout=5)
    release.set()


async def test_what_background_work_raises_is_logged(harness: Harness) -> None:
    async def failing() -> None:
        raise RuntimeError("the audit channel is gone")

    seen = Seen("background task budget-alerts-x crashed")
    logger = logging.getLogger("services.core.supervisor")
    logger.addHandler(seen)
    try:
        harness.engine.in_background("budget-alerts-x", failing())
        await asyncio.wait_for(seen.logged.wait(), timeout=5)
    finally:
        logger.removeHandler(seen)
    assert seen.error is not None
    assert "the audit channel is gone" in str(seen.error)


class Seen(logging.Handler):
    """Notes when a line containing `text` is logged, and the exception logged with it."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.ERROR)
        self.text = text
        self.logged = asyncio.Event()
        self.error: BaseException | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Set `logged` on the line wanted."""
        if self.text in record.getMessage():
            self.error = record.exc_info[1] if record.exc_info else None
            self.logged.set()
