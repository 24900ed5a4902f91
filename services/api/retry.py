"""Retry policy of the API client, as pure functions: which error may be retried and how long to wait.

Reads (task queries) are safe to repeat. A create call costs money, so it is retried only where the API
cannot have charged anything: 429, 503 and a refused connection; it carries the same Idempotency-Key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from services.api.errors import MalformedResponse, WanAPIError, WanConnectionError

_SUGGESTION_SECONDS = re.compile(r"(\d+(?:\.\d+)?)\s*(seconds?|secs?|s\b|minutes?|mins?)", re.IGNORECASE)


@dataclass(frozen=True)
class RetryPolicy:
    """Limits of retrying: attempts in all (first call included) and the delays between them."""

    read_attempts: int = 4
    create_attempts: int = 3
    base_delay: float = 1.0
    max_backoff: float = 30.0
    max_delay: float = 120.0


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), or None."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, seconds)


def parse_suggestion_seconds(suggestion: str | None) -> float | None:
    """Seconds named in a `fallback_suggestion` such as "retry after 60 seconds", or None."""
    if not suggestion:
        return None
    match = _SUGGESTION_SECONDS.search(suggestion)
    if match is None:
        return None
    amount = float(match.group(1))
    return amount * 60 if match.group(2).lower().startswith("min") else amount


def doubling(attempt: int, first: float, cap: float) -> float:
    """`first` for attempt 1, doubling with each attempt, never above `cap`."""
    # The exponent is capped: a task asked about for hours may fail thousands of times in a row, and an
    # uncapped power overflows long after the cap is reached.
    return min(cap, first * 2 ** min(max(0, attempt - 1), 32))


def backoff_delay(attempt: int, policy: RetryPolicy, jitter: float) -> float:
    """Capped exponential backoff for retry number `attempt` (1-based), `jitter` in [0, 1) spreading it."""
    ceiling = doubling(attempt, policy.base_delay, policy.max_backoff)
    return ceiling * (0.5 + 0.5 * jitter)


def retry_delay(error: WanAPIError, attempt: int, policy: RetryPolicy, jitter: float) -> float:
    """How long to wait before retry `attempt`: Retry-After, else the suggestion's seconds, else backoff."""
    for hint in (error.retry_after, parse_suggestion_seconds(error.suggestion)):
        if hint is not None:
            return min(hint, policy.max_delay)
    return backoff_delay(attempt, policy, jitter)


def read_is_retryable(error: WanAPIError) -> bool:
    """A task query may be repeated on rate limits, server errors, timeouts, network errors and bad bodies."""
    if isinstance(error, WanConnectionError | MalformedResponse):
        return True
    return error.status is not None and (error.status == 429 or error.status >= 500)


def create_outcome_unknown(error: WanAPIError) -> bool:
    """Whether a failed create call may still have created (and billed) the task: no answer, a lost or
    garbled answer, or a server error other than 503. Such a call is repeated with the same
    Idempotency-Key, so the API hands back the task it made instead of making another."""
    if isinstance(error, WanConnectionError):
        return not error.refused
    if isinstance(error, MalformedResponse):
        return True
    return error.status is not None and error.status >= 500 and error.status != 503


def create_is_retryable(error: WanAPIError) -> bool:
    """A create call may be repeated only where nothing was charged: 429, 503 or a refused connection."""
    if isinstance(error, WanConnectionError):
        return error.refused
    return error.status in {429, 503}
