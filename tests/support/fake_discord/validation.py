"""Discord's message limits, enforced by the fake so that a bot breaking them fails in tests too."""

from __future__ import annotations

from typing import Any

from tests.support.fake_discord.components_v2 import is_v2, legacy_misuse, validate_v2
from tests.support.fake_discord.errors import ApiError, invalid_form_body, too_large
from tests.support.fake_discord.records import FileRecord, MessageRecord

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
MAX_FILES = 10
MAX_REQUEST_BYTES = 25 * 1024 * 1024
MAX_ROWS = 5
MAX_BUTTONS_PER_ROW = 5
MAX_CUSTOM_ID = 100
DEFAULT_ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


def validate_message(
    payload: dict[str, Any],
    files: list[FileRecord],
    *,
    size_limit: int,
    creating: bool,
    has_existing_attachments: bool = False,
    existing: MessageRecord | None = None,
) -> None:
    """Raise the ``ApiError`` Discord would answer for ``payload`` + ``files``, if any (``existing``: the
    message an edit changes, whose fields the payload leaves as they are)."""
    _validate_files(files, size_limit)
    content = payload.get("content") or ""
    flags = int(payload.get("flags") or 0) | (existing.flags if existing is not None else 0)
    if is_v2(flags):
        _validate_v2_message(payload, files, existing)
        return
    if legacy_misuse(payload.get("components") or []):
        raise invalid_form_body(
            "components", "COMPONENT_LAYOUT_INVALID", "V2 components need the IS_COMPONENTS_V2 flag"
        )
    if len(content) > MAX_CONTENT:
        raise invalid_form_body("content", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_CONTENT} or fewer in length.")
    embeds = payload.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        raise invalid_form_body("embeds", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_EMBEDS} or fewer in length.")
    if sum(_embed_length(embed) for embed in embeds) > MAX_EMBED_TOTAL:
        raise invalid_form_body("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
    _validate_components(payload.get("components") or [])
    has_body = content or embeds or files or payload.get("components") or payload.get("sticker_ids")
    if creating and not (has_body or has_existing_attachments or payload.get("poll")):
        raise ApiError(400, 50006, "Cannot send an empty message")


def _validate_v2_message(payload: dict[str, Any], files: list[FileRecord], existing: MessageRecord | None) -> None:
    def kept(name: str, default: Any) -> Any:
        if name in payload:
            return payload[name]
        return getattr(existing, name) if existing is not None else default

    names = {file.filename for file in files} | {entry.get("filename") for entry in payload.get("attachments") or []}
    if existing is not None and "attachments" not in payload:
        names |= {attachment.filename for attachment in existing.attachments}
    elif existing is not None:
        kept_ids = {int(entry["id"]) for entry in payload["attachments"] if "id" in entry}
        names |= {attachment.filename for attachment in existing.attachments if attachment.id in kept_ids}
    components = kept("components", [])
    validate_v2(components, content=kept("content", "") or "", embeds=kept("embeds", []) or [], filenames=names)
    _validate_custom_ids(components, "components")


def _validate_files(files: list[FileRecord], size_limit: int) -> None:
    if len(files) > MAX_FILES:
        raise invalid_form_body("files", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_FILES} or fewer in length.")
    if any(file.size > size_limit for file in files) or sum(f.size for f in files) > MAX_REQUEST_BYTES:
        raise too_large()


def _embed_length(embed: dict[str, Any]) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for embed_field in embed.get("fields") or []:
        total += len(embed_field.get("name") or "") + len(embed_field.get("value") or "")
    return total


def _validate_components(components: list[dict[str, Any]]) -> None:
    top_level_rows = [c for c in components if c.get("type") == 1]
    if len(top_level_rows) > MAX_ROWS:
        raise invalid_form_body("components", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_ROWS} or fewer in length.")
    for row_index, row in enumerate(top_level_rows):
        buttons = [c for c in row.get("components", []) if c.get("type") == 2]
        if len(buttons) > MAX_BUTTONS_PER_ROW:
            raise invalid_form_body(
                f"components.{row_index}.components",
                "BASE_TYPE_MAX_LENGTH",
                f"Must be {MAX_BUTTONS_PER_ROW} or fewer in length.",
            )
    _validate_custom_ids(components, "components")


def _validate_custom_ids(components: list[dict[str, Any]], path: str) -> None:
    for index, component in enumerate(components):
        custom_id = component.get("custom_id")
        if custom_id is not None and len(custom_id) > MAX_CUSTOM_ID:
            raise invalid_form_body(
                f"{path}.{index}.custom_id",
                "BASE_TYPE_MAX_LENGTH",
                f"Must be {MAX_CUSTOM_ID} or fewer in length.",
            )
        _validate_custom_ids(component.get("components", []), f"{path}.{index}.components")
