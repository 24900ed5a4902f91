from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.api.errors import MalformedResponse, WanAPIError, WanConnectionError
from services.api.retry import (
    RetryPolicy,
    backoff_delay,
    create_is_retryable,
    parse_retry_after,
    parse_suggestion_seconds,
    read_is_retryable,
    retry_delay,
)

POLICY = RetryPolicy(base_delay=1.0, max_backoff=30.0, max_delay=120.0)


def api_error(status: int, suggestion: str | None = None, retry_after: float | None = None) -> WanAPIError:
    return WanAPIError(status, "some_error", "message", suggestion, retry_after=retry_after)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_reads_retry_on_rate_limits_and_server_errors(status: int) -> None:
    assert read_is_retryable(api_error(status))


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404])
def test_reads_do_not_retry_client_errors(status: int) -> None:
    assert not read_is_retryable(api_error(status))


def test_reads_retry_on_timeouts_connection_errors_and_malformed_bodies() -> None:
    assert read_is_retryable(WanConnectionError("timed out"))
    assert read_is_retryable(MalformedResponse("not JSON", status=200))


@pytest.mark.parametrize("status", [429, 503])
def test_create_retries_where_nothing_was_charged(status: int) -> None:
    assert create_is_retryable(api_error(status))


def test_create_retries_a_refused_connection() -> None:
    assert create_is_retryable(WanConnectionError("refused", refused=True))


@pytest.mark.parametrize("status", [500, 502, 400, 401, 402, 403])
def test_create_never_retries_where_a_charge_is_possible_or_pointless(status: int) -> None:
    assert not create_is_retryable(api_error(status))


def test_create_does_not_retry_a_timeout_since_the_task_may_exist() -> None:
    assert not create_is_retryable(WanConnectionError("no answer"))


def test_auth_errors_are_flagged_for_the_operator() -> None:
    assert all(api_error(s).is_auth_problem for s in (401, 402, 403))
    assert not api_error(429).is_auth_problem


def test_retry_after_header_in_seconds() -> None:
    assert parse_retry_after("7") == 7.0


def test_retry_after_header_as_http_date() -> None:
    now = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Wed, 25 Nov 2026 12:00:30 GMT", now) == 30.0


def test_retry_after_garbage_is_ignored() -> None:
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("retry after 60 seconds", 60.0), ("retry after 30 seconds", 30.0), ("Retry in 2 minutes", 120.0)],
)
def test_suggestion_seconds_are_read(text: str, seconds: float) -> None:
    assert parse_suggestion_seconds(text) == seconds


def test_suggestion_without_a_number_gives_nothing() -> None:
    assert parse_suggestion_seconds("try again later") is None


def test_retry_after_header_wins_over_the_suggestion() -> None:
    error = api_error(429, suggestion="retry after 60 seconds", retry_after=5.0)
    assert retry_delay(error, 1, POLICY, jitter=0.5) == 5.0


def test_suggestion_is_used_without_a_header() -> None:
    assert retry_delay(api_error(503, suggestion="retry after 30 seconds"), 1, POLICY, jitter=0.5) == 30.0


def test_hints_are_capped() -> None:
    assert retry_delay(api_error(429, retry_after=3600.0), 1, POLICY, jitter=0.5) == POLICY.max_delay


def test_backoff_doubles_then_stops_at_the_cap() -> None:
    delays = [backoff_delay(attempt, POLICY, jitter=0.999999) for attempt in range(1, 8)]
    assert delays[:5] == pytest.approx([1, 2, 4, 8, 16], rel=1e-5)
    assert max(delays) == pytest.approx(30, rel=1e-5)


def test_jitter_spreads_between_half_and_full_delay() -> None:
    assert backoff_delay(3, POLICY, jitter=0.0) == 2.0
    assert backoff_delay(3, POLICY, jitter=0.999999) == pytest.approx(4.0, rel=1e-5)


def test_backoff_is_used_without_any_hint() -> None:
    assert retry_delay(api_error(500, suggestion="try again later"), 2, POLICY, jitter=0.0) == 1.0


def test_backoff_after_thousands_of_failures_stays_at_its_ceiling() -> None:
    policy = RetryPolicy()

    assert backoff_delay(5000, policy, 0.999) <= policy.max_backoff
