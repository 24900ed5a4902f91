"""The adaptive polling schedule: poll rarely while a task is far from done, promptly near its end.

Every read of an unfinished task costs the vendor a call to its model provider, so a fixed 3 s tick
wastes calls on a task that needs a minute or two. The schedule estimates the time left from the
task's reported `progress` (once it moves) or its `estimated_time`, and waits a fraction of it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PollSchedule:
    """Bounds and shape of the schedule; all in seconds."""

    min_interval: float = 1.0
    max_interval: float = 30.0
    fraction_of_remaining: float = 0.6
    unknown_first: float = 3.0
    unknown_growth: float = 1.5
    overdue_growth: float = 0.1


def estimate_remaining(elapsed: float, progress: int, estimated_time: float | None) -> float | None:
    """Seconds probably left, from progress (when it has moved) or the API's estimate; None if unknown."""
    if 5 <= progress < 100 and elapsed > 0:
        by_progress = elapsed * (100 - progress) / progress
        if estimated_time is not None:
            # Early progress is noisy; lean on the API's estimate until the task is well under way.
            weight = progress / 100
            return weight * by_progress + (1 - weight) * (estimated_time - elapsed)
        return by_progress
    if estimated_time is not None:
        return estimated_time - elapsed
    return None


def next_poll_delay(
    schedule: PollSchedule,
    elapsed: float,
    progress: int,
    estimated_time: float | None,
    previous_delay: float | None = None,
) -> float:
    """Seconds to wait before the next query of a task that has run for `elapsed` seconds."""
    remaining = estimate_remaining(elapsed, progress, estimated_time)
    if remaining is None:
        delay = schedule.unknown_first if previous_delay is None else previous_delay * schedule.unknown_growth
    elif remaining > 0:
        delay = remaining * schedule.fraction_of_remaining
        if delay < schedule.min_interval:
            # Close to the end: ask once, right when the task should be done, not twice around it.
            delay = remaining
    else:
        # Past the estimate: poll promptly, backing off slowly as the overrun grows (a long queue).
        delay = schedule.min_interval + (-remaining) * schedule.overdue_growth
    return min(schedule.max_interval, max(schedule.min_interval, delay))
