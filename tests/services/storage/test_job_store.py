from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState
from services.quotas.limits import UNLIMITED, LimitKind, Limits
from services.storage.job_store import Store, StoreError

DAY = "2026-11-25"


def limits(daily: int, *, active: int = UNLIMITED, guild: int = UNLIMITED, cooldown: float = 0.0) -> Limits:
    return Limits(user_daily_images=daily, max_active_jobs=active, cooldown_seconds=cooldown, guild_daily_images=guild)


def make_job(job_id: str, user_id: int = 1, n: int = 1, created_at: float = 1.0) -> Job:
    return Job(
        id=job_id,
        user_id=user_id,
        options=GenerationOptions("a lighthouse", "1280x1280", n),
        target=DeliveryTarget(channel_id=10, guild_id=20, application_id=30, interaction_token="tok"),
        created_at=created_at,
        updated_at=created_at,
        usage_day=DAY,
    )


@pytest.fixture
async def store(database_url: str):
    opened = await Store.open(database_url, clock=lambda: 100.0)
    yield opened
    await opened.close()


async def test_database_and_its_folder_are_created_on_first_start(tmp_path: Path) -> None:
    opened = await Store.open(f"sqlite:///{tmp_path}/fresh/imagine.db")
    await opened.close()
    assert (tmp_path / "fresh" / "imagine.db").is_file()


async def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    opened = await Store.open(f"sqlite:///{tmp_path}/wal.db")
    await opened.close()
    with sqlite3.connect(tmp_path / "wal.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_keeps_the_data_and_does_not_migrate_twice(database_url: str) -> None:
    url = database_url
    first = await Store.open(url)
    assert await first.insert_job_reserving(make_job("a"), limits(5)) is None
    await first.close()
    second = await Store.open(url)
    assert (await second.get_job("a")) is not None
    await second.close()


async def test_a_stored_job_reads_back_whole(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=3), limits(5))
    job = await store.get_job("a")
    assert job is not None
    assert (job.options.prompt, job.options.size, job.options.n, job.reserved_images) == (
        "a lighthouse",
        "1280x1280",
        3,
        3,
    )
    assert job.target.interaction_token == "tok"
    assert job.state is JobState.QUEUED


async def test_reservation_is_refused_beyond_the_limit_and_stores_nothing(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", n=3), limits(4)) is None
    refusal = await store.insert_job_reserving(make_job("b", n=2), limits(4))
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.USER_DAILY, 4, 3)
    assert await store.get_job("b") is None
    assert await store.images_used(1, DAY, 20) == 3


async def test_users_have_separate_quotas(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", user_id=1, n=4), limits(4)) is None
    assert await store.insert_job_reserving(make_job("b", user_id=2, n=4), limits(4)) is None


async def test_concurrent_reservations_never_exceed_the_limit(store: Store) -> None:
    results = await asyncio.gather(
        *(store.insert_job_reserving(make_job(f"j{i}", n=1), limits(20)) for i in range(100))
    )
    assert sum(result is None for result in results) == 20
    assert await store.images_used(1, DAY, 20) == 20


async def test_transition_only_moves_a_job_from_the_expected_state(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(5))
    assert await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING)
    assert not await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING)
    assert (await store.get_job("a")).state is JobState.SUBMITTING


async def test_delivery_charges_only_the_images_delivered(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=4), limits(10))
    assert await store.settle("a", JobState.DELIVERED, charged=2, delivered=2, message_ids=(99,))
    job = await store.get_job("a")
    assert (job.state, job.images_delivered, job.message_ids, job.reserved_images) == (JobState.DELIVERED, 2, (99,), 0)
    assert await store.images_used(1, DAY, 20) == 2


async def test_failure_returns_the_whole_reservation(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=3), limits(10))
    assert await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.CONTENT_POLICY, "refused"))
    job = await store.get_job("a")
    assert (job.failure_reason, job.failure_detail) == (FailureReason.CONTENT_POLICY, "refused")
    assert await store.images_used(1, DAY, 20) == 0


