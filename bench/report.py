"""The benchmark's report as Markdown: how it was run, then per scenario one table of min / median / max
over the runs with the issue's target beside each figure it sets one for."""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import dataclass

from bench.figures import RunRecord, spread
from bench.scenarios import Scenario
from bench.simulation import QUERY_LIMIT_PER_SECOND, RESULT_SIZES

ROWS: tuple[tuple[str, str, str], ...] = (
    ("delivered", "jobs delivered", "{:.0f}"),
    ("request_to_images_p50", "request to images p50 (s)", "{:.2f}"),
    ("request_to_images_p99", "request to images p99 (s)", "{:.2f}"),
    ("beyond_task_p50", "request to images minus the task's duration p50 (s)", "{:.2f}"),
    ("beyond_task_p99", "request to images minus the task's duration p99 (s)", "{:.2f}"),
    ("completion_to_delivery_p50", "completion to delivery p50 (s)", "{:.3f}"),
    ("completion_to_delivery_p99", "completion to delivery p99 (s)", "{:.3f}"),
    ("completion_to_callback_p50", "  of which completion to callback p50 (s)", "{:.3f}"),
    ("completion_to_sight_p50", "  of which completion to the first query that saw it p50 (s)", "{:.3f}"),
    ("completion_to_sight_p99", "  of which completion to the first query that saw it p99 (s)", "{:.3f}"),
    ("sight_to_delivery_p50", "  of which that query to delivery p50 (s)", "{:.3f}"),
    ("sight_to_delivery_p99", "  of which that query to delivery p99 (s)", "{:.3f}"),
    ("ack_ms_p50", "ack p50 (ms)", "{:.0f}"),
    ("ack_ms_p99", "ack p99 (ms)", "{:.0f}"),
    ("queries_mean", "status queries per job, mean", "{:.2f}"),
    ("queries_max", "status queries per job, max", "{:.0f}"),
    ("queries_peak_per_second", "status queries, peak per second", "{:.0f}"),
    ("rate_limited", "429s received", "{:.0f}"),
    ("edits_mean", "Discord edits per job, mean", "{:.2f}"),
    ("edits_p50", "Discord edits per job, median", "{:.0f}"),
    ("edits_max", "Discord edits per job, max", "{:.0f}"),
    ("peak_rss_mb", "peak RSS of the bot (MB)", "{:.0f}"),
    ("cpu_seconds", "CPU seconds of the bot", "{:.1f}"),
    ("self_cancelled", "jobs cancelled by their own process (log lines)", "{:.0f}"),
    ("failed_in_database", "jobs failed/cancelled/expired in the database", "{:.0f}"),
    ("unfinished_in_database", "jobs unfinished in the database at the deadline", "{:.0f}"),
    ("log_warnings", "WARNING lines in the bot's log", "{:.0f}"),
    ("log_errors", "ERROR lines in the bot's log", "{:.0f}"),
    ("wall_seconds", "first command to last result (s)", "{:.1f}"),
    ("baseline_delivered", "baseline: twins done", "{:.0f}"),
    ("baseline_request_to_images_p50", "baseline: request to images p50 (s)", "{:.2f}"),
    ("baseline_request_to_images_p99", "baseline: request to images p99 (s)", "{:.2f}"),
    ("baseline_beyond_task_p50", "baseline: minus the task's duration p50 (s)", "{:.2f}"),
    ("baseline_beyond_task_p99", "baseline: minus the task's duration p99 (s)", "{:.2f}"),
    ("baseline_queries_mean", "baseline: status queries per job, mean", "{:.2f}"),
    ("baseline_queries_max", "baseline: status queries per job, max", "{:.0f}"),
    ("baseline_peak_per_second", "baseline: status queries, peak per second", "{:.0f}"),
    ("baseline_rate_limited", "baseline: 429s received", "{:.0f}"),
)
"""Each figure's key (see `bench.figures`), its name in the report and its format."""

