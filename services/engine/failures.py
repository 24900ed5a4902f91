"""Classifying why a job failed, from the API's task error codes and HTTP errors, and the failure's
detail as it is stored with the job: a problem code and its values (`FailureDetail`), never a sentence
and never the API's own text, so the Discord side can word it from its catalogue."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from services.api.errors import MalformedResponse, TaskFailed, TaskTimedOut, WanAPIError, WanConnectionError
from services.core.errors import ImageFetchError, ImageProblem, Value
from services.core.models import FailureReason
from services.engine.events import DeliveryError, DeliveryProblem
from services.engine.image_inputs import InputUrlsUnavailable

# Documented `error.code` values where the input must change (spec/task-detail.md).
_INPUT_CODES = {"invalid_parameters", "image_processing_error", "image_dimension_mismatch"}
_POLICY_CODES = {"content_policy_violation"}


def reason_for_task_error(code: str | None) -> FailureReason:
    """The failure reason for a task the API reported as failed with `code`."""
    if code in _POLICY_CODES:
        return FailureReason.CONTENT_POLICY
    if code in _INPUT_CODES:
        return FailureReason.INVALID_INPUT
    # Server-side codes, request_cancelled, unknown codes and a missing error object: the service failed.
    return FailureReason.SERVICE_FAILED


def reason_for_api_error(error: WanAPIError) -> FailureReason:
    """The failure reason for an API call that ended in `error` after its retries."""
    if error.is_auth_problem:
        return FailureReason.SERVICE_UNAVAILABLE
    if isinstance(error, WanConnectionError):
        return FailureReason.API_UNREACHABLE
    if error.status == 400:
        return FailureReason.INVALID_INPUT
    return FailureReason.SERVICE_FAILED


class JobProblem(enum.StrEnum):
    """What went wrong with a job where neither an image nor a delivery problem says more; each has a
    catalogue entry on the Discord side."""

    API_STATUS = "api_status"  # status: the API answered with an error status
    API_ANSWER_UNREADABLE = "api_answer_unreadable"  # the API's answer was not the documented shape
    API_UNREACHABLE = "api_unreachable"
    CREATE_OUTCOME_UNKNOWN = "create_outcome_unknown"  # attempts: create calls that went unanswered
    TASK_FAILED = "task_failed"  # the API reported the task as failed
    TASK_TIMED_OUT = "task_timed_out"  # seconds: the job's deadline
    RESULTS_EXPIRED = "results_expired"  # the result links outlived their lifetime before delivery
    APPROVAL_TIMED_OUT = "approval_timed_out"  # hours: no moderator answered in time
    APPROVAL_NOT_POSTED = "approval_not_posted"  # the approval request could not be posted for moderators
    INPUT_UNAVAILABLE = "input_unavailable"  # no fresh URL of an input image could be had
    INTERNAL = "internal"  # error: the exception's type name


Problem = JobProblem | ImageProblem | DeliveryProblem
# The stored form names the family, as the codes of different families may be spelled alike.
_FAMILIES: dict[str, type[JobProblem] | type[ImageProblem] | type[DeliveryProblem]] = {
    "job": JobProblem,
    "image": ImageProblem,
    "delivery": DeliveryProblem,
}
_PROBLEM_KEY = "problem"


@dataclass(frozen=True)
class FailureDetail:
    """Why a job failed, as data: a problem code and the values that go with it (a status, a limit)."""

    problem: Problem
    values: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))

    def encode(self) -> str:
        """The form stored in the job's `failure_detail` (JSON: `{"problem": "family.code", ...}`)."""
        family = next(name for name, kind in _FAMILIES.items() if isinstance(self.problem, kind))
        return json.dumps({_PROBLEM_KEY: f"{family}.{self.problem.value}", **self.values}, sort_keys=True)

    @classmethod
    def decode(cls, stored: str | None) -> FailureDetail | None:
        """The detail in a stored `failure_detail`; None for anything else (a moderator's words, or a
        row written before details were stored as data)."""
        try:
            data = json.loads(stored or "")
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        family, _, code = str(data.pop(_PROBLEM_KEY, "")).partition(".")
        kind = _FAMILIES.get(family)
        if kind is None or code not in kind._value2member_map_:
            return None
        if not all(isinstance(value, int | float | str) for value in data.values()):
            return None
        return cls(kind(code), MappingProxyType(data))


def detail(problem: Problem, **values: Value) -> FailureDetail:
    """A failure detail from its problem code and values."""
    return FailureDetail(problem, MappingProxyType(values))


# Tried in order, a subclass before its base (a connection error and a malformed answer are API errors).
_DETAILS: tuple[tuple[type[BaseException], Callable[[Any], FailureDetail]], ...] = (
    (ImageFetchError, lambda error: FailureDetail(error.problem, error.values)),
    (DeliveryError, lambda error: FailureDetail(error.problem, error.values)),
    (InputUrlsUnavailable, lambda _error: detail(JobProblem.INPUT_UNAVAILABLE)),
    (TaskTimedOut, lambda error: detail(JobProblem.TASK_TIMED_OUT, seconds=round(error.deadline_seconds))),
    (TaskFailed, lambda _error: detail(JobProblem.TASK_FAILED)),
    (WanConnectionError, lambda _error: detail(JobProblem.API_UNREACHABLE)),
    (MalformedResponse, lambda _error: detail(JobProblem.API_ANSWER_UNREADABLE)),
    (WanAPIError, lambda error: _api_status(error.status)),
)


def _api_status(status: int | None) -> FailureDetail:
    if status is None:
        return detail(JobProblem.API_ANSWER_UNREADABLE)
    return detail(JobProblem.API_STATUS, status=status)


def detail_for_error(error: BaseException) -> FailureDetail:
    """The stored detail of the error a job's run ended in: its code and values, by the error's kind and
    the API's status, never the API's own words (those go to the operator's log)."""
    for kind, make in _DETAILS:
        if isinstance(error, kind):
            return make(error)
    return detail(JobProblem.INTERNAL, error=type(error).__name__)
