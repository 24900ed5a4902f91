"""Building INTERACTION_CREATE payloads: slash commands, autocomplete and component clicks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.fake_discord import models
from tests.support.fake_discord.records import AttachmentRecord
from tests.support.fake_discord.world import World

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5
MODAL_CALLBACK = 9

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = 3, 4, 5, 6, 7, 8, 9, 10, 11


@dataclass
class Invoker:
    """Who interacts where, and with which limits and permissions."""

    user_id: int
    guild_id: int | None
    channel_id: int
    attachment_size_limit: int
    app_permissions: int | None
    member_permissions: int | None
    locale: str


def python_option_type(value: Any) -> int:
    """Discord option type for a Python value (bool before int: bool is an int subclass)."""
    if isinstance(value, AttachmentRecord):
        return ATTACHMENT
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return NUMBER
    return STRING


def build_options(
    options: dict[str, Any] | list[dict[str, Any]],
    definitions: list[dict[str, Any]] | None,
    world: World,
    guild_id: int | None,
    *,
    focused: str | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Typed option list plus ``resolved`` data; a list is passed through unchanged.

    Types come from the synced command definition when known, else from the Python values.
    User, channel and role options are resolved from the fake's world.
    """
    if isinstance(options, list):
        return options, {}
    declared = {d["name"]: int(d.get("type", STRING)) for d in definitions or []}
    built: list[dict[str, Any]] = []
    resolved: dict[str, dict[str, Any]] = {}
    for name, value in options.items():
        option_type = declared.get(name) or python_option_type(value)
        option: dict[str, Any] = {"name": name, "type": option_type}
        if name == focused:
            option["value"] = value if option_type == STRING else str(value)
            option["focused"] = True
        elif option_type in (USER, CHANNEL, ROLE, MENTIONABLE):
            option["value"] = str(value)
            _resolve(resolved, option_type, int(value), world, guild_id)
        elif option_type == ATTACHMENT:
            # An uploaded file: the option holds its id, `resolved.attachments` the attachment itself.
            option["value"] = str(value.id)
            resolved.setdefault("attachments", {})[str(value.id)] = models.attachment_json(value)
        elif option_type == NUMBER:
            option["value"] = float(value)
        else:
            option["value"] = value
        built.append(option)
    return built, resolved


def _resolve(
    resolved: dict[str, dict[str, Any]], option_type: int, snowflake: int, world: World, guild_id: int | None
) -> None:
    guild = world.guilds.get(guild_id or 0)
    if option_type in (USER, MENTIONABLE) and snowflake in world.users:
        resolved.setdefault("users", {})[str(snowflake)] = models.user_json(world.users[snowflake])
        if guild is not None and snowflake in guild.members:
            member = models.member_json(guild.members[snowflake], permissions=world.permissions(guild.id, snowflake))
            member.pop("user")
            resolved.setdefault("members", {})[str(snowflake)] = member
    if option_type in (ROLE, MENTIONABLE) and guild is not None and snowflake in guild.roles:
        resolved.setdefault("roles", {})[str(snowflake)] = models.role_json(guild.roles[snowflake])
    if option_type == CHANNEL:
        channel = world.channel(snowflake)
        if channel is not None:
            data = models.channel_json(channel, world)
            data["permissions"] = str(world.permissions(guild_id, world.bot_user_id) if guild_id else 0)
            resolved.setdefault("channels", {})[str(snowflake)] = data


def nest_subcommands(path: list[str], options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Wrap options in subcommand (group) options for ``/cmd group sub`` style names."""
    if not path:
        return options
    if len(path) == 1:
        return [{"name": path[0], "type": SUB_COMMAND, "options": options}]
    return [{"name": path[0], "type": SUB_COMMAND_GROUP, "options": nest_subcommands(path[1:], options)}]


def find_option_definitions(definition: dict[str, Any] | None, path: list[str]) -> list[dict[str, Any]] | None:
    """The option definitions of the (sub)command at ``path`` inside a synced command definition."""
    if definition is None:
        return None
    options = definition.get("options") or []
    for name in path:
        sub = next((o for o in options if o.get("name") == name), None)
        if sub is None:
            return None
        options = sub.get("options") or []
    return options


def base_payload(
    world: World,
    *,
    interaction_id: int,
    token: str,
    interaction_type: int,
    application_id: int,
    invoker: Invoker,
    data: dict[str, Any],
) -> dict[str, Any]:
    """The INTERACTION_CREATE ``d`` common to every interaction type."""
    channel = world.channel(invoker.channel_id)
    if channel is None:
        raise KeyError(f"fake Discord has no channel {invoker.channel_id}; add_channel() it")
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(application_id),
        "type": interaction_type,
        "token": token,
        "version": 1,
        "channel_id": str(channel.id),
        "channel": models.channel_json(channel, world),
        "locale": invoker.locale,
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": invoker.attachment_size_limit,
        "data": data,
    }
    if invoker.guild_id is None:
        payload.update(_direct_message_fields(world, invoker))
    else:
        payload.update(_guild_fields(world, invoker, invoker.guild_id))
    return payload


def _direct_message_fields(world: World, invoker: Invoker) -> dict[str, Any]:
    """Who invokes in a DM: a bare user, the user as the installing owner."""
    return {
        "user": models.user_json(world.users[invoker.user_id]),
        "context": 1,
        "authorizing_integration_owners": {"0": str(invoker.user_id)},
        "app_permissions": str(invoker.app_permissions or 0),
    }


def _guild_fields(world: World, invoker: Invoker, guild_id: int) -> dict[str, Any]:
    """Who invokes in a guild: the member with their permissions, and the bot's (overridable) ones."""
    guild = world.guild(guild_id)
    member = world.member(guild.id, invoker.user_id)
    permissions = invoker.member_permissions
    if permissions is None:
        permissions = world.permissions(guild.id, invoker.user_id)
    app_permissions = invoker.app_permissions
    if app_permissions is None:
        app_permissions = world.permissions(guild.id, world.bot_user_id)
    return {
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": guild.preferred_locale, "features": list(guild.features)},
        "guild_locale": guild.preferred_locale,
        "member": models.member_json(member, permissions=permissions),
        "app_permissions": str(app_permissions),
        "context": 0,
        "authorizing_integration_owners": {"0": str(guild.id)},
    }
