"""Discord's rules for application command definitions, as it checks them on registration: names and
their localizations 1-32 characters, lowercase, of letters, digits, `-` and `_` (and Devanagari and Thai
marks), unique among siblings; descriptions and choice names 1-100 characters; localizations keyed by
Discord's locale codes only. A breach is a 400 50035 Invalid Form Body naming the field."""

from __future__ import annotations

from typing import Any

import regex

from tests.support.fake_discord.errors import ApiError, invalid_form_body

LOCALES = frozenset(
    {
        "id",
        "da",
        "de",
        "en-GB",
        "en-US",
        "es-ES",
        "es-419",
        "fr",
        "hr",
        "it",
        "lt",
        "hu",
        "nl",
        "no",
        "pl",
        "pt-BR",
        "ro",
        "fi",
        "sv-SE",
        "vi",
        "tr",
        "cs",
        "el",
        "bg",
        "ru",
        "uk",
        "hi",
        "th",
        "zh-CN",
        "ja",
        "zh-TW",
        "ko",
    }
)
NAME = regex.compile(r"^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$")
CHAT_INPUT = 1
SUBCOMMANDS = frozenset({1, 2})


def _name(value: object, path: str) -> None:
    if not isinstance(value, str) or not NAME.match(value) or value != value.lower():
        raise invalid_form_body(path, "APPLICATION_COMMAND_INVALID_NAME", f"Command name is invalid: {value!r}")


def _text(value: object, path: str) -> None:
    if not isinstance(value, str) or not 1 <= len(value) <= 100:
        raise invalid_form_body(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")


def _localizations(item: dict[str, Any], key: str, path: str, check: Any) -> None:
    for locale, value in (item.get(key) or {}).items():
        if locale not in LOCALES:
            raise invalid_form_body(f"{path}.{key}.{locale}", "ENUM_TYPE_COERCE", f"{locale!r} is not a valid locale")
        check(value, f"{path}.{key}.{locale}")


def _unique(items: list[dict[str, Any]], path: str) -> None:
    seen: dict[str, set[str]] = {}
    for index, item in enumerate(items):
        names = {"": item["name"], **(item.get("name_localizations") or {})}
        for locale, name in names.items():
            if name in seen.setdefault(locale, set()):
                raise invalid_form_body(
                    f"{path}.{index}.name".lstrip("."), "DUPLICATE_NAME", f"Duplicate name {name!r}"
                )
            seen[locale].add(name)


def _item(item: dict[str, Any], path: str, described: bool) -> None:
    _name(item.get("name"), f"{path}.name")
    _localizations(item, "name_localizations", path, _name)
    if described:
        _text(item.get("description"), f"{path}.description")
        _localizations(item, "description_localizations", path, _text)
    for index, choice in enumerate(item.get("choices") or []):
        _text(choice.get("name"), f"{path}.choices.{index}.name")
        _localizations(choice, "name_localizations", f"{path}.choices.{index}", _text)
    options = item.get("options") or []
    _unique(options, f"{path}.options")
    for index, option in enumerate(options):
        _item(option, f"{path}.options.{index}", True)


def validate_command(definition: dict[str, Any], path: str = "0") -> None:
    """Raise the API error Discord answers a command definition that breaks its rules with."""
    if not isinstance(definition, dict):
        raise ApiError(400, 50035, "Invalid Form Body")
    _item(definition, path, int(definition.get("type", CHAT_INPUT)) == CHAT_INPUT)


def validate_commands(definitions: list[dict[str, Any]]) -> None:
    """A bulk overwrite: every definition, and names unique per type."""
    for index, definition in enumerate(definitions):
        validate_command(definition, str(index))
    for kind in {int(d.get("type", CHAT_INPUT)) for d in definitions}:
        _unique([d for d in definitions if int(d.get("type", CHAT_INPUT)) == kind], "")
