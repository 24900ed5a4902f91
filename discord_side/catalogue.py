"""The catalogue: every text a Discord user sees, as an entry with a stable id and an English template
with named placeholders (`{limit}`). Ids are kebab-case and grouped by where they appear, so a later
translation (Fluent, gettext) can key on them; `text()` fills an entry and fails loudly on an unknown
entry or a missing or extra placeholder. Command, option and choice descriptions are entries too,
handed to discord.py as `locale_str`s that carry their id. `discord_side.texts` composes messages from
these entries; nothing else in `cogs/` or `discord_side/` spells out a user-facing text
(tests/discord_side/test_catalogue.py checks it)."""

from __future__ import annotations

import string
from types import MappingProxyType

from discord import app_commands

from discord_side.catalogue_en import ENGLISH_ENTRIES
from discord_side.catalogue_en_cards import CARD_ENTRIES
from discord_side.catalogue_en_images import IMAGE_ENTRIES


class CatalogueError(LookupError):
    """An entry that does not exist, or values that do not match its placeholders: a bug, never ignored."""


def placeholders(template: str) -> frozenset[str]:
    """The named placeholders of a template (`{name}`)."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(template) if field is not None)


_TWICE = (ENGLISH_ENTRIES.keys() & IMAGE_ENTRIES.keys()) | (
    (ENGLISH_ENTRIES.keys() | IMAGE_ENTRIES.keys()) & CARD_ENTRIES.keys()
)
if _TWICE:
    raise CatalogueError(f"entries defined twice: {sorted(_TWICE)}")
ENGLISH = MappingProxyType({**ENGLISH_ENTRIES, **IMAGE_ENTRIES, **CARD_ENTRIES})
_PLACEHOLDERS = {entry: placeholders(template) for entry, template in ENGLISH.items()}


def text(entry: str, /, **values: object) -> str:
    """The English text of `entry` with its placeholders filled; every placeholder must be given, no other."""
    template = ENGLISH.get(entry)
    if template is None:
        raise CatalogueError(f"no catalogue entry {entry!r}")
    expected = _PLACEHOLDERS[entry]
    if values.keys() != expected:
        raise CatalogueError(f"entry {entry!r} takes {sorted(expected)}, was given {sorted(values)}")
    return template.format(**values)


def locale(entry: str) -> app_commands.locale_str:
    """An entry without placeholders for discord.py's command metadata (descriptions, choice names): the
    English text, carrying the entry's id for a translator."""
    if _PLACEHOLDERS.get(entry):
        raise CatalogueError(f"entry {entry!r} has placeholders; command metadata cannot fill them")
    return app_commands.locale_str(text(entry), entry=entry)
