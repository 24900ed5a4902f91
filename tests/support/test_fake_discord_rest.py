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


async def _upload(fake: FakeDiscord, data: bytes) -> None:
    """POST a channel message with one file, as discord.py sends it (multipart)."""
    form = aiohttp.FormData()
    form.add_field("payload_json", '{"content": "file"}', content_type="application/json")
    form.add_field("files[0]", data, filename="a.png", content_type="image/png")
    url = f"{fake.api_base}/channels/{DEFAULT_CHANNEL_ID}/messages"
    async with aiohttp.ClientSession() as session, session.post(url, data=form) as response:
        assert response.status == 200


async def test_uploads_keep_their_bytes_by_default(fake: FakeDiscord) -> None:
    await _upload(fake, b"x" * 1000)

    [message] = fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert message.attachments[0].data == b"x" * 1000


async def test_without_upload_bytes_only_the_sizes_are_kept(fake: FakeDiscord) -> None:
    fake.keep_upload_bytes = False

    await _upload(fake, b"x" * 1000)

    [message] = fake.channel_messages(DEFAULT_CHANNEL_ID)
    [request] = fake.requests_matching("POST", "/messages")
    assert (message.attachments[0].data, message.attachments[0].size) == (b"", 1000)
    assert (request.files[0].data, request.files[0].size) == (b"", 1000)
