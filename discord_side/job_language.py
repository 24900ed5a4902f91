"""The language of a job's messages, set around each of the presenter's posts: the engine runs them in
the job's task, which may have been started by (and so copied the language of) whichever member's
interaction; each post speaks the job's own language instead."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from discord_side.catalogue import speaking
from services.core.models import Job

P = ParamSpec("P")
R = TypeVar("R")


def job_language(job: Job) -> str:
    """The requester's language when the job's results are theirs alone (the channel's visibility, or
    direct messages, where only they see the posts), else the server's."""
    private = job.target.ephemeral or job.target.guild_id is None
    return job.target.locale if private else job.target.public_locale


def in_job_language(
    method: Callable[Concatenate[Any, Job, P], Awaitable[R]],
) -> Callable[Concatenate[Any, Job, P], Awaitable[R]]:
    """An async method taking the job first, run speaking the job's language."""

    @functools.wraps(method)
    async def speaking_its_language(self: Any, job: Job, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with speaking(job_language(job)):
            return await method(self, job, *args, **kwargs)

    return speaking_its_language


def in_job_language_now(method: Callable[Concatenate[Any, Job, P], R]) -> Callable[Concatenate[Any, Job, P], R]:
    """The same for a plain method (the result card composed for a report)."""

    @functools.wraps(method)
    def speaking_its_language(self: Any, job: Job, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with speaking(job_language(job)):
            return method(self, job, *args, **kwargs)

    return speaking_its_language
