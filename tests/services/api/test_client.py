from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest

from services.api.client import WanClient
from services.api.errors import MalformedResponse, WanAPIError, WanConnectionError
from services.api.retry import RetryPolicy
from services.core.models import GenerationOptions, TaskStatus
from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.fakes import FakeClock

OPTIONS = GenerationOptions("a red fox in snow", "1024x1024", 2)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def sim(clock: FakeClock) -> AsyncIterator[RunningSimulator]:
    running = await start_simulator(
        SimConfig(duration_min=10, duration_max=10, seed=1), clock=clock.now, access_log=False
    )
    yield running
    await running.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


def client(session: aiohttp.ClientSession, base_url: str, clock: FakeClock, key: str = "test-key") -> WanClient:
    return WanClient(session, base_url, key, policy=RetryPolicy(), timeout=2.0, sleep=clock.sleep)


async def test_create_returns_a_pending_task_with_an_estimate(sim, session, clock) -> None:
    task = await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")
    assert task.id.startswith("task-unified-")
    assert task.status is TaskStatus.PENDING
    assert task.estimated_time == 10
    record = sim.state.create_records[0]
    assert record.idempotency_key == "job1"
    assert record.body["size"] == "1024x1024"


async def test_get_follows_the_task_to_completion(sim, session, clock) -> None:
    wan = client(session, sim.api_base_url, clock)
    task = await wan.create_task(OPTIONS, idempotency_key="job1")
    clock.time += 5
    running = await wan.get_task(task.id)
    assert running.status is TaskStatus.PROCESSING
    assert 0 < running.progress < 100
    clock.time += 6
    done = await wan.get_task(task.id)
    assert done.status is TaskStatus.COMPLETED
    assert len(done.results) == 2


async def test_the_same_idempotency_key_returns_the_same_task(sim, session, clock) -> None:
    wan = client(session, sim.api_base_url, clock)
    first = await wan.create_task(OPTIONS, idempotency_key="job1")
    second = await wan.create_task(OPTIONS, idempotency_key="job1")
    assert first.id == second.id
    assert sim.state.stats()["tasks_created"] == 1


async def test_create_rate_limited_is_retried_with_the_same_key_after_retry_after(sim, session, clock) -> None:
    sim.state.add_fault("create", {"status": 429, "retry_after": 7})
    task = await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")
    assert task.status is TaskStatus.PENDING
    assert [r.idempotency_key for r in sim.state.create_records] == ["job1", "job1"]
    assert clock.sleeps == [7.0]


async def test_create_rate_limited_without_header_waits_the_suggested_seconds(sim, session, clock) -> None:
    sim.state.add_fault("create", {"status": 429})
    await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")
    assert clock.sleeps == [60.0]


async def test_create_gives_up_after_its_attempt_cap(sim, session, clock) -> None:
    sim.state.add_fault("create", {"status": 503, "count": 5})
    with pytest.raises(WanAPIError) as caught:
        await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")
    assert caught.value.status == 503
    assert len(sim.state.create_records) == RetryPolicy().create_attempts


async def test_create_server_error_is_not_retried(sim, session, clock) -> None:
    sim.state.add_fault("create", {"status": 500})
    with pytest.raises(WanAPIError) as caught:
        await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")
    assert caught.value.error_type == "internal_server_error"
    assert caught.value.suggestion == "try again later"
    assert len(sim.state.create_records) == 1


@pytest.mark.parametrize("status", [401, 402, 403])
async def test_auth_errors_are_never_retried(sim, session, clock, status: int, caplog) -> None:
    sim.state.add_fault("create", {"status": status})
    with pytest.raises(WanAPIError) as caught:
        await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")
    assert caught.value.is_auth_problem
    assert len(sim.state.create_records) == 1
    assert "WAN_API_KEY" in caplog.text
    assert "test-key" not in caplog.text


async def test_get_retries_a_server_error_burst(sim, session, clock) -> None:
    wan = client(session, sim.api_base_url, clock)
    task = await wan.create_task(OPTIONS, idempotency_key="job1")
    sim.state.add_fault("get", {"status": 502, "count": 2})
    assert (await wan.get_task(task.id)).id == task.id
    assert sim.state.get_counts[task.id] == 3


async def test_get_retries_a_dropped_connection(sim, session, clock) -> None:
    wan = client(session, sim.api_base_url, clock)
    task = await wan.create_task(OPTIONS, idempotency_key="job1")
    sim.state.add_fault("get", {"drop": True})
    assert (await wan.get_task(task.id)).id == task.id


async def test_a_malformed_body_is_a_typed_error_after_the_retries(sim, session, clock) -> None:
    wan = client(session, sim.api_base_url, clock)
    task = await wan.create_task(OPTIONS, idempotency_key="job1")
    sim.state.add_fault("get", {"malformed": True, "count": 10})
    with pytest.raises(MalformedResponse) as caught:
        await wan.get_task(task.id)
    assert caught.value.task_id == task.id


async def test_json_of_the_wrong_shape_is_malformed(sim, session, clock) -> None:
    sim.state.add_fault("create", {"malformed": "json"})
    with pytest.raises(MalformedResponse):
        await client(session, sim.api_base_url, clock).create_task(OPTIONS, idempotency_key="job1")


async def test_unknown_task_is_not_retried(sim, session, clock) -> None:
    with pytest.raises(WanAPIError) as caught:
        await client(session, sim.api_base_url, clock).get_task("task-unified-1-zzzzzzzz")
    assert caught.value.status == 404
    assert sim.state.get_counts["task-unified-1-zzzzzzzz"] == 1


async def test_a_refused_connection_is_retried_then_reported(session, clock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(WanConnectionError) as caught:
        await client(session, f"http://127.0.0.1:{port}", clock).create_task(OPTIONS, idempotency_key="job1")
    assert caught.value.refused
    assert len(clock.sleeps) == RetryPolicy().create_attempts - 1


async def test_repeated_key_refusals_give_the_operator_one_line(sim, session, clock, caplog) -> None:
    wan = client(session, sim.api_base_url, clock)
    sim.state.add_fault("create", {"status": 401, "count": 3})
    for job in ("a", "b", "c"):
        with pytest.raises(WanAPIError):
            await wan.create_task(OPTIONS, idempotency_key=job)
    assert sum("WAN_API_KEY" in record.message for record in caplog.records) == 1


@pytest.mark.parametrize("task_id", ["task-unified-1/../../admin", "other-123", "task-unified-", "task-unified-a b"])
async def test_malformed_task_ids_are_refused_before_any_request(sim, session, clock, task_id: str) -> None:
    with pytest.raises(WanAPIError) as caught:
        await client(session, sim.api_base_url, clock).get_task(task_id)
    assert caught.value.error_type == "invalid_task_id"
    assert sim.state.get_counts == {}


async def test_get_without_retry_asks_once(sim, session, clock) -> None:
    wan = client(session, sim.api_base_url, clock)
    task = await wan.create_task(OPTIONS, idempotency_key="job1")
    sim.state.add_fault("get", {"status": 503})
    with pytest.raises(WanAPIError):
        await wan.get_task(task.id, retry=False)
    assert sim.state.get_counts[task.id] == 1
