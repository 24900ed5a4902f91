"""The load benchmark: the real bot process against the simulator and the fake Discord.

    python -m bench [--jobs 500] [--users 100] [--window 10] [--time-scale 0.25] [--modes polling callbacks]

For each mode it starts a fresh bot (its own database), fires `--jobs` `/imagine` commands from
`--users` members within `--window` seconds, waits for every result, and measures: ack latency,
completion-to-delivery (the simulator marking a task completed to the last attachment received),
status calls per job against a baseline poller that asks every 3 s (scaled like the task durations)
about twin tasks of the same durations in the same run, the bot's peak RSS and CPU seconds per job,
and failures. Task durations are drawn from 20-90 s and multiplied by `--time-scale`; the bot's
polling bounds are scaled alike, so the ratios are those of real durations.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.baseline import BaselineResult, run_baseline
from bench.process_stats import ProcessSampler
from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.e2e.bot_process import BotProcess
from tests.support.fake_discord import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, FakeDiscord, InteractionRecord

REPORT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
FIRST_USER = 1_250_000_000_000_100_000

Row = tuple[str, list[str]]
"""A measure's name and its value in each mode (a row of the report's table)."""


@dataclass
class ModeResult:
    """What one mode (polling or callbacks) measured."""

    mode: str
    ack: list[float] = field(default_factory=list)
    completion_to_delivery: list[float] = field(default_factory=list)
    status_calls: list[int] = field(default_factory=list)
    failures: int = 0
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0
    rss_by_progress: list[tuple[int, float]] = field(default_factory=list)
    baseline: BaselineResult | None = None
    wall_seconds: float = 0.0


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def bot_settings(
    sim: RunningSimulator, database: Path, jobs: int, scale: float, web_port: int | None
) -> dict[str, str]:
    """The bot's environment: limits out of the way, polling bounds scaled like the durations."""
    env = {
        "DISCORD_TOKEN": "bench-token",
        "WAN_API_KEY": "bench-key",
        "WAN_API_BASE_URL": sim.api_base_url,
        "DATABASE_URL": f"sqlite:///{database}",
        "IMAGE_URL_ALLOW_PRIVATE": "true",
        "DISCORD_GUILD_IDS": str(DEFAULT_GUILD_ID),
        "USER_DAILY_IMAGES": str(jobs * 4),
        "USER_MAX_ACTIVE_JOBS": str(jobs),
        "GUILD_DAILY_IMAGES": "0",
        "MAX_TASKS_IN_FLIGHT": str(jobs),
        "CREATES_PER_SECOND": "100",
        "POLL_MIN_INTERVAL": f"{max(0.05, 1.0 * scale):.3f}",
        "POLL_MAX_INTERVAL": f"{max(0.5, 30.0 * scale):.3f}",
        "JOB_DEADLINE_SECONDS": "600",
        "LOG_LEVEL": "WARNING",
        "WEB_PORT": str(web_port or 0),
    }
    if web_port:
        env["PUBLIC_BASE_URL"] = f"http://127.0.0.1:{web_port}"
    return env


