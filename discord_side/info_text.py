"""The Info button's private answer: what was sent to the API, the task, the credits and the times."""

from __future__ import annotations

from discord_side.catalogue import text
from discord_side.texts import credits_text, inert, inert_within, job_size, number
from services.core.models import Job

PROMPT_CHARS = 1500  # escaped; the other lines stay well within a message's 2000 characters
MESSAGE_CHARS = 2000


def info_text(job: Job) -> str:
    """Model, size, n and prompt_extend as sent, the prompt, the task id, credits reserved and charged,
    queue and generation time. The API's task detail reports no rewritten prompt (the spec has no such
    field), so Info says so rather than guess."""
    options = job.options
    lines = [
        text("info-title", job_id=job.id),
        text(
            "info-request",
            model=options.model,
            size=job_size(job),
            n=options.n,
            extend=str(options.prompt_extend).lower(),
        ),
        text("info-prompt", prompt=inert_within(options.prompt, PROMPT_CHARS)),
        text("info-actual-prompt-none"),
        text("info-task", task_id=inert(job.task_id)) if job.task_id else text("info-task-none"),
        text(
            "info-credits",
            reserved=credits_text(job.credits_reserved),
            charged=credits_text(job.credits_charged),
        ),
        text("info-times", queued=_seconds(job.created_at, job.submitted_at), generated=_generation(job)),
    ]
    return "\n".join(lines)[:MESSAGE_CHARS]


def _generation(job: Job) -> str:
    return _seconds(job.submitted_at, job.updated_at if job.state.is_final else None)


def _seconds(start: float | None, end: float | None) -> str:
    if start is None or end is None or end < start:
        return text("info-time-unknown")
    return text("info-seconds", seconds=number(round(end - start, 1)))
