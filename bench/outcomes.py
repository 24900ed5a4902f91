"""What happened to each job of a run: when its images arrived, how long its task took, how many status
queries and Discord edits it cost. Times are `time.monotonic()` (the fake Discord's clock)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.load import Job
from simulator.state import SimTask, SimulatorState
from tests.support.fake_discord import InteractionRecord

CHECK_EVERY = 0.25
"""Seconds between two looks at the fake's records (delivery times are the fake's own, not these)."""


@dataclass(frozen=True)
class JobOutcome:
    """One job's figures; None where it never got that far."""

    sent_at: float
    ack_latency: float | None
    delivered_at: float | None
    task_duration: float | None
    task_completed_at: float | None
    seen_at: float | None
    """When the bot's first task query found the task ended (the bot's detection)."""
    callback_at: float | None
    """When the task's callback was answered by the bot (callbacks only)."""
    queries: int
    edits: int

    @property
    def request_to_images(self) -> float | None:
        """What the member waited: from the command to the message with the images."""
        return None if self.delivered_at is None else self.delivered_at - self.sent_at

    @property
    def beyond_task(self) -> float | None:
        """Request to images minus the task's own duration: queue, polling and delivery."""
        waited = self.request_to_images
        return None if waited is None or self.task_duration is None else waited - self.task_duration

    @property
    def completion_to_delivery(self) -> float | None:
        """From the task's completion at the API to the message with the images."""
        if self.delivered_at is None or self.task_completed_at is None:
            return None
        return self.delivered_at - self.task_completed_at

    @property
    def completion_to_sight(self) -> float | None:
        """From the task's completion to the bot's first query that found it ended (detection)."""
        if self.seen_at is None or self.task_completed_at is None:
            return None
        return self.seen_at - self.task_completed_at

    @property
    def sight_to_delivery(self) -> float | None:
        """From that query to the message with the images: download, fit, upload."""
        return None if self.delivered_at is None or self.seen_at is None else self.delivered_at - self.seen_at

    @property
    def completion_to_callback(self) -> float | None:
        """From the task's completion to its callback answered by the bot."""
        if self.callback_at is None or self.task_completed_at is None:
            return None
        return self.callback_at - self.task_completed_at


def delivered_at(record: InteractionRecord) -> float | None:
    """When the first accepted edit or followup carrying images arrived."""
    times = [edit.at for edit in record.edits if edit.status < 300 and edit.files]
    times += [message.created_at for message in record.followups if message.attachments]
    return min(times, default=None)


async def wait_for_deliveries(jobs: list[Job], deadline: float, alive: Callable[[], bool]) -> int:
    """Wait until every job has its images, the monotonic `deadline` passes or the bot dies; returns
    how many were delivered."""
    pending = list(jobs)
    while pending and time.monotonic() < deadline and alive():
        await asyncio.sleep(CHECK_EVERY)
        pending = [job for job in pending if delivered_at(job.record) is None]
    return len(jobs) - len(pending)


def tasks_by_prompt(state: SimulatorState) -> dict[str, list[SimTask]]:
    """The simulator's tasks grouped by prompt, in creation order."""
    grouped: dict[str, list[SimTask]] = {}
    for task in sorted(state.tasks.values(), key=lambda t: t.created_at):
        grouped.setdefault(task.request.prompt, []).append(task)
    return grouped


def outcome_of(job: Job, tasks: list[SimTask], get_counts: dict[str, int]) -> JobOutcome:
    """The job's figures from the fake's record and the simulator's tasks for its prompt (the last one
    is the one that produced the images, if there were several)."""
    task = tasks[-1] if tasks else None
    wall_to_monotonic = time.monotonic() - time.time()

    def monotonic(at: float | None) -> float | None:
        return None if at is None else at + wall_to_monotonic

    return JobOutcome(
        sent_at=job.sent_at,
        ack_latency=job.record.ack_latency,
        delivered_at=delivered_at(job.record),
        task_duration=None if task is None else task.duration,
        task_completed_at=None if task is None else monotonic(task.terminal_at),
        seen_at=None if task is None else monotonic(task.queried_terminal_at),
        callback_at=None if task is None else monotonic(task.callback_delivered_at),
        queries=sum(get_counts.get(t.id, 0) for t in tasks),
        edits=len(job.record.edits),
    )


def outcomes_of(jobs: list[Job], state: SimulatorState) -> list[JobOutcome]:
    """Every job's figures (read while the simulator still holds the run's tasks)."""
    tasks = tasks_by_prompt(state)
    counts = dict(state.get_counts)
    return [outcome_of(job, tasks.get(job.prompt, []), counts) for job in jobs]
