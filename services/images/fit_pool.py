"""Fitting images off the event loop, a few at a time: Pillow decodes in worker threads, at most
`workers` at once, and the working memory of each (judged from the image's header) is taken from a
byte budget before it starts and given back only when the thread has really finished."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from services.images.budget import ByteBudget
from services.images.fitting import FittedImage, fit_cost, fit_image

FIT_WORKERS = 2
"""Decodes at once: the machine's cores are shared with everything else the bot does."""

_T = TypeVar("_T")


class FitPool:
    """Runs `fit_image` in at most `workers` threads, its working memory under `budget`."""

    def __init__(self, budget: ByteBudget, workers: int = FIT_WORKERS) -> None:
        self.budget = budget
        self._slots = asyncio.Semaphore(workers)
        self.busy = 0
        self.peak_busy = 0
        """The most fits ever run at once."""

    async def fit(self, data: bytes, limit: int) -> FittedImage:
        """`data` fitted under `limit` bytes (raises `InvalidImageData` as `fit_image` does)."""
        async with self._slots:
            cost = await _to_the_end(fit_cost, data, limit)
            await self.budget.acquire(cost)
            self.busy += 1
            self.peak_busy = max(self.peak_busy, self.busy)
            try:
                return await _to_the_end(fit_image, data, limit)
            finally:
                self.busy -= 1
                self.budget.release(cost)


async def _to_the_end(function: Callable[..., _T], *args: object) -> _T:
    """`function(*args)` in a worker thread. A thread cannot be stopped: when the caller is cancelled,
    this still waits for the thread to finish, so its slot and its memory are given back only then."""
    future = asyncio.ensure_future(asyncio.to_thread(function, *args))
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        await asyncio.wait({future})
        if not future.cancelled():
            future.exception()  # retrieved: the caller is gone, and the cancellation is what it gets
        raise
