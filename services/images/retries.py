"""Which failed downloads are tried again, and when. A result link lives 24 hours and its images are
already paid for, so a passing failure (a dropped connection, a timeout, a 5xx, a 429) must not cost them;
a refusal that would be the same next time (a scheme, a private address, a size, a non-image) is final."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from services.core.errors import ImageFetchError, ImageProblem

DOWNLOAD_ATTEMPTS = 5
"""Tries of each result link, the first included (waits of 1, 2, 4 and 8 s between them)."""
FIRST_WAIT_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 30.0
LONGEST_RETRY_AFTER_SECONDS = 60.0
"""A host's Retry-After is honoured up to this (the member is waiting for the images)."""
SIZE_CHANGED = "SizeChanged"
"""The `error` of a download whose size grew between tries (its bytes were held at the first size)."""


def is_transient(error: ImageFetchError) -> bool:
    """Whether trying the link again may work: connection errors, timeouts, 5xx and 429 answers."""
    if error.problem is ImageProblem.TIMED_OUT:
        return True
    if error.problem is ImageProblem.DOWNLOAD_FAILED:
        return error.values.get("error") != SIZE_CHANGED
    if error.problem is ImageProblem.HTTP_STATUS:
        status = int(error.values.get("status", 0))
        return status == 429 or status >= 500
    return False


def retry_after(headers: Mapping[str, str]) -> float | None:
    """A Retry-After header given in seconds (a date is ignored: the backoff applies then)."""
    try:
        return max(0.0, float(headers["Retry-After"]))
    except (KeyError, ValueError):
        return None


def wait_before(attempt: int, errors: Iterable[ImageFetchError]) -> float:
    """Seconds to wait before try `attempt + 1`: doubling from `FIRST_WAIT_SECONDS`, or longer where a
    host asked for it (up to `LONGEST_RETRY_AFTER_SECONDS`)."""
    backoff = min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (attempt - 1))
    asked = [float(error.values["retry_after"]) for error in errors if "retry_after" in error.values]
    return max([backoff, *(min(LONGEST_RETRY_AFTER_SECONDS, seconds) for seconds in asked)])
