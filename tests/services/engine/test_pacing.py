from __future__ import annotations

import math

import pytest

from services.engine.pacing import AdaptiveLimit, CreatePace


def test_a_limit_starts_at_its_cap() -> None:
    assert AdaptiveLimit(cap=8).value(0.0) == 8
    assert AdaptiveLimit().value(0.0) == math.inf


def test_an_overload_halves_the_level_in_use_not_the_cap() -> None:
    limit = AdaptiveLimit(cap=1000)
    limit.overloaded(now=0.0, in_use=30, resume_at=0.0)
    assert limit.value(0.0) == 15


def test_the_limit_does_not_climb_during_the_pause() -> None:
    limit = AdaptiveLimit()
    limit.overloaded(now=0.0, in_use=40, resume_at=60.0)
    assert limit.value(59.0) == 20


def test_the_limit_never_falls_below_its_floor() -> None:
    limit = AdaptiveLimit(floor=0.2, min_step=0.5)
    for _ in range(20):
        limit.overloaded(now=0.0, in_use=0.0, resume_at=0.0)
    assert limit.value(0.0) == 0.2


def test_the_limit_climbs_back_to_the_cap_and_stays_there() -> None:
    limit = AdaptiveLimit(cap=10)
    limit.overloaded(now=0.0, in_use=10, resume_at=0.0)
    assert [limit.value(t) for t in (0.0, 2.0, 4.0, 5.0, 100.0)] == [5, 7, 9, 10, 10]


def test_seconds_until_a_level_follow_the_climb() -> None:
    limit = AdaptiveLimit()
    limit.overloaded(now=0.0, in_use=20, resume_at=3.0)
    assert limit.seconds_until(10, now=0.0) == 0.0
    assert limit.seconds_until(14, now=0.0) == pytest.approx(3.0 + 2.0)
    assert limit.seconds_until(1000, now=0.0) == pytest.approx(3.0 + 15.0)  # lifted at twice 20


def test_seconds_until_a_level_over_the_cap_is_never() -> None:
    limit = AdaptiveLimit(cap=4)
    limit.overloaded(now=0.0, in_use=4, resume_at=0.0)
    assert limit.seconds_until(5, now=0.0) is None


def test_an_unbounded_pace_never_waits() -> None:
    pace = CreatePace(AdaptiveLimit())
    for _ in range(100):
        assert pace.wait_time(0.0) == 0.0
        pace.take(0.0)


def test_the_pace_counts_creates_from_a_second_before_the_refused_one() -> None:
    pace = CreatePace(AdaptiveLimit())
    for at in (0.0, 5.0, 9.5, 10.0, 10.5, 11.0):
        pace.take(at)
    assert pace.pace_since(10.0, now=11.0) == pytest.approx(4 / 2)


def test_a_paused_pace_waits_for_the_end_of_the_pause() -> None:
    pace = CreatePace(AdaptiveLimit())
    pace.pause(now=100.0, seconds=30.0)
    pace.pause(now=101.0, seconds=5.0)
    assert pace.wait_time(110.0) == pytest.approx(20.0)


def test_after_an_overload_creates_are_spaced_at_half_the_pace() -> None:
    pace = CreatePace(AdaptiveLimit())
    for _ in range(8):
        pace.take(0.0)
    pace.overloaded(now=0.0, since=0.0)
    assert pace.wait_time(0.0) == pytest.approx(1 / 4)
