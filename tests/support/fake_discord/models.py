"""JSON object builders in the shapes discord.py 2.7 parses (all snowflakes as strings)."""

from __future__ import annotations

from typing import Any

from tests.support.fake_discord.records import AttachmentRecord, MessageRecord
from tests.support.fake_discord.world import DM_CHANNEL, Channel, Guild, Member, Role, User, World


def user_json(user: User) -> dict[str, Any]:
    """A user object."""
    return {
        "id": str(user.id),
        "username": user.username,
        "discriminator": "0",
        "global_name": user.global_name,
        "avatar": user.avatar,
        "bot": user.bot,
        "public_flags": 0,
        "avatar_decoration_data": None,
    }


def client_user_json(user: User) -> dict[str, Any]:
    """The bot's own user (``GET /users/@me`` and READY ``user``)."""
    return {
        **user_json(user),
        "verified": True,
        "mfa_enabled": False,
        "flags": 0,
        "email": None,
        "locale": "en-US",
        "premium_type": 0,
    }


def role_json(role: Role) -> dict[str, Any]:
    """A role object (``@everyone`` has the guild's id)."""
    data: dict[str, Any] = {
        "id": str(role.id),
        "name": role.name,
        "color": role.color,
        "colors": {"primary_color": role.color, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": role.position,
        "permissions": str(role.permissions),
        "managed": role.managed,
        "mentionable": role.mentionable,
        "flags": 0,
    }
    if role.bot_id is not None:
        data["tags"] = {"bot_id": str(role.bot_id)}
    return data


def channel_json(channel: Channel, world: World) -> dict[str, Any]:
    """A guild text channel or DM channel object."""
    if channel.type == DM_CHANNEL:
        recipient = world.users.get(channel.recipient_id or 0)
        return {
            "id": str(channel.id),
            "type": DM_CHANNEL,
            "last_message_id": None,
            "flags": 0,
            "recipients": [user_json(recipient)] if recipient else [],
        }
    return {
        "id": str(channel.id),
        "type": channel.type,
        "guild_id": str(channel.guild_id),
        "name": channel.name,
        "position": channel.position,
        "permission_overwrites": [
            {"id": str(target), "type": 0, "allow": str(allow), "deny": str(deny)}
            for target, (allow, deny) in channel.role_overwrites.items()
        ],
        "nsfw": channel.nsfw,
        "topic": channel.topic,
        "parent_id": None if channel.parent_id is None else str(channel.parent_id),
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


def member_json(member: Member, *, permissions: int | None = None) -> dict[str, Any]:
    """A guild member object; ``permissions`` is included as interactions carry it."""
    data: dict[str, Any] = {
        "user": user_json(member.user),
        "roles": [str(role_id) for role_id in member.roles],
        "nick": member.nick,
        "avatar": None,
        "banner": None,
        "joined_at": member.joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def guild_create_json(guild: Guild, world: World, *, all_members: bool) -> dict[str, Any]:
    """A GUILD_CREATE payload; without the members intent only the bot's own member is included."""
    members = [member for member in guild.members.values() if all_members or member.user.id == world.bot_user_id]
    return {
        **_guild_settings_json(guild),
        "roles": [role_json(role) for role in guild.roles.values()],
        "emojis": [],
        "stickers": [],
        "channels": [channel_json(channel, world) for channel in guild.channels.values()],
        "threads": [],
        "members": [member_json(member) for member in members],
        "member_count": len(guild.members),
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "large": False,
        "unavailable": False,
        "lazy": True,
        "joined_at": guild.joined_at,
    }


def _guild_settings_json(guild: Guild) -> dict[str, Any]:
    """The guild object's own fields (name, owner, levels, limits), before what it contains."""
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(guild.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": guild.premium_tier,
        "premium_subscription_count": 0,
        "premium_progress_bar_enabled": False,
        "preferred_locale": guild.preferred_locale,
        "features": list(guild.features),
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "safety_alerts_channel_id": None,
        "vanity_url_code": None,
        "application_id": None,
        "max_members": 500000,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
    }


def application_json(application_id: int, world: World, *, flags: int, owner_id: int) -> dict[str, Any]:
    """``GET /oauth2/applications/@me``."""
    owner = world.users.get(owner_id) or world.bot_user
    bot = world.bot_user
    return {
        "id": str(application_id),
        "name": bot.username,
        "icon": None,
        "description": "",
        "summary": "",
        "type": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": flags,
        "owner": user_json(owner),
        "team": None,
        "bot": user_json(bot),
        "rpc_origins": [],
        "redirect_uris": [],
        "tags": [],
        "interactions_endpoint_url": None,
        "role_connections_verification_url": None,
        "approximate_guild_count": len(world.guilds),
        "install_params": {"scopes": ["bot", "applications.commands"], "permissions": "0"},
        "integration_types_config": {"0": {}},
    }


def command_json(
    definition: dict[str, Any],
    *,
    command_id: int,
    application_id: int,
    guild_id: int | None,
    version: int,
) -> dict[str, Any]:
    """Echo of an application command definition, the way Discord answers a command PUT."""
    data = {
        "type": 1,
        "description": "",
        "options": [],
        "default_member_permissions": None,
        "nsfw": False,
        **definition,
        "id": str(command_id),
        "application_id": str(application_id),
        "version": str(version),
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    else:
        data.setdefault("contexts", None)
        data.setdefault("integration_types", [0])
    return data


def attachment_json(attachment: AttachmentRecord) -> dict[str, Any]:
    """An attachment object; ``url`` points at the fake, so ``Attachment.read()`` works."""
    data: dict[str, Any] = {
        "id": str(attachment.id),
        "filename": attachment.filename,
        "size": attachment.size,
        "url": attachment.url,
        "proxy_url": attachment.url,
        "content_type": attachment.content_type,
    }
    if attachment.description is not None:
        data["description"] = attachment.description
    return data


def number_components(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copy components adding the sequential ``id`` Discord assigns to each one lacking it."""
    counter = 0

    def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        nonlocal counter
        result = []
        for item in items:
            copy = dict(item)
            counter += 1
            copy.setdefault("id", counter)
            if "components" in copy:
                copy["components"] = walk(copy["components"])
            result.append(copy)
        return result

    return walk(components)


def message_json(
    message: MessageRecord,
    world: World,
    *,
    referenced: MessageRecord | None = None,
    interaction_metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A full message object as Discord answers message creates and edits."""
    author = world.users.get(message.author_id) or world.bot_user
    data: dict[str, Any] = {
        "id": str(message.id),
        "type": message.type,
        "content": message.content,
        "channel_id": str(message.channel_id),
        "author": user_json(author),
        "attachments": [attachment_json(a) for a in message.attachments],
        "embeds": message.embeds,
        "components": message.components,
        "mentions": [user_json(world.users[u]) for u in message.pings.user_ids if u in world.users],
        "mention_roles": [str(r) for r in message.pings.role_ids],
        "mention_everyone": message.pings.everyone,
        "pinned": False,
        "tts": message.tts,
        "timestamp": message.timestamp,
        "edited_timestamp": message.edited_timestamp,
        "flags": message.flags,
        "reactions": [],
        "sticker_items": [],
        "position": 0,
    }
    if message.nonce is not None:
        data["nonce"] = message.nonce
    if message.webhook_id is not None:
        data["webhook_id"] = str(message.webhook_id)
        data["application_id"] = str(message.webhook_id)
    if message.message_reference is not None:
        data["message_reference"] = message.message_reference
        if referenced is not None:  # unknown to the fake (a user's message): left out
            data["referenced_message"] = None if referenced.deleted else message_json(referenced, world)
    if interaction_metadata is not None:
        data["interaction_metadata"] = interaction_metadata
    return data
