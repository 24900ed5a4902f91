"""One structured log line per job transition."""

from __future__ import annotations

import logging

from services.core.models import Job

log = logging.getLogger("services.engine.jobs")


def log_state(job: Job, detail: str = "", *args: object) -> None:
    """Log `job=<id> task=<task id> state=<state> <detail>` for the state the job just entered."""
    if log.isEnabledFor(logging.INFO):
        log.info("job=%s task=%s state=%s %s", job.id, job.task_id or "-", job.state.value, detail % args)
