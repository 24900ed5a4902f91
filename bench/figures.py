"""The figures of one run, from the jobs' outcomes and what the simulator, the bot's process, database and
log recorded; and the same figures' min/median/max over several runs.

A job that never got its images counts as waiting forever (infinity) in the percentiles of waiting
times, so a p99 over a run with undelivered jobs says so instead of looking good."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.baseline import BaselineOutcome
from bench.outcomes import JobOutcome

FINAL_FAILURES = ("failed", "cancelled", "expired", "rejected")
UNFINISHED = ("awaiting_approval", "queued", "submitting", "submitted", "completed")


@dataclass
class RunRecord:
    """Everything one run of a scenario measured."""

    outcomes: list[JobOutcome]
    peak_per_second: int
    rate_limited: int
    peak_rss_mb: float
    cpu_seconds: float
    self_cancelled: int
    states: Counter[str]
    log_levels: Counter[str]
    wall_seconds: float
    load_average: tuple[float, float]
    """The machine's 1-minute load average when the run started and when it ended."""
    baseline: BaselineOutcome | None = None
    notes: list[str] = field(default_factory=list)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank); NaN when there is none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


def _waits(values: Sequence[float | None]) -> list[float]:
    """Waiting times with every missing one (never delivered) as infinity."""
    return [math.inf if value is None else value for value in values]


def _p50_p99(prefix: str, values: list[float]) -> dict[str, float]:
    return {f"{prefix}_p50": percentile(values, 0.5), f"{prefix}_p99": percentile(values, 0.99)}


def _mean_max(prefix: str, values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {f"{prefix}_mean": math.nan, f"{prefix}_max": math.nan}
    return {f"{prefix}_mean": statistics.fmean(values), f"{prefix}_max": float(max(values))}


def delivery_figures(outcomes: list[JobOutcome]) -> dict[str, float]:
    """Jobs delivered, and what members waited."""
    delivered = [o for o in outcomes if o.delivered_at is not None]
    after_completion = [w for o in delivered if (w := o.completion_to_delivery) is not None]
    return {
        "jobs": float(len(outcomes)),
        "delivered": float(len(delivered)),
        **_p50_p99("request_to_images", _waits([o.request_to_images for o in outcomes])),
        **_p50_p99("beyond_task", _waits([o.beyond_task for o in outcomes])),
        **_p50_p99("completion_to_delivery", after_completion),
        **_p50_p99("completion_to_callback", [w for o in delivered if (w := o.completion_to_callback) is not None]),
        **_p50_p99("completion_to_sight", [w for o in delivered if (w := o.completion_to_sight) is not None]),
        **_p50_p99("sight_to_delivery", [w for o in delivered if (w := o.sight_to_delivery) is not None]),
        **_p50_p99("ack_ms", [1000 * a if (a := o.ack_latency) is not None else math.inf for o in outcomes]),
    }


def cost_figures(record: RunRecord) -> dict[str, float]:
    """What the run cost: status queries, Discord edits, memory, CPU; and what went wrong."""
    with_task = [o for o in record.outcomes if o.task_duration is not None]
    return {
        **_mean_max("queries", [o.queries for o in with_task]),
        "queries_peak_per_second": float(record.peak_per_second),
        "rate_limited": float(record.rate_limited),
        **_mean_max("edits", [o.edits for o in record.outcomes]),
        "edits_p50": percentile([o.edits for o in record.outcomes], 0.5),
        "peak_rss_mb": record.peak_rss_mb,
        "cpu_seconds": record.cpu_seconds,
        "self_cancelled": float(record.self_cancelled),
        "failed_in_database": float(sum(n for s, n in record.states.items() if s.startswith(FINAL_FAILURES))),
        "unfinished_in_database": float(sum(n for s, n in record.states.items() if s.startswith(UNFINISHED))),
        "log_warnings": float(record.log_levels["WARNING"]),
        "log_errors": float(record.log_levels["ERROR"] + record.log_levels["CRITICAL"]),
        "wall_seconds": record.wall_seconds,
    }


def baseline_figures(baseline: BaselineOutcome) -> dict[str, float]:
    """The 3-s poller's figures on the twin tasks."""
    return {
        "baseline_jobs": float(len(baseline.queries)),
        "baseline_delivered": float(sum(1 for w in baseline.request_to_images if w is not None)),
        **_mean_max("baseline_queries", baseline.queries),
        "baseline_peak_per_second": float(baseline.peak_per_second),
        "baseline_rate_limited": float(baseline.rate_limited),
        **_p50_p99("baseline_request_to_images", _waits(baseline.request_to_images)),
        **_p50_p99("baseline_beyond_task", _waits(baseline.beyond_task)),
    }


def run_figures(record: RunRecord) -> dict[str, float]:
    """Every figure of one run, by key (see `bench.report.ROWS` for their names)."""
    figures = {**delivery_figures(record.outcomes), **cost_figures(record)}
    if record.baseline is not None:
        figures.update(baseline_figures(record.baseline))
    return figures


def spread(runs: list[dict[str, float]], key: str) -> tuple[float, float, float] | None:
    """Min, median and max of one figure over the runs that have it (NaN ones left out)."""
    values = sorted(run[key] for run in runs if key in run and not math.isnan(run[key]))
    if not values:
        return None
    return values[0], statistics.median(values), values[-1]