async def test_settling_twice_does_not_refund_twice(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=2), limits(10))
    await store.insert_job_reserving(make_job("b", n=2), limits(10))
    assert await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.INTERNAL, "x"))
    assert not await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.INTERNAL, "x"))
    assert await store.images_used(1, DAY, 20) == 2


async def test_settling_forgets_the_interaction_token(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert (await store.get_job("a")).target.interaction_token is None


async def test_unfinished_jobs_lists_only_jobs_that_have_not_ended(store: Store) -> None:
    for job_id in ("a", "b", "c"):
        await store.insert_job_reserving(make_job(job_id), limits(10))
    await store.transition("b", [JobState.QUEUED], JobState.SUBMITTED, task_id="task-unified-1-b")
    await store.settle("c", JobState.DELIVERED, charged=1, delivered=1)
    assert [job.id for job in await store.unfinished_jobs()] == ["a", "b"]


async def test_meta_values_are_replaced(store: Store) -> None:
    assert await store.get_meta("k") is None
    await store.set_meta("k", "1")
    await store.set_meta("k", "2")
    assert await store.get_meta("k") == "2"


async def test_a_file_that_is_not_a_database_is_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "imagine.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"imagine\.db.*not a database"):
        await Store.open(f"sqlite:///{path}")
    assert path.read_bytes() == b"this is not sqlite" * 100


async def test_a_database_in_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open database"):
        await Store.open(f"sqlite:///{blocker}/sub/imagine.db")


async def test_cancel_request_is_stored_on_a_running_job(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.SUBMITTED)
    assert await store.request_cancel("a")
    assert (await store.get_job("a")).cancel_requested


async def test_cancel_request_on_an_ended_job_is_refused(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.settle("a", JobState.FAILED, charged=0)
    assert not await store.request_cancel("a")


async def test_settle_can_require_the_state_it_leaves(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=2), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.SUBMITTED)
    assert not await store.settle("a", JobState.CANCELLED, charged=0, leaving=[JobState.QUEUED])
    assert (await store.get_job("a")).state is JobState.SUBMITTED
    assert await store.images_used(1, DAY, 20) == 2


async def test_a_cancelled_caller_does_not_cut_a_write_short(database_url: str) -> None:
    url = database_url
    store = await Store.open(url)
    await store.insert_job_reserving(make_job("a", n=2), limits(10))
    write = asyncio.ensure_future(store.settle("a", JobState.DELIVERED, charged=1, delivered=1))
    await asyncio.sleep(0)
    write.cancel()
    await store.close()
    reopened = await Store.open(url)
    assert (await reopened.get_job("a")).state is JobState.DELIVERED
    assert await reopened.images_used(1, DAY, 20) == 1
    await reopened.close()


async def test_a_database_locked_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    created = await Store.open(f"sqlite:///{path}")
    await created.close()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match=r"locked\.db.*locked"):
            await Store.open(f"sqlite:///{path}", busy_timeout_ms=200)
    finally:
        holder.rollback()
        holder.close()


async def test_cancel_request_after_the_results_arrived_is_refused(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.COMPLETED)
    assert not await store.request_cancel("a")


async def test_a_cancelled_job_is_not_moved_on_by_a_guarded_transition(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10))
    await store.transition("a", [JobState.QUEUED], JobState.SUBMITTED)
    await store.request_cancel("a")
    assert not await store.transition("a", [JobState.SUBMITTED], JobState.COMPLETED, unless_cancelled=True)
    assert (await store.get_job("a")).state is JobState.SUBMITTED


