"""Typed domain errors shared by every capability. The Discord side turns them into user text in one place
(`discord_side.error_text`); errors of the API client live in `services.api.errors`."""

from __future__ import annotations

from datetime import datetime


class ImagineError(Exception):
    """Base of every error the engine raises on purpose."""


class InvalidOption(ImagineError):
    """A `/imagine` option is not valid; `message` says what is wrong and what is valid."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option} {message}")
        self.option = option
        self.message = message


class QuotaExceeded(ImagineError):
    """A limit refuses the request: which one (`kind`, a `services.quota.LimitKind`), its value, what
    is used, and when it resets (`resets_at`, or `retry_at` for a cooldown)."""

    def __init__(
        self,
        kind: str,
        limit: int,
        used: int,
        requested: int,
        resets_at: datetime,
        *,
        retry_at: float | None = None,
    ) -> None:
        super().__init__(f"quota exceeded ({kind}): {requested} requested, {used} of {limit} used")
        self.kind = kind
        self.limit = limit
        self.used = used
        self.requested = requested
        self.resets_at = resets_at
        self.retry_at = retry_at

    @property
    def remaining(self) -> int:
        """What is left under the limit."""
        return max(0, self.limit - self.used)


class ShuttingDown(ImagineError):
    """The bot is shutting down and takes no new jobs."""


class ImageFetchError(ImagineError):
    """A result image could not be downloaded or is not a usable image."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"result image {url}: {reason}")
        self.url = url
        self.reason = reason
