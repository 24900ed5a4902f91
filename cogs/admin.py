"""`/imagine-admin`: a guild's settings, for members with Manage Server (Discord hides the command
from others by default, and the bot checks the permission again on every call). Every change is
validated, confirmed privately and written to the audit log."""

from __future__ import annotations

import logging
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.admin_show import describe_limits, settings_embed
from discord_side.audit import AuditLog
from discord_side.texts import NOT_AN_ADMIN_TEXT, inert
from services.engine.jobs import JobEngine
from services.moderation.blocked_terms import BlockedTerm, InvalidTerm
from services.moderation.guild_policy import ChannelMode, Visibility
from services.quotas.limits import LimitOverrides, MemberOverride
from services.quotas.service import QuotaService
from services.storage.moderation_settings import ModerationSettings
from services.storage.quota_settings import QuotaSettings

log = logging.getLogger(__name__)

Channel = discord.TextChannel | discord.Thread | discord.ForumChannel | discord.VoiceChannel


class NotAnAdmin(app_commands.CheckFailure):
    """The caller lacks Manage Server (Discord let the command through anyway)."""


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class AdminCog(commands.GroupCog, group_name="imagine-admin", group_description="Settings of the image bot here"):
    """Server admins' controls: channels, roles, quotas, blocked terms, audit log, approval, data."""

    channels = app_commands.Group(name="channels", description="Where /imagine works, approval and visibility")
    roles = app_commands.Group(name="roles", description="Who may use /imagine, exempt roles, role limits")
    quota = app_commands.Group(name="quota", description="This server's limits and members' overrides")
    terms = app_commands.Group(name="terms", description="Words and patterns prompts may not contain")

    def __init__(
        self,
        client: discord.Client,
        moderation: ModerationSettings,
        quota_settings: QuotaSettings,
        quota: QuotaService,
        engine: JobEngine,
        audit: AuditLog,
    ) -> None:
        self._client = client
        self._moderation = moderation
        self._quota_settings = quota_settings
        self._quota = quota
        self._engine = engine
        self._audit = audit
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        """Check Manage Server again: Discord's default permission can be overridden per server."""
        if interaction.guild_id is None or not (
            interaction.permissions.manage_guild or interaction.permissions.administrator
        ):
            raise NotAnAdmin
        return True

    async def cog_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Refuse non-admins privately; report anything else without a traceback to the user."""
        text = NOT_AN_ADMIN_TEXT
        if not isinstance(error, NotAnAdmin):
            log.error("/imagine-admin failed", exc_info=error)
            text = "Something went wrong while changing the settings; nothing was changed."
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)

    async def _done(self, interaction: discord.Interaction, change: str) -> None:
        await interaction.response.send_message(f"✅ {change}", ephemeral=True)
        assert interaction.guild_id is not None
        await self._audit.setting_changed(interaction.guild_id, interaction.user.id, change)

    async def _bot_can_post(self, interaction: discord.Interaction, channel: Channel, *, files: bool) -> str | None:
        """Why the bot cannot post (with files) in `channel`, or None if it can."""
        guild = interaction.guild
        assert guild is not None
        me = guild.me
        if me is None:
            try:
                me = await guild.fetch_member(self._client.user.id)  # type: ignore[union-attr]
            except discord.HTTPException:
                return None  # cannot tell: do not block the admin on it
        resolved = guild.get_channel_or_thread(channel.id) or channel
        permissions = resolved.permissions_for(me)
        missing = [
            name
            for name, granted in (
                ("View Channel", permissions.view_channel),
                ("Send Messages", _can_send(resolved, permissions)),
                ("Attach Files", permissions.attach_files or not files),
            )
            if not granted
        ]
        return f"the bot lacks {', '.join(missing)} in {channel.mention}" if missing else None

    # General

    @app_commands.command(name="show", description="Every setting of this server in one view")
    async def show(self, interaction: discord.Interaction) -> None:
        """Show the settings privately."""
        assert interaction.guild_id is not None
        policy = await self._moderation.policy(interaction.guild_id)
        guild_quota = await self._quota_settings.guild(interaction.guild_id)
        members = await self._quota_settings.members(interaction.guild_id)
        embed = settings_embed(policy, guild_quota, self._quota.defaults, members)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="audit", description="Where the audit log goes (leave empty to turn it off)")
    @app_commands.describe(channel="The channel for the audit log")
    async def audit(self, interaction: discord.Interaction, channel: discord.TextChannel | None = None) -> None:
        """Set or clear the audit channel."""
        assert interaction.guild_id is not None
        if channel is not None and (problem := await self._bot_can_post(interaction, channel, files=False)):
            await interaction.response.send_message(f"❌ Not changed: {problem}.", ephemeral=True)
            return
        await self._moderation.set_audit_channel(interaction.guild_id, channel.id if channel else None)
        await self._done(
            interaction, f"set the audit log to {channel.mention}" if channel else "turned the audit log off"
        )

    @app_commands.command(name="forget", description="Erase a member's stored jobs and usage here, on request")
    @app_commands.describe(user="The member whose data to erase")
    async def forget(self, interaction: discord.Interaction, user: discord.User) -> None:
        """Erase a member's data in this guild."""
        assert interaction.guild_id is not None
        erased = await self._engine.forget_member(interaction.guild_id, user.id)
        await self._done(interaction, f"erased {erased} stored job(s) and the usage of {user.mention}")

    # Channels

    @channels.command(name="mode", description="Everywhere, only in listed channels, or all but listed ones")
    async def channel_mode(
        self, interaction: discord.Interaction, mode: Literal["everywhere", "allow-list", "deny-list"]
    ) -> None:
        """Choose how the channel list is used."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel_mode(interaction.guild_id, ChannelMode(mode))
        await self._done(interaction, f"set where /imagine works to: {mode}")

    @channels.command(name="add", description="Put a channel (and its threads) on the allow- or deny-list")
    async def channel_add(self, interaction: discord.Interaction, channel: Channel) -> None:
        """List a channel."""
        assert interaction.guild_id is not None
        if problem := await self._bot_can_post(interaction, channel, files=True):
            await interaction.response.send_message(f"❌ Not changed: {problem}.", ephemeral=True)
            return
        await self._moderation.set_channel(interaction.guild_id, channel.id, listed=True)
        await self._done(interaction, f"listed {channel.mention}")

    @channels.command(name="remove", description="Take a channel off the allow- or deny-list")
    async def channel_remove(self, interaction: discord.Interaction, channel: Channel) -> None:
        """Unlist a channel."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel(interaction.guild_id, channel.id, listed=False)
        await self._done(interaction, f"unlisted {channel.mention}")

    @channels.command(name="approval", description="Require a moderator's approval before prompts are sent")
    async def channel_approval(self, interaction: discord.Interaction, channel: Channel, required: bool) -> None:
        """Turn approval mode on or off for a channel."""
        assert interaction.guild_id is not None
        if required and (await self._moderation.policy(interaction.guild_id)).audit_channel_id is None:
            await interaction.response.send_message(
                "❌ Not changed: approval requests wait in the audit channel; set one first with "
                "`/imagine-admin audit`.",
                ephemeral=True,
            )
            return
        await self._moderation.set_channel(interaction.guild_id, channel.id, approval=required)
        await self._done(
            interaction, f"{'required' if required else 'stopped requiring'} approval in {channel.mention}"
        )

    @channels.command(name="visibility", description="Results for everyone, or only for the requester")
    async def channel_visibility(
        self, interaction: discord.Interaction, channel: Channel, results: Literal["public", "ephemeral"]
    ) -> None:
        """Choose who sees a channel's results."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel(interaction.guild_id, channel.id, visibility=Visibility(results))
        await self._done(interaction, f"made results in {channel.mention} {results}")

    # Roles

    @roles.command(name="allow", description="Let a role use /imagine (once any role is listed, only they may)")
    async def role_allow(self, interaction: discord.Interaction, role: discord.Role) -> None:
        """Add a role to the allowed roles."""
        assert interaction.guild_id is not None
        await self._moderation.set_role_allowed(interaction.guild_id, role.id, True)
        await self._done(interaction, f"allowed {role.mention} to use /imagine")

    @roles.command(name="disallow", description="Take a role off the allowed roles")
    async def role_disallow(self, interaction: discord.Interaction, role: discord.Role) -> None:
        """Remove a role from the allowed roles."""
        assert interaction.guild_id is not None
        await self._moderation.set_role_allowed(interaction.guild_id, role.id, False)
        await self._done(interaction, f"took {role.mention} off the allowed roles")

    @roles.command(name="exempt", description="Free a role from the per-member limits (the server total stays)")
    async def role_exempt(self, interaction: discord.Interaction, role: discord.Role, exempt: bool) -> None:
        """Make a role exempt, or not."""
        assert interaction.guild_id is not None
        await self._quota_settings.set_exempt(interaction.guild_id, role.id, exempt)
        await self._done(interaction, f"made {role.mention} {'exempt from' if exempt else 'subject to'} the limits")

    @roles.command(name="limits", description="A role's own limits (members get their most generous role's)")
    @app_commands.describe(clear="Remove the role's limits instead")
    async def role_limits(
        self,
        interaction: discord.Interaction,
        role: discord.Role,
        daily_images: app_commands.Range[int, 0, 10000] | None = None,
        max_active_jobs: app_commands.Range[int, 1, 100] | None = None,
        cooldown_seconds: app_commands.Range[float, 0, 86400] | None = None,
        clear: bool = False,
    ) -> None:
        """Set or clear a role's limits."""
        assert interaction.guild_id is not None
        limits = None if clear else LimitOverrides(daily_images, max_active_jobs, cooldown_seconds)
        await self._quota_settings.set_role(interaction.guild_id, role.id, limits)
        what = "cleared the limits of" if limits is None else f"set {describe_limits(limits)} for"
        await self._done(interaction, f"{what} {role.mention}")

    # Quotas

    @quota.command(name="server", description="This server's limits (empty options keep their value)")
    @app_commands.describe(reset="Go back to the bot's defaults for every limit")
    async def quota_server(
        self,
        interaction: discord.Interaction,
        daily_images: app_commands.Range[int, 0, 10000] | None = None,
        max_active_jobs: app_commands.Range[int, 1, 100] | None = None,
        cooldown_seconds: app_commands.Range[float, 0, 86400] | None = None,
        server_daily_images: app_commands.Range[int, 0, 1000000] | None = None,
        reset: bool = False,
    ) -> None:
        """Set this server's limits."""
        assert interaction.guild_id is not None
        if reset:
            await self._quota_settings.set_guild(
                interaction.guild_id,
                user_daily_images=None,
                max_active_jobs=None,
                cooldown_seconds=None,
                guild_daily_images=None,
            )
            await self._done(interaction, "reset this server's limits to the bot's defaults")
            return
        changes = {
            "user_daily_images": daily_images,
            "max_active_jobs": max_active_jobs,
            "cooldown_seconds": cooldown_seconds,
            "guild_daily_images": server_daily_images,
        }
        given = {name: value for name, value in changes.items() if value is not None}
        if not given:
            await interaction.response.send_message("Nothing to change: give at least one limit.", ephemeral=True)
            return
        await self._quota_settings.set_guild(interaction.guild_id, **given)
        await self._done(interaction, "set this server's " + ", ".join(f"{k} = {v}" for k, v in given.items()))

    @quota.command(name="member", description="Give a member bonus images per day, or block them")
    @app_commands.describe(clear="Remove the member's override instead")
    async def quota_member(
        self,
        interaction: discord.Interaction,
        member: discord.User,
        bonus_images: app_commands.Range[int, 0, 10000] = 0,
        blocked: bool = False,
        clear: bool = False,
    ) -> None:
        """Set or clear a member's override."""
        assert interaction.guild_id is not None
        override = None if clear else MemberOverride(bonus_images=bonus_images, blocked=blocked)
        await self._quota_settings.set_member(interaction.guild_id, member.id, override)
        if override is None:
            change = f"cleared the override of {member.mention}"
        elif blocked:
            change = f"blocked {member.mention} from generating images"
        else:
            change = f"gave {member.mention} {bonus_images} bonus image(s) per day"
        await self._done(interaction, change)

    # Blocked terms

    @terms.command(name="add", description="Refuse prompts containing a word (or, with regex, a pattern)")
    async def term_add(self, interaction: discord.Interaction, term: str, regex: bool = False) -> None:
        """Block a term."""
        assert interaction.guild_id is not None
        try:
            added = await self._moderation.add_term(interaction.guild_id, BlockedTerm(term.strip(), regex))
        except (InvalidTerm, ValueError) as error:
            await interaction.response.send_message(f"❌ Not added: {error}.", ephemeral=True)
            return
        kind = "pattern" if regex else "term"
        if not added:
            await interaction.response.send_message(f"That {kind} is already blocked.", ephemeral=True)
            return
        await self._done(interaction, f"blocked the {kind} `{inert(term.strip())}`")

    @terms.command(name="remove", description="Stop refusing a word or pattern")
    async def term_remove(self, interaction: discord.Interaction, term: str, regex: bool = False) -> None:
        """Unblock a term."""
        assert interaction.guild_id is not None
        removed = await self._moderation.remove_term(interaction.guild_id, BlockedTerm(term.strip(), regex))
        if not removed:
            await interaction.response.send_message("That is not a blocked term here.", ephemeral=True)
            return
        await self._done(interaction, f"unblocked `{inert(term.strip())}`")

    @terms.command(name="list", description="The blocked words and patterns")
    async def term_list(self, interaction: discord.Interaction) -> None:
        """List the blocked terms privately."""
        assert interaction.guild_id is not None
        terms = (await self._moderation.policy(interaction.guild_id)).terms
        if not terms:
            await interaction.response.send_message("No terms are blocked here.", ephemeral=True)
            return
        lines = [f"`{inert(t.text)}`{' (pattern)' if t.is_regex else ''}" for t in terms]
        await interaction.response.send_message(("**Blocked here:**\n" + "\n".join(lines))[:2000], ephemeral=True)


def _can_send(channel: object, permissions: discord.Permissions) -> bool:
    if isinstance(channel, discord.Thread):
        return permissions.send_messages_in_threads
    return permissions.send_messages
