"""Components V2 (the IS_COMPONENTS_V2 message flag: containers, media galleries, text displays,
sections, separators, thumbnails, action rows), validated as Discord does: at most 40 components in all,
at most 4000 characters of text display content in all, 1 to 10 items per media gallery, no `content`
or `embeds` beside them, and `attachment://` references only to files of the message."""

from __future__ import annotations

from typing import Any

from tests.support.fake_discord.errors import invalid_form_body

COMPONENTS_V2 = 1 << 15
MAX_COMPONENTS = 40
MAX_TEXT_TOTAL = 4000
MAX_GALLERY_ITEMS = 10
V2_TYPES = {9, 10, 11, 12, 13, 14, 17}  # section, text display, thumbnail, gallery, file, separator, container
TEXT_DISPLAY = 10
MEDIA_GALLERY = 12


def is_v2(flags: int) -> bool:
    """Whether a message's flags mark it as a Components V2 message."""
    return bool(flags & COMPONENTS_V2)


def validate_v2(components: list[dict[str, Any]], *, content: str, embeds: list[Any], filenames: set[str]) -> None:
    """Raise Discord's answer to a V2 message that breaks its rules (`filenames`: the message's files)."""
    if content or embeds:
        raise invalid_form_body(
            "content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "content and embeds cannot be used"
        )
    if not components:
        raise invalid_form_body("components", "BASE_TYPE_REQUIRED", "This field is required")
    everything = list(walk(components))
    if len(everything) > MAX_COMPONENTS:
        raise invalid_form_body("components", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_COMPONENTS} or fewer in total.")
    texts = sum(len(c.get("content") or "") for c in everything if c.get("type") == TEXT_DISPLAY)
    if texts > MAX_TEXT_TOTAL:
        raise invalid_form_body("components", "COMPONENT_TEXT_TOO_LONG", f"Text must be {MAX_TEXT_TOTAL} or fewer.")
    for component in everything:
        if component.get("type") == MEDIA_GALLERY:
            _validate_gallery(component.get("items") or [], filenames)


def legacy_misuse(components: list[dict[str, Any]]) -> bool:
    """Whether a message without the V2 flag carries V2-only components (Discord refuses it)."""
    return any(c.get("type") in V2_TYPES for c in walk(components))


def walk(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every component, nested ones included (a section's accessory too), depth first."""
    found: list[dict[str, Any]] = []
    for component in components:
        found.append(component)
        found += walk(component.get("components") or [])
        if isinstance(component.get("accessory"), dict):
            found += walk([component["accessory"]])
    return found


def text_of(components: list[dict[str, Any]]) -> str:
    """The text displays' content, joined: what a V2 message says (its mentions are resolved from it)."""
    return "\n".join(c.get("content") or "" for c in walk(components) if c.get("type") == TEXT_DISPLAY)


def gallery_urls(components: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    """Every media gallery item's URL with its spoiler mark, in order."""
    return [
        ((item.get("media") or {}).get("url") or "", bool(item.get("spoiler")))
        for c in walk(components)
        if c.get("type") == MEDIA_GALLERY
        for item in c.get("items") or []
    ]


def _validate_gallery(items: list[dict[str, Any]], filenames: set[str]) -> None:
    if not 1 <= len(items) <= MAX_GALLERY_ITEMS:
        raise invalid_form_body("components", "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {MAX_GALLERY_ITEMS}.")
    for item in items:
        url = (item.get("media") or {}).get("url") or ""
        if url.startswith("attachment://") and url.removeprefix("attachment://") not in filenames:
            raise invalid_form_body("components", "UNFURLED_MEDIA_ITEM_ATTACHMENT_NOT_FOUND", f"{url} is not attached")
