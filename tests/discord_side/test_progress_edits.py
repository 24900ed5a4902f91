"""When a job's message is edited: on news (the rule of `discord_side.progress_edits`), not on a timer."""

from __future__ import annotations

import math
import statistics
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from discord_side.presenter import seconds_left
from discord_side.progress_edits import ProgressEdits, Shown, between_phases, is_news, place_is_news, shown_for
from services.core.supervisor import TaskSupervisor
from services.engine.events import NOT_RUNNING, JobPhase, RunStatus
from tests.discord_side.manual_clock import ManualClock
from tests.discord_side.queue_script import BusyQueue, ShownEdits, make_job

INTERVAL = 3.0


@dataclass
class Rig:
    """`ProgressEdits` in virtual time, with what it showed."""

    edits: ProgressEdits
    clock: ManualClock
    recorded: ShownEdits


@pytest.fixture
async def rig() -> AsyncIterator[Rig]:
    clock, recorded, supervisor = ManualClock(), ShownEdits(), TaskSupervisor()
    yield Rig(ProgressEdits(clock, supervisor, INTERVAL, recorded.show), clock, recorded)
    await supervisor.close()


def queued(place: int) -> RunStatus:
    return RunStatus(queue_position=place)


@pytest.mark.parametrize(
    ("before", "now", "news"),
    [
        (None, 7, True),
        (None, None, False),
        (8, 7, False),
        (8, 5, False),
        (8, 4, True),
        (3, 2, False),
        (3, 1, True),
        (2, 1, True),
        (5, None, False),
        (1, 2, False),
        (1, 3, True),
        (4, 8, True),
        (4, 7, False),
    ],
)
def test_a_place_in_line_is_news_the_first_time_when_it_halves_or_when_it_doubles(
    before: int | None, now: int | None, news: bool
) -> None:
    assert place_is_news(before, now) is news


def test_generating_is_news_once_more_when_the_task_passes_half_way() -> None:
    started = shown_for(JobPhase.GENERATING, RunStatus(progress=0))
    assert not is_news(started, shown_for(JobPhase.GENERATING, RunStatus(progress=40)))
    half_way = shown_for(JobPhase.GENERATING, RunStatus(progress=55))
    assert is_news(started, half_way)
    assert not is_news(half_way, shown_for(JobPhase.GENERATING, RunStatus(progress=95)))


def test_the_moments_between_phases_are_told_apart() -> None:
    assert between_phases(Shown(JobPhase.SUBMITTING))
    assert between_phases(Shown(JobPhase.UPLOADING))
    assert between_phases(shown_for(JobPhase.QUEUED, NOT_RUNNING))
    assert not between_phases(shown_for(JobPhase.QUEUED, queued(3)))
    assert not between_phases(Shown(JobPhase.AWAITING_APPROVAL))


async def test_a_job_that_never_waits_costs_three_edits(rig: Rig) -> None:
    await BusyQueue(rig.edits, rig.clock, rig.recorded, slots=1, task_seconds=10).play(jobs=1)
    phases = [phase for phase, _ in rig.recorded.shown["job000"]]
    assert phases == [JobPhase.GENERATING, JobPhase.GENERATING]
    assert rig.recorded.edits("job000") == 3


async def test_a_job_next_in_line_costs_four_edits(rig: Rig) -> None:
    await BusyQueue(rig.edits, rig.clock, rig.recorded, slots=1, task_seconds=10).play(jobs=2)
    assert rig.recorded.places("job001") == [1]
    assert rig.recorded.edits("job001") == 4


async def test_a_waiting_job_is_shown_its_place_first_and_then_only_when_it_halves(rig: Rig) -> None:
    await BusyQueue(rig.edits, rig.clock, rig.recorded, slots=1, task_seconds=10).play(jobs=18)
    assert rig.recorded.places("job017") == [17, 8, 4, 2, 1]


