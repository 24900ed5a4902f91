"""Test doubles shared by the engine tests: a virtual clock and a recorder of the engine's events."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from services.core.models import Job
from services.engine.events import DeliveryError, DeliveryProblem, JobPhase, RunStatus
from services.images.fitting import FittedImage


async def settle() -> None:
    """Let every ready task run until it waits again."""
    for _ in range(20):
        await asyncio.sleep(0)


class FakeClock:
    """Virtual time: `sleep` advances it at once, so polling and backoff run in milliseconds."""

    def __init__(self, start: float = 1_795_000_000.0) -> None:
        self.time = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        """The virtual time."""
        return self.time

    async def sleep(self, seconds: float) -> None:
        """Advance the virtual time and let other tasks run."""
        self.sleeps.append(seconds)
        self.time += max(0.0, seconds)
        await asyncio.sleep(0)


@dataclass
class RecordingEvents:
    """Records what the engine reports; `deliver` can be made to fail."""

    phases: list[tuple[str, JobPhase, int]] = field(default_factory=list)
    statuses: list[tuple[str, JobPhase, RunStatus]] = field(default_factory=list)
    delivered: list[tuple[Job, list[FittedImage]]] = field(default_factory=list)
    ended: list[Job] = field(default_factory=list)
    fail_delivery: bool = False
    on_phase: Callable[[Job, JobPhase], Awaitable[None]] | None = None

    async def job_changed(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        self.phases.append((job.id, phase, status.progress))
        self.statuses.append((job.id, phase, status))
        if self.on_phase is not None:
            await self.on_phase(job, phase)

    async def deliver(self, job: Job, images: Sequence[FittedImage]) -> tuple[int, ...]:
        if self.fail_delivery:
            raise DeliveryError(DeliveryProblem.CHANNEL_REFUSED, status=403, code=50013)
        self.delivered.append((job, list(images)))
        return (1000 + len(self.delivered),)

    posted: dict[str, tuple[tuple[int, ...], int]] = field(default_factory=dict)

    async def find_delivery(self, job: Job) -> tuple[tuple[int, ...], int] | None:
        return self.posted.get(job.id)

    async def job_ended(self, job: Job) -> None:
        self.ended.append(job)
