"""The guilds, channels, roles, members and users the fake Discord knows about."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.support.fake_discord import ids
from tests.support.fake_discord.ids import iso_now

ADMINISTRATOR = 1 << 3
ALL_PERMISSIONS = (1 << 51) - 1
"""Every permission bit Discord currently defines (and a few spare), granted to admins and owners."""

EVERYONE_PERMISSIONS = (
    (1 << 0)  # create instant invite
    | (1 << 6)  # add reactions
    | (1 << 10)  # view channel
    | (1 << 11)  # send messages
    | (1 << 14)  # embed links
    | (1 << 15)  # attach files
    | (1 << 16)  # read message history
    | (1 << 18)  # use external emojis
    | (1 << 20)  # connect
    | (1 << 21)  # speak
    | (1 << 26)  # change nickname
    | (1 << 31)  # use application commands
    | (1 << 38)  # send messages in threads
)
"""Permissions of the ``@everyone`` role in a freshly created guild (roughly)."""

TEXT_CHANNEL = 0
DM_CHANNEL = 1


@dataclass
class User:
    """A Discord user account."""

    id: int
    username: str
    bot: bool = False
    global_name: str | None = None
    avatar: str | None = None


@dataclass
class Role:
    """A guild role; the ``@everyone`` role has the guild's id."""

    id: int
    name: str
    permissions: int = 0
    position: int = 0
    managed: bool = False
    mentionable: bool = False
    color: int = 0
    bot_id: int | None = None


@dataclass
class Channel:
    """A guild text channel or a DM channel (``guild_id`` None, ``recipient_id`` set)."""

    id: int
    name: str
    guild_id: int | None
    type: int = TEXT_CHANNEL
    position: int = 0
    topic: str | None = None
    nsfw: bool = False
    parent_id: int | None = None
    recipient_id: int | None = None
    role_overwrites: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Per-role permission overwrites: role id → (allowed bits, denied bits)."""


@dataclass
class Member:
    """A user's membership of a guild; ``permissions`` overrides the computed total when set."""

    user: User
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=iso_now)
    permissions: int | None = None


@dataclass
class Guild:
    """A guild with its roles, channels and members."""

    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    preferred_locale: str = "en-US"
    premium_tier: int = 0
    features: list[str] = field(default_factory=list)
    joined_at: str = field(default_factory=iso_now)