async def test_under_a_queue_of_forty_jobs_each_job_costs_three_edits_plus_one_per_halving_of_its_place(
    rig: Rig,
) -> None:
    jobs, slots = 40, 4
    await BusyQueue(rig.edits, rig.clock, rig.recorded, slots=slots, task_seconds=10).play(jobs=jobs)
    counts = [rig.recorded.edits(f"job{number:03d}") for number in range(jobs)]
    print(f"edits per job under a queue of {jobs} jobs, {slots} at a time: {counts}, mean {statistics.mean(counts)}")
    for number in range(jobs):
        first_place = number - slots + 1
        halvings = 1 + math.floor(math.log2(first_place)) if first_place >= 1 else 0
        assert len(rig.recorded.places(f"job{number:03d}")) <= halvings
        assert counts[number] <= 3 + halvings
    assert len(rig.edits) == 0


async def test_edits_of_one_job_are_an_interval_apart_and_show_the_latest_state(rig: Rig) -> None:
    job = make_job(1)
    rig.edits.changed(job, JobPhase.QUEUED, queued(16))
    await rig.clock.advance(0.5)
    rig.edits.changed(job, JobPhase.QUEUED, queued(8))
    rig.edits.changed(job, JobPhase.QUEUED, queued(6))
    await rig.clock.advance(2.4)
    assert rig.recorded.places(job.id) == [16]
    await rig.clock.advance(0.2)
    assert rig.recorded.places(job.id) == [16, 6]


async def test_news_that_is_stale_by_its_turn_is_not_shown(rig: Rig) -> None:
    job = make_job(1)
    rig.edits.changed(job, JobPhase.QUEUED, queued(4))
    await rig.clock.advance(0.5)
    rig.edits.changed(job, JobPhase.QUEUED, queued(2))
    await rig.clock.advance(0.5)
    rig.edits.changed(job, JobPhase.QUEUED, queued(3))  # sent back in line before its edit was due
    await rig.clock.advance(INTERVAL)
    assert rig.recorded.places(job.id) == [4]


async def test_sending_is_shown_only_when_it_lasts_an_interval(rig: Rig) -> None:
    quick, slow = make_job(1), make_job(2)
    for job in (quick, slow):
        rig.edits.changed(job, JobPhase.SUBMITTING, NOT_RUNNING)
    await rig.clock.advance(1.0)
    rig.edits.changed(quick, JobPhase.GENERATING, RunStatus())
    await rig.clock.advance(INTERVAL)
    assert [phase for phase, _ in rig.recorded.shown[quick.id]] == [JobPhase.GENERATING]
    assert [phase for phase, _ in rig.recorded.shown[slow.id]] == [JobPhase.SUBMITTING]


async def test_news_after_a_moment_between_phases_is_shown_without_waiting_for_it(rig: Rig) -> None:
    job = make_job(1)
    rig.edits.changed(job, JobPhase.QUEUED, NOT_RUNNING)
    await rig.clock.advance(0.1)
    rig.edits.changed(job, JobPhase.QUEUED, queued(5))
    await rig.clock.advance(0.1)
    assert rig.recorded.places(job.id) == [5]


async def test_an_approval_request_is_shown_at_once(rig: Rig) -> None:
    job = make_job(1)
    rig.edits.changed(job, JobPhase.AWAITING_APPROVAL, NOT_RUNNING)
    await rig.clock.advance(0)
    assert [phase for phase, _ in rig.recorded.shown[job.id]] == [JobPhase.AWAITING_APPROVAL]


async def test_finishing_a_job_drops_its_pending_edit(rig: Rig) -> None:
    job = make_job(1)
    rig.edits.changed(job, JobPhase.GENERATING, RunStatus())
    await rig.clock.advance(0.5)
    rig.edits.changed(job, JobPhase.GENERATING, RunStatus(progress=80))
    await rig.edits.finish(job.id)
    await rig.clock.advance(INTERVAL * 2)
    assert len(rig.recorded.shown[job.id]) == 1
    assert len(rig.edits) == 0


def test_the_time_left_follows_the_progress_once_it_has_moved() -> None:
    assert seconds_left(elapsed=20, progress=50, estimated_time=None) == pytest.approx(20.0)


def test_the_time_left_leans_on_the_apis_estimate_early_on() -> None:
    assert seconds_left(elapsed=20, progress=50, estimated_time=60) == pytest.approx(0.5 * 20 + 0.5 * 40)
    assert seconds_left(elapsed=20, progress=0, estimated_time=60) == pytest.approx(40)
    assert seconds_left(elapsed=20, progress=0, estimated_time=None) is None
