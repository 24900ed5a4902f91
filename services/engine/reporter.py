"""The engine's side of the seam: what it tells the Discord side (`JobEvents`) about jobs."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from services.core.models import Job
from services.engine.events import JobEvents, JobPhase, RunStatus
from services.images.fitting import FittedImage

log = logging.getLogger("services.engine.jobs")


class JobReporter:
    """Reports to the Discord side. Showing progress or an ending may fail without harming the job (it
    is logged); posting the images may not, so `deliver` lets its errors through."""

    def __init__(self, events: JobEvents) -> None:
        self._events = events

    async def changed(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        """Show the job's phase and its run's status."""
        try:
            await self._events.job_changed(job, phase, status)
        except Exception:
            log.exception("job %s: showing its progress failed", job.id)

    async def ended(self, job: Job) -> None:
        """Tell the requester why the job ended without images."""
        try:
            await self._events.job_ended(job)
        except Exception:
            log.exception("job %s: telling the requester why it ended failed", job.id)

    async def deliver(self, job: Job, images: Sequence[FittedImage]) -> tuple[int, ...]:
        """Post the images; the ids of the messages posted (raises `DeliveryError`)."""
        return await self._events.deliver(job, images)

    async def find_delivery(self, job: Job) -> tuple[tuple[int, ...], int] | None:
        """A result of this job posted before a restart: its message ids and image count, if any."""
        return await self._events.find_delivery(job)
