"""Fixtures of the fake Discord's self-tests: the fake, discord.py pointed at it, and a ready probe bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.support.fake_discord import FakeDiscord, redirect_discord_py
from tests.support.probe_bot import ProbeBot, run_until_ready


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A served fake Discord."""
    async with FakeDiscord() as fake_discord:
        yield fake_discord


@pytest.fixture
def redirected(fake: FakeDiscord) -> Iterator[FakeDiscord]:
    """The fake, with discord.py in this process pointed at it."""
    with redirect_discord_py(fake.base_url):
        yield fake


@pytest.fixture
async def bot(redirected: FakeDiscord) -> AsyncIterator[ProbeBot]:
    """A ``ProbeBot`` logged in to the fake, its commands synced, ready."""
    client = ProbeBot()
    task = await run_until_ready(client, client.ready)
    try:
        yield client
    finally:
        await client.close()
        await task
