"""Files members attach to slash commands (attachment options), and Discord's signed, expiring CDN URLs.

Discord's attachment URLs carry `ex` (expiry, hex Unix time), `is` (issued) and `hm` (a signature); an
expired one answers 404, and `POST /attachments/refresh-urls` exchanges URLs for fresh ones. The fake
signs every uploaded file's URL the same way, refuses expired ones at its CDN route, and records each
refresh request."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from urllib.parse import parse_qs, quote, urlsplit

from tests.support.fake_discord import ids
from tests.support.fake_discord.records import AttachmentRecord

URL_LIFETIME = 24 * 3600.0


def signed(url: str, attachment_id: int, expires_at: float) -> str:
    """`url` (without query) signed to expire at `expires_at`."""
    ex, issued = f"{int(expires_at):x}", f"{int(time.time()):x}"
    signature = hashlib.sha256(f"{attachment_id}:{ex}".encode()).hexdigest()
    return f"{url.split('?', 1)[0]}?ex={ex}&is={issued}&hm={signature}&"


def expired(url: str) -> bool:
    """Whether a signed URL's `ex` lies in the past (an unsigned URL never expires)."""
    values = parse_qs(urlsplit(url).query).get("ex")
    return bool(values) and int(values[0], 16) <= time.time()


class Uploads:
    """The files members uploaded as command options, by attachment id, and the refresh requests."""

    def __init__(self, base_url: Callable[[], str], snowflakes: ids.SnowflakeGenerator) -> None:
        self._base_url = base_url
        self._snowflakes = snowflakes
        self.by_id: dict[int, AttachmentRecord] = {}
        self.refresh_requests: list[list[str]] = []
        """The `attachment_urls` of every `POST /attachments/refresh-urls`, in order."""

    def upload(
        self,
        data: bytes,
        filename: str = "input.png",
        content_type: str | None = "image/png",
        *,
        channel_id: int = ids.DEFAULT_CHANNEL_ID,
        expires_in: float = URL_LIFETIME,
        size: int | None = None,
    ) -> AttachmentRecord:
        """A file a member attaches; its URL expires `expires_in` seconds from now (negative: already).
        `size` overrides the size Discord reports (the bytes served stay `data`)."""
        attachment_id = self._snowflakes.next()
        url = f"{self._base_url()}/attachments/{channel_id}/{attachment_id}/{quote(filename)}"
        record = AttachmentRecord(
            id=attachment_id,
            filename=filename,
            data=data,
            content_type=content_type,
            url=signed(url, attachment_id, time.time() + expires_in),
            length=size,
        )
        self.by_id[attachment_id] = record
        return record

    def refresh(self, urls: list[str]) -> list[dict[str, str]]:
        """Fresh URLs (a new day of life) for `urls`, as Discord answers them."""
        self.refresh_requests.append(list(urls))
        answers = []
        for url in urls:
            try:
                attachment_id = int(urlsplit(url).path.split("/")[3])
            except (IndexError, ValueError):
                continue
            answers.append({"original": url, "refreshed": signed(url, attachment_id, time.time() + URL_LIFETIME)})
        return answers
