from __future__ import annotations

from pathlib import Path

import discord
import pytest
from discord import app_commands

from discord_side.command_sync import command_fingerprint, sync_commands_if_changed
from services.storage.job_store import Store


def tree_with(*names: str) -> app_commands.CommandTree[discord.Client]:
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    for name in names:

        async def callback(interaction: discord.Interaction) -> None:
            del interaction

        tree.add_command(app_commands.Command(name=name, description="d", callback=callback))
    return tree


async def test_fingerprint_is_stable_for_the_same_commands() -> None:
    assert await command_fingerprint(tree_with("imagine"), (1,)) == await command_fingerprint(
        tree_with("imagine"), (1,)
    )


async def test_fingerprint_changes_with_the_commands() -> None:
    assert await command_fingerprint(tree_with("imagine"), ()) != await command_fingerprint(
        tree_with("imagine", "usage"), ()
    )


async def test_fingerprint_changes_with_the_guilds() -> None:
    assert await command_fingerprint(tree_with("imagine"), (1,)) != await command_fingerprint(
        tree_with("imagine"), (2,)
    )


async def test_unchanged_commands_are_not_synced_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = await Store.open(f"sqlite:///{tmp_path}/s.db")
    tree = tree_with("imagine")
    calls: list[object] = []

    async def fake_sync(*, guild: object = None) -> list[object]:
        calls.append(guild)
        return []

    monkeypatch.setattr(tree, "sync", fake_sync)
    assert await sync_commands_if_changed(tree, store, ())
    assert not await sync_commands_if_changed(tree, store, ())
    assert calls == [None]
    await store.close()


class Fixed(app_commands.Translator):
    """Translates every string into German as `said`."""

    def __init__(self, said: str) -> None:
        self.said = said

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        return self.said if locale == discord.Locale.german else None


async def test_fingerprint_changes_when_a_translation_changes() -> None:
    first, second = tree_with("imagine"), tree_with("imagine")
    await first.set_translator(Fixed("bild"))
    await second.set_translator(Fixed("bilder"))
    assert await command_fingerprint(first, ()) != await command_fingerprint(second, ())
