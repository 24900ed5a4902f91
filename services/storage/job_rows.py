"""How jobs and daily usage lie in their tables: a job as a row and back, and the keys the stores query
by (a guild's jobs, a member's usage row, and direct messages in `daily_usage`)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, InputImage, Job, JobState
from services.storage.tables import daily_usage, jobs

# Direct messages are `guild_id` None everywhere but in `daily_usage`, whose primary key cannot hold a
# NULL: there they are guild 0. `usage_scope` is the one place that converts.
DM_USAGE_SCOPE = 0
# The `daily_usage.user_id` of a guild's own total (every member together).
GUILD_TOTAL = 0
# The `daily_usage.guild_id` (and `credit_usage.scope`) of what counts everywhere: a person's day across
# every guild and DM, and (with `GUILD_TOTAL`) the whole bot's.
EVERYWHERE = -1

FINAL_STATES = [state.value for state in JobState if state.is_final]
# Named rather than "not final", so that lookups of unfinished jobs go through an index on the state.
UNFINISHED_STATES = [state.value for state in JobState if not state.is_final]


def usage_scope(guild_id: int | None) -> int:
    """The `daily_usage.guild_id` of a guild, or of direct messages (None)."""
    return DM_USAGE_SCOPE if guild_id is None else guild_id


def usage_row(scope: int, user_id: int, day: str) -> tuple[sa.ColumnElement[bool], ...]:
    """The `daily_usage` row of a member (or `GUILD_TOTAL`) in a usage scope on a day."""
    return (daily_usage.c.guild_id == scope, daily_usage.c.user_id == user_id, daily_usage.c.day == day)


def in_scope(guild_id: int | None) -> sa.ColumnElement[bool]:
    """Jobs of that guild, or (None) of direct messages."""
    return jobs.c.guild_id.is_(None) if guild_id is None else jobs.c.guild_id == guild_id


def job_row(job: Job) -> dict[str, Any]:
    """The `jobs` row of a new job."""
    return {
        "id": job.id,
        "user_id": job.user_id,
        "guild_id": job.target.guild_id,
        "channel_id": job.target.channel_id,
        "application_id": job.target.application_id,
        "interaction_token": job.target.interaction_token,
        "interaction_created_at": job.target.interaction_created_at,
        "upload_limit": job.target.upload_limit,
        "ephemeral": job.target.ephemeral,
        "locale": job.target.locale,
        "public_locale": job.target.public_locale,
        "prompt": job.options.prompt,
        "size": job.options.size,
        "n": job.options.n,
        "prompt_extend": job.options.prompt_extend,
        "model": job.options.model,
        "input_images": [image.to_json() for image in job.options.images] or None,
        "state": job.state.value,
        "created_at": job.created_at,
        "updated_at": job.updated_at,
        "usage_day": job.usage_day,
        "reserved_images": job.reserved_images,
        "result_urls": list(job.result_urls),
        "message_ids": list(job.message_ids),
        "callback_token": job.callback_token,
        "credits_reserved": job.credits_reserved,
    }


def row_job(row: sa.Row[Any]) -> Job:
    """The job a `jobs` row holds."""
    return Job(
        id=row.id,
        user_id=row.user_id,
        options=GenerationOptions(
            row.prompt,
            row.size,
            row.n,
            row.prompt_extend,
            tuple(InputImage.from_json(image) for image in row.input_images or ()),
        ),
        target=DeliveryTarget(
            channel_id=row.channel_id,
            guild_id=row.guild_id,
            application_id=row.application_id,
            interaction_token=row.interaction_token,
            interaction_created_at=row.interaction_created_at,
            upload_limit=row.upload_limit,
            ephemeral=bool(row.ephemeral),
            locale=row.locale,
            public_locale=row.public_locale,
        ),
        state=JobState(row.state),
        created_at=row.created_at,
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
        usage_day=row.usage_day,
        reserved_images=row.reserved_images,
        task_id=row.task_id,
        task_created=row.task_created,
        estimated_time=row.estimated_time,
        result_urls=tuple(row.result_urls or ()),
        images_delivered=row.images_delivered,
        images_charged=row.images_charged,
        cancel_requested=bool(row.cancel_requested),
        message_ids=tuple(int(m) for m in row.message_ids or ()),
        failure_reason=FailureReason(row.failure_reason) if row.failure_reason else None,
        failure_detail=row.failure_detail,
        decided_by=row.decided_by,
        callback_token=row.callback_token,
        credits_reserved=row.credits_reserved,
        credits_charged=row.credits_charged,
        api_credits_used=row.api_credits_used,
    )
