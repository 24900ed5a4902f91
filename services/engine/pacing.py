"""How fast and how many: the create rate and the tasks in flight, each a limit that adapts to the API.

Both start at the operator's cap, or unbounded when there is none, so a busy server is served at once.
When the API signals overload (429, 503, unreachable) a limit is halved, from the level actually in use
when it happened (the pace of the creates, the tasks in flight), and climbs back linearly once the
pause the API asked for is over: a tenth of the failed level per second, at least `min_step`. Having
climbed back to twice the failed level (or to the cap), it is lifted again. The usual AIMD, in time.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

UNBOUNDED = math.inf
RECOVERY_PER_SECOND = 0.1
"""Fraction of the failed level regained per second after the pause."""
PACE_HORIZON_SECONDS = 120.0
"""How far back create starts are remembered (longer than any create call)."""
_TOKEN_EPSILON = 1e-3
_MIN_WAIT = 0.001


@dataclass
class AdaptiveLimit:
    """A limit halved on overload and recovering linearly with time up to its cap (`UNBOUNDED`: none)."""

    cap: float = UNBOUNDED
    floor: float = 1.0
    min_step: float = 1.0
    overloads: int = 0
    _failed_level: float = UNBOUNDED  # UNBOUNDED: not recovering
    _low: float = UNBOUNDED
    _since: float = 0.0

    def value(self, now: float) -> float:
        """The limit at `now`."""
        if self._failed_level == UNBOUNDED:
            return self.cap
        if now <= self._since:
            return self._low
        climbed = self._low + self._step() * (now - self._since)
        if climbed >= min(self.cap, 2 * self._failed_level):
            self._failed_level = UNBOUNDED  # fully recovered: lifted again
            return self.cap
        return climbed

    def overloaded(self, now: float, in_use: float, resume_at: float) -> None:
        """The API signalled overload while `in_use` was the level in use: halve, and climb back from
        `resume_at` (the end of the pause the API asked for)."""
        failed = min(self.value(now), max(in_use, self.floor))
        self._failed_level = failed
        self._low = min(self.cap, max(self.floor, failed / 2))
        self._since = max(now, resume_at)
        self.overloads += 1

    def seconds_until(self, level: float, now: float) -> float | None:
        """Seconds until the limit reaches `level`: 0 if it is there, None if it never will (over the cap)."""
        if self.value(now) >= level:
            return 0.0
        if level > self.cap:
            return None
        lifted_at = min(level, 2 * self._failed_level)  # where it climbs to, or is lifted to the cap
        return max(_MIN_WAIT, self._since + (lifted_at - self._low) / self._step() - now)

    def _step(self) -> float:
        return max(self.min_step, RECOVERY_PER_SECOND * self._failed_level)


@dataclass
class CreatePace:
    """Create calls as a token bucket at an adaptive rate (unbounded: no spacing), remembering when
    they started so an overload halves the pace actually reached, not a nominal one."""

    rate: AdaptiveLimit
    tokens: float = 1.0
    updated: float = 0.0
    paused_until: float = 0.0
    started: deque[float] = field(default_factory=deque)

    def wait_time(self, now: float) -> float:
        """Seconds until a create call may start (the pause the API asked for, then the rate)."""
        if now < self.paused_until:
            return self.paused_until - now
        rate = self.rate.value(now)
        if rate == UNBOUNDED:
            return 0.0
        self._refill(now, rate)
        # Unix timestamps carry about a microsecond of precision: treat a hair's breadth as a token.
        missing = 1.0 - self.tokens
        return 0.0 if missing <= _TOKEN_EPSILON else max(missing / rate, _MIN_WAIT)

    def take(self, now: float) -> None:
        """Spend a token for a create call starting now."""
        rate = self.rate.value(now)
        if rate != UNBOUNDED:
            self._refill(now, rate)
            self.tokens -= 1.0
        self.started.append(now)
        while self.started and self.started[0] < now - PACE_HORIZON_SECONDS:
            self.started.popleft()

    def pace_since(self, since: float, now: float) -> float:
        """Create calls per second started from one second before `since` until `now`."""
        window_start = since - 1.0
        count = sum(1 for started in self.started if started > window_start)
        return count / max(1.0, now - window_start)

    def pause(self, now: float, seconds: float) -> None:
        """No create call for `seconds` (as the API asked); a later end of pause is kept."""
        self.paused_until = max(self.paused_until, now + seconds)

    def overloaded(self, now: float, since: float) -> None:
        """Halve the rate from the pace reached since the refused call started (at `since`); it climbs
        back once the pause is over."""
        self.rate.overloaded(now, self.pace_since(since, now), self.paused_until)
        self.tokens = min(self.tokens, 0.0)
        self.updated = max(now, self.paused_until)

    def _refill(self, now: float, rate: float) -> None:
        capacity = max(1.0, rate)
        self.tokens = min(capacity, self.tokens + max(0.0, now - self.updated) * rate)
        self.updated = max(self.updated, now)
