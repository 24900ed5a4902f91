"""The provider's limit on task queries per account (about 20 per second, documented in task-detail.md).

A sliding one-second window: a query beyond the limit is answered 429 with `Retry-After` and does not
count. Every query attempt, answered or refused, is counted per whole second so a benchmark can report
the peak rate the provider saw."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 1.0


class QueryLimit:
    """Admits at most `per_second` queries in any one-second window (None: no limit)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._admitted: deque[float] = deque()
        self._per_second_counts: dict[int, int] = {}
        self.refused = 0

    def admit(self, per_second: float | None) -> float | None:
        """Count one query now; None when it may be answered, else the seconds it should wait."""
        now = self._clock()
        second = math.floor(now)
        self._per_second_counts[second] = self._per_second_counts.get(second, 0) + 1
        while self._admitted and self._admitted[0] <= now - WINDOW_SECONDS:
            self._admitted.popleft()
        if per_second is not None and len(self._admitted) >= per_second:
            self.refused += 1
            return max(0.0, self._admitted[0] + WINDOW_SECONDS - now)
        self._admitted.append(now)
        return None

    @property
    def peak_per_second(self) -> int:
        """The most query attempts seen in one whole clock second."""
        return max(self._per_second_counts.values(), default=0)

    def reset(self) -> None:
        """Forget every count."""
        self._admitted.clear()
        self._per_second_counts.clear()
        self.refused = 0
