"""SQLite older than 3.35 has no UPDATE ... RETURNING, which the store's counter statements use: the store
refuses to open on it, naming the version needed and the one found, before touching the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from services.storage.database import StoreError
from services.storage.job_store import Store


async def test_a_sqlite_library_older_than_3_35_is_refused_naming_both_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    with pytest.raises(StoreError, match=r"SQLite 3\.35\.0 or later is needed .* uses SQLite 3\.31\.1"):
        await Store.open(f"sqlite:///{tmp_path}/store.db")
    assert not (tmp_path / "store.db").exists()


async def test_sqlite_3_35_is_enough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 35, 0))
    store = await Store.open(f"sqlite:///{tmp_path}/store.db")
    await store.close()
