"""One bot process through one run: started at its defaults, sent the commands, watched until every
result arrived or the deadline passed, measured, stopped, and its database and log read."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from bench.bot_env import bot_environment, only_these, quota_overrides
from bench.bot_records import count_levels, count_self_cancelled, job_states
from bench.figures import RunRecord
from bench.load import send_commands
from bench.outcomes import JobOutcome, outcomes_of, wait_for_deliveries
from bench.process_stats import ProcessSampler
from bench.scenarios import Scenario
from simulator.server import RunningSimulator
from tests.e2e.bot_process import BotProcess
from tests.support.fake_discord import FakeDiscord

READY_TIMEOUT = 60.0


def free_port() -> int:
    """A TCP port nobody listens on now (the bot's web server)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wall_seconds(outcomes: list[JobOutcome], deadline_at: float) -> float:
    """From the first command to the last result (to the deadline when some never arrived)."""
    first = min(o.sent_at for o in outcomes)
    if any(o.delivered_at is None for o in outcomes):
        return deadline_at - first
    return max(o.delivered_at for o in outcomes if o.delivered_at is not None) - first


class BotRun:
    """The bot's side of one run of a scenario."""

    def __init__(
        self, scenario: Scenario, run: int, sim: RunningSimulator, fake: FakeDiscord, workdir: Path, root: Path
    ) -> None:
        self._scenario = scenario
        self._run = run
        self._sim = sim
        self._fake = fake
        self.database = workdir / f"{scenario.name}-{run}.db"
        settings = bot_environment(sim.api_base_url, self.database, scenario, free_port())
        self.bot = BotProcess(fake.base_url, settings, workdir / f"{scenario.name}-{run}.log", root=root)
        self.bot.env = only_these(self.bot.env, settings)

    def _alive(self) -> bool:
        return self.bot.process is not None and self.bot.process.returncode is None

    async def measure(self) -> tuple[RunRecord, list[str]]:
        """Run the bot through the scenario; the run's record and each job's requested size."""
        await self.bot.start()
        assert self.bot.process is not None
        sampler = ProcessSampler(self.bot.process.pid)
        try:
            await self._fake.wait_until_ready(timeout=READY_TIMEOUT)
            await self._fake.wait_for_command_sync(timeout=READY_TIMEOUT)
            load_before = os.getloadavg()[0]
            jobs = await send_commands(self._fake, self._scenario, self._run)
            deadline_at = jobs[-1].sent_at + self._scenario.deadline
            await wait_for_deliveries(jobs, deadline_at, self._alive)
            peak_rss, cpu = sampler.peak_rss_mb(), sampler.cpu_seconds()
            outcomes = outcomes_of(jobs, self._sim.state)
            limit = self._sim.state.query_limit
            peak_per_second, rate_limited = limit.peak_per_second, limit.refused
            ended_at = min(time.monotonic(), deadline_at)
            exit_code = None if self._alive() else self.bot.process.returncode
        finally:
            await self.bot.stop()
        record = RunRecord(
            outcomes=outcomes,
            peak_per_second=peak_per_second,
            rate_limited=rate_limited,
            peak_rss_mb=peak_rss,
            cpu_seconds=cpu,
            self_cancelled=count_self_cancelled(self.bot.log()),
            states=await job_states(self.database),
            log_levels=count_levels(self.bot.log()),
            wall_seconds=wall_seconds(outcomes, ended_at),
            load_average=(load_before, os.getloadavg()[0]),
        )
        record.notes += [f"quota raised: {name}={value}" for name, value in quota_overrides(self._scenario).items()]
        if exit_code is not None:
            record.notes.append(f"the bot exited during the run (code {exit_code})")
        return record, [job.size for job in jobs]
