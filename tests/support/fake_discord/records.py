"""What the fake Discord saw: requests, command syncs, messages, interactions and their responses.

All ``at``/``*_at`` times are ``time.monotonic()`` values; on Linux that clock is shared by every
process, so times recorded here compare with times taken in a bot subprocess.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.support.fake_discord.waiting import Signal

EPHEMERAL = 1 << 6
LOADING = 1 << 7


@dataclass
class FileRecord:
    """One uploaded multipart file part (``files[N]``) with its bytes."""

    index: int
    filename: str
    content_type: str | None
    data: bytes
    length: int | None = None
    """The size when the bytes were dropped (``FakeDiscord.keep_upload_bytes`` False), else None."""

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data) if self.length is None else self.length

    def without_bytes(self) -> FileRecord:
        """The same record keeping only the size of the bytes."""
        return FileRecord(self.index, self.filename, self.content_type, b"", self.size)


@dataclass
class RequestRecord:
    """One HTTP request the fake answered."""

    method: str
    path: str
    query: dict[str, str]
    at: float
    status: int | None = None
    payload: Any = None
    files: list[FileRecord] = field(default_factory=list)
    error: dict[str, Any] | None = None


@dataclass
class CommandSync:
    """A ``PUT`` (bulk overwrite) of application commands; ``guild_id`` None for global commands."""

    at: float
    path: str
    guild_id: int | None
    body: list[dict[str, Any]]
    response: list[dict[str, Any]]

    @property
    def names(self) -> list[str]:
        """Names of the synced commands."""
        return [command["name"] for command in self.body]


@dataclass
class IdentifyRecord:
    """An IDENTIFY received on the gateway."""

    at: float
    session_id: str
    token: str
    intents: int
    shard: tuple[int, int] | None
    properties: dict[str, Any]


@dataclass
class AttachmentRecord:
    """A message attachment as stored by the fake, with the uploaded bytes."""

    id: int
    filename: str
    data: bytes
    content_type: str | None
    url: str
    description: str | None = None
    length: int | None = None
    """The size when the bytes were dropped (``FakeDiscord.keep_upload_bytes`` False), else None."""

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data) if self.length is None else self.length


@dataclass
class Mentions:
    """Who a message really pings once ``allowed_mentions`` is applied."""

    user_ids: list[int] = field(default_factory=list)
    role_ids: list[int] = field(default_factory=list)
    everyone: bool = False

    @property
    def any(self) -> bool:
        """Whether the message pings anybody at all."""
        return bool(self.user_ids or self.role_ids or self.everyone)


@dataclass
class MessageRecord:
    """A message the bot created: in a channel, as an interaction response or as a followup.

    ``kind`` is ``"channel"``, ``"original"`` (interaction response) or ``"followup"``.
    """

    id: int
    channel_id: int
    guild_id: int | None
    kind: str
    author_id: int
    created_at: float
    timestamp: str
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[AttachmentRecord] = field(default_factory=list)
    allowed_mentions: dict[str, Any] | None = None
    pings: Mentions = field(default_factory=Mentions)
    nonce: str | int | None = None
    enforce_nonce: bool = False
    message_reference: dict[str, Any] | None = None
    flags: int = 0
    tts: bool = False
    type: int = 0
    interaction_id: int | None = None
    webhook_id: int | None = None
    edited_at: float | None = None
    edited_timestamp: str | None = None
    edit_count: int = 0
    deleted: bool = False
    deleted_at: float | None = None
    duplicates_dropped: int = 0

    @property
    def ephemeral(self) -> bool:
        """Whether the message has the EPHEMERAL flag."""
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Whether this is still a deferred "thinking" response (LOADING flag)."""
        return bool(self.flags & LOADING)

    @property
    def filenames(self) -> list[str]:
        """Filenames of the attachments, in order."""
        return [attachment.filename for attachment in self.attachments]

    def attachment(self, filename: str) -> AttachmentRecord:
        """Return the attachment named ``filename`` (``KeyError`` if absent)."""
        for attachment in self.attachments:
            if attachment.filename == filename:
                return attachment
        raise KeyError(f"message {self.id} has no attachment {filename!r} (has {self.filenames})")

    def custom_ids(self) -> list[str]:
        """Every ``custom_id`` found in the message's components, depth first."""
        found: list[str] = []

        def walk(items: list[dict[str, Any]]) -> None:
            for item in items:
                if "custom_id" in item:
                    found.append(item["custom_id"])
                walk(item.get("components", []))
                if isinstance(item.get("accessory"), dict):
                    walk([item["accessory"]])

        walk(self.components)
        return found

    def as_dict(self) -> dict[str, Any]:
        """A plain snapshot of the message (attachments with their bytes)."""
        return {
            "id": self.id,
            "channel_id": self.channel_id,
            "kind": self.kind,
            "content": self.content,
            "embeds": self.embeds,
            "components": self.components,
            "attachments": [
                {"id": a.id, "filename": a.filename, "size": a.size, "data": a.data, "description": a.description}
                for a in self.attachments
            ],
            "allowed_mentions": self.allowed_mentions,
            "nonce": self.nonce,
            "enforce_nonce": self.enforce_nonce,
            "message_reference": self.message_reference,
            "flags": self.flags,
            "deleted": self.deleted,
        }


