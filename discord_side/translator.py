"""Slash commands in the member's language: the discord.py `Translator` set on the tree, which gives
Discord the localised names and descriptions of commands, groups, subcommands and options, and the
names of choices, from the catalogue. Names are entries `name-<qualified name>` (spaces and underscores
as hyphens: `name-imagine-admin-quota-server`, `name-imagine-prompt-extend`, in commands.ftl);
descriptions and choices carry their entry id (`catalogue.locale`). The English names are the default
and never change (operators rely on them). A translation Discord would refuse (a name that is not 1-32
lowercase letters, digits, `-` or `_`; a description or choice over 100 characters) is left out with a
warning, so the sync never fails: Discord then shows English for it."""

from __future__ import annotations

import logging
from typing import Any

import discord
import regex
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from discord_side.catalogue import LANGUAGES, language_for
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
    """The text of an entry without variables in one catalogue, if it has it."""
    bundle = LANGUAGES[code].bundle
    if not bundle.has_message(entry):
        return None
    rendered, errors = bundle.format_pattern(bundle.get_message(entry).value, {})
    return None if errors else str(rendered)


class CatalogueTranslator(app_commands.Translator):
    """Command metadata from the catalogue, for every Discord locale that has (or falls back to) a
    catalogue other than the English source."""

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
        return words
