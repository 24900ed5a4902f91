"""The seam between the engine and the Discord side: how the engine reports what happens to a job."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from services.core.errors import Value
from services.core.models import Job
from services.images.fitting import FittedImage


class JobPhase(enum.StrEnum):
    """What a running job is doing, as shown to the requester."""

    AWAITING_APPROVAL = "awaiting_approval"
    QUEUED = "queued"
    SUBMITTING = "submitting"
    GENERATING = "generating"
    UPLOADING = "uploading"


@dataclass(frozen=True)
class RunStatus:
    """What only a job's run knows (never stored), as it stood when reported with a phase."""

    queue_position: int | None = None  # place in the fair queue while queued (1 = next), if known
    progress: int = 0  # percent done, as the API last reported it while generating


NOT_RUNNING = RunStatus()
"""The status of a job that is not running in this process (just accepted, approved, or read back)."""


class DeliveryProblem(enum.StrEnum):
    """Why the images could not be posted; each has a catalogue entry on the Discord side."""

    RESULT_REFUSED = "result_refused"  # Discord refused the response's edit: status, code
    PRIVATE_RESPONSE_EXPIRED = "private_response_expired"  # a private result has nowhere else to go
    CHANNEL_REFUSED = "channel_refused"  # the channel refused the message: status, code


class DeliveryError(Exception):
    """The images could not be posted anywhere (the interaction and the channel both refused): why
    (`problem`) and its `values` (Discord's HTTP status and error code, where it answered)."""

    def __init__(self, problem: DeliveryProblem, **values: Value) -> None:
        super().__init__(f"{problem} {values}")
        self.problem = DeliveryProblem(problem)
        self.values: Mapping[str, Value] = MappingProxyType(values)


class JobEvents(Protocol):
    """Implemented by the Discord side; the engine calls it and never imports discord.py."""

    async def job_changed(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        """The job moved to `phase` or its run's `status` changed; show it (rate-limited by the implementer)."""
        ...

    async def deliver(self, job: Job, images: Sequence[FittedImage]) -> tuple[int, ...]:
        """Post the images with the job's details; return the ids of the messages posted."""
        ...

    async def find_delivery(self, job: Job) -> tuple[tuple[int, ...], int] | None:
        """For a job resumed after a restart: the ids of a message already carrying its images and how
        many it carries, if one was posted before the crash; else None."""
        ...

    async def job_ended(self, job: Job) -> None:
        """The job failed, was cancelled or expired; tell the requester why (`job.failure_reason`)."""
        ...
