"""The benchmark's small run (`python -m bench --quick`): 50 jobs against the bot at its default settings,
the provider's query limit enforced. Every job must be delivered, none cancelled or failed, and no query
refused; no timing is asserted (speed is judged from the full run in docs/benchmarks.md)."""

from __future__ import annotations

import pytest
import pytest_asyncio

from bench.run import main

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def quick_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """One quick run's figures."""
    [result] = await main(["--quick", "--no-report", "--workdir", str(tmp_path_factory.mktemp("bench"))])
    [figures] = result.figures
    return figures


async def test_every_job_of_the_quick_run_is_delivered(quick_run: dict[str, float]) -> None:
    assert quick_run["delivered"] == quick_run["jobs"] == 50


async def test_no_job_of_the_quick_run_fails_or_is_cancelled_by_its_own_process(quick_run: dict[str, float]) -> None:
    assert (quick_run["failed_in_database"], quick_run["self_cancelled"]) == (0, 0)


async def test_the_bot_stays_within_the_providers_query_limit(quick_run: dict[str, float]) -> None:
    assert quick_run["rate_limited"] == 0


async def test_the_baseline_poller_runs_on_every_twin_task(quick_run: dict[str, float]) -> None:
    assert quick_run["baseline_delivered"] == quick_run["baseline_jobs"] == 50
