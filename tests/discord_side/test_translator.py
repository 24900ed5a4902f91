from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

import discord_side.translator as translator_module
from cogs.admin import AdminCog
from cogs.history import HistoryCog
from cogs.imagine import ImagineCog
from cogs.usage import UsageCog
from discord_side.catalogue import ENGLISH, LANGUAGES, speaking
from discord_side.locales import SOURCE, read_language
from discord_side.texts import invalid_option_text
from discord_side.translator import CatalogueTranslator, name_entry, translation, valid_name, valid_text
from services.core.errors import InvalidOption, InvalidOptionReason

CODES = sorted(LANGUAGES)


def commands() -> list[app_commands.Command[Any, ..., Any] | app_commands.Group]:
    """The bot's top-level commands and groups, as the cogs define them (no collaborators needed)."""
    found: list[app_commands.Command[Any, ..., Any] | app_commands.Group] = []
    for cog_class in (ImagineCog, UsageCog, HistoryCog):
        found += cog_class.__new__(cog_class).__cog_app_commands__
    admin = AdminCog.__new__(AdminCog).__cog_app_commands_group__
    assert admin is not None
    return [*found, admin]


def walk(items: list[Any]) -> Iterator[Any]:
    """Every command and group, depth first."""
    for item in items:
        yield item
        if isinstance(item, app_commands.Group):
            yield from walk(item.commands)


def names() -> list[tuple[str, str, tuple[str, ...]]]:
    """(entry, English name, path of its siblings' group) of every command, group and option."""
    found = [(name_entry(item.name), item.name, ()) for item in commands()]
    for item in walk(commands()):
        if isinstance(item, app_commands.Group):
            siblings = (item.qualified_name,)
            found += [(name_entry(child.qualified_name), child.name, siblings) for child in item.commands]
        else:
            siblings = (item.qualified_name, "options")
            found += [(name_entry(f"{item.qualified_name} {p.name}"), p.name, siblings) for p in item.parameters]
    return found


def _entry(string: object) -> str:
    return str(string.extras.get("entry", "")) if isinstance(string, app_commands.locale_str) else ""


def described() -> list[str]:
    """The entries of every description and choice name."""
    entries: list[str] = []
    for item in walk(commands()):
        entries.append(_entry(item._locale_description))
        if isinstance(item, app_commands.Command):
            for parameter in item.parameters:
                entries.append(_entry(parameter._Parameter__parent.description))  # type: ignore[attr-defined]
                entries += [_entry(choice._locale_name) for choice in parameter.choices]
    return [entry for entry in entries if entry]


def test_every_command_group_and_option_has_its_name_entry() -> None:
    assert [(entry, name) for entry, name, _ in names() if ENGLISH.get(entry) is None] == []


def test_english_names_are_the_commands_own_names() -> None:
    assert [(entry, name) for entry, name, _ in names() if translation(SOURCE, entry) != name] == []


def test_every_name_entry_names_a_command_or_option() -> None:
    known = {entry for entry, _, _ in names()}
    assert sorted(entry for entry in ENGLISH if entry.startswith("name-") and entry not in known) == []


@pytest.mark.parametrize("code", CODES)
def test_translated_names_keep_discords_rules(code: str) -> None:
    broken = [
        (entry, words) for entry, _, _ in names() if (words := translation(code, entry)) and not valid_name(words)
    ]
    assert broken == []


@pytest.mark.parametrize("code", CODES)
def test_translated_names_are_unique_among_siblings(code: str) -> None:
    seen: dict[tuple[tuple[str, ...], str], str] = {}
    clashes = []
    for entry, name, siblings in names():
        key = (siblings, translation(code, entry) or name)
        if key in seen:
            clashes.append((seen[key], entry))
        seen[key] = entry
    assert clashes == []


@pytest.mark.parametrize("code", CODES)
def test_translated_descriptions_and_choices_keep_discords_rules(code: str) -> None:
    entries = described()
    assert len(entries) > 50
    broken = [(entry, words) for entry in entries if (words := translation(code, entry)) and not valid_text(words)]
    assert broken == []


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("bild", True),
        ("größe", True),
        ("प्रॉम्प्ट", True),
        ("画像", True),
        ("Bild", False),
        ("zwei wörter", False),
        ("x" * 33, False),
    ],
)
def test_the_name_rule_is_discords(name: str, valid: bool) -> None:
    assert valid_name(name) is valid


def _with_language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: str) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "commands.ftl").write_text(source)
    monkeypatch.setattr(translator_module, "LANGUAGES", {**LANGUAGES, "de": read_language(tmp_path / "de")})
    monkeypatch.setattr(translator_module, "language_for", lambda locale: "de")


