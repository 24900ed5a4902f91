"""The translations: one Fluent bundle per language found under `locales/`, each directory named by a
Discord locale code (`de`, `pt-BR`, `zh-CN`). `en-US` is the source every other language is checked
against, and the fallback. A new language needs only its directory: nothing here names a language.
Loaded once, at import (start-up), never on the event loop per message."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import babel
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as ftl
from fluent.syntax import parse
from fluent.syntax.visitor import Visitor

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
SOURCE = "en-US"
# Discord's locale codes (https://discord.com/developers/docs/reference#locales): what an interaction's
# `locale` and `guild_locale` may be, and the keys Discord accepts in name and description localizations.
DISCORD_LOCALES = frozenset(
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


class CatalogueError(LookupError):
    """An entry that does not exist, or values that do not match its placeholders: a bug, never ignored."""


class _Variables(Visitor):
    """The variables a message uses, and those it selects on (plural or other select expressions)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.selectors: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.names.add(node.id.name)
        self.generic_visit(node)

    def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:
        selector = node.selector
        if isinstance(selector, ftl.FunctionReference) and selector.arguments.positional:
            selector = selector.arguments.positional[0]
        if isinstance(selector, ftl.VariableReference):
            self.selectors.add(selector.id.name)
        self.generic_visit(node)


@dataclass(frozen=True)
class Message:
    """One message of one language's files: where it is, its variables and those it selects on."""

    file: str
    variables: frozenset[str]
    selectors: frozenset[str]


@dataclass(frozen=True)
class Language:
    """One language's catalogue: its parsed messages, the bundle that renders them, and parse errors."""

    code: str
    messages: MappingProxyType[str, Message]
    bundle: FluentBundle
    errors: tuple[str, ...]


def read_language(directory: Path) -> Language:
    """Parse every `.ftl` file of one language's directory into a bundle; syntax errors (Junk) and ids
    defined twice are collected in `errors`, not raised, so tests can name them all."""
    code = directory.name
    # Without isolation: Fluent would wrap every placeholder in Unicode bidi isolation marks (FSI/PDI),
    # which Discord clients show as stray boxes or spaces; none of our languages needs them.
    bundle = FluentBundle([code], use_isolating=False)
    messages: dict[str, Message] = {}
    errors: list[str] = []
    for path in sorted(directory.glob("*.ftl")):
        source = path.read_text(encoding="utf-8")
        for item in parse(source).body:
            if isinstance(item, ftl.Junk):
                errors.append(f"{code}/{path.name}: syntax error near {item.content[:80]!r}")
            elif isinstance(item, ftl.Message):
                if item.id.name in messages:
                    errors.append(f"{code}/{path.name}: {item.id.name} defined twice")
                found = _Variables()
                found.visit(item)
                messages[item.id.name] = Message(path.name, frozenset(found.names), frozenset(found.selectors))
        bundle.add_resource(FluentResource(source))
    return Language(code, MappingProxyType(messages), bundle, tuple(errors))


def discover(root: Path = LOCALES_DIR) -> dict[str, Language]:
    """Every language under `root`: each directory holding `.ftl` files, named by its Discord locale."""
    found = {path.name: read_language(path) for path in sorted(root.iterdir()) if any(path.glob("*.ftl"))}
    if SOURCE not in found:
        raise CatalogueError(f"no {SOURCE} catalogue under {root}")
    return found


def fallback(discord_locale: str | None, available: frozenset[str] | set[str]) -> str:
    """The catalogue to use for a Discord locale: its own when there is one; else one of the same
    language (en-GB -> en-US, es-419 -> es-ES, pt-PT -> pt-BR, zh-TW -> zh-CN), the source first when it
    is of that language, else the first in alphabetical order; else the source (en-US)."""
    if not discord_locale:
        return SOURCE
    if discord_locale in available:
        return discord_locale
    base = discord_locale.split("-")[0].lower()
    same = sorted(code for code in available if code.split("-")[0].lower() == base)
    if SOURCE in same:
        return SOURCE
    return same[0] if same else SOURCE


def native_name(code: str) -> str:
    """A catalogue's language in its own words (Deutsch, português (Brasil)), from CLDR."""
    try:
        name = babel.Locale.parse(code, sep="-").get_display_name() or code
    except (ValueError, babel.UnknownLocaleError):
        name = code
    return name[:1].upper() + name[1:]
