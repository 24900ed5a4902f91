"""The load benchmark: the real bot process at its DEFAULT settings against the simulator set as
production and the fake Discord.

    python -m bench [--scenario burst callbacks flood long] [--runs 3] [--bot-root PATH] [--quick]

Each run of a scenario starts a fresh bot (its own database), sends the scenario's `/imagine` commands,
waits for every result until a deadline, and measures what members waited, what it cost (status
queries, 429s, Discord edits, memory, CPU) and what went wrong; then the 3-s baseline poller runs on
twin tasks. The report (min / median / max over the runs) goes to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.baseline import Twin, run_baseline
from bench.bot_run import BotRun
from bench.figures import RunRecord, run_figures
from bench.load import add_members
from bench.outcomes import JobOutcome
from bench.process_stats import own_cpu_seconds
from bench.report import RunSetting, render
from bench.scenarios import QUICK, SCENARIOS, Scenario, overridden
from bench.simulation import prepare, start_production_simulator
from simulator.server import RunningSimulator
from tests.e2e.bot_process import REPO_ROOT
from tests.support.fake_discord import FakeDiscord

REPORT = REPO_ROOT / "docs" / "benchmarks.md"


@dataclass
class ScenarioResult:
    """A scenario's runs: what each recorded and its figures."""

    scenario: Scenario
    records: list[RunRecord]
    figures: list[dict[str, float]]


def twins_of(outcomes: list[JobOutcome], sizes: list[str]) -> list[Twin]:
    """The baseline's tasks: one per job that reached the API, at the same moment, duration and size."""
    first = min(o.sent_at for o in outcomes)
    return [
        Twin(o.sent_at - first, o.task_duration, size)
        for o, size in zip(outcomes, sizes, strict=True)
        if o.task_duration is not None
    ]


async def run_once(
    scenario: Scenario, run: int, sim: RunningSimulator, workdir: Path, args: argparse.Namespace
) -> RunRecord:
    """One run: a fresh fake Discord and bot, the commands, the results; then the baseline."""
    await prepare(sim, scenario, seed=run)
    cpu_before = own_cpu_seconds()
    fake = FakeDiscord()
    fake.keep_upload_bytes = False
    add_members(fake, scenario.users)
    await fake.start()
    try:
        bot_run = BotRun(scenario, run, sim, fake, workdir, args.bot_root)
        record, sizes = await bot_run.measure()
    finally:
        await fake.close()
    record.notes.append(f"benchmark process CPU {own_cpu_seconds() - cpu_before:.0f} s")
    if scenario.baseline and not args.no_baseline:
        await sim.state.reset()
        twins = twins_of(record.outcomes, sizes)
        record.baseline = await run_baseline(sim, twins, timeout=scenario.window + scenario.deadline)
    return record


async def run_scenario(
    scenario: Scenario, sim: RunningSimulator, workdir: Path, args: argparse.Namespace
) -> ScenarioResult:
    """Every run of one scenario."""
    result = ScenarioResult(scenario, [], [])
    for run in range(1, args.runs + 1):
        print(f"bench: {scenario.name} run {run}/{args.runs} ({scenario.summary})", file=sys.stderr, flush=True)
        record = await run_once(scenario, run, sim, workdir, args)
        result.records.append(record)
        result.figures.append(run_figures(record))
    return result


def selected_scenarios(args: argparse.Namespace) -> list[Scenario]:
    """The scenarios asked for, with the command line's overrides."""
    chosen = [QUICK] if args.quick else [SCENARIOS[name] for name in args.scenario]
    return [overridden(s, jobs=args.jobs, users=args.users, window=args.window, deadline=args.deadline) for s in chosen]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--scenario", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    parser.add_argument("--quick", action="store_true", help="the test suite's small run (50 jobs, tasks of 1-3 s)")
    parser.add_argument("--runs", type=int, default=None, help="runs per scenario (default 3; 1 with --quick)")
    parser.add_argument("--jobs", type=int, help="override the scenarios' number of commands")
    parser.add_argument("--users", type=int, help="override the scenarios' number of members")
    parser.add_argument("--window", type=float, help="override the seconds over which the commands are sent")
    parser.add_argument("--deadline", type=float, help="override the seconds after the last command to wait")
    parser.add_argument("--no-baseline", action="store_true", help="skip the 3-s baseline poller")
    parser.add_argument("--bot-root", type=Path, default=REPO_ROOT, help="the tree whose bot.py runs")
    parser.add_argument("--workdir", type=Path, help="keep the bots' databases and logs here")
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the Markdown report")
    parser.add_argument("--no-report", action="store_true", help="print the report only")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 3)
    args.bot_root = args.bot_root.resolve()
    return args


async def bot_version(root: Path) -> str:
    """The tree's commit, and whether it has uncommitted changes."""
    process = await asyncio.create_subprocess_exec(
        "git", "-C", str(root), "describe", "--always", "--dirty=, with uncommitted changes",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    out, _ = await process.communicate()
    return "commit " + out.decode().strip() if process.returncode == 0 else "not a git tree"


async def run_all(scenarios: list[Scenario], args: argparse.Namespace, workdir: Path) -> list[ScenarioResult]:
    """Every selected scenario against one simulator."""
    sim = await start_production_simulator(scenarios[0])
    try:
        return [await run_scenario(scenario, sim, workdir, args) for scenario in scenarios]
    finally:
        await sim.close()


async def main(argv: Sequence[str] | None = None) -> list[ScenarioResult]:
    """Run the selected scenarios and write the report."""
    args = parse_args(argv)
    scenarios = selected_scenarios(args)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = await run_all(scenarios, args, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="imagine-bench-") as workdir:
            results = await run_all(scenarios, args, Path(workdir))
    command = " ".join(["python -m bench", *(sys.argv[1:] if argv is None else argv)])
    setting = RunSetting(command, str(args.bot_root), await bot_version(args.bot_root), args.runs)
    report = render(setting, [(r.scenario, r.records, r.figures) for r in results])
    print(report)
    if not args.no_report:
        args.report.write_text(report)
    return results
