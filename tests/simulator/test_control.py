"""The `/_sim/` control API, as tests in other processes use it."""

from __future__ import annotations

from simulator.state import SimulatorState
from tests.simulator.conftest import SimClient, create


async def test_config_update_round_trip(client: SimClient, state: SimulatorState) -> None:
    resp = await client.post("/_sim/config", json={"duration_min": 1, "duration_max": 2, "image_noise": True})
    current = await (await client.get("/_sim/config")).json()

    assert resp.status == 200
    assert (current["duration_min"], current["duration_max"], current["image_noise"]) == (1.0, 2.0, True)
    assert state.config.duration_max == 2.0


async def test_invalid_config_update_is_400_and_changes_nothing(client: SimClient, state: SimulatorState) -> None:
    before = state.config

    bad_value = await client.post("/_sim/config", json={"duration_max": 1, "duration_min": 5})
    unknown = await client.post("/_sim/config", json={"colour": "red"})
    static = await client.post("/_sim/config", json={"base_path": "/apiv1"})

    assert [bad_value.status, unknown.status, static.status] == [400, 400, 400]
    assert "duration_max" in (await bad_value.json())["error"]["message"]
    assert state.config is before


async def test_api_key_is_masked_in_config_answers(client: SimClient) -> None:
    resp = await client.post("/_sim/config", json={"api_key": "secret"})

    assert (await resp.json())["api_key"] == "***"


async def test_faults_posted_over_http_are_queued_and_served(client: SimClient) -> None:
    resp = await client.post(
        "/_sim/faults", json={"create": [{"status": 503}], "get": [{"status": 500, "count": 2}], "file": []}
    )
    queued = await (await client.get("/_sim/faults")).json()
    status, _ = await create(client)

    assert resp.status == 200
    assert queued == {"create": [{"status": 503, "count": 1}], "get": [{"status": 500, "count": 2}], "file": []}
    assert status == 503


async def test_invalid_fault_batch_is_400_and_queues_nothing(client: SimClient, state: SimulatorState) -> None:
    resp = await client.post("/_sim/faults", json={"create": [{"status": 503}, {"status": 299}]})

    assert resp.status == 400
    assert (await resp.json())["error"]["param"] == "faults"
    assert state.pending_faults()["create"] == []


async def test_stats_report_create_calls_with_keys_and_statuses(client: SimClient) -> None:
    await client.post("/_sim/faults", json={"create": [{"status": 429}]})
    await create(client, key="a")
    _, created = await create(client, key="a")

    stats = await (await client.get("/_sim/stats")).json()

    calls = [(c["idempotency_key"], c["status"], c["task_id"]) for c in stats["create_calls"]]
    assert calls == [("a", 429, None), ("a", 200, created["id"])]
    assert stats["create_calls"][0]["fault"] == {"status": 429}
    assert stats["tasks"][created["id"]]["status"] == "pending"
    assert stats["faults_served"] == {"create": 1, "get": 0, "file": 0}


async def test_reset_forgets_tasks_counters_and_faults(client: SimClient, state: SimulatorState) -> None:
    await create(client)
    state.add_fault("get", {"status": 500})

    resp = await client.post("/_sim/reset")
    stats = await (await client.get("/_sim/stats")).json()

    assert resp.status == 200
    assert (stats["create_count"], stats["tasks"], stats["get_total"]) == (0, {}, 0)
    assert stats["faults_pending"] == {"create": [], "get": [], "file": []}


async def test_unknown_route_answers_404_in_the_error_shape(client: SimClient) -> None:
    resp = await client.get("/v2/nothing")

    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == 404
