"""Storing the bot's messages: create, edit, delete, attachments and Discord's nonce dedupe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from tests.support.fake_discord import models
from tests.support.fake_discord.components_v2 import text_of
from tests.support.fake_discord.ids import SnowflakeGenerator, iso_now
from tests.support.fake_discord.mentions import resolve_pings
from tests.support.fake_discord.records import (
    EPHEMERAL,
    LOADING,
    AttachmentRecord,
    DuplicateNonceRecord,
    EditRecord,
    FileRecord,
    MessageRecord,
    monotonic,
)
from tests.support.fake_discord.validation import validate_message
from tests.support.fake_discord.waiting import Signal
from tests.support.fake_discord.world import World

REPLY = 19


class MessageStore:
    """Every message the bot created, by id and by channel, plus channel-route edits and dropped duplicates."""

    def __init__(
        self,
        world: World,
        snowflakes: SnowflakeGenerator,
        base_url: Callable[[], str],
        signal: Signal,
        *,
        nonce_window: float = 300.0,
    ) -> None:
        self.world = world
        self.snowflakes = snowflakes
        self.base_url = base_url
        self.signal = signal
        self.nonce_window = nonce_window
        self.by_id: dict[int, MessageRecord] = {}
        self.by_channel: dict[int, list[MessageRecord]] = {}
        self.edits: list[EditRecord] = []
        self.duplicates: list[DuplicateNonceRecord] = []

    # -- queries ----------------------------------------------------------------------------------
    def get(self, message_id: int) -> MessageRecord | None:
        """The message with that id, deleted or not."""
        return self.by_id.get(message_id)

    def channel_messages(self, channel_id: int, *, include_interaction_messages: bool = False) -> list[MessageRecord]:
        """Messages in a channel in creation order (deleted ones included, flagged)."""
        return [
            m
            for m in self.by_channel.get(channel_id, [])
            if m.kind == "channel" or (include_interaction_messages and not m.ephemeral)
        ]

    def to_json(self, message: MessageRecord, *, interaction_metadata: dict[str, Any] | None = None) -> dict[str, Any]:
        """The message object Discord would answer for ``message``."""
        referenced = None
        if message.message_reference is not None:
            referenced = self.by_id.get(int(message.message_reference.get("message_id") or 0))
        return models.message_json(
            message, self.world, referenced=referenced, interaction_metadata=interaction_metadata
        )

    # -- writes -----------------------------------------------------------------------------------
    def find_duplicate(self, channel_id: int, payload: dict[str, Any]) -> MessageRecord | None:
        """The earlier message that a create with ``enforce_nonce`` must return instead, if any."""
        nonce = payload.get("nonce")
        if nonce is None or not payload.get("enforce_nonce"):
            return None
        horizon = monotonic() - self.nonce_window
        for message in reversed(self.by_channel.get(channel_id, [])):
            if message.created_at < horizon:
                break
            if message.kind == "channel" and message.nonce is not None and str(message.nonce) == str(nonce):
                return message
        return None

    def record_duplicate(self, original: MessageRecord, payload: dict[str, Any]) -> None:
        """Note that a create was answered with ``original`` because of its nonce."""
        original.duplicates_dropped += 1
        self.duplicates.append(
            DuplicateNonceRecord(
                at=monotonic(),
                channel_id=original.channel_id,
                nonce=payload["nonce"],
                original_message_id=original.id,
                payload=payload,
            )
        )
        self.signal.notify()

    def create(
        self,
        channel_id: int,
        payload: dict[str, Any],
        files: list[FileRecord],
        *,
        kind: str,
        size_limit: int,
        interaction_id: int | None = None,
        webhook_id: int | None = None,
        message_type: int = 0,
        extra_flags: int = 0,
        validate: bool = True,
    ) -> MessageRecord:
        """Validate and store a new message from a create payload and its files."""
        if validate:
            validate_message(payload, files, size_limit=size_limit, creating=True)
        channel = self.world.channel(channel_id)
        reference = payload.get("message_reference")
        flags = int(payload.get("flags") or 0) | extra_flags
        if kind == "channel":
            flags &= ~(EPHEMERAL | LOADING)
        message = MessageRecord(
            id=self.snowflakes.next(),
            channel_id=channel_id,
            guild_id=channel.guild_id if channel else None,
            kind=kind,
            author_id=self.world.bot_user_id,
            created_at=monotonic(),
            timestamp=iso_now(),
            nonce=payload.get("nonce"),
            enforce_nonce=bool(payload.get("enforce_nonce")),
            message_reference=reference,
            flags=flags,
            tts=bool(payload.get("tts")),
            type=REPLY if reference and reference.get("type", 0) == 0 and message_type == 0 else message_type,
            interaction_id=interaction_id,
            webhook_id=webhook_id,
        )
        self._apply(message, payload, files)
        self.by_id[message.id] = message
        self.by_channel.setdefault(channel_id, []).append(message)
        self.signal.notify()
        return message

    def edit(
        self,
        message: MessageRecord,
        payload: dict[str, Any],
        files: list[FileRecord],
        *,
        size_limit: int,
    ) -> None:
        """Apply an edit payload (only the fields present) and its files to ``message``."""
        validate_message(payload, files, size_limit=size_limit, creating=False, existing=message)
        self._apply(message, payload, files, editing=True)
        if "flags" in payload and payload["flags"] is not None:
            message.flags = (message.flags & EPHEMERAL) | (int(payload["flags"]) & ~EPHEMERAL)
        message.flags &= ~LOADING
        message.edited_at = monotonic()
        message.edited_timestamp = iso_now()
        message.edit_count += 1
        self.signal.notify()

    def delete(self, message: MessageRecord) -> None:
        """Mark ``message`` deleted (it stays in the records)."""
        message.deleted = True
        message.deleted_at = monotonic()
        self.signal.notify()

    def _apply(
        self, message: MessageRecord, payload: dict[str, Any], files: list[FileRecord], *, editing: bool = False
    ) -> None:
        if "content" in payload:
            message.content = payload["content"] or ""
        if "embeds" in payload:
            message.embeds = list(payload["embeds"] or [])
        if "components" in payload:
            message.components = models.number_components(list(payload["components"] or []))
        if "allowed_mentions" in payload:
            message.allowed_mentions = payload["allowed_mentions"]
        if files or "attachments" in payload:
            message.attachments = self._attachments(message, payload.get("attachments"), files, editing=editing)
        replied_user_id = None
        if message.message_reference is not None:
            referenced = self.by_id.get(int(message.message_reference.get("message_id") or 0))
            replied_user_id = referenced.author_id if referenced else None
        said = message.content + "\n" + text_of(message.components) if message.components else message.content
        message.pings = resolve_pings(said, message.allowed_mentions, replied_user_id=replied_user_id)

    def _attachments(
        self,
        message: MessageRecord,
        spec: list[dict[str, Any]] | None,
        files: list[FileRecord],
        *,
        editing: bool,
    ) -> list[AttachmentRecord]:
        existing = {a.id: a for a in message.attachments}
        by_index = {f.index: f for f in files}
        result: list[AttachmentRecord] = []
        used: set[int] = set()
        if spec is None:
            result = list(message.attachments) if editing else []
        else:
            for entry in spec:
                entry_id = int(entry["id"])
                if entry_id in existing:
                    result.append(existing[entry_id])
                elif entry_id in by_index:
                    result.append(self._new_attachment(message, by_index[entry_id], entry))
                    used.add(entry_id)
        result.extend(self._new_attachment(message, f, None) for f in files if f.index not in used)
        return result

    def _new_attachment(
        self, message: MessageRecord, file: FileRecord, entry: dict[str, Any] | None
    ) -> AttachmentRecord:
        attachment_id = self.snowflakes.next()
        filename = (entry or {}).get("filename") or file.filename
        return AttachmentRecord(
            id=attachment_id,
            filename=filename,
            data=file.data,
            content_type=_guess_content_type(filename, file.content_type),
            url=f"{self.base_url()}/attachments/{message.channel_id}/{attachment_id}/{quote(filename)}",
            description=(entry or {}).get("description"),
            length=file.length,
        )


def _guess_content_type(filename: str, sent: str | None) -> str | None:
    lowered = filename.lower()
    for suffix, content_type in (
        (".png", "image/png"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".webp", "image/webp"),
        (".gif", "image/gif"),
    ):
        if lowered.endswith(suffix):
            return content_type
    return sent
