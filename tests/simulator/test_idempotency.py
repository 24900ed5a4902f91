"""Idempotency-Key: a repeated key returns the same task without a new charge."""

from __future__ import annotations

from simulator.state import SimulatorState
from tests.simulator.conftest import SimClient, body, create


async def test_repeated_key_returns_the_same_task_and_records_both_calls(
    client: SimClient, state: SimulatorState
) -> None:
    _, first = await create(client, body(n=2), key="job-1")
    status, second = await create(client, body(n=2), key="job-1")

    assert status == 200
    assert second == first
    assert list(state.tasks) == [first["id"]]
    records = [(r.idempotency_key, r.status, r.task_id, r.created_task, r.replayed) for r in state.create_records]
    assert records == [
        ("job-1", 200, first["id"], True, False),
        ("job-1", 200, first["id"], False, True),
    ]
    assert state.stats()["tasks_created"] == 1


async def test_different_keys_create_different_tasks(client: SimClient, state: SimulatorState) -> None:
    _, first = await create(client, key="job-1")
    _, second = await create(client, key="job-2")

    assert first["id"] != second["id"]
    assert len(state.tasks) == 2


async def test_calls_without_key_always_create_new_tasks(client: SimClient, state: SimulatorState) -> None:
    await create(client)
    await create(client)

    assert len(state.tasks) == 2
    assert [r.idempotency_key for r in state.create_records] == [None, None]
