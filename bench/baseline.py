"""The baseline the bot is compared with: a poller that asks about a task every 3 s (the vendor's own
client's interval), run against twin tasks of the same durations in the same simulator."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import aiohttp

from simulator.server import RunningSimulator

BASELINE_INTERVAL_SECONDS = 3.0


@dataclass
class BaselineResult:
    """Calls per task and how long after completion the poller saw it."""

    calls: list[int] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)


async def run_baseline(sim: RunningSimulator, durations: list[float], time_scale: float) -> BaselineResult:
    """Create a twin task of each duration and poll it every 3 s (scaled) until it completes."""
    interval = BASELINE_INTERVAL_SECONDS * time_scale
    result = BaselineResult()
    headers = {"Authorization": "Bearer baseline"}
    async with aiohttp.ClientSession(base_url=sim.api_base_url + "/", headers=headers) as session:

        async def one(index: int, duration: float) -> None:
            body = {"model": "wan2.5-text-to-image", "prompt": f"baseline {index} [duration:{duration:.3f}]"}
            async with session.post("v1/images/generations", json=body) as response:
                task_id = (await response.json())["id"]
            calls = 0
            while True:
                await asyncio.sleep(interval)
                calls += 1
                async with session.get(f"v1/tasks/{task_id}") as response:
                    status = (await response.json())["status"]
                if status in {"completed", "failed"}:
                    break
            seen = time.time()
            result.calls.append(calls)
            result.delays.append(seen - sim.state.tasks[task_id].terminal_at)

        await asyncio.gather(*(one(i, d) for i, d in enumerate(durations)))
    return result
