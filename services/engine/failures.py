"""Classifying why a job failed, from the API's task error codes and HTTP errors."""

from __future__ import annotations

from services.api.errors import WanAPIError, WanConnectionError
from services.core.models import FailureReason

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
