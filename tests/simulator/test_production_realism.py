"""What makes the simulator behave like production under load: the provider's query limit (429 with
Retry-After), estimates that are wrong by a random amount, and progress that is uneven."""

from __future__ import annotations

import pytest

from simulator.state import SimulatorState
from tests.simulator.conftest import AUTH, FakeClock, SimClient, body, create, get_task


async def test_queries_above_the_limit_in_one_second_get_429_with_retry_after(
    client: SimClient, state: SimulatorState
) -> None:
    state.update_config({"query_limit_per_second": 3})
    _, created = await create(client)

    statuses = [(await get_task(client, created["id"]))[0] for _ in range(4)]
    refused = await client.get(f"/v1/tasks/{created['id']}", headers=AUTH)

    assert statuses == [200, 200, 200, 429]
    assert refused.status == 429
    assert float(refused.headers["Retry-After"]) <= 1.0
    assert (await refused.json())["error"]["type"] == "rate_limit_error"


async def test_queries_are_admitted_again_once_the_window_has_passed(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    state.update_config({"query_limit_per_second": 2})
    _, created = await create(client)
    for _ in range(3):
        await get_task(client, created["id"])

    clock.advance(1.0)

    assert (await get_task(client, created["id"]))[0] == 200


async def test_stats_count_refused_queries_and_the_peak_per_second(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    state.update_config({"query_limit_per_second": 2})
    _, created = await create(client)
    for _ in range(5):
        await get_task(client, created["id"])
    clock.advance(1.0)
    await get_task(client, created["id"])

    stats = state.stats()

    assert (stats["get_rate_limited"], stats["get_peak_per_second"]) == (3, 5)


async def test_without_a_limit_no_query_is_refused(client: SimClient, state: SimulatorState) -> None:
    _, created = await create(client)

    statuses = {(await get_task(client, created["id"]))[0] for _ in range(50)}

    assert statuses == {200}
    assert state.stats()["get_rate_limited"] == 0


async def test_estimates_are_drawn_from_the_configured_error_range(client: SimClient, state: SimulatorState) -> None:
    state.update_config({"estimate_error": 0.6, "estimate_error_max": 1.5})

    estimates = [(await create(client, body(f"p{i}")))[1]["task_info"]["estimated_time"] for i in range(40)]

    assert min(estimates) >= 6
    assert max(estimates) <= 15
    assert len(set(estimates)) >= 5


def test_an_estimate_range_below_the_base_factor_is_refused(state: SimulatorState) -> None:
    with pytest.raises(ValueError, match="estimate_error_max"):
        state.update_config({"estimate_error": 1.0, "estimate_error_max": 0.5})


async def test_uneven_progress_differs_between_tasks_at_the_same_point(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    state.update_config({"progress_curve": "uneven"})
    ids = [(await create(client, body(f"p{i}")))[1]["id"] for i in range(10)]
    clock.advance(5)

    progress = {(await get_task(client, task_id))[1]["progress"] for task_id in ids}

    assert len(progress) >= 4
    assert all(1 <= value <= 99 for value in progress)


async def test_uneven_progress_still_rises_and_completes(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    state.update_config({"progress_curve": "uneven"})
    _, created = await create(client)
    seen = []
    for _ in range(4):
        clock.advance(2.5)
        seen.append((await get_task(client, created["id"]))[1]["progress"])

    assert seen == sorted(seen)
    assert seen[-1] == 100
