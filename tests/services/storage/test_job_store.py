"""The store as a whole: opening the database, reading jobs back, retention and erasure."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.core.models import GenerationOptions, InputImage, JobState
from services.storage.job_store import Store, StoreError
from tests.services.storage.job_factory import DAY, limits, make_job, open_store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


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


async def test_an_image_job_reads_back_with_its_inputs_and_model(store: Store) -> None:
    job = make_job("b")
    inputs = (InputImage("https://cdn.discordapp.com/a/1/2/x.png?ex=1", 10, 99), InputImage("https://cdn/y.png"))
    job.options = GenerationOptions("from images", n=2, images=inputs)
    await store.insert_job_reserving(job, limits(5))
    stored = await store.get_job("b")
    assert stored is not None
    assert stored.options.images == inputs
    assert stored.options.model == "wan2.5-image-to-image"


async def test_a_text_job_is_stored_with_the_text_model_and_no_inputs(store: Store) -> None:
    await store.insert_job_reserving(make_job("c"), limits(5))
    stored = await store.get_job("c")
    assert stored is not None
    assert (stored.options.images, stored.options.model) == ((), "wan2.5-text-to-image")


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


async def test_members_jobs_are_listed_running_and_ended(store: Store) -> None:
    for job_id in ("a", "b"):
        await store.insert_job_reserving(make_job(job_id), limits(10))
    await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert [j.id for j in await store.user_jobs(1, 20, active=True)] == ["b"]
    assert [j.id for j in await store.user_jobs(1, 20, active=False)] == ["a"]


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


async def test_erasing_a_moderator_forgets_who_decided_the_requests_they_decided(store: Store) -> None:
    await store.insert_job_reserving(make_job("decided", user_id=2), limits(10))
    assert await store.settle("decided", JobState.REJECTED, charged=0, decided_by=1)
    assert (await store.get_job("decided")).decided_by == 1
    assert await store.erase_member(20, 1) == 0
    assert (await store.get_job("decided")).decided_by is None


async def test_a_second_process_on_the_same_sqlite_file_is_refused_at_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/shared.db"
    first = await Store.open(url)
    with pytest.raises(StoreError, match=r"shared\.db is in use by another bot process"):
        await Store.open(url)
    await first.close()
    second = await Store.open(url)
    await second.close()


async def test_concurrent_writes_of_the_same_setting_row_do_not_collide(database_url: str) -> None:
    first = await Store.open(database_url)
    second = await Store.open(database_url) if not database_url.startswith("sqlite") else first
    await asyncio.gather(*(store.set_meta("k", str(i)) for i, store in enumerate([first, second] * 10)))
    assert await first.get_meta("k") in {str(i) for i in range(20)}
    await first.close()
    if second is not first:
        await second.close()
