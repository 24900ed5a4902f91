"""Sending the `/imagine` commands of one run, evenly spaced over the scenario's window."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from bench.scenarios import Scenario
from bench.simulation import RESULT_SIZES
from tests.support.fake_discord import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, FakeDiscord, InteractionRecord

FIRST_USER = 1_250_000_000_000_100_000


@dataclass
class Job:
    """One command sent, and the interaction the fake Discord records for it."""

    index: int
    prompt: str
    size: str
    record: InteractionRecord

    @property
    def sent_at(self) -> float:
        """Monotonic time the command was sent to the bot."""
        return self.record.sent_at


def add_members(fake: FakeDiscord, users: int) -> None:
    """The members who send the commands, in the default guild."""
    for i in range(users):
        fake.add_member(DEFAULT_GUILD_ID, FIRST_USER + i, f"bench-{i}")


def prompt_of(scenario: Scenario, run: int, index: int) -> str:
    """A prompt unique to the job, so its task can be found in the simulator."""
    return f"bench {scenario.name} run {run} job {index}"


async def send_commands(fake: FakeDiscord, scenario: Scenario, run: int) -> list[Job]:
    """Send every command of the run at its moment (member i % users, size i % len(RESULT_SIZES))."""
    gap = scenario.window / max(1, scenario.jobs)
    start = time.monotonic()
    jobs = []
    for index in range(scenario.jobs):
        delay = start + index * gap - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        prompt, size = prompt_of(scenario, run, index), RESULT_SIZES[index % len(RESULT_SIZES)]
        record = await fake.invoke_command(
            "imagine",
            {"prompt": prompt, "size": size},
            user_id=FIRST_USER + index % scenario.users,
            channel_id=DEFAULT_CHANNEL_ID,
        )
        jobs.append(Job(index, prompt, size, record))
    return jobs