async def test_a_translated_name_that_breaks_the_rules_is_left_out_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _with_language(monkeypatch, tmp_path, "name-usage = Verbrauch Heute\n")
    usage = UsageCog.__new__(UsageCog).__cog_app_commands__[0]
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    with caplog.at_level(logging.WARNING):
        payload = await usage.get_translated_payload(tree, CatalogueTranslator())
    assert payload["name"] == "usage"
    assert "de" not in (payload.get("name_localizations") or {})
    assert "breaks Discord's rules" in caplog.text


async def test_a_valid_translated_name_is_given_to_discord(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _with_language(monkeypatch, tmp_path, "name-usage = verbrauch\n")
    usage = UsageCog.__new__(UsageCog).__cog_app_commands__[0]
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    payload = await usage.get_translated_payload(tree, CatalogueTranslator())
    assert payload["name"] == "usage"
    assert payload["name_localizations"]["de"] == "verbrauch"


async def test_english_locales_get_no_localizations() -> None:
    usage = UsageCog.__new__(UsageCog).__cog_app_commands__[0]
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    payload = await usage.get_translated_payload(tree, CatalogueTranslator())
    assert "en-GB" not in (payload.get("name_localizations") or {})
    assert "en-US" not in (payload.get("description_localizations") or {})


def _imagine() -> app_commands.Command[Any, ..., Any]:
    command = ImagineCog.__new__(ImagineCog).__cog_app_commands__[0]
    assert isinstance(command, app_commands.Command)
    return command


async def test_two_options_translated_to_the_same_name_both_keep_english_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Discord refuses a command whose options share a name, and with it the whole sync (start-up).
    _with_language(
        monkeypatch, tmp_path, "name-imagine-size = format\nname-imagine-n = format\nname-imagine-prompt = text\n"
    )
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    with caplog.at_level(logging.WARNING):
        payload = await _imagine().get_translated_payload(tree, CatalogueTranslator())
    shown = {option["name"]: (option.get("name_localizations") or {}).get("de") for option in payload["options"]}
    assert (shown["size"], shown["n"], shown["prompt"]) == (None, None, "text")
    assert "also the name of another beside it" in caplog.text


async def test_a_translation_that_takes_a_siblings_english_name_keeps_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # `n` stays English (untranslated); `size` translated to "n" would clash with it.
    _with_language(monkeypatch, tmp_path, "name-imagine-size = n\n")
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    payload = await _imagine().get_translated_payload(tree, CatalogueTranslator())
    shown = {option["name"]: (option.get("name_localizations") or {}).get("de") for option in payload["options"]}
    assert shown["size"] is None


async def test_top_level_commands_translated_to_the_same_name_keep_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _with_language(monkeypatch, tmp_path, "name-usage = bilder\nname-history = bilder\n")
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    for item in commands():
        tree.add_command(item)
    payloads = [await item.get_translated_payload(tree, CatalogueTranslator(tree)) for item in tree.get_commands()]
    assert {
        p["name"]: (p.get("name_localizations") or {}).get("de") for p in payloads if p["name"] in {"usage", "history"}
    } == {
        "usage": None,
        "history": None,
    }


def test_an_invalid_option_is_named_in_english_where_discord_refuses_its_translation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Discord shows the English name when the translation breaks its rules; the answer names what is shown.
    _with_language(monkeypatch, tmp_path, "name-imagine-n = Anzahl Bilder\n")
    error = InvalidOption("n", InvalidOptionReason.COUNT_OUT_OF_RANGE, count=9, minimum=1, maximum=4)
    with speaking("de"):
        assert "**n**" in invalid_option_text(error)


async def test_a_name_that_refers_to_itself_keeps_english_and_the_sync_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _with_language(monkeypatch, tmp_path, "name-usage = { name-usage }\n")
    usage = UsageCog.__new__(UsageCog).__cog_app_commands__[0]
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    with caplog.at_level(logging.WARNING):
        payload = await usage.get_translated_payload(tree, CatalogueTranslator())
    assert payload["name"] == "usage"
    assert "de" not in (payload.get("name_localizations") or {})


def test_names_that_refer_to_each_other_have_no_translation(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _with_language(monkeypatch, tmp_path, "name-usage = { name-history }\nname-history = { name-usage }\n")
    assert (translation("de", "name-usage"), translation("de", "name-history")) == (None, None)


def test_an_invalid_option_whose_name_refers_to_itself_is_named_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _with_language(monkeypatch, tmp_path, "name-imagine-n = { name-imagine-n }\n")
    error = InvalidOption("n", InvalidOptionReason.COUNT_OUT_OF_RANGE, count=9, minimum=1, maximum=4)
    with speaking("de"):
        assert "**n**" in invalid_option_text(error)
