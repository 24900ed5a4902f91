"""The simulator's optional limit on create calls: 429 with Retry-After above it, nothing created."""

from __future__ import annotations

import pytest

from simulator.__main__ import build_parser, config_from_args
from simulator.config import SimConfig
from simulator.state import SimulatorState
from tests.simulator.conftest import AUTH, FakeClock, SimClient, body, create


async def test_creates_above_the_limit_in_one_second_get_429_and_create_nothing(
    client: SimClient, state: SimulatorState
) -> None:
    state.update_config({"create_limit_per_second": 2})
    statuses = [(await create(client, key=f"job-{n}"))[0] for n in range(2)]

    refused = await client.post("/v1/images/generations", json=body(), headers={**AUTH, "Idempotency-Key": "job-2"})

    assert (statuses, refused.status) == ([200, 200], 429)
    assert 0 < float(refused.headers["Retry-After"]) <= 1.0
    assert (await refused.json())["error"]["type"] == "rate_limit_error"
    assert state.stats()["tasks_created"] == 2


async def test_creates_are_admitted_again_once_the_window_has_passed(
    client: SimClient, state: SimulatorState, clock: FakeClock
) -> None:
    state.update_config({"create_limit_per_second": 1})
    await create(client, key="first")
    clock.advance(1.0)

    assert (await create(client, key="second"))[0] == 200


async def test_stats_count_refused_creates_and_the_peak_per_second(client: SimClient, state: SimulatorState) -> None:
    state.update_config({"create_limit_per_second": 1})
    for n in range(3):
        await create(client, key=f"job-{n}")

    stats = state.stats()

    assert (stats["create_rate_limited"], stats["create_peak_per_second"], stats["tasks_created"]) == (2, 3, 1)


async def test_without_a_create_limit_no_create_is_refused(client: SimClient, state: SimulatorState) -> None:
    statuses = {(await create(client, key=f"job-{n}"))[0] for n in range(30)}

    assert statuses == {200}
    assert state.stats()["create_rate_limited"] == 0


def test_the_create_limit_is_a_command_line_flag() -> None:
    args = build_parser().parse_args(["--create-limit-per-second", "5"])

    assert config_from_args(args).create_limit_per_second == 5.0


def test_a_create_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="create_limit_per_second must be > 0 or null"):
        SimConfig(create_limit_per_second=0)
