"""Syncing the slash commands only when they changed, so restarts don't spend Discord's sync rate limit."""

from __future__ import annotations

import hashlib
import json
import logging

import discord
from discord import app_commands

from services.storage.job_store import Store

log = logging.getLogger(__name__)

SYNC_META_KEY = "command_sync_fingerprint"


async def command_fingerprint(tree: app_commands.CommandTree[discord.Client], guild_ids: tuple[int, ...]) -> str:
    """A hash of the command definitions as they are sent (with the translator's names and descriptions
    in every locale) and where they go; it changes when a sync is needed, a translation's edit too."""
    translator = tree.translator
    commands = [
        await command.get_translated_payload(tree, translator) if translator else command.to_dict(tree)
        for command in tree.get_commands()
    ]
    payload = {"commands": sorted(commands, key=lambda c: c["name"]), "guilds": sorted(guild_ids)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


async def sync_commands_if_changed(
    tree: app_commands.CommandTree[discord.Client], store: Store, guild_ids: tuple[int, ...]
) -> bool:
    """Sync to the given guilds (instant) or globally, unless the same definitions were synced before."""
    fingerprint = await command_fingerprint(tree, guild_ids)
    if await store.get_meta(SYNC_META_KEY) == fingerprint:
        log.info("slash commands unchanged since the last sync; not syncing")
        return False
    if guild_ids:
        for guild_id in guild_ids:
            guild = discord.Object(guild_id)
            tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            log.info("synced %d slash command(s) to guild %s", len(synced), guild_id)
    else:
        synced = await tree.sync()
        log.info("synced %d global slash command(s); Discord may take a while to show them", len(synced))
    await store.set_meta(SYNC_META_KEY, fingerprint)
    return True
