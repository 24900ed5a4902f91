"""Errors of the image API: what it answered (status, type, message, Retry-After), could not be reached,
or reported about a task."""

from __future__ import annotations

from services.core.errors import ImagineError


class WanAPIError(ImagineError):
    """The API answered with an error status (or an unusable body); carries what it said."""

    def __init__(
        self,
        status: int | None,
        error_type: str | None,
        message: str,
        suggestion: str | None = None,
        *,
        retry_after: float | None = None,
        task_id: str | None = None,
        param: str | None = None,
    ) -> None:
        where = f" (task {task_id})" if task_id else ""
        super().__init__(f"Wan API error {status} {error_type or ''}: {message}{where}".replace("  ", " "))
        self.status = status
        self.error_type = error_type
        self.message = message
        self.suggestion = suggestion
        self.retry_after = retry_after
        self.task_id = task_id
        self.param = param  # the request field the error is about, when the API names one

    @property
    def is_auth_problem(self) -> bool:
        """401, 402 and 403 mean the operator's key, credits or access: never retried."""
        return self.status in {401, 402, 403}


class MalformedResponse(WanAPIError):
    """The API answered 2xx with a body that is not the documented JSON shape."""

    def __init__(self, message: str, *, status: int | None = None, task_id: str | None = None) -> None:
        super().__init__(status, "malformed_response", message, task_id=task_id)


class WanConnectionError(WanAPIError):
    """The API could not be reached or did not answer in time."""

    def __init__(self, message: str, *, refused: bool = False, task_id: str | None = None) -> None:
        super().__init__(None, "connection_error", message, task_id=task_id)
        self.refused = refused


class TaskFailed(ImagineError):
    """The API reported the task as failed with a business `code` (a string, possibly missing)."""

    def __init__(self, task_id: str, code: str | None, message: str | None) -> None:
        super().__init__(f"task {task_id} failed: {code or 'no code'}: {message or ''}".rstrip(": "))
        self.task_id = task_id
        self.code = code
        self.message = message


class TaskTimedOut(ImagineError):
    """The task did not finish before the job's deadline."""

    def __init__(self, task_id: str | None, deadline_seconds: float) -> None:
        super().__init__(f"task {task_id} did not finish within {deadline_seconds:.0f} s")
        self.task_id = task_id
        self.deadline_seconds = deadline_seconds
