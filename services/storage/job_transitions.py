"""A job's way through its states: each move is one statement guarded by the state it leaves (and, with
several processes, by the lease of the process making it); ending a job returns its unused images in
the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.core.models import FailureReason, JobState
from services.quotas.credits import images_produced, settled_credits
from services.storage.credit_counts import adjust_credits
from services.storage.database import StoreCore, completes_on_cancel
from services.storage.tables import jobs
from services.storage.usage import return_images


class JobTransitions(StoreCore):
    """Moving jobs on, ending them, and recording a requester's wish to cancel."""

    @completes_on_cancel
    async def transition(
        self,
        job_id: str,
        leaving: Iterable[JobState],
        entering: JobState,
        *,
        unless_cancelled: bool = False,
        owner: str | None = None,
        **values: Any,
    ) -> bool:
        """Move a job to `entering` if it is in one of `leaving` (and, with `unless_cancelled`, its
        requester has not asked to cancel it; with `owner`, that process still holds its lease); False
        if not, e.g. because someone else moved it."""
        conditions = [jobs.c.id == job_id, jobs.c.state.in_([s.value for s in leaving])]
        if unless_cancelled:
            conditions.append(jobs.c.cancel_requested.is_(False))
        if owner is not None:
            conditions.append(jobs.c.lease_owner == owner)
        async with self.write() as connection:
            result = await connection.execute(
                jobs.update().where(*conditions).values(state=entering.value, updated_at=self._clock(), **values)
            )
            return result.rowcount == 1

    @completes_on_cancel
    async def settle(
        self,
        job_id: str,
        entering: JobState,
        *,
        charged: int,
        delivered: int = 0,
        message_ids: tuple[int, ...] = (),
        failure: tuple[FailureReason, str | None] | None = None,
        leaving: Iterable[JobState] | None = None,
        owner: str | None = None,
        decided_by: int | None = None,
        credits_used: int | None = None,
        produced: int = 0,
    ) -> bool:
        """End a job: record its outcome (and `decided_by`, the moderator who rejected it), keep `charged`
        of its reserved images in the member's and the person's day and return the rest, atomically.

        What the API produced (or may have: `produced`; at least the results stored at completion and the
        images charged) is billed to the operator whatever became of the delivery: those images stay in
        the guild's and the bot's day, and the job is charged what the API said it used (`credits_used`,
        else the one stored at completion), else its reservation's share of the images produced. False if
        the job had already ended (or is not in one of `leaving`)."""
        async with self.write() as connection:
            row = await _unsettled_row(connection, job_id, leaving, owner)
            if row is None:
                return False
            charged = min(charged, row.reserved_images)
            made = min(row.reserved_images, images_produced(charged, produced, row.result_urls))
            outcome = _outcome(entering, charged, delivered, message_ids, failure)
            api_used = credits_used if credits_used is not None else row.api_credits_used
            credits = settled_credits(row.credits_reserved, made, row.n, api_used)
            outcome["credits_charged"], outcome["api_credits_used"] = credits, api_used
            if decided_by is not None:
                outcome["decided_by"] = decided_by
            # Guarded again by what was read: on PostgreSQL another transaction may have moved the job
            # (or taken its lease) since; then this one changes nothing and returns nothing.
            guard = [jobs.c.id == job_id, jobs.c.state == row.state]
            if owner is not None:
                guard.append(jobs.c.lease_owner == owner)
            ended = await connection.execute(jobs.update().where(*guard).values(updated_at=self._clock(), **outcome))
            if ended.rowcount != 1:
                return False
            returned = (row.reserved_images - charged, row.reserved_images - made)
            await return_images(connection, row.guild_id, row.user_id, row.usage_day, returned)
            await adjust_credits(connection, row.guild_id, row.usage_day, credits - row.credits_reserved)
            return True

    @completes_on_cancel
    async def request_cancel(self, job_id: str) -> bool:
        """Mark a job whose task may be running as cancelled by its requester; False once its results
        have arrived (or it ended)."""
        running = [JobState.SUBMITTING.value, JobState.SUBMITTED.value]
        async with self.write() as connection:
            result = await connection.execute(
                jobs.update()
                .where(jobs.c.id == job_id, jobs.c.state.in_(running))
                .values(cancel_requested=True, updated_at=self._clock())
            )
            return result.rowcount == 1


async def _unsettled_row(
    connection: AsyncConnection, job_id: str, leaving: Iterable[JobState] | None, owner: str | None
) -> sa.Row[Any] | None:
    """The job's row if it may be settled now: not ended, in one of `leaving`, leased by `owner`."""
    query = sa.select(
        jobs.c.user_id,
        jobs.c.guild_id,
        jobs.c.usage_day,
        jobs.c.reserved_images,
        jobs.c.state,
        jobs.c.lease_owner,
        jobs.c.n,
        jobs.c.credits_reserved,
        jobs.c.api_credits_used,
        jobs.c.result_urls,
    ).where(jobs.c.id == job_id)
    row = (await connection.execute(query)).first()
    if row is None or JobState(row.state).is_final:
        return None
    if leaving is not None and JobState(row.state) not in set(leaving):
        return None
    if owner is not None and row.lease_owner != owner:
        return None
    return row


def _outcome(
    entering: JobState,
    charged: int,
    delivered: int,
    message_ids: tuple[int, ...],
    failure: tuple[FailureReason, str | None] | None,
) -> dict[str, Any]:
    """The columns of an ended job; its reservation is spent and its interaction token forgotten."""
    return {
        "state": entering.value,
        "reserved_images": 0,
        "images_charged": charged,
        "images_delivered": delivered,
        "message_ids": list(message_ids),
        "failure_reason": failure[0].value if failure else None,
        "failure_detail": failure[1] if failure else None,
        "interaction_token": None,
    }