async def test_the_guild_total_caps_all_members_together(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", user_id=1, n=3), limits(10, guild=5)) is None
    refusal = await store.insert_job_reserving(make_job("b", user_id=2, n=3), limits(10, guild=5))
    assert (refusal.kind, refusal.used) == (LimitKind.GUILD_DAILY, 3)
    assert await store.images_used(2, DAY, 20) == 0
    assert await store.images_used(0, DAY, 20) == 3


async def test_a_refund_returns_images_to_the_member_and_the_guild(store: Store) -> None:
    await store.insert_job_reserving(make_job("a", n=3), limits(10, guild=5))
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.images_used(1, DAY, 20) == 1
    assert await store.images_used(0, DAY, 20) == 1


async def test_direct_message_jobs_are_counted_apart_from_guilds_and_refunded(store: Store) -> None:
    job = make_job("dm", n=3)
    job.target = DeliveryTarget(channel_id=11, guild_id=None)
    assert await store.insert_job_reserving(job, limits(5, guild=1)) is None
    assert (await store.images_used(1, DAY, None), await store.images_used(1, DAY, 20)) == (3, 0)
    assert await store.settle("dm", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.images_used(1, DAY, None) == 1
    assert [j.id for j in await store.user_jobs(1, None, active=False)] == ["dm"]
    assert await store.user_jobs(1, 20, active=False) == []


async def test_active_jobs_are_limited_and_free_up_when_they_end(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a"), limits(10, active=1)) is None
    refusal = await store.insert_job_reserving(make_job("b"), limits(10, active=1))
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.ACTIVE_JOBS, 1, 1)
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.insert_job_reserving(make_job("c"), limits(10, active=1)) is None


async def test_a_refusal_leaves_no_reservation_behind(store: Store) -> None:
    await store.insert_job_reserving(make_job("a"), limits(10, active=1))
    await store.insert_job_reserving(make_job("b", n=3), limits(10, active=1))
    assert await store.images_used(1, DAY, 20) == 1


async def test_the_cooldown_refuses_a_quick_second_request_and_says_when(store: Store) -> None:
    assert await store.insert_job_reserving(make_job("a", created_at=100.0), limits(10, cooldown=30)) is None
    refusal = await store.insert_job_reserving(make_job("b", created_at=110.0), limits(10, cooldown=30))
    assert (refusal.kind, refusal.retry_at) == (LimitKind.COOLDOWN, 130.0)
    assert await store.insert_job_reserving(make_job("c", created_at=131.0), limits(10, cooldown=30)) is None


async def test_a_blocked_member_is_refused(store: Store) -> None:
    blocked = Limits(0, UNLIMITED, 0.0, UNLIMITED, blocked=True)
    refusal = await store.insert_job_reserving(make_job("a"), blocked)
    assert refusal.kind is LimitKind.BLOCKED


async def test_members_jobs_are_listed_running_and_ended(store: Store) -> None:
    for job_id in ("a", "b"):
        await store.insert_job_reserving(make_job(job_id), limits(10))
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert [j.id for j in await store.user_jobs(1, 20, active=True)] == ["b"]
    assert [j.id for j in await store.user_jobs(1, 20, active=False)] == ["a"]


async def test_concurrent_requests_never_exceed_the_active_job_limit(store: Store) -> None:
    results = await asyncio.gather(
        *(store.insert_job_reserving(make_job(f"j{i}"), limits(100, active=3)) for i in range(100))
    )
    assert sum(result is None for result in results) == 3
    assert await store.images_used(1, DAY, 20) == 3


async def test_retention_deletes_old_ended_jobs_and_keeps_running_ones(database_url: str) -> None:
    now = [1000.0]
    store = await Store.open(database_url, clock=lambda: now[0])
    await store.insert_job_reserving(make_job("old"), limits(10))
    await store.insert_job_reserving(make_job("running"), limits(10))
    await store.settle("old", JobState.DELIVERED, charged=1, delivered=1)
    now[0] = 1000.0 + 91 * 86400
    assert await store.purge_older_than(now[0] - 90 * 86400) == 1
    assert await store.get_job("old") is None
    assert await store.get_job("running") is not None
    await store.close()


async def test_erasing_a_member_removes_their_jobs_usage_and_override_only(store: Store) -> None:
    await store.insert_job_reserving(make_job("mine", user_id=1, n=2), limits(10))
    await store.insert_job_reserving(make_job("theirs", user_id=2), limits(10))
    assert await store.erase_member(20, 1) == 1
    assert await store.get_job("mine") is None
    assert await store.get_job("theirs") is not None
    assert await store.images_used(1, DAY, 20) == 0
    assert await store.images_used(0, DAY, 20) == 3


async def test_a_second_process_on_the_same_sqlite_file_is_refused_at_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/shared.db"
    first = await Store.open(url)
    with pytest.raises(StoreError, match=r"shared\.db is in use by another bot process"):
        await Store.open(url)
    await first.close()
    second = await Store.open(url)
    await second.close()


async def test_claiming_leases_only_jobs_nobody_holds(database_url: str) -> None:
    now = [1000.0]
    store = await Store.open(database_url, clock=lambda: now[0])
    await store.insert_job_reserving(make_job("held"), limits(10), lease=("alive", 30))
    await store.insert_job_reserving(make_job("orphan"), limits(10), lease=("dead", 5))
    now[0] += 10
    assert [job.id for job in await store.claim_jobs("me", 30)] == ["orphan"]
    assert await store.claim_jobs("someone-else", 30) == []
    await store.close()


async def test_renewing_keeps_a_lease_and_reports_the_lost_ones(database_url: str) -> None:
    now = [1000.0]
    store = await Store.open(database_url, clock=lambda: now[0])
    await store.insert_job_reserving(make_job("a"), limits(10), lease=("me", 30))
    await store.insert_job_reserving(make_job("b"), limits(10), lease=("me", 5))
    now[0] += 10
    assert [job.id for job in await store.claim_jobs("thief", 30)] == ["b"]
    assert await store.renew_leases("me", ["a", "b"], 30) == {"a"}
    await store.close()


async def test_taking_all_claims_every_runnable_job_but_not_those_awaiting_approval(database_url: str) -> None:
    store = await Store.open(database_url)
    await store.insert_job_reserving(make_job("leased"), limits(10), lease=("previous-run", 300))
    waiting = make_job("waiting")
    waiting.state = JobState.AWAITING_APPROVAL
    await store.insert_job_reserving(waiting, limits(10))
    assert [job.id for job in await store.claim_jobs("me", 30, take_all=True)] == ["leased"]
    await store.close()


async def test_two_claimers_at_once_never_get_the_same_job(database_url: str) -> None:
    first, second = await Store.open(database_url), None
    for i in range(20):
        await first.insert_job_reserving(make_job(f"j{i}", user_id=i), limits(10))
    if not database_url.startswith("sqlite"):
        second = await Store.open(database_url)
    other = second or first
    claims = await asyncio.gather(first.claim_jobs("one", 30), other.claim_jobs("two", 30))
    ids = [job.id for claim in claims for job in claim]
    assert sorted(ids) == sorted(f"j{i}" for i in range(20))
    await first.close()
    if second is not None:
        await second.close()


async def test_concurrent_writes_of_the_same_setting_row_do_not_collide(database_url: str) -> None:
    first = await Store.open(database_url)
    second = await Store.open(database_url) if not database_url.startswith("sqlite") else first
    await asyncio.gather(*(store.set_meta("k", str(i)) for i, store in enumerate([first, second] * 10)))
    assert await first.get_meta("k") in {str(i) for i in range(20)}
    await first.close()
    if second is not first:
        await second.close()


async def test_a_process_that_lost_a_jobs_lease_cannot_move_or_settle_it(database_url: str) -> None:
    now = [1000.0]
    store = await Store.open(database_url, clock=lambda: now[0])
    await store.insert_job_reserving(make_job("a", n=2), limits(10), lease=("paused", 5))
    now[0] += 10
    assert [job.id for job in await store.claim_jobs("taker", 30)] == ["a"]
    assert not await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING, owner="paused")
    assert not await store.settle("a", JobState.FAILED, charged=0, owner="paused")
    assert await store.transition("a", [JobState.QUEUED], JobState.SUBMITTING, owner="taker")
    assert await store.images_used(1, DAY, 20) == 2
    await store.close()
