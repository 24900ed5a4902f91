"""Reports of results (once per member per result) and a member's history, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from services.core.models import JobState
from services.storage.job_store import Store
from services.storage.result_reports import HISTORY_PAGE
from tests.services.storage.job_factory import limits, make_job, open_store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


async def delivered(store: Store, job_id: str, user_id: int = 1, created_at: float = 1.0) -> None:
    await store.insert_job_reserving(make_job(job_id, user_id=user_id, created_at=created_at), limits(50))
    await store.settle(job_id, JobState.DELIVERED, charged=1, delivered=1, message_ids=(7,))


async def test_a_member_reports_a_result_once(store: Store) -> None:
    await delivered(store, "a")
    assert await store.add_report("a", 5, 20) is True
    assert await store.add_report("a", 5, 20) is False
    assert await store.reporters("a") == [5]


async def test_a_report_keeps_the_reporters_locale(store: Store) -> None:
    await delivered(store, "a")
    assert await store.add_report("a", 5, 20, "de")
    assert await store.add_report("a", 6, 20)
    assert sorted(await store.reporter_locales("a")) == [(5, "de"), (6, None)]


async def test_two_clicks_at_once_record_one_report(store: Store) -> None:
    await delivered(store, "a")
    outcomes = await asyncio.gather(*(store.add_report("a", 5, 20) for _ in range(5)))
    assert sorted(outcomes) == [False, False, False, False, True]


async def test_every_member_may_report_the_same_result(store: Store) -> None:
    await delivered(store, "a")
    assert await store.add_report("a", 5, 20)
    assert await store.add_report("a", 6, 20)
    assert sorted(await store.reporters("a")) == [5, 6]


async def test_a_withdrawn_report_forgets_only_that_member_who_may_report_again(store: Store) -> None:
    await delivered(store, "a")
    await store.add_report("a", 5, 20)
    await store.add_report("a", 6, 20)
    await store.withdraw_report("a", 5)
    assert await store.reporters("a") == [6]
    assert await store.add_report("a", 5, 20) is True


async def test_a_reviewed_result_has_no_open_report_left(store: Store) -> None:
    await delivered(store, "a")
    await delivered(store, "b")
    await store.add_report("a", 5, 20)
    await store.add_report("b", 5, 20)
    await store.close_reports("a")
    assert await store.reporters("a") == []
    assert await store.reporters("b") == [5]


async def test_history_pages_a_members_delivered_results_newest_first(store: Store) -> None:
    for index in range(HISTORY_PAGE + 2):
        await delivered(store, f"j{index}", created_at=float(index))
    await delivered(store, "other", user_id=2)
    await store.insert_job_reserving(make_job("running", created_at=99.0), limits(50))
    first, total = await store.history(1, 20, 1)
    second, _ = await store.history(1, 20, 2)
    assert total == HISTORY_PAGE + 2
    assert [job.id for job in first] == [f"j{i}" for i in range(HISTORY_PAGE + 1, 1, -1)]
    assert [job.id for job in second] == ["j1", "j0"]


async def test_history_of_a_member_elsewhere_is_empty(store: Store) -> None:
    await delivered(store, "a")
    assert await store.history(1, 21, 1) == ([], 0)


async def test_erasing_a_member_forgets_their_reports_and_the_reports_of_their_results(store: Store) -> None:
    await delivered(store, "mine", user_id=1)
    await delivered(store, "theirs", user_id=2)
    await store.add_report("mine", 3, 20)
    await store.add_report("theirs", 1, 20)
    await store.add_report("theirs", 4, 20)
    await store.erase_member(20, 1)
    assert await store.reporters("mine") == []
    assert await store.reporters("theirs") == [4]


async def test_retention_forgets_the_reports_of_purged_results(database_url: str) -> None:
    now = [1000.0]
    store = await Store.open(database_url, clock=lambda: now[0])
    await delivered(store, "old")
    await store.add_report("old", 3, 20)
    now[0] += 91 * 86400
    await store.purge_older_than(now[0] - 90 * 86400)
    assert await store.reporters("old") == []
    await store.close()


async def test_two_reports_at_once_open_one_review(store: Store) -> None:
    await delivered(store, "a")
    outcomes = await asyncio.gather(*(store.open_review("a") for _ in range(5)))
    assert sorted(outcomes) == [False, False, False, False, True]


async def test_a_closed_or_withdrawn_review_can_be_opened_again(store: Store) -> None:
    await delivered(store, "a")
    await store.add_report("a", 5, 20)
    assert await store.open_review("a")
    await store.close_reports("a")
    assert await store.open_review("a")
    await store.withdraw_report("a", 5)
    assert await store.open_review("a")


async def test_a_result_is_under_review_from_its_opening_to_its_decision(store: Store) -> None:
    await delivered(store, "a")
    assert not await store.under_review("a")
    await store.open_review("a")
    assert await store.under_review("a")
    await store.close_reports("a")
    assert not await store.under_review("a")
    assert not await store.under_review("missing")
