"""Injected faults: consumed one by one per endpoint kind, in the documented error shapes."""

from __future__ import annotations

import time

import aiohttp
import pytest

from simulator.state import SimulatorState
from tests.simulator.conftest import AUTH, FakeClock, SimClient, body, create, get_task


async def test_429_with_retry_after_sends_the_header_and_creates_no_task(
    client: SimClient, state: SimulatorState
) -> None:
    state.add_fault("create", {"status": 429, "retry_after": 2})

    resp = await client.post("/v1/images/generations", json=body(), headers=AUTH)

    assert resp.status == 429
    assert resp.headers["Retry-After"] == "2"
    assert (await resp.json())["error"] == {
        "code": 429,
        "message": "Rate limit exceeded",
        "type": "rate_limit_error",
        "fallback_suggestion": "retry after 60 seconds",
    }
    assert state.tasks == {}
    assert state.create_records[0].status == 429


async def test_429_without_retry_after_has_only_the_body_suggestion(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("get", {"status": 429})

    resp = await client.get("/v1/tasks/task-unified-1-abcdefgh", headers=AUTH)

    assert resp.status == 429
    assert "Retry-After" not in resp.headers
    assert (await resp.json())["error"]["fallback_suggestion"] == "retry after 60 seconds"


async def test_fault_is_consumed_so_the_next_call_succeeds(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("create", {"status": 503})

    statuses = [(await create(client))[0], (await create(client))[0]]

    assert statuses == [503, 200]
    assert len(state.tasks) == 1


async def test_5xx_burst_repeats_count_times(client: SimClient, state: SimulatorState) -> None:
    _, created = await create(client)
    state.add_fault("get", {"status": 500, "count": 3})

    statuses = [(await get_task(client, created["id"]))[0] for _ in range(4)]

    assert statuses == [500, 500, 500, 200]
    assert state.get_counts[created["id"]] == 4


@pytest.mark.parametrize(
    ("status", "error_type", "suggestion"),
    [
        (401, "authentication_error", None),
        (402, "insufficient_credits_error", "top up your credits and try again"),
        (403, "permission_error", None),
        (500, "internal_server_error", "try again later"),
        (502, "upstream_error", "try again later"),
        (503, "service_unavailable_error", "retry after 30 seconds"),
    ],
)
async def test_status_fault_uses_the_documented_error_type(
    client: SimClient, state: SimulatorState, status: int, error_type: str, suggestion: str | None
) -> None:
    state.add_fault("get", {"status": status})

    code, data = await get_task(client, "task-unified-1-abcdefgh")

    assert code == status
    assert data["error"]["code"] == status
    assert data["error"]["type"] == error_type
    assert data["error"].get("fallback_suggestion") == suggestion


async def test_malformed_true_answers_200_with_a_non_json_body(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("create", {"malformed": True})

    resp = await client.post("/v1/images/generations", json=body(), headers=AUTH)

    assert resp.status == 200
    with pytest.raises((aiohttp.ContentTypeError, ValueError)):
        await resp.json(content_type=None)
    assert state.tasks == {}


async def test_malformed_json_answers_an_object_without_id_or_status(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("get", {"malformed": "json"})

    code, data = await get_task(client, "task-unified-1-abcdefgh")

    assert code == 200
    assert isinstance(data, dict)
    assert "id" not in data
    assert "status" not in data


async def test_malformed_list_answers_a_json_list(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("get", {"malformed": "list"})

    code, data = await get_task(client, "task-unified-1-abcdefgh")

    assert (code, type(data)) == (200, list)


async def test_drop_closes_the_connection_and_creates_no_task(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("create", {"drop": True})

    with pytest.raises(aiohttp.ServerDisconnectedError):
        await client.post("/v1/images/generations", json=body(), headers=AUTH)

    assert state.tasks == {}
    assert state.create_records[0].status is None


async def test_after_create_500_charges_and_a_retry_with_the_key_returns_the_task(
    client: SimClient, state: SimulatorState
) -> None:
    state.add_fault("create", {"status": 500, "after_create": True})

    first, error = await create(client, key="job-7")
    second, task = await create(client, key="job-7")

    assert (first, error["error"]["type"]) == (500, "internal_server_error")
    assert second == 200
    assert list(state.tasks) == [task["id"]]
    records = [(r.status, r.task_id, r.created_task, r.replayed) for r in state.create_records]
    assert records == [(500, task["id"], True, False), (200, task["id"], False, True)]


async def test_after_create_drop_charges_and_a_retry_with_the_key_returns_the_task(
    client: SimClient, state: SimulatorState
) -> None:
    state.add_fault("create", {"drop": True, "after_create": True})

    with pytest.raises(aiohttp.ServerDisconnectedError):
        await create(client, key="job-8")
    status, task = await create(client, key="job-8")

    assert status == 200
    assert list(state.tasks) == [task["id"]]
    assert state.create_records[0].status is None
    assert state.create_records[0].task_id == task["id"]


async def test_delay_answers_normally_but_late(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("create", {"delay": 0.05})

    started = time.perf_counter()
    status, _ = await create(client)

    assert status == 200
    assert time.perf_counter() - started >= 0.05


async def test_file_fault_applies_to_result_downloads(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    _, created = await create(client, body(size="768x768"))
    clock.advance(10)
    state.add_fault("file", {"status": 503, "retry_after": 1})
    state.add_fault("file", {"malformed": True})

    unavailable = await client.get(f"/files/{created['id']}/0.png")
    truncated = await client.get(f"/files/{created['id']}/0.png")
    good = await client.get(f"/files/{created['id']}/0.png")

    assert (unavailable.status, unavailable.headers["Retry-After"]) == (503, "1")
    assert truncated.status == 200
    assert len(await truncated.read()) < 100
    assert good.status == 200


async def test_faults_are_served_in_fifo_order_per_kind(client: SimClient, state: SimulatorState) -> None:
    state.add_fault("create", {"status": 502})
    state.add_fault("create", {"status": 429})
    state.add_fault("get", {"status": 500})

    statuses = [(await create(client))[0] for _ in range(3)]

    assert statuses == [502, 429, 200]
    assert state.pending_faults() == {"create": [], "get": [{"status": 500, "count": 1}], "file": []}


def test_invalid_fault_spec_is_rejected(state: SimulatorState) -> None:
    with pytest.raises(ValueError, match="after_create"):
        state.add_fault("get", {"status": 500, "after_create": True})
