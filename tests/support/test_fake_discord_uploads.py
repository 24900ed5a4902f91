"""The fake Discord's uploads: attachment options' files on its CDN, signed URLs that expire, and the
attachment refresh endpoint that renews them."""

from __future__ import annotations

import aiohttp

from tests.support.fake_discord import FakeDiscord


async def fetch(url: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        await response.read()
        return response.status


async def test_an_upload_is_served_until_its_url_expires(fake: FakeDiscord) -> None:
    fresh = fake.uploads.upload(b"\x89PNG fresh")
    stale = fake.uploads.upload(b"\x89PNG stale", expires_in=-1)
    assert await fetch(fresh.url) == 200
    assert await fetch(stale.url) == 404


async def test_the_refresh_endpoint_renews_an_expired_url_and_records_the_request(fake: FakeDiscord) -> None:
    stale = fake.uploads.upload(b"\x89PNG stale", expires_in=-1)
    body = {"attachment_urls": [stale.url]}
    headers = {"Authorization": f"Bot {fake.expected_token or 'x'}"}
    url = f"{fake.api_base}/attachments/refresh-urls"
    async with aiohttp.ClientSession() as session, session.post(url, json=body, headers=headers) as response:
        answer = await response.json()
    (renewed,) = answer["refreshed_urls"]
    assert renewed["original"] == stale.url
    assert renewed["refreshed"] != stale.url
    assert await fetch(renewed["refreshed"]) == 200
    assert fake.uploads.refresh_requests == [[stale.url]]