@dataclass
class DuplicateNonceRecord:
    """A channel message dropped by nonce dedupe; the original message was returned instead."""

    at: float
    channel_id: int
    nonce: str | int
    original_message_id: int
    payload: dict[str, Any]


@dataclass
class CallbackRecord:
    """A ``POST /interactions/{id}/{token}/callback`` (``status`` is what the fake answered)."""

    at: float
    type: int
    data: dict[str, Any] | None
    files: list[FileRecord]
    status: int
    query: dict[str, str]


@dataclass
class EditRecord:
    """A PATCH of an interaction message; ``target`` is ``"@original"`` or the message id."""

    at: float
    target: str
    message_id: int | None
    payload: dict[str, Any]
    files: list[FileRecord]
    status: int

    @property
    def content(self) -> str | None:
        """The ``content`` field of the edit, if sent."""
        return self.payload.get("content")

    @property
    def filenames(self) -> list[str]:
        """Filenames of the files uploaded with the edit."""
        return [file.filename for file in self.files]


@dataclass
class InteractionRecord:
    """An interaction the fake sent to the bot, and everything the bot did with it."""

    id: int
    token: str
    type: int
    name: str
    guild_id: int | None
    channel_id: int
    user_id: int
    payload: dict[str, Any]
    sent_at: float
    signal: Signal = field(repr=False)
    callbacks: list[CallbackRecord] = field(default_factory=list)
    edits: list[EditRecord] = field(default_factory=list)
    followups: list[MessageRecord] = field(default_factory=list)
    original: MessageRecord | None = None
    source_message: MessageRecord | None = None
    rejected: list[RequestRecord] = field(default_factory=list)
    expired: bool = False
    unknown: bool = False

    @property
    def ack(self) -> CallbackRecord | None:
        """The first accepted callback, if any."""
        return next((cb for cb in self.callbacks if cb.status < 300), None)

    @property
    def ack_at(self) -> float | None:
        """Monotonic time at which the first accepted callback arrived."""
        ack = self.ack
        return None if ack is None else ack.at

    @property
    def ack_latency(self) -> float | None:
        """Seconds between sending INTERACTION_CREATE and receiving the first accepted callback."""
        ack_at = self.ack_at
        return None if ack_at is None else ack_at - self.sent_at

    @property
    def deferred(self) -> bool:
        """Whether the bot acknowledged with a deferred response (type 5 or 6)."""
        ack = self.ack
        return ack is not None and ack.type in (5, 6)

    @property
    def ephemeral(self) -> bool:
        """Whether the response (deferred or not) is ephemeral."""
        return self.original is not None and self.original.ephemeral

    @property
    def autocomplete_choices(self) -> list[dict[str, Any]] | None:
        """Choices from an autocomplete callback (type 8), None before it arrived."""
        for callback in self.callbacks:
            if callback.type == 8 and callback.status < 300:
                return list((callback.data or {}).get("choices", []))
        return None

    async def wait_for(self, predicate: Callable[[InteractionRecord], bool], timeout: float = 5.0) -> InteractionRecord:
        """Wait until ``predicate(self)`` holds (checked now and on every change of the fake)."""
        return await self.signal.wait_for(
            lambda: self if predicate(self) else None, timeout, f"a condition on interaction {self.name!r}"
        )

    async def wait_for_ack(self, timeout: float = 5.0) -> CallbackRecord:
        """Wait for the first accepted callback and return it."""
        return await self.signal.wait_for(lambda: self.ack, timeout, f"the ack of interaction {self.name!r}")

    async def wait_until_edit(
        self, predicate: Callable[[EditRecord], bool] | None = None, timeout: float = 5.0
    ) -> EditRecord:
        """Return the first accepted edit (past or future) for which ``predicate`` holds."""

        def probe() -> EditRecord | None:
            for edit in self.edits:
                if edit.status < 300 and (predicate is None or predicate(edit)):
                    return edit
            return None

        return await self.signal.wait_for(probe, timeout, f"an edit of interaction {self.name!r}")

    async def wait_for_followup(
        self, predicate: Callable[[MessageRecord], bool] | None = None, timeout: float = 5.0
    ) -> MessageRecord:
        """Return the first followup message (past or future) for which ``predicate`` holds."""

        def probe() -> MessageRecord | None:
            return next((m for m in self.followups if predicate is None or predicate(m)), None)

        return await self.signal.wait_for(probe, timeout, f"a followup of interaction {self.name!r}")


def monotonic() -> float:
    """The clock used for every recorded time."""
    return time.monotonic()
