"""Where a task probably ends: the estimate's error range, narrowed by the progress a query reported."""

from __future__ import annotations

import pytest

from services.engine.task_end import EndModel, end_belief, end_range

MODEL = EndModel()


def test_the_estimate_allows_ends_from_two_thirds_to_five_thirds_of_it() -> None:
    earliest, latest = end_range(MODEL, 16)

    assert earliest == pytest.approx(15 / 1.5)  # an estimate rounded up from 15.x may come from a 10 s task
    assert latest == pytest.approx(16 / 0.6)


def test_before_any_query_early_ends_are_likelier_than_late_ones() -> None:
    belief = end_belief(MODEL, 10)
    assert belief is not None
    earliest, latest = end_range(MODEL, 10)

    assert belief.quantile(0.5) < (earliest + latest) / 2
    assert belief.done_by(earliest) == 0.0
    assert belief.done_by(latest) == pytest.approx(1.0)


def test_a_task_still_running_cannot_have_ended_before_it_was_asked() -> None:
    belief = end_belief(MODEL, 10, elapsed=9.0, progress=40)
    assert belief is not None

    assert belief.done_by(9.0) == 0.0


def test_progress_near_the_top_puts_the_end_just_ahead() -> None:
    near_the_top = end_belief(MODEL, 10, elapsed=9.0, progress=95)
    half_way = end_belief(MODEL, 10, elapsed=9.0, progress=50)
    assert near_the_top is not None
    assert half_way is not None

    assert near_the_top.quantile(0.9) < 11.0
    assert half_way.quantile(0.5) > near_the_top.quantile(0.5)


def test_a_task_running_past_every_end_the_estimate_allows_has_no_belief() -> None:
    assert end_belief(MODEL, 10, elapsed=17.0, progress=80) is None


def test_progress_no_curve_of_the_family_explains_leaves_no_belief() -> None:
    # 1% after 99% of the longest possible duration: no curve between x^0.4 and x^2.5 gives that.
    assert end_belief(MODEL, 10, elapsed=16.5, progress=1) is None