async def run_mode(
    mode: str, args: argparse.Namespace, sim: RunningSimulator, fake: FakeDiscord, workdir: Path
) -> ModeResult:
    """One bot, `args.jobs` commands, every result awaited."""
    result = ModeResult(mode)
    web_port = _free_port() if mode == "callbacks" else None
    env = bot_settings(sim, workdir / f"{mode}.db", args.jobs, args.time_scale, web_port)
    bot = BotProcess(fake.base_url, env, workdir / f"{mode}.log")
    identified = fake.identify_count
    await bot.start()
    assert bot.process is not None
    sampler = ProcessSampler(bot.process.pid)
    try:
        await fake.wait_until_ready(timeout=60, after=identified)
        await fake.wait_for_command_sync(timeout=60)
        started = time.monotonic()
        records = await _fire(fake, args, mode)
        delivered = 0
        for record in records:
            try:
                edit = await record.wait_until_edit(lambda e: bool(e.files), timeout=args.timeout)
            except TimeoutError:
                result.failures += 1
                continue
            delivered += 1
            result.ack.append(record.ack_latency or float("nan"))
            task = _task_for(sim, record)
            if task is not None:
                result.completion_to_delivery.append(edit.at - (task.terminal_at - time.time() + time.monotonic()))
                result.status_calls.append(sim.state.get_counts.get(task.id, 0))
            if delivered % max(1, args.jobs // 4) == 0:
                result.rss_by_progress.append((delivered, sampler.rss_mb()))
        result.wall_seconds = time.monotonic() - started
        result.peak_rss_mb, result.cpu_seconds = sampler.peak_rss_mb(), sampler.cpu_seconds()
    finally:
        await bot.stop()
    # After the bot's run, not during it, so its load does not disturb what was measured for the bot.
    result.baseline = await run_baseline(sim, _durations_of(sim, mode, args.jobs), args.time_scale)
    failed_edits = [r for r in records if any("failed" in (e.content or "") for e in r.edits)]
    result.failures += len(failed_edits)
    return result


async def _fire(fake: FakeDiscord, args: argparse.Namespace, mode: str) -> list[InteractionRecord]:
    gap = args.window / max(1, args.jobs)
    records = []
    for i in range(args.jobs):
        user = FIRST_USER + i % args.users
        prompt = f"bench {mode} {i} [big]" if args.big_images else f"bench {mode} {i}"
        records.append(
            await fake.invoke_command("imagine", {"prompt": prompt}, user_id=user, channel_id=DEFAULT_CHANNEL_ID)
        )
        await asyncio.sleep(gap)
    return records


def _task_for(sim: RunningSimulator, record: InteractionRecord):
    prompt = next(o["value"] for o in record.payload["data"]["options"] if o["name"] == "prompt")
    return next((t for t in sim.state.tasks.values() if t.request.prompt == prompt), None)


def _durations_of(sim: RunningSimulator, mode: str, jobs: int) -> list[float]:
    return [t.duration for t in sim.state.tasks.values() if t.request.prompt.startswith(f"bench {mode} ")][:jobs]


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def render(results: list[ModeResult], args: argparse.Namespace, command: str) -> str:
    """The report as Markdown."""
    lines = _introduction(args, command)
    lines += [
        "| measure | " + " | ".join(r.mode for r in results) + " |",
        "| --- | " + " | ".join("---" for _ in results) + " |",
    ]
    rows = _latency_rows(results) + _status_call_rows(results) + _cost_rows(results, args.jobs)
    lines += [f"| {name} | " + " | ".join(values) + " |" for name, values in rows]
    return "\n".join(lines) + "\n"


def _introduction(args: argparse.Namespace, command: str) -> list[str]:
    """Where and how the run was made, before the table."""
    return [
        "# Benchmarks",
        "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}. Command:",
        "",
        f"    {command}",
        "",
        f"{args.jobs} `/imagine` commands from {args.users} members within {args.window} s per mode; task "
        f"durations 20-90 s scaled by {args.time_scale} (so {20 * args.time_scale:g}-{90 * args.time_scale:g} s); "
        "the bot's polling bounds are scaled alike. Times in seconds, medians and p99.",
        "",
    ]


def _latency_rows(results: list[ModeResult]) -> list[Row]:
    """How fast commands are acknowledged and results delivered."""
    return [
        ("ack latency p50 / p99", [f"{percentile(r.ack, 0.5):.3f} / {percentile(r.ack, 0.99):.3f}" for r in results]),
        (
            "completion to delivery p50 / p99",
            [
                f"{percentile(r.completion_to_delivery, 0.5):.3f} / {percentile(r.completion_to_delivery, 0.99):.3f}"
                for r in results
            ],
        ),
    ]


def _status_call_rows(results: list[ModeResult]) -> list[Row]:
    """The bot's status calls against those of the 3-s baseline poller."""
    return [
        ("status calls per job (median)", [f"{statistics.median(r.status_calls or [0]):.1f}" for r in results]),
        (
            "baseline 3-s poller: calls per job (median)",
            [f"{statistics.median(r.baseline.calls or [0]):.1f}" if r.baseline else "-" for r in results],
        ),
        (
            "status calls vs baseline (ratio of means)",
            [
                f"{statistics.mean(r.status_calls) / statistics.mean(r.baseline.calls):.0%}"
                if r.baseline and r.status_calls and r.baseline.calls
                else "-"
                for r in results
            ],
        ),
        (
            "baseline detection delay p50 (completion to the poll that sees it)",
            [f"{percentile(r.baseline.delays, 0.5):.3f}" if r.baseline else "-" for r in results],
        ),
    ]


def _cost_rows(results: list[ModeResult], jobs: int) -> list[Row]:
    """What the run cost the bot (memory, CPU, time) and what failed."""
    return [
        ("peak RSS of the bot (MB)", [f"{r.peak_rss_mb:.0f}" for r in results]),
        ("RSS as results arrive (MB)", [", ".join(f"{n}: {mb:.0f}" for n, mb in r.rss_by_progress) for r in results]),
        ("bot CPU seconds per job", [f"{r.cpu_seconds / max(1, jobs):.4f}" for r in results]),
        ("wall time of the run (s)", [f"{r.wall_seconds:.1f}" for r in results]),
        ("failures", [str(r.failures) for r in results]),
    ]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--window", type=float, default=10.0, help="seconds over which the commands are sent")
    parser.add_argument("--time-scale", type=float, default=0.25, help="task durations are 20-90 s times this")
    parser.add_argument("--modes", nargs="+", default=["polling", "callbacks"], choices=["polling", "callbacks"])
    parser.add_argument("--big-images", action="store_true", help="noise images (several MB) instead of plain ones")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for each result")
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the Markdown table")
    parser.add_argument("--no-report", action="store_true", help="print the table only")
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> list[ModeResult]:
    """Run every mode and write the report."""
    args = parse_args(argv)
    config = SimConfig(
        duration_min=20.0,
        duration_max=90.0,
        time_scale=args.time_scale,
        seed=1,
        default_size="1280x1280",
        allow_insecure_callbacks=True,
    )
    sim = await start_simulator(config, access_log=False)
    fake = FakeDiscord()
    for i in range(args.users):
        fake.add_member(DEFAULT_GUILD_ID, FIRST_USER + i, f"bench-{i}")
    await fake.start()
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="imagine-bench-") as workdir:
            for mode in args.modes:
                results.append(await run_mode(mode, args, sim, fake, Path(workdir)))
    finally:
        await fake.close()
        await sim.close()
    command = "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv)
    report = render(results, args, command.strip())
    print(report)
    if not args.no_report:
        args.report.write_text(report)
    return results


if __name__ == "__main__":
    asyncio.run(main())
