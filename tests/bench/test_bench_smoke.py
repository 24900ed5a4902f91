"""A scaled-down run of the load benchmark: it must complete with no failure (no timing is asserted;
speed is judged from the full run in docs/benchmarks.md)."""

from __future__ import annotations

import pytest

from bench.run import main

pytestmark = pytest.mark.e2e


async def test_a_small_benchmark_run_delivers_every_job() -> None:
    results = await main(
        ["--jobs", "50", "--users", "10", "--window", "2", "--time-scale", "0.04", "--timeout", "60", "--no-report"]
    )
    assert [r.mode for r in results] == ["polling", "callbacks"]
    for result in results:
        assert result.failures == 0
        assert len(result.completion_to_delivery) == 50
        assert result.baseline is not None
        assert len(result.baseline.calls) == 50
