"""The fake Discord's REST routes: channel messages with nonces under a rate limit, and unknown routes."""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import pytest

from tests.support.fake_discord import DEFAULT_CHANNEL_ID, FakeDiscord
from tests.support.probe_bot import NONCE, ProbeBot


async def test_channel_message_nonce_dedupe(fake: FakeDiscord, bot: ProbeBot) -> None:
    limited = fake.inject_rate_limit("POST", r"/channels/\d+/messages$", retry_after=0.01)
    record = await fake.invoke_command("post", {"text": "hello @everyone"})
    first, second = await asyncio.wait_for(bot.results.get(), 3)  # type: ignore[misc]
    assert first.id == second.id
    [message] = fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert message.nonce == NONCE
    assert message.enforce_nonce
    assert message.duplicates_dropped == 1
    assert message.allowed_mentions == {"parse": []}
    assert not message.pings.any
    assert [d.original_message_id for d in fake.duplicate_nonces] == [message.id]
    assert record.original is not None
    assert record.original.ephemeral
    assert record.original.content == "posting"
    assert limited.hits == 1
    assert [r.status for r in fake.requests_matching("POST", "/messages")] == [429, 200, 200]


async def test_unknown_route_answers_json_404(fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        async with aiohttp.ClientSession() as session, session.get(fake.api_base + "/no/such/route") as response:
            assert response.status == 404
            assert response.headers["Content-Type"] == "application/json"
            assert (await response.json())["code"] == 0
    assert "no route for GET /api/v10/no/such/route" in caplog.text
    assert fake.requests[-1].status == 404
