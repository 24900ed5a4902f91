"""When to ask the API about a task, as pure functions: queries spent where they pay.

Every query of every task comes out of one budget for the account (`query_budget`), so a query made
before the task can have ended is a query another task waits for. The first query goes where the task
may first have ended (the estimate's error range: `task_end`), plus a short window; a task still running
then has told its progress, which narrows where it ends, and the next query goes to the end of the new
window, or to the latest likely end when that is sooner. A task running past every likely end is asked
on a short, slowly growing overdue interval. Each query also carries a `due_at`, the time the task has
most likely ended: when the budget is short, the most overdue query goes first.

With callbacks the API says when a task ends and one query confirms it; the scheduled queries are only
a fallback for a lost callback: once after the latest likely end, then rarely. Long tasks are asked for
their progress (to show members) only from spare budget: `progress_query_at`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from services.engine.task_end import EndModel, end_belief, end_range


@dataclass(frozen=True)
class PollSchedule:
    """The shape of the schedule; all in seconds."""

    min_interval: float = 1.0  # shortest wait between two queries of a task
    max_interval: float = 30.0  # longest overdue interval; long tasks are asked for progress this often
    window: float = 2.0  # how late a query may find a task that ended in its window
    early_quantile: float = 0.05  # the window opens where the task has ended with this probability ...
    late_quantile: float = 0.98  # ... and a query never waits past where it has ended with this one
    overdue_growth: float = 0.1  # the overdue interval grows by this share of the overrun
    unknown_first: float = 3.0  # no estimate: the first wait, growing by `unknown_growth` each query
    unknown_growth: float = 1.5
    callbacks: bool = False  # the API calls back when a task ends: scheduled queries are a fallback
    fallback_after: float = 10.0  # with callbacks: the first fallback query this long after the latest end
    fallback_every: float = 60.0  # and then this often
    model: EndModel = field(default_factory=EndModel)


@dataclass(frozen=True)
class Sighting:
    """What the last query of a still running task said, `elapsed` seconds after submission."""

    elapsed: float
    progress: int


@dataclass(frozen=True)
class QueryPlan:
    """The next query of a task, in seconds after its submission: when to ask, and when the task has most
    likely ended (the budget serves the most overdue first)."""

    ask_at: float
    due_at: float


def plan_query(schedule: PollSchedule, estimate: float | None, last: Sighting | None, queries: int = 0) -> QueryPlan:
    """The next query of a task estimated at `estimate` seconds (None: unknown), after `queries` queries
    of which `last` was the latest (None: not asked yet)."""
    if estimate is None:
        return _unknown_plan(schedule, last, queries)
    if schedule.callbacks:
        return _fallback_plan(schedule, estimate, last)
    since = 0.0 if last is None else last.elapsed
    earliest = since if last is None else since + schedule.min_interval
    belief = end_belief(schedule.model, estimate, since, None if last is None else last.progress)
    if belief is None and last is not None and last.progress:
        # Progress no curve of the family explains (an API reporting it differently): the estimate alone.
        belief = end_belief(schedule.model, estimate, since)
    if belief is None:
        return _overdue_plan(schedule, estimate, since)
    window_end = belief.quantile(schedule.early_quantile) + schedule.window
    ask_at = max(earliest, min(belief.quantile(schedule.late_quantile), window_end))
    return QueryPlan(ask_at, belief.quantile(0.5))


def progress_query_at(schedule: PollSchedule, last_query: float, next_query: float) -> float | None:
    """When to ask a long task for its progress (to show members), if the budget has room then: every
    `max_interval` while the next planned query is further away; None when it is not worth one."""
    at = last_query + schedule.max_interval
    return at if at < next_query else None


def _overdue_plan(schedule: PollSchedule, estimate: float, since: float) -> QueryPlan:
    # Later than the estimate's error allows (e.g. a queue at the API): ask promptly, backing off slowly.
    overrun = max(0.0, since - end_range(schedule.model, estimate)[1])
    interval = min(schedule.max_interval, schedule.window + overrun * schedule.overdue_growth)
    ask_at = since + max(schedule.min_interval, interval)
    return QueryPlan(ask_at, ask_at)


def _fallback_plan(schedule: PollSchedule, estimate: float, last: Sighting | None) -> QueryPlan:
    # The callback brings the news; these queries only find a task whose callback was lost.
    latest = end_range(schedule.model, estimate)[1]
    first = latest + schedule.fallback_after
    ask_at = first if last is None or last.elapsed < first else last.elapsed + schedule.fallback_every
    return QueryPlan(ask_at, ask_at)


def _unknown_plan(schedule: PollSchedule, last: Sighting | None, queries: int) -> QueryPlan:
    if schedule.callbacks:
        wait = schedule.fallback_every
    else:
        wait = min(schedule.max_interval, schedule.unknown_first * schedule.unknown_growth**queries)
    ask_at = (0.0 if last is None else last.elapsed) + max(schedule.min_interval, wait)
    return QueryPlan(ask_at, ask_at)
