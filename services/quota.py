"""The daily image quota: the UTC day a use counts against and when that day resets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def usage_day(now: float) -> str:
    """The UTC day (YYYY-MM-DD) that a use at Unix time `now` counts against."""
    return datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")


def next_reset(now: float) -> datetime:
    """The next UTC midnight after Unix time `now`."""
    today = datetime.fromtimestamp(now, UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)
