"""The benchmark's arithmetic and bookkeeping: percentiles that count undelivered jobs, the jobs a bot
cancelled itself as its log tells, and the quotas raised only where the benchmark's jobs need it."""

from __future__ import annotations

import math
from pathlib import Path

from bench.bot_env import bot_environment, quota_overrides
from bench.bot_records import count_self_cancelled
from bench.figures import delivery_figures, percentile
from bench.outcomes import JobOutcome
from bench.scenarios import QUICK, SCENARIOS


def _outcome(sent_at: float, delivered_at: float | None, duration: float = 5.0) -> JobOutcome:
    return JobOutcome(
        sent_at, 0.01, delivered_at, duration, sent_at + duration, seen_at=None, callback_at=None, queries=1, edits=2
    )


def test_percentiles_take_the_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]

    assert (percentile(values, 0.5), percentile(values, 0.99)) == (50.0, 99.0)


def test_an_undelivered_job_counts_as_waiting_forever() -> None:
    outcomes = [_outcome(0.0, 6.0), _outcome(0.0, None)]

    figures = delivery_figures(outcomes)

    assert figures["delivered"] == 1
    assert math.isinf(figures["request_to_images_p99"])
    assert math.isinf(figures["beyond_task_p99"])


def test_request_to_images_beyond_the_task_subtracts_its_duration() -> None:
    figures = delivery_figures([_outcome(10.0, 17.0, duration=5.0)])

    assert math.isclose(figures["beyond_task_p50"], 2.0)


def test_log_lines_of_jobs_stopped_as_taken_over_or_lapsed_are_counted() -> None:
    log = "\n".join(
        [
            "t WARNING services.engine.jobs: job ab12: lease taken over by another process; stopping it here",
            "t ERROR   services.engine.jobs: job leases lapsed; stopping 3 local job(s) for another process",
            "t INFO    services.engine.jobs: job=ab12 task=t state=delivered",
        ]
    )

    assert count_self_cancelled(log) == 4


def test_quotas_stay_at_their_defaults_when_the_jobs_fit_them() -> None:
    assert quota_overrides(SCENARIOS["burst"]) == {}
    assert quota_overrides(QUICK) == {}


def test_the_flood_raises_only_the_servers_daily_total() -> None:
    assert quota_overrides(SCENARIOS["flood"]) == {"GUILD_DAILY_IMAGES": "2000"}


def test_the_bot_environment_sets_no_throttle() -> None:
    env = bot_environment("http://127.0.0.1:1", Path("bench.db"), SCENARIOS["callbacks"], 9)

    assert not {
        "MAX_TASKS_IN_FLIGHT",
        "CREATES_PER_SECOND",
        "API_QUERIES_PER_SECOND",
        "POLL_MIN_INTERVAL",
        "POLL_MAX_INTERVAL",
    } & set(env)
    assert (env["LOG_LEVEL"], env["PUBLIC_BASE_URL"]) == ("INFO", "http://127.0.0.1:9")
