"""Texts name commands, options and buttons by referring to their entries (`/{ name-imagine }`,
`**{ button-show }**`), so each language shows its own names: the references are analysed (variables,
selectors), a missing one is borrowed from English, the translator renders them, and no text spells a
command as a literal `/name`, which would not follow its language's name for it."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fluent.syntax import ast as ftl
from fluent.syntax import parse

import discord_side.translator as translator_module
from discord_side.catalogue import LANGUAGES, text_in
from discord_side.locales import LOCALES_DIR, SOURCE, read_language
from discord_side.translator import translation

CODES = sorted(LANGUAGES)
COMMANDS = ("imagine-admin", "imagine", "usage", "history")  # the longest first: /imagine-admin is not /imagine
LITERAL = re.compile(r"/(" + "|".join(re.escape(name) for name in COMMANDS) + r")(?![\w-])")


def language(tmp_path: Path, code: str, source: str, fallback: object = None) -> object:
    (tmp_path / code).mkdir()
    (tmp_path / code / "main.ftl").write_text(source)
    return read_language(tmp_path / code, LANGUAGES[SOURCE] if fallback else None)


def test_a_message_takes_the_variables_and_selectors_of_those_it_refers_to(tmp_path: Path) -> None:
    found = language(tmp_path, "xx", "a = on { b }\nb = { $n ->\n    [one] one\n   *[other] { $n }\n}\n")
    message = found.messages["a"]  # type: ignore[attr-defined]
    assert (message.variables, message.selectors, message.references) == ({"n"}, {"n"}, {"b"})


def test_a_reference_to_a_message_that_exists_nowhere_is_an_error(tmp_path: Path) -> None:
    found = language(tmp_path, "xx", "a = use /{ name-nowhere }\n")
    assert found.errors == ("xx: a message refers to name-nowhere, which exists nowhere",)  # type: ignore[attr-defined]


def test_a_message_referring_to_itself_is_an_error(tmp_path: Path) -> None:
    found = language(tmp_path, "xx", "a = { b }\nb = { a }\n")
    assert "a refers to itself" in found.errors  # type: ignore[attr-defined]


def test_a_referred_message_the_language_lacks_is_borrowed_from_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="discord_side.locales"):
        found = language(tmp_path, "xx", "dms-disabled = nutze /{ name-imagine } hier\n", fallback=True)
    bundle = found.bundle  # type: ignore[attr-defined]
    assert bundle.format_pattern(bundle.get_message("dms-disabled").value, {}) == ("nutze /imagine hier", [])
    assert "xx has no entry 'name-imagine'" in caplog.text
    assert found.errors == ()  # type: ignore[attr-defined]


def test_english_texts_render_their_references_as_the_names_they_always_had() -> None:
    assert text_in(SOURCE, "policy-channel").startswith("🚫 `/imagine` does not work")
    assert "`/imagine-admin audit`" in text_in(SOURCE, "admin-approval-needs-audit")
    assert "click **Show them**" in text_in(SOURCE, "private-result-ready", job="j", until="u", count=2)


def test_the_translator_renders_a_description_with_the_languages_own_command_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "name-imagine = bild\nadmin-channels-description = Wo /{ name-imagine } geht\n"
    monkeypatch.setattr(translator_module, "LANGUAGES", {**LANGUAGES, "xx": language(tmp_path, "xx", source)})
    assert translation("xx", "admin-channels-description") == "Wo /bild geht"


def _literal_mentions(code: str) -> list[str]:
    """Every `/command` written literally in a text of the language (rather than `/{ name-… }`, which
    follows the language's name for it, whatever the translators of commands.ftl choose)."""
    found = []
    for path in sorted((LOCALES_DIR / code).glob("*.ftl")):
        for item in parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(item, ftl.Message) or item.value is None:
                continue
            for element in _text_elements(item.value):
                found += (f"{path.name}: {item.id.name}: /{mention}" for mention in LITERAL.findall(element.value))
    return found


def _text_elements(pattern: ftl.Pattern) -> list[ftl.TextElement]:
    elements: list[ftl.TextElement] = []
    for element in pattern.elements:
        if isinstance(element, ftl.TextElement):
            elements.append(element)
        elif isinstance(element, ftl.Placeable) and isinstance(element.expression, ftl.SelectExpression):
            for variant in element.expression.variants:
                elements += _text_elements(variant.value)
    return elements


@pytest.mark.parametrize("code", CODES)
def test_no_text_writes_a_command_by_a_literal_name(code: str) -> None:
    assert _literal_mentions(code) == []