_BURST_TARGETS = {
    "delivered": "all",
    "beyond_task_p50": "≤ 1.5",
    "beyond_task_p99": "≤ 4",
    "queries_mean": "≤ 2",
    "queries_peak_per_second": f"≤ {QUERY_LIMIT_PER_SECOND:.0f}",
    "rate_limited": "0",
    "ack_ms_p99": "< 100",
    "edits_p50": "≤ 4",
}
TARGETS: dict[str, dict[str, str]] = {
    "burst": _BURST_TARGETS,
    "callbacks": {
        **_BURST_TARGETS,
        "completion_to_delivery_p50": "< 0.200",
        "queries_mean": "≤ 1.2",
    },
    "flood": {"self_cancelled": "0", "peak_rss_mb": "< 200"},
    "long": {"edits_p50": "≤ 4"},
}
"""The issue's targets (default settings, this 2-core machine)."""


@dataclass(frozen=True)
class RunSetting:
    """How the benchmark was invoked, for the report's introduction."""

    command: str
    bot_root: str
    bot_version: str
    runs: int


def _cell(value: float, fmt: str) -> str:
    if math.isinf(value):
        return "∞"
    return fmt.format(value)


def scenario_table(scenario: Scenario, runs: list[dict[str, float]]) -> list[str]:
    """The scenario's table: one row per figure measured in its runs."""
    targets = TARGETS.get(scenario.name, {})
    lines = ["| figure | min | median | max | target |", "| --- | --- | --- | --- | --- |"]
    for key, label, fmt in ROWS:
        values = spread(runs, key)
        if values is None:
            continue
        cells = " | ".join(_cell(value, fmt) for value in values)
        lines.append(f"| {label} | {cells} | {targets.get(key, '')} |")
    return lines


def scenario_section(scenario: Scenario, records: list[RunRecord], runs: list[dict[str, float]]) -> list[str]:
    """A scenario's heading, its table and what each run left behind."""
    lines = [f"## {scenario.name}: {scenario.summary}", "", *scenario_table(scenario, runs), ""]
    for number, record in enumerate(records, 1):
        states = ", ".join(f"{state} {count}" for state, count in sorted(record.states.items())) or "none"
        load = f"{record.load_average[0]:.2f} → {record.load_average[1]:.2f}"
        notes = "".join(f"; {note}" for note in record.notes)
        lines.append(f"- run {number}: jobs in the database: {states}; load average {load}{notes}")
    return [*lines, ""]


def introduction(setting: RunSetting) -> list[str]:
    """Where, when and how the benchmark ran."""
    sizes = ", ".join(RESULT_SIZES)
    return [
        "# Benchmarks",
        "",
        f"Written by `python -m bench` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; the bot from `{setting.bot_root}` "
        f"({setting.bot_version}). Command:",
        "",
        f"    {setting.command}",
        "",
        "The real bot process (`python bot.py`) runs at its DEFAULT settings: its environment sets only the "
        "token, the API key and address, the database (a fresh SQLite file per run), "
        "`IMAGE_URL_ALLOW_PRIVATE` (the local simulator), the guild, the web port, `PUBLIC_BASE_URL` with "
        "callbacks, and `LOG_LEVEL=INFO` (its default); member quotas are raised only where the benchmark's "
        "own jobs would be refused (listed per scenario). The engine's throttles and polling bounds are the "
        "defaults; nothing is time-scaled.",
        "",
        f"The simulator is set as production: at most {QUERY_LIMIT_PER_SECOND:.0f} task queries per second "
        "(429 with Retry-After above), estimates off by -40%..+50%, uneven progress, result images of "
        f"1.5-5 MB (noise PNGs; the members ask in turn for {sizes}). It runs in the benchmark's process and "
        "renders each size once. Request to images is what a member waits: from the `/imagine` interaction "
        "to the message with the images (queue, task and delivery); an undelivered job counts as ∞. "
        "Status queries count every task query the simulator received for a job, 429s included. Discord "
        "edits count every PATCH of the job's interaction messages, the result included. The baseline is a "
        "plain poller asking every 3 s within one shared budget of 20 queries/s, on twin tasks of the same "
        "durations and sizes created at the same moments, after the bot's run (its images: the files "
        "downloaded).",
        "",
        f"Each scenario ran {setting.runs} time(s), a fresh bot each time: min / median / max over the runs.",
        "",
    ]


def render(setting: RunSetting, sections: list[tuple[Scenario, list[RunRecord], list[dict[str, float]]]]) -> str:
    """The whole report."""
    lines = introduction(setting)
    for scenario, records, runs in sections:
        lines += scenario_section(scenario, records, runs)
    return "\n".join(lines).rstrip("\n") + "\n"
