"""Where a task probably ends, as pure functions: from the create answer's estimate and what the last
query said, the probability that the task has ended by each moment.

The API's `estimated_time` is off by -40%..+50% (the estimate is 0.6 to 1.5 times the real duration),
so a task estimated at 10 s ends between about 6.7 and 16.7 s, more often early than late. Its progress
rises unevenly: some tasks start slow and jump at the end, others rise fast and stall near the top;
`progress ≈ 100 · (elapsed / duration) ** k` with k between 0.4 and 2.5 covers both. A query that finds
the task still running at `elapsed` with `progress` rules out every end before `elapsed` and weighs
the rest by how well a curve of that family explains the progress. Only the last query counts: it is
the most informative one, and the schedule asks again soon after it anyway.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class EndModel:
    """What is known of the API's estimates and of how unevenly a task's progress rises."""

    estimate_low: float = 0.6  # the estimate is at least this times the real duration ...
    estimate_high: float = 1.5  # ... and at most this
    curve_low: float = 0.4  # progress ≈ 100 · (elapsed / duration) ** k, k in [curve_low, curve_high]
    curve_high: float = 2.5
    rounding: float = 1.0  # estimates are whole seconds, rounded up: the task may end this much sooner
    points: int = 120  # the grid the belief is computed on


@dataclass(frozen=True)
class EndBelief:
    """Possible end times (seconds after submission, ascending) and the probability of an end by each."""

    ends: tuple[float, ...]
    cumulative: tuple[float, ...]

    def quantile(self, probability: float) -> float:
        """The time by which the task has ended with `probability`."""
        index = bisect.bisect_left(self.cumulative, probability)
        return self.ends[min(index, len(self.ends) - 1)]

    def done_by(self, elapsed: float) -> float:
        """The probability that the task has ended by `elapsed`."""
        index = bisect.bisect_right(self.ends, elapsed)
        return 0.0 if index == 0 else self.cumulative[index - 1]


def end_range(model: EndModel, estimate: float) -> tuple[float, float]:
    """The earliest and latest end the estimate's error range allows (seconds after submission)."""
    return max(0.0, estimate - model.rounding) / model.estimate_high, estimate / model.estimate_low


def end_belief(model: EndModel, estimate: float, elapsed: float = 0.0, progress: int | None = None) -> EndBelief | None:
    """The belief about the end of a task estimated at `estimate` seconds that was still running at
    `elapsed` with `progress` (None or 0: no progress reported yet). None when no end in the estimate's
    range explains it (the task is late beyond the estimate's error)."""
    earliest, latest = end_range(model, estimate)
    step = (latest - earliest) / model.points
    ends = [earliest + step * (i + 0.5) for i in range(model.points)]
    # The estimate's factor is equally likely anywhere in its range, so an end at d weighs 1/d².
    weights = [_progress_likelihood(model, end, elapsed, progress) / (end * end) for end in ends]
    total = sum(weights)
    if total <= 0:
        return None
    running, cumulative = 0.0, []
    for weight in weights:
        running += weight / total
        cumulative.append(running)
    return EndBelief(tuple(ends), tuple(cumulative))


def _progress_likelihood(model: EndModel, end: float, elapsed: float, progress: int | None) -> float:
    """How well a task ending at `end` explains `progress` at `elapsed` (0 if it would have ended)."""
    if end <= elapsed:
        return 0.0
    if not progress or elapsed <= 0:
        return 1.0
    # The curve exponents k for which 100 · x ** k rounds down to `progress`; their share of the range
    # (log-uniform) is the likelihood.
    low_share, high_share = min(progress, 99) / 100, min(progress + 1, 100) / 100
    log_x = math.log(elapsed / end)
    k_low, k_high = math.log(high_share) / log_x, math.log(low_share) / log_x
    lowest = max(math.log(max(k_low, 1e-9)), math.log(model.curve_low))
    highest = min(math.log(max(k_high, 1e-9)), math.log(model.curve_high))
    return max(0.0, highest - lowest) / math.log(model.curve_high / model.curve_low)
