"""Result images come over https only: on plain http anyone on the path can swap them. Plain http is
allowed only with IMAGE_URL_ALLOW_PRIVATE, the setting for a local simulator."""

from __future__ import annotations

import aiohttp
import pytest

from services.core.errors import ImageFetchError, ImageProblem
from services.images.download import ImageDownloader

PUBLIC_HTTP_URL = "http://93.184.216.34/result.png"  # a public address: no private-network refusal first


async def test_a_plain_http_result_link_is_refused_before_any_connection() -> None:
    async with aiohttp.ClientSession() as session:
        images = ImageDownloader(session, allow_private=False, max_bytes=1024 * 1024, timeout=1.0)
        with pytest.raises(ImageFetchError) as caught:
            async with images.reservation() as held:
                await images.fetch_all((PUBLIC_HTTP_URL,), 10**7, held)
    assert caught.value.problem is ImageProblem.NOT_HTTPS
