"""Slash commands in the member's language: the discord.py `Translator` set on the tree, which gives
Discord the localised names and descriptions of commands, groups, subcommands and options, and the
names of choices, from the catalogue. Names are entries `name-<qualified name>` (spaces and underscores
as hyphens: `name-imagine-admin-quota-server`, `name-imagine-prompt-extend`, in commands.ftl);
descriptions and choices carry their entry id (`catalogue.locale`). The English names are the default
and never change (operators rely on them). A translation Discord would refuse (a name that is not 1-32
lowercase letters, digits, `-` or `_`; a description or choice over 100 characters; a name another
command, group or option beside it also has in that language, for both) is left out with a warning, so
the sync never fails: Discord then shows English for it."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import discord
import regex
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from discord_side.catalogue import LANGUAGES, language_for, render, warn_once
from discord_side.locales import SOURCE

log = logging.getLogger(__name__)

# Discord's rule for command and option names (https://discord.com/developers/docs/interactions/application-commands).
NAME_RULE = regex.compile(r"^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$")
TEXT_LIMIT = 100  # descriptions and choice names
_NAMES = frozenset({Where.command_name, Where.group_name, Where.parameter_name})


def name_entry(qualified_name: str) -> str:
    """The catalogue entry of a command's, group's or option's name (`imagine-admin quota server`)."""
    return "name-" + qualified_name.replace(" ", "-").replace("_", "-")


def valid_name(name: str) -> bool:
    """Whether Discord accepts `name` as a command, group or option name."""
    return bool(NAME_RULE.match(name)) and name == name.lower()


def valid_text(words: str) -> bool:
    """Whether Discord accepts `words` as a description or a choice name."""
    return 1 <= len(words) <= TEXT_LIMIT


def _qualified_name(context: app_commands.TranslationContextTypes) -> str:
    data: Any = context.data
    if context.location == Where.parameter_name:
        return f"{data.command.qualified_name} {data.name}"
    return str(data.qualified_name)


def entry_for(string: app_commands.locale_str, context: app_commands.TranslationContextTypes) -> str | None:
    """The catalogue entry holding the translation of `string`, if it has one."""
    if context.location in _NAMES:
        return name_entry(_qualified_name(context))
    entry = string.extras.get("entry")
    return entry if isinstance(entry, str) else None


def translation(code: str, entry: str) -> str | None:
    """The text of an entry without variables in one catalogue, if it has it and it renders (a
    translation is operator data: one that refers to itself, or breaks Fluent in any other way, is
    None, with one warning, and Discord shows English)."""
    language = LANGUAGES[code]
    if not language.bundle.has_message(entry):
        return None
    rendered, why = render(language, entry, {})
    if rendered is None:
        warn_once(language, entry, why)
    return rendered


def shown_name(code: str, qualified_name: str) -> str:
    """A command's, group's or option's name as a member whose language is `code` sees it in Discord:
    its translation when Discord accepts it, else the English name (the last word of `qualified_name`).
    (A translation dropped because a sibling has it too is not known here: a catalogue's tests keep
    siblings apart.)"""
    words = translation(code, name_entry(qualified_name)) if code != SOURCE else None
    return words if words is not None and valid_name(words) else qualified_name.rsplit(" ", 1)[-1]


def _siblings(
    context: app_commands.TranslationContextTypes, tree: app_commands.CommandTree[Any] | None
) -> list[tuple[str, str]]:
    """(English name, qualified name) of the name being translated and those beside it: a command's
    options, a group's subcommands, or the tree's top-level commands."""
    data: Any = context.data
    if context.location == Where.parameter_name:
        return [(p.name, f"{data.command.qualified_name} {p.name}") for p in data.command.parameters]
    parent = getattr(data, "parent", None)
    items = parent.commands if parent is not None else (tree.get_commands() if tree is not None else [data])
    return [(item.name, item.qualified_name) for item in items]


def shown_names(code: str, siblings: list[tuple[str, str]]) -> dict[str, str]:
    """English name -> the name Discord shows in this catalogue's language, for names beside each
    other: their translations, except those Discord would refuse, and those two siblings share (then
    both keep English, which is unique among siblings, until no two names clash)."""
    shown: dict[str, str] = {}
    for english, qualified in siblings:
        words = translation(code, name_entry(qualified))
        shown[english] = words if words is not None and valid_name(words) else english
    while True:
        counts = Counter(shown.values())
        clashing = [english for english, words in shown.items() if counts[words] > 1 and words != english]
        if not clashing:
            return shown
        for english in clashing:
            shown[english] = english


class CatalogueTranslator(app_commands.Translator):
    """Command metadata from the catalogue, for every Discord locale that has (or falls back to) a
    catalogue other than the English source. Given the tree, top-level command names are checked
    against each other too (options and subcommands always are, against theirs)."""

    def __init__(self, tree: app_commands.CommandTree[Any] | None = None) -> None:
        super().__init__()
        self._tree = tree

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        """The localised text, or None (Discord shows the English default)."""
        code = language_for(locale)
        entry = entry_for(string, context)
        if code == SOURCE or entry is None:
            return None
        words = translation(code, entry)
        if words is None:
            return None
        valid = valid_name(words) if context.location in _NAMES else valid_text(words)
        if not valid:
            log.warning("%s: %r for %s breaks Discord's rules; Discord will show English", code, words, entry)
            return None
        if context.location in _NAMES:
            english: str = getattr(context.data, "name", "")
            if shown_names(code, _siblings(context, self._tree)).get(english, words) != words:
                log.warning(
                    "%s: %r for %s is also the name of another beside it; Discord will show English for both",
                    code,
                    words,
                    entry,
                )
                return None
        return words
