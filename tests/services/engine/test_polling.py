from __future__ import annotations

import pytest

from services.engine.polling import PollSchedule, estimate_remaining, next_poll_delay

SCHEDULE = PollSchedule(min_interval=1.0, max_interval=30.0, fraction_of_remaining=0.5)


def test_early_in_a_long_task_polls_rarely() -> None:
    assert next_poll_delay(SCHEDULE, elapsed=0, progress=0, estimated_time=90) == 30.0


def test_near_the_estimate_polls_promptly() -> None:
    assert next_poll_delay(SCHEDULE, elapsed=58, progress=0, estimated_time=60) == 1.0


def test_delay_is_the_set_fraction_of_the_estimated_remaining_time() -> None:
    assert next_poll_delay(SCHEDULE, elapsed=40, progress=0, estimated_time=60) == 10.0


def test_progress_refines_the_estimate() -> None:
    # 50% after 20 s: about 20 s left whatever the original estimate said.
    remaining = estimate_remaining(elapsed=20, progress=50, estimated_time=None)
    assert remaining == pytest.approx(20.0)


def test_progress_and_estimate_are_blended() -> None:
    remaining = estimate_remaining(elapsed=20, progress=50, estimated_time=60)
    assert remaining == pytest.approx(0.5 * 20 + 0.5 * 40)


def test_overdue_task_polls_at_the_minimum_then_backs_off_slowly() -> None:
    just_late = next_poll_delay(SCHEDULE, elapsed=61, progress=0, estimated_time=60)
    very_late = next_poll_delay(SCHEDULE, elapsed=160, progress=0, estimated_time=60)
    assert just_late == pytest.approx(1.1)
    assert very_late == pytest.approx(11.0)


def test_unknown_estimate_grows_geometrically_from_the_first_delay() -> None:
    first = next_poll_delay(SCHEDULE, elapsed=0, progress=0, estimated_time=None)
    second = next_poll_delay(SCHEDULE, elapsed=3, progress=0, estimated_time=None, previous_delay=first)
    assert (first, second) == (3.0, 4.5)


def test_delay_never_leaves_the_bounds() -> None:
    for elapsed in range(0, 700, 7):
        for progress in (0, 5, 50, 99):
            for estimate in (None, 1, 30, 600):
                delay = next_poll_delay(SCHEDULE, elapsed, progress, estimate, previous_delay=25.0)
                assert 1.0 <= delay <= 30.0


def test_a_sixty_second_task_takes_far_fewer_polls_than_a_three_second_tick() -> None:
    elapsed, polls, delay = 0.0, 0, None
    while elapsed < 60:
        delay = next_poll_delay(SCHEDULE, elapsed, 0, 60, delay)
        elapsed += delay
        polls += 1
    assert polls <= 0.4 * (60 / 3)
    assert elapsed - 60 <= SCHEDULE.min_interval


@pytest.mark.parametrize("duration", [45, 60, 90])
def test_the_default_schedule_uses_at_most_40_percent_of_a_three_second_tick(duration: int) -> None:
    schedule = PollSchedule()
    elapsed, polls, delay = 0.0, 0, None
    while elapsed < duration:
        delay = next_poll_delay(schedule, elapsed, int(100 * elapsed / duration), duration, delay)
        elapsed += delay
        polls += 1
    assert polls <= 0.4 * (duration / 3)
    assert elapsed - duration <= schedule.min_interval


def test_close_to_the_end_it_asks_when_the_task_should_be_done() -> None:
    assert next_poll_delay(SCHEDULE, elapsed=58.5, progress=0, estimated_time=60) == pytest.approx(1.5)
