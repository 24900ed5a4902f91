"""Fixtures of the service tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.services.engine.harness import Harness, open_harness


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    """The engine against the simulator and a SQLite store, in virtual time."""
    async for ready in open_harness(tmp_path):
        yield ready
