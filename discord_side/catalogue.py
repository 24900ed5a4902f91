"""The catalogue: every text a Discord user sees, as a Fluent message with a stable kebab-case id and
named variables (`{ $limit }`), in `locales/<Discord locale>/*.ftl` (`discord_side.locales` loads them;
en-US is the source). `text()` renders an entry in the language being spoken (`speaking()`), and fails
loudly on an unknown entry or a missing or extra variable (checked against the English message, with
those of the messages it refers to). Texts name commands, options and buttons by referring to their
entries (`/{ name-imagine }`, `**{ button-show }**`), so each language shows its own names.
Command, option and choice descriptions are entries too, handed to discord.py as `locale_str`s that
carry their id (`discord_side.translator` localises them). `discord_side.texts` composes messages from
these entries; nothing else in `cogs/` or `discord_side/` spells out a user-facing text
(tests/discord_side/test_catalogue.py checks it).

Which language: the caller says. An interaction's handler speaks the member's language for private
answers (`speak()` at the start of its task); public posts wrap their texts in `speaking(server's)`.
The language lives in a context variable so the ~350 call sites need not thread it through; a task a
handler starts copies it, so anything posting later sets its own (tests check background posts do)."""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from types import MappingProxyType

from discord import app_commands
from fluent.runtime.types import fluent_number

from discord_side.locales import SOURCE, CatalogueError, Language, discover, fallback, locale_code

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "CatalogueError",
    "locale",
    "render",
    "speak",
    "speaking",
    "spoken",
    "text",
    "text_in",
    "warn_once",
]

log = logging.getLogger(__name__)

LANGUAGES = MappingProxyType(discover())
_ENGLISH = LANGUAGES[SOURCE]
# Entry id -> its English variables: the contract every call and every translation keeps.
ENGLISH = MappingProxyType({entry: message.variables for entry, message in _ENGLISH.messages.items()})
# Variables some language selects on (plurals): an int passed for them stays a number, so CLDR plural
# rules apply, shown without grouping (a count reads the same whichever language selects on it, and an
# id or a size is never grouped: 1,280); every other value is shown as text.
_NUMBERS = {
    entry: frozenset().union(*(lang.messages[entry].selectors for lang in LANGUAGES.values() if entry in lang.messages))
    for entry in ENGLISH
}

_AVAILABLE = frozenset(LANGUAGES)
_SPOKEN: contextvars.ContextVar[str] = contextvars.ContextVar("spoken_language", default=SOURCE)


def language_for(discord_locale: object) -> str:
    """The catalogue for a Discord locale (`discord.Locale` or its code); see `locales.fallback`."""
    return fallback(locale_code(discord_locale), _AVAILABLE)


def spoken() -> str:
    """The language texts are rendered in right now."""
    return _SPOKEN.get()


def speak(discord_locale: object) -> None:
    """Speak this locale's language for the rest of the current task (an interaction's handler)."""
    _SPOKEN.set(language_for(discord_locale))


@contextmanager
def speaking(discord_locale: object) -> Iterator[str]:
    """Render the texts of the block in this locale's language (a public post, a DM), then go back."""
    token = _SPOKEN.set(language_for(discord_locale))
    try:
        yield _SPOKEN.get()
    finally:
        _SPOKEN.reset(token)


def _argument(value: object, number: bool) -> object:
    if number and isinstance(value, int) and not isinstance(value, bool):
        return fluent_number(value, useGrouping=False)
    if number and isinstance(value, str) and value.isdecimal():
        # a count formatted by the caller still picks its plural form (isdecimal: "²" is a digit to
        # isdigit() but not a number int() reads)
        return fluent_number(int(value), useGrouping=False)
    return str(value)


def warn_once(catalogue: Language, entry: str, why: str) -> None:
    """Log a broken translation once per language and entry, not on every message showing it."""
    if entry not in catalogue.warned:
        catalogue.warned.add(entry)
        log.warning("catalogue %s %s; using English", catalogue.code, why)


def render(catalogue: Language, entry: str, arguments: dict[str, object]) -> tuple[str | None, str]:
    """The entry rendered in one catalogue, or None and why not (missing, no value, render errors)."""
    if not catalogue.bundle.has_message(entry):
        return None, f"has no entry {entry!r}"
    pattern = catalogue.bundle.get_message(entry).value
    if pattern is None:
        return None, f"has no value for {entry!r} (attributes only)"
    if entry in catalogue.cyclic:
        return None, f"cannot render {entry!r} (it refers to itself)"
    try:
        rendered, errors = catalogue.bundle.format_pattern(pattern, arguments)
    except Exception as error:
        if catalogue.code == SOURCE:
            raise
        # an operator's translation is data: whatever breaks in it, English is the net
        return None, f"cannot render {entry!r} ({error!r})"
    if errors:
        return None, f"cannot render {entry!r} ({'; '.join(dict.fromkeys(map(str, errors)))})"
    return str(rendered), ""


def text_in(language: str, entry: str, /, **values: object) -> str:
    """The text of `entry` in `language` (a catalogue code) with its variables filled; every variable
    must be given, no other (else CatalogueError: a bug in the code). A translation that is missing or
    cannot render (a variable the code does not give, a message without a value) falls back to English,
    with one warning per language and entry: a text never fails a job because of a translation. The
    English source must render; it raises otherwise."""
    expected = ENGLISH.get(entry)
    if expected is None:
        raise CatalogueError(f"no catalogue entry {entry!r}")
    if values.keys() != expected:
        raise CatalogueError(f"entry {entry!r} takes {sorted(expected)}, was given {sorted(values)}")
    arguments = {name: _argument(value, name in _NUMBERS[entry]) for name, value in values.items()}
    catalogue = LANGUAGES.get(language, _ENGLISH)
    if catalogue.code != SOURCE:
        rendered, why = render(catalogue, entry, arguments)
        if rendered is not None:
            return rendered
        warn_once(catalogue, entry, why)
    rendered, why = render(_ENGLISH, entry, arguments)
    if rendered is None:
        raise CatalogueError(f"catalogue {SOURCE} {why}")
    return rendered


def text(entry: str, /, **values: object) -> str:
    """The text of `entry` in the language being spoken (`spoken()`), its variables filled."""
    return text_in(spoken(), entry, **values)


def locale(entry: str) -> app_commands.locale_str:
    """An entry without variables for discord.py's command metadata (descriptions, choice names): the
    English text, carrying the entry's id for the translator."""
    if ENGLISH.get(entry):
        raise CatalogueError(f"entry {entry!r} has placeholders; command metadata cannot fill them")
    return app_commands.locale_str(text_in(SOURCE, entry), entry=entry)