class World:
    """Registry of everything the fake serves: users, guilds and DM channels."""

    def __init__(self, *, bot_user_id: int = ids.BOT_USER_ID, bot_name: str = "Imagine Bot") -> None:
        self.bot_user_id = bot_user_id
        self.users: dict[int, User] = {}
        self.guilds: dict[int, Guild] = {}
        self.dm_channels: dict[int, Channel] = {}
        self.add_user(bot_user_id, bot_name, bot=True)

    # -- users and guilds -------------------------------------------------------------------------
    def add_user(self, user_id: int, name: str, *, bot: bool = False) -> User:
        """Create (or return the existing) user ``user_id``."""
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = User(id=user_id, username=name, bot=bot, global_name=name)
        return user

    @property
    def bot_user(self) -> User:
        """The bot's own user."""
        return self.users[self.bot_user_id]

    def add_guild(
        self,
        guild_id: int,
        name: str,
        *,
        owner_id: int = ids.OWNER_USER_ID,
        everyone_permissions: int = EVERYONE_PERMISSIONS,
    ) -> Guild:
        """Create a guild with its ``@everyone`` role, the bot's managed role and the bot as member."""
        guild = Guild(id=guild_id, name=name, owner_id=owner_id)
        self.guilds[guild_id] = guild
        guild.roles[guild_id] = Role(id=guild_id, name="@everyone", permissions=everyone_permissions)
        self.add_user(owner_id, "owner")
        guild.members[owner_id] = Member(user=self.users[owner_id])
        bot_role_id = ids.BOT_ROLE_ID if guild_id == ids.DEFAULT_GUILD_ID else guild_id + 1
        guild.roles[bot_role_id] = Role(
            id=bot_role_id,
            name=self.bot_user.username,
            permissions=everyone_permissions,
            position=1,
            managed=True,
            bot_id=self.bot_user_id,
        )
        guild.members[self.bot_user_id] = Member(user=self.bot_user, roles=[bot_role_id])
        return guild

    def guild(self, guild_id: int) -> Guild:
        """Return guild ``guild_id`` or raise ``KeyError`` naming it."""
        try:
            return self.guilds[guild_id]
        except KeyError:
            raise KeyError(f"fake Discord has no guild {guild_id}") from None

    def add_channel(self, guild_id: int, channel_id: int, name: str, *, topic: str | None = None) -> Channel:
        """Add a text channel to a guild."""
        guild = self.guild(guild_id)
        channel = Channel(id=channel_id, name=name, guild_id=guild_id, position=len(guild.channels), topic=topic)
        guild.channels[channel_id] = channel
        return channel

    def add_role(
        self,
        guild_id: int,
        role_id: int,
        name: str,
        *,
        permissions: int | str = 0,
        mentionable: bool = False,
    ) -> Role:
        """Add a role to a guild."""
        guild = self.guild(guild_id)
        role = Role(
            id=role_id,
            name=name,
            permissions=int(permissions),
            position=len(guild.roles),
            mentionable=mentionable,
        )
        guild.roles[role_id] = role
        return role

    def add_member(
        self,
        guild_id: int,
        user_id: int,
        name: str,
        *,
        roles: list[int] | None = None,
        permissions: int | str | None = None,
        nick: str | None = None,
    ) -> Member:
        """Add (or replace) a member; ``permissions`` forces the total sent in interactions."""
        guild = self.guild(guild_id)
        for role_id in roles or []:
            if role_id not in guild.roles:
                raise KeyError(f"guild {guild_id} has no role {role_id}; add_role() it first")
        user = self.add_user(user_id, name)
        member = Member(
            user=user,
            roles=list(roles or []),
            nick=nick,
            permissions=None if permissions is None else int(permissions),
        )
        guild.members[user_id] = member
        return member

    def member(self, guild_id: int, user_id: int) -> Member:
        """Return a guild member or raise ``KeyError`` naming it."""
        try:
            return self.guild(guild_id).members[user_id]
        except KeyError:
            raise KeyError(f"user {user_id} is not a member of guild {guild_id}; add_member() it") from None

    # -- channels ---------------------------------------------------------------------------------
    def channel(self, channel_id: int) -> Channel | None:
        """Find a guild or DM channel by id."""
        for guild in self.guilds.values():
            channel = guild.channels.get(channel_id)
            if channel is not None:
                return channel
        for channel in self.dm_channels.values():
            if channel.id == channel_id:
                return channel
        return None

    def dm_channel(self, user_id: int, channel_id: int) -> Channel:
        """Return the DM channel with ``user_id``, creating it with ``channel_id`` if needed."""
        channel = self.dm_channels.get(user_id)
        if channel is None:
            user = self.users.get(user_id)
            channel = Channel(
                id=channel_id,
                name=user.username if user else str(user_id),
                guild_id=None,
                type=DM_CHANNEL,
                recipient_id=user_id,
            )
            self.dm_channels[user_id] = channel
        return channel

    # -- permissions ------------------------------------------------------------------------------
    def permissions(self, guild_id: int, user_id: int) -> int:
        """Guild-level permissions of a member (no channel overwrites), as Discord computes them."""
        guild = self.guild(guild_id)
        member = self.member(guild_id, user_id)
        if member.permissions is not None:
            return member.permissions
        if user_id == guild.owner_id:
            return ALL_PERMISSIONS
        total = guild.roles[guild_id].permissions
        for role_id in member.roles:
            total |= guild.roles[role_id].permissions
        return ALL_PERMISSIONS if total & ADMINISTRATOR else total


def default_world(bot_user_id: int = ids.BOT_USER_ID, bot_name: str = "Imagine Bot") -> World:
    """The world every fake starts with: one guild, two text channels, an admin and two users."""
    world = World(bot_user_id=bot_user_id, bot_name=bot_name)
    world.add_guild(ids.DEFAULT_GUILD_ID, "Test Guild")
    world.add_channel(ids.DEFAULT_GUILD_ID, ids.DEFAULT_CHANNEL_ID, "general")
    world.add_channel(ids.DEFAULT_GUILD_ID, ids.OTHER_CHANNEL_ID, "other")
    world.add_role(ids.DEFAULT_GUILD_ID, ids.ADMIN_ROLE_ID, "Admin", permissions=ADMINISTRATOR)
    world.add_member(ids.DEFAULT_GUILD_ID, ids.DEFAULT_USER_ID, "alice")
    world.add_member(ids.DEFAULT_GUILD_ID, ids.OTHER_USER_ID, "bob")
    world.add_member(ids.DEFAULT_GUILD_ID, ids.ADMIN_USER_ID, "carol", roles=[ids.ADMIN_ROLE_ID])
    return world
