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


def test_fingerprint_is_stable_for_the_same_commands() -> None:
    assert command_fingerprint(tree_with("imagine"), (1,)) == command_fingerprint(tree_with("imagine"), (1,))


def test_fingerprint_changes_with_the_commands() -> None:
    assert command_fingerprint(tree_with("imagine"), ()) != command_fingerprint(tree_with("imagine", "usage"), ())


def test_fingerprint_changes_with_the_guilds() -> None:
    assert command_fingerprint(tree_with("imagine"), (1,)) != command_fingerprint(tree_with("imagine"), (2,))


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
