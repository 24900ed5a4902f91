"""Tolerant parsing of the API's JSON: unknown fields are ignored, optional ones may be missing,
and a body that is not the documented shape becomes a typed `MalformedResponse`, never a crash."""

from __future__ import annotations

import json
import logging
from typing import Any

from services.api.errors import MalformedResponse, WanAPIError
from services.core.models import Task, TaskStatus

TASK_ID_PREFIX = "task-unified-"
# More credits than any one task could cost (n ≤ 4 at 1.2 each): a figure above it is the API's mistake,
# and would overflow the store's columns once in thousandths.
MAX_TASK_CREDITS = 1_000_000

log = logging.getLogger(__name__)


def decode_json_object(body: bytes, *, status: int, task_id: str | None = None) -> dict[str, Any]:
    """Decode a body that must be a JSON object."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise MalformedResponse(f"body is not JSON: {body[:80]!r}", status=status, task_id=task_id) from None
    if not isinstance(data, dict):
        raise MalformedResponse(f"body is JSON {type(data).__name__}, not an object", status=status, task_id=task_id)
    return data


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def parse_task(data: dict[str, Any], *, status: int = 200, expected_id: str | None = None) -> Task:
    """Turn a task object (create answer, query answer or callback body) into a `Task`."""
    task_id = data.get("id")
    if not isinstance(task_id, str) or not task_id:
        raise MalformedResponse("task object has no id", status=status, task_id=expected_id)
    if expected_id is not None and task_id != expected_id:
        raise MalformedResponse(f"asked for task {expected_id}, got {task_id}", status=status, task_id=expected_id)
    raw_status = data.get("status")
    try:
        task_status = TaskStatus(str(raw_status).lower())
    except ValueError:
        raise MalformedResponse(f"unknown task status {raw_status!r}", status=status, task_id=task_id) from None
    progress = _int_or_none(data.get("progress")) or 0
    info = data.get("task_info")
    estimated = _int_or_none(info.get("estimated_time")) if isinstance(info, dict) else None
    raw_results = data.get("results")
    results: tuple[str, ...] = ()
    if isinstance(raw_results, list):
        results = tuple(url for url in raw_results if isinstance(url, str) and url.startswith(("http://", "https://")))
    error = data.get("error")
    error_code = error_message = None
    if isinstance(error, dict):
        error_code = _optional_text(error.get("code"))
        error_message = _optional_text(error.get("message"))
    usage = data.get("usage")
    reserved = used = None
    if isinstance(usage, dict):
        reserved = _credits(usage.get("credits_reserved"), "credits_reserved", task_id)
        used = _credits(usage.get("credits_used"), "credits_used", task_id)
    return Task(
        id=task_id,
        status=task_status,
        created=_int_or_none(data.get("created")),
        progress=min(100, max(0, progress)),
        estimated_time=estimated if estimated is None or estimated >= 0 else None,
        results=results,
        error_code=error_code,
        error_message=error_message,
        credits_reserved=reserved,
        credits_used=used,
    )


def _credits(value: Any, field: str, task_id: str) -> float | None:
    """A credit figure of `usage`, or None when it is missing or not plausible (negative, not finite, above
    `MAX_TASK_CREDITS`): such a figure is logged (by name, never the body) and the task goes on without it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    # Compared before any conversion: an int too large for a float stays comparable (NaN compares false).
    if not 0 <= value <= MAX_TASK_CREDITS:
        log.warning(
            "task %s: usage.%s is not a plausible credit figure (0 to %d); ignored", task_id, field, MAX_TASK_CREDITS
        )
        return None
    return float(value)


def parse_error(body: bytes, status: int, retry_after: float | None, task_id: str | None = None) -> WanAPIError:
    """Build the typed error for a non-2xx answer, whatever its body looks like."""
    error_type: str | None = None
    message = f"HTTP {status}"
    suggestion: str | None = None
    param: str | None = None
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        data = None
    if isinstance(data, dict):
        error = data.get("error", data)
        if isinstance(error, dict):
            error_type = _optional_text(error.get("type"))
            message = _optional_text(error.get("message")) or message
            suggestion = _optional_text(error.get("fallback_suggestion") or error.get("suggestion"))
            param = _optional_text(error.get("param"))
    return WanAPIError(status, error_type, message, suggestion, retry_after=retry_after, task_id=task_id, param=param)
