"""Waking waiters on every change of the fake's state, without fixed sleeps."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Signal:
    """A change notifier: ``notify()`` is synchronous, ``wait_for()`` re-checks a predicate on each change."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        """Wake every current waiter (they re-evaluate their predicates)."""
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_for(self, probe: Callable[[], T | None], timeout: float, what: str) -> T:
        """Return the first non-None, non-False result of ``probe()``, checked now and after each change.

        Raises ``TimeoutError`` naming ``what`` when nothing matched within ``timeout`` seconds.
        """
        try:
            async with asyncio.timeout(timeout):
                while True:
                    event = self._event
                    result = probe()
                    if result is not None and result is not False:
                        return result
                    await event.wait()
        except TimeoutError:
            raise TimeoutError(f"fake Discord: timed out after {timeout:.1f}s waiting for {what}") from None
