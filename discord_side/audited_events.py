"""The engine's seam with the audit log added: what the requester sees, and a line in the audit channel.
The line is queued (`audit_queue`): a job never waits for the audit channel, and an audit failure never
changes a job's outcome."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from discord_side.audit import AuditLog
from discord_side.presenter import DiscordJobEvents
from services.core.models import Job
from services.engine.events import JobPhase, RunStatus
from services.images.fitting import FittedImage

log = logging.getLogger(__name__)


class AuditedJobEvents:
    """Implements `services.events.JobEvents` by showing jobs (presenter) and logging their outcomes."""

    def __init__(self, presenter: DiscordJobEvents, audit: AuditLog) -> None:
        self._presenter = presenter
        self._audit = audit

    async def job_changed(self, job: Job, phase: JobPhase, status: RunStatus) -> None:
        """Show progress (not logged: only outcomes are)."""
        await self._presenter.job_changed(job, phase, status)

    async def deliver(self, job: Job, images: Sequence[FittedImage]) -> tuple[int, ...]:
        """Post the images, then queue the audit line saying where they went."""
        message_ids = await self._presenter.deliver(job, images)
        await _quietly(job, lambda: self._audit.delivered(job, message_ids, len(images)))
        return message_ids

    async def find_delivery(self, job: Job) -> tuple[tuple[int, ...], int] | None:
        """Look for a result posted before a restart (logged as delivered when found)."""
        found = await self._presenter.find_delivery(job)
        if found is not None:
            await _quietly(job, lambda: self._audit.delivered(job, *found))
        return found

    async def job_ended(self, job: Job) -> None:
        """Tell the requester, then queue the audit line with the outcome."""
        await self._presenter.job_ended(job)
        await _quietly(job, lambda: self._audit.job_ended(job))


async def _quietly(job: Job, entry: Callable[[], Awaitable[None]]) -> None:
    """Write an audit entry; whatever goes wrong is logged and stays here, as the audit log must never
    change a job's outcome (a raise would reach the engine, which would fail a delivered job)."""
    try:
        await entry()
    except Exception:
        log.exception("job %s: the audit log entry could not be written; the job's outcome stands", job.id)
