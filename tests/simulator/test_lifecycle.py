"""A task's life: create answer, pending → processing → completed, timing knobs, lookups."""

from __future__ import annotations

import re

from simulator.config import MODEL, SimConfig
from simulator.state import SimulatorState
from simulator.validation import GenerationRequest
from tests.simulator.conftest import START, FakeClock, SimClient, body, create, get_task

TASK_ID_RE = re.compile(r"^task-unified-\d+-[a-z0-9]{8}$")


async def test_create_answers_pending_task_in_documented_shape(client: SimClient) -> None:
    resp = await client.post("/v1/images/generations", json=body(n=3), headers={"Authorization": "Bearer k"})
    data = await resp.json()

    assert resp.status == 200
    assert resp.content_type == "application/json"
    assert TASK_ID_RE.match(data["id"])
    assert data["id"].startswith(f"task-unified-{int(START)}-")
    assert data == {
        "created": int(START),
        "id": data["id"],
        "model": "wan2.5-text-to-image",
        "object": "image.generation.task",
        "progress": 0,
        "status": "pending",
        "task_info": {"can_cancel": True, "estimated_time": 10},
        "type": "image",
        "usage": {"billing_rule": "per_call", "credits_reserved": 3, "user_group": "default"},
    }


async def test_task_is_pending_for_the_first_tenth_of_its_duration(client: SimClient, clock: FakeClock) -> None:
    _, created = await create(client)
    clock.advance(0.9)

    status, task = await get_task(client, created["id"])

    assert status == 200
    assert (task["status"], task["progress"]) == ("pending", 0)
    assert task["task_info"] == {"can_cancel": True, "estimated_time": 10}
    assert "results" not in task


async def test_task_is_processing_with_progress_rising_linearly(client: SimClient, clock: FakeClock) -> None:
    _, created = await create(client)
    seen = []
    for _ in range(3):
        clock.advance(3)
        _, task = await get_task(client, created["id"])
        seen.append((task["status"], task["progress"], task["task_info"]["estimated_time"]))

    assert seen == [("processing", 30, 7), ("processing", 60, 4), ("processing", 90, 1)]


async def test_task_completes_with_progress_100_and_absolute_result_urls(client: SimClient, clock: FakeClock) -> None:
    _, created = await create(client, body(n=2))
    clock.advance(10)

    _, task = await get_task(client, created["id"])

    base = str(client.make_url("")).rstrip("/")
    assert task["status"] == "completed"
    assert task["progress"] == 100
    assert task["task_info"] == {"can_cancel": False}
    assert task["results"] == [f"{base}/files/{created['id']}/0.png", f"{base}/files/{created['id']}/1.png"]
    assert {k: task[k] for k in ("id", "created", "model", "object", "type")} == {
        "id": created["id"],
        "created": int(START),
        "model": "wan2.5-text-to-image",
        "object": "image.generation.task",
        "type": "image",
    }


async def test_gets_are_counted_per_task_and_in_total(client: SimClient, state: SimulatorState) -> None:
    _, first = await create(client)
    _, second = await create(client)
    for task_id in (first["id"], first["id"], second["id"]):
        await get_task(client, task_id)

    stats = state.stats()
    assert stats["get_counts"] == {first["id"]: 2, second["id"]: 1}
    assert stats["get_total"] == 3
    assert stats["tasks"][first["id"]]["get_count"] == 2


async def test_stats_give_terminal_time_as_creation_plus_duration(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    _, created = await create(client)
    clock.advance(12)
    await get_task(client, created["id"])

    summary = state.stats()["tasks"][created["id"]]
    assert summary["created_at"] == START
    assert summary["terminal_at"] == START + 10
    assert summary["first_seen_terminal_at"] == START + 12
    assert summary["status"] == "completed"


async def test_durations_are_drawn_in_range_and_multiplied_by_time_scale(
    client: SimClient, state: SimulatorState
) -> None:
    state.update_config({"duration_min": 20, "duration_max": 90, "time_scale": 0.05})
    for _ in range(20):
        await create(client)

    durations = [task.duration for task in state.tasks.values()]
    assert all(1.0 <= d <= 4.5 for d in durations)
    assert len(set(durations)) > 1


def test_same_seed_gives_same_ids_and_durations(clock: FakeClock) -> None:
    request = GenerationRequest(
        model=MODEL, prompt="p", width=1024, height=1024, n=1, prompt_extend=True, callback_url=None
    )
    runs = []
    for _ in range(2):
        state = SimulatorState(SimConfig(duration_min=1, duration_max=9, seed=7), clock)
        tasks = [state.create_task(request, idempotency_key=None, base_url="http://x") for _ in range(3)]
        runs.append([(task.id, task.duration) for task in tasks])

    assert runs[0] == runs[1]


async def test_estimated_time_is_duration_times_estimate_error_rounded_up(
    client: SimClient, state: SimulatorState
) -> None:
    state.update_config({"estimate_error": 0.42})

    _, created = await create(client)

    assert created["task_info"]["estimated_time"] == 5


async def test_duration_token_sets_absolute_unscaled_duration(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    state.update_config({"time_scale": 0.01})
    _, created = await create(client, body("quick [duration:2.5]"))

    clock.advance(2.4)
    _, before = await get_task(client, created["id"])
    clock.advance(0.1)
    _, after = await get_task(client, created["id"])

    assert before["status"] == "processing"
    assert after["status"] == "completed"


async def test_unknown_task_is_404_task_not_found(client: SimClient) -> None:
    status, data = await get_task(client, "task-unified-1700000000-zzzzzzzz")

    assert status == 404
    assert data == {
        "error": {"code": 404, "message": "Task not found or expired", "type": "not_found_error", "param": "task_id"}
    }


async def test_task_id_without_prefix_is_400_invalid_task_id(client: SimClient) -> None:
    status, data = await get_task(client, "12345")

    assert status == 400
    assert data["error"]["code"] == 400
    assert data["error"]["type"] == "invalid_task_id"


async def test_task_expires_after_ttl(client: SimClient, clock: FakeClock) -> None:
    _, created = await create(client)
    clock.advance(86400 + 1)

    status, data = await get_task(client, created["id"])

    assert status == 404
    assert data["error"]["message"] == "Task not found or expired"
