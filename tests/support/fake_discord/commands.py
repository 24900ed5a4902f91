"""Application commands registered by the bot (global and per guild), with stable ids."""

from __future__ import annotations

from typing import Any

from tests.support.fake_discord import models
from tests.support.fake_discord.command_rules import validate_command, validate_commands
from tests.support.fake_discord.ids import SnowflakeGenerator
from tests.support.fake_discord.records import CommandSync, monotonic
from tests.support.fake_discord.waiting import Signal


class CommandRegistry:
    """The last command list per scope (None: global, else a guild id) and every bulk PUT."""

    def __init__(self, application_id: int, snowflakes: SnowflakeGenerator, signal: Signal) -> None:
        self.application_id = application_id
        self.snowflakes = snowflakes
        self.signal = signal
        self.scopes: dict[int | None, list[dict[str, Any]]] = {}
        self.syncs: list[CommandSync] = []
        self._ids: dict[tuple[int | None, str, int], int] = {}

    def _echo(self, scope: int | None, definition: dict[str, Any]) -> dict[str, Any]:
        key = (scope, definition["name"], int(definition.get("type", 1)))
        command_id = self._ids.setdefault(key, self.snowflakes.next())
        return models.command_json(
            definition,
            command_id=command_id,
            application_id=self.application_id,
            guild_id=scope,
            version=self.snowflakes.next(),
        )

    def put(self, scope: int | None, body: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
        """Bulk overwrite: the scope's commands become ``body``; ids stay stable per name and type. A
        definition Discord would refuse (names, descriptions, localizations) is refused, and nothing changes."""
        validate_commands(body)
        echoed = [self._echo(scope, definition) for definition in body]
        self.scopes[scope] = echoed
        self.syncs.append(CommandSync(at=monotonic(), path=path, guild_id=scope, body=body, response=echoed))
        self.signal.notify()
        return echoed

    def upsert(self, scope: int | None, definition: dict[str, Any]) -> dict[str, Any]:
        """Create or replace one command by name (refused like Discord when it breaks the rules)."""
        validate_command(definition)
        echoed = self._echo(scope, definition)
        commands = [c for c in self.scopes.get(scope, []) if c["id"] != echoed["id"]]
        self.scopes[scope] = [*commands, echoed]
        self.signal.notify()
        return echoed

    def get(self, scope: int | None, command_id: int) -> dict[str, Any] | None:
        """One command of a scope by id."""
        return next((c for c in self.scopes.get(scope, []) if int(c["id"]) == command_id), None)

    def delete(self, scope: int | None, command_id: int) -> bool:
        """Remove one command; False when unknown."""
        before = self.scopes.get(scope, [])
        after = [c for c in before if int(c["id"]) != command_id]
        self.scopes[scope] = after
        self.signal.notify()
        return len(after) != len(before)

    def find(self, name: str, guild_id: int | None, command_type: int = 1) -> tuple[dict[str, Any] | None, int | None]:
        """The definition a client would invoke as ``name`` in ``guild_id``: guild scope first, then global."""
        scopes: list[int | None] = [guild_id, None] if guild_id is not None else [None]
        for scope in scopes:
            for command in self.scopes.get(scope, []):
                if command["name"] == name and int(command.get("type", 1)) == command_type:
                    return command, scope
        return None, None
