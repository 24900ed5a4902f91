"""The translations: one Fluent bundle per language found under `locales/`, each directory named by a
Discord locale code (`de`, `pt-BR`, `zh-CN`). `en-US` is the source every other language is checked
against, and the fallback. A new language needs only its directory: nothing here names a language.
Loaded once, at import (start-up), never on the event loop per message."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

import babel
import discord
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import FluentSerializer, parse
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

log = logging.getLogger(__name__)

_SERIALIZER = FluentSerializer()
LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
SOURCE = "en-US"
# Discord's locale codes (https://discord.com/developers/docs/reference#locales), as discord.py knows
# them: what an interaction's `locale` and `guild_locale` may be, and the keys Discord accepts in name
# and description localizations.
DISCORD_LOCALES = frozenset(locale.value for locale in discord.Locale)


class CatalogueError(LookupError):
    """An entry that does not exist, or values that do not match its placeholders: a bug, never ignored."""


class _Variables(Visitor):
    """The variables a message uses, those it selects on (plural or other select expressions), and the
    messages it refers to (`{ name-imagine }`: a command's or a button's name in the same language)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.selectors: set[str] = set()
        self.references: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.names.add(node.id.name)
        self.generic_visit(node)

    def visit_MessageReference(self, node: ftl.MessageReference) -> None:
        self.references.add(node.id.name)
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
    """One message of one language's files: where it is, its variables and those it selects on (with
    those of the messages it refers to, which Fluent renders with the same variables), the messages it
    refers to, and its source (what a language lacking a referenced message borrows)."""

    file: str
    variables: frozenset[str]
    selectors: frozenset[str]
    references: frozenset[str] = frozenset()
    source: str = ""


@dataclass(frozen=True)
class Language:
    """One language's catalogue: its parsed messages, the bundle that renders them, and parse errors."""

    code: str
    messages: MappingProxyType[str, Message]
    bundle: FluentBundle
    errors: tuple[str, ...]
    # Entries that refer back to themselves, however deep (named in `errors` too): Fluent would recurse
    # without end rendering them, so they are never rendered.
    cyclic: frozenset[str] = frozenset()
    # Entries whose translation was found broken and already logged (`catalogue.text_in` warns once).
    warned: set[str] = field(default_factory=set, compare=False)


def read_language(directory: Path, fallback: Language | None = None) -> Language:
    """Parse every `.ftl` file of one language's directory into a bundle; syntax errors (Junk), ids
    defined twice and references to messages that exist nowhere (or refer back to themselves) are
    collected in `errors`, not raised, so tests can name them all. A message referred to but missing
    here is borrowed from `fallback` (the source), with a warning, so a text never shows `{ name-… }`."""
    code = directory.name
    # Without isolation: Fluent would wrap every placeholder in Unicode bidi isolation marks (FSI/PDI),
    # which Discord clients show as stray boxes or spaces; none of our languages needs them.
    bundle = FluentBundle([code], use_isolating=False)
    found: dict[str, Message] = {}
    errors: list[str] = []
    for path in sorted(directory.glob("*.ftl")):
        source = path.read_text(encoding="utf-8")
        for item in parse(source).body:
            if isinstance(item, ftl.Junk):
                errors.append(f"{code}/{path.name}: syntax error near {item.content[:80]!r}")
            elif isinstance(item, ftl.Message):
                if item.id.name in found:
                    errors.append(f"{code}/{path.name}: {item.id.name} defined twice")
                seen = _Variables()
                seen.visit(item)
                found[item.id.name] = Message(
                    path.name,
                    frozenset(seen.names),
                    frozenset(seen.selectors),
                    frozenset(seen.references),
                    _SERIALIZER.serialize_entry(item),
                )
        bundle.add_resource(FluentResource(source))
    _borrow(code, bundle, found, fallback, errors)
    cyclic: set[str] = set()
    messages = {entry: _with_references(entry, found, errors, cyclic) for entry in sorted(found)}
    return Language(code, MappingProxyType(messages), bundle, tuple(errors), frozenset(cyclic))


def _borrow(
    code: str, bundle: FluentBundle, found: dict[str, Message], fallback: Language | None, errors: list[str]
) -> None:
    """Add to the bundle (and to `found`) the fallback's messages this language refers to but lacks."""
    wanted = [reference for message in found.values() for reference in message.references]
    while wanted:
        entry = wanted.pop()
        if entry in found:
            continue
        borrowed = fallback.messages.get(entry) if fallback is not None else None
        if fallback is None or borrowed is None:
            errors.append(f"{code}: a message refers to {entry}, which exists nowhere")
            found[entry] = Message("", frozenset(), frozenset())
            continue
        log.warning("catalogue %s has no entry %r, which its texts refer to; using %s's", code, entry, fallback.code)
        bundle.add_resource(FluentResource(borrowed.source))
        found[entry] = borrowed
        wanted.extend(borrowed.references)


def _with_references(entry: str, found: dict[str, Message], errors: list[str], cyclic: set[str]) -> Message:
    """The message with the variables and selectors of every message it refers to, however deep (an
    entry found among them is added to `cyclic`)."""
    message = found[entry]
    variables, selectors = set(message.variables), set(message.selectors)
    pending, seen = list(message.references), set()
    while pending:
        name = pending.pop()
        if name == entry:
            errors.append(f"{entry} refers to itself")
            cyclic.add(entry)
            continue
        if name in seen or name not in found:
            continue
        seen.add(name)
        variables |= found[name].variables
        selectors |= found[name].selectors
        pending.extend(found[name].references)
    return replace(message, variables=frozenset(variables), selectors=frozenset(selectors))


def discover(root: Path = LOCALES_DIR) -> dict[str, Language]:
    """Every language under `root`: each directory holding `.ftl` files, named by its Discord locale.
    Syntax errors and ids defined twice are logged here, once (at start-up): what they break shows in
    English."""
    directories = [path for path in sorted(root.iterdir()) if any(path.glob("*.ftl"))]
    if SOURCE not in {path.name for path in directories}:
        raise CatalogueError(f"no {SOURCE} catalogue under {root}")
    source = read_language(root / SOURCE)
    found = {path.name: source if path.name == SOURCE else read_language(path, source) for path in directories}
    for language in found.values():
        for error in language.errors:
            log.warning("catalogue %s; what it breaks shows in English", error)
    return found


def locale_code(locale: object) -> str | None:
    """The code of a Discord locale given as `discord.Locale` or as its code (None: neither)."""
    value = getattr(locale, "value", locale)
    return value if isinstance(value, str) else None


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
