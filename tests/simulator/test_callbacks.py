"""callback_url deliveries to a local receiver (real clock, tiny time scale)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.simulator.conftest import AUTH, SimServer, body


class Receiver:
    """A local callback endpoint answering the given statuses in turn (then 200)."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.bodies: list[Any] = []
        self.received = asyncio.Event()
        self.server: SimServer | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.bodies.append(await request.json())
        self.received.set()
        return web.Response(status=self.statuses.pop(0) if self.statuses else 200)

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/hook"))


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    rec = Receiver()
    app = web.Application()
    app.router.add_post("/hook", rec.handle)
    async with SimServer(app) as server:
        rec.server = server
        yield rec


@pytest.fixture
async def sim() -> AsyncIterator[RunningSimulator]:
    config = SimConfig(duration_min=1, duration_max=1, time_scale=0.02, allow_insecure_callbacks=True)
    async with await start_simulator(config, access_log=False) as running:
        yield running


async def submit(sim: RunningSimulator, payload: dict[str, Any]) -> str:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{sim.api_base_url}/v1/images/generations", json=payload, headers=AUTH) as resp,
    ):
        assert resp.status == 200
        return (await resp.json())["id"]


async def settled(sim: RunningSimulator) -> None:
    """Wait (at most 2 s) until no callback or render is in flight."""
    async with asyncio.timeout(2):
        await sim.state.background.wait_idle()


async def test_callback_posts_the_task_detail_when_the_task_completes(
    sim: RunningSimulator, receiver: Receiver
) -> None:
    task_id = await submit(sim, body(size="768x768", callback_url=receiver.url))

    await settled(sim)

    [delivered] = receiver.bodies
    assert delivered["id"] == task_id
    assert delivered["status"] == "completed"
    assert delivered["results"] == [f"{sim.base_url}/files/{task_id}/0.png"]
    task = sim.state.tasks[task_id]
    assert task.callback_delivered_at is not None
    assert task.render is not None
    assert task.render.done()


async def test_callback_is_retried_after_non_2xx_answers(sim: RunningSimulator, receiver: Receiver) -> None:
    receiver.statuses = [500, 503]
    task_id = await submit(sim, body(size="768x768", callback_url=receiver.url))

    await settled(sim)

    assert len(receiver.bodies) == 3
    attempts = sim.state.tasks[task_id].callback_attempts
    assert [a["status"] for a in attempts] == [500, 503, 200]
    assert attempts[1]["at"] - attempts[0]["at"] >= 0.02


async def test_callback_gives_up_after_three_retries(sim: RunningSimulator, receiver: Receiver) -> None:
    receiver.statuses = [500] * 10
    task_id = await submit(sim, body(size="768x768", callback_url=receiver.url))

    await settled(sim)

    assert len(receiver.bodies) == 4
    assert sim.state.tasks[task_id].callback_delivered_at is None


async def test_callback_of_a_failed_task_carries_the_error(sim: RunningSimulator, receiver: Receiver) -> None:
    await submit(sim, body("x [fail:generation_timeout]", callback_url=receiver.url))

    await settled(sim)

    [delivered] = receiver.bodies
    assert delivered["status"] == "failed"
    assert delivered["error"]["code"] == "generation_timeout"


async def test_pending_callback_is_cancelled_when_the_simulator_closes(receiver: Receiver) -> None:
    config = SimConfig(allow_insecure_callbacks=True)
    sim = await start_simulator(config, access_log=False)
    await submit(sim, body("slow [duration:60]", callback_url=receiver.url))
    assert len(sim.state.background) > 0  # the callback waiting for the task (and its render)

    await sim.close()

    assert len(sim.state.background) == 0
    assert receiver.bodies == []
