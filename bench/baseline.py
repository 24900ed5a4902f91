"""The baseline the bot is compared with: a plain poller that asks about each task every 3 s (the
vendor's own client's interval), all its queries within one shared budget of 20 per second, on twin
tasks of the same durations and sizes created at the same moments as the bot's jobs. Its "images" are
the result files downloaded (it has no Discord to upload to)."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field

import aiohttp

from simulator.server import RunningSimulator

POLL_INTERVAL = 3.0
"""Seconds between two queries of one task."""
BUDGET_PER_SECOND = 20.0
"""Queries per second for all the baseline's tasks together (the provider's limit)."""
WINDOW_MARGIN = 0.025
"""Seconds added to the one-second window: queries sent in time may arrive a little closer together."""


@dataclass(frozen=True)
class Twin:
    """A task to mirror: when the bot's job was sent (seconds after the first one), its duration, its size."""

    offset: float
    duration: float
    size: str


@dataclass
class BaselineOutcome:
    """Queries per task and what each twin's requester waited (None: not done by the deadline)."""

    queries: list[int] = field(default_factory=list)
    request_to_images: list[float | None] = field(default_factory=list)
    beyond_task: list[float | None] = field(default_factory=list)
    rate_limited: int = 0
    peak_per_second: int = 0


class SharedBudget:
    """At most `per_second` queries in any second (as the provider counts them, with a small margin for
    the way there), first asked first served; a 429 pauses every query for its Retry-After."""

    def __init__(self, per_second: float) -> None:
        self._per_second = int(per_second)
        self._sent: deque[float] = deque(maxlen=self._per_second)
        self._not_before = 0.0
        self._lock = asyncio.Lock()

    async def take(self) -> None:
        """Wait for this query's turn."""
        async with self._lock:
            while True:
                now = time.monotonic()
                earliest = self._not_before
                if len(self._sent) == self._per_second:
                    earliest = max(earliest, self._sent[0] + 1.0 + WINDOW_MARGIN)
                if earliest <= now:
                    self._sent.append(now)
                    return
                await asyncio.sleep(earliest - now)

    def pause(self, seconds: float) -> None:
        """No query before `seconds` from now (the provider's Retry-After)."""
        self._not_before = max(self._not_before, time.monotonic() + seconds)


async def _follow(session: aiohttp.ClientSession, budget: SharedBudget, task_id: str) -> tuple[list[str], int, int]:
    """Query the task every 3 s until it ends; returns its result URLs, the queries and the 429s."""
    queries = refused = 0
    while True:
        await asyncio.sleep(POLL_INTERVAL)
        while True:
            await budget.take()
            queries += 1
            async with session.get(f"v1/tasks/{task_id}") as response:
                if response.status != 429:
                    body = await response.json()
                    break
                refused += 1
                budget.pause(float(response.headers.get("Retry-After", "1")))
        if body.get("status") in {"completed", "failed"}:
            return list(body.get("results") or []), queries, refused


async def _one(
    session: aiohttp.ClientSession, budget: SharedBudget, twin: Twin, index: int, result: BaselineOutcome
) -> None:
    """Create the twin task at its moment, follow it, download its images."""
    started = time.monotonic()
    body = {
        "model": "wan2.5-text-to-image",
        "prompt": f"baseline {index} [duration:{twin.duration:.3f}]",
        "size": twin.size,
    }
    async with session.post("v1/images/generations", json=body) as response:
        task_id = (await response.json())["id"]
    urls, queries, refused = await _follow(session, budget, task_id)
    for url in urls:
        async with session.get(url) as response:
            await response.read()
    waited = time.monotonic() - started
    result.queries[index], result.rate_limited = queries, result.rate_limited + refused
    result.request_to_images[index], result.beyond_task[index] = waited, waited - twin.duration


async def run_baseline(sim: RunningSimulator, twins: list[Twin], timeout: float) -> BaselineOutcome:
    """Run every twin, each created `offset` seconds after the start; what is not done within `timeout`
    seconds of the start stays None."""
    result = BaselineOutcome(
        queries=[0] * len(twins), request_to_images=[None] * len(twins), beyond_task=[None] * len(twins)
    )
    budget = SharedBudget(BUDGET_PER_SECOND)
    headers = {"Authorization": "Bearer baseline"}
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(base_url=sim.api_base_url + "/", headers=headers, connector=connector) as session:

        async def at_offset(index: int, twin: Twin) -> None:
            await asyncio.sleep(twin.offset)
            await _one(session, budget, twin, index, result)

        tasks = [asyncio.create_task(at_offset(i, twin)) for i, twin in enumerate(twins)]
        _, late = await asyncio.wait(tasks, timeout=timeout)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
    result.peak_per_second = sim.state.query_limit.peak_per_second
    return result
