"""The operator's migration command (`python -m services.storage.migrate`): it brings the database of
DATABASE_URL up to date without starting the bot, says what it did, and fails in one line."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sys
from pathlib import Path

import pytest

from services.config.settings import DEFAULT_DATABASE_URL as BOT_DEFAULT_DATABASE_URL
from services.storage.database import DEFAULT_DATABASE_URL, describe_database
from services.storage.job_store import Store, StoreError
from services.storage.migrations import head_revision
from tests.databases import empty_schema
from tests.e2e.bot_process import REPO_ROOT


async def migrate(database_url: str) -> tuple[int, str, str]:
    """Run the command in a process of its own, as an operator would; its status, stdout and stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "services.storage.migrate",
        cwd=REPO_ROOT,
        env={**env, "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_the_command_creates_the_schema_and_says_so(tmp_path: Path) -> None:
    status, out, err = await migrate(f"sqlite:///{tmp_path}/imagine.db")
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == f"database {tmp_path}/imagine.db: created at revision {head_revision()}"


async def test_a_second_run_changes_nothing_and_says_so(tmp_path: Path) -> None:
    await migrate(f"sqlite:///{tmp_path}/imagine.db")
    status, out, _ = await migrate(f"sqlite:///{tmp_path}/imagine.db")
    assert status == 0
    assert out.splitlines() == [f"database {tmp_path}/imagine.db: already at revision {head_revision()} (the newest)"]


async def test_a_corrupt_database_fails_with_one_line_naming_it(tmp_path: Path) -> None:
    database = tmp_path / "broken.db"
    database.write_bytes(b"definitely not sqlite" * 50)
    status, _, err = await migrate(f"sqlite:///{database}")
    assert status == 1
    assert len(err.strip().splitlines()) == 1
    assert "broken.db" in err
    assert database.read_bytes() == b"definitely not sqlite" * 50


async def test_a_database_the_running_bot_holds_is_refused(tmp_path: Path) -> None:
    lock = (tmp_path / "imagine.db.lock").open("ab")
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        status, _, err = await migrate(f"sqlite:///{tmp_path}/imagine.db")
    finally:
        lock.close()
    assert status == 1
    assert "in use by another bot process" in err


async def test_processes_starting_at_once_on_postgresql_migrate_one_at_a_time(postgres_database: str) -> None:
    await empty_schema(postgres_database)
    results = await asyncio.gather(*(migrate(postgres_database) for _ in range(4)))
    assert [status for status, _, _ in results] == [0] * 4, [err for _, _, err in results]
    said = sorted(out.splitlines()[-1].split(": ", 1)[1] for _, out, _ in results)
    assert said == [f"already at revision {head_revision()} (the newest)"] * 3 + [
        f"created at revision {head_revision()}"
    ]


def test_the_commands_default_database_is_the_bots() -> None:
    assert DEFAULT_DATABASE_URL == BOT_DEFAULT_DATABASE_URL


def test_a_password_given_as_a_query_parameter_is_never_printed() -> None:
    name = describe_database("postgresql://postgres@127.0.0.1:5432/x?password=QUERYSECRET")

    assert "QUERYSECRET" not in name


async def test_a_malformed_database_url_is_refused_in_one_line_without_its_password() -> None:
    with pytest.raises(StoreError) as refused:
        await Store.open("postgresql://u:SECRETPW@127.0.0.1:notaport/db")

    assert "\n" not in str(refused.value)
    assert "SECRETPW" not in str(refused.value)
