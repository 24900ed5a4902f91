"""Fixtures for the simulator tests: a fake clock and an in-process test client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient as SimClient
from aiohttp.test_utils import TestServer as SimServer

from simulator.app import STATE_KEY, create_app
from simulator.config import SimConfig
from simulator.state import SimulatorState

AUTH = {"Authorization": "Bearer test-key"}
START = 1_700_000_000.0


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: float = START) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config() -> SimConfig:
    """Every task takes exactly 10 s; estimated_time is exact; images render only when needed (speed)."""
    return SimConfig(duration_min=10, duration_max=10, seed=1, prerender=False)


@pytest.fixture
async def client(config: SimConfig, clock: FakeClock) -> AsyncIterator[SimClient]:
    async with SimClient(SimServer(create_app(config, clock=clock))) as test_client:
        yield test_client


@pytest.fixture
def state(client: SimClient) -> SimulatorState:
    return client.app[STATE_KEY]


def body(prompt: str = "a lake at sunset", **extra: Any) -> dict[str, Any]:
    """A valid create body with `extra` fields added or overridden."""
    return {"model": "wan2.5-text-to-image", "prompt": prompt, **extra}


async def create(
    client: SimClient, payload: Any = None, *, key: str | None = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """POST a create call; returns (status, parsed JSON)."""
    all_headers = dict(AUTH if headers is None else headers)
    if key is not None:
        all_headers["Idempotency-Key"] = key
    resp = await client.post("/v1/images/generations", json=body() if payload is None else payload, headers=all_headers)
    return resp.status, await resp.json()


async def get_task(client: SimClient, task_id: str) -> tuple[int, Any]:
    """GET a task; returns (status, parsed JSON)."""
    resp = await client.get(f"/v1/tasks/{task_id}", headers=AUTH)
    return resp.status, await resp.json()


def local_path(url: str) -> str:
    """The path part of an absolute result URL, for the test client."""
    return "/" + url.split("/", 3)[3]
