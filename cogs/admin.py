"""`/imagine-admin`: a guild's settings, for members with Manage Server (Discord hides the command
from others by default, and the bot checks the permission again on every call). Every change is
validated, confirmed privately and written to the audit log."""

from __future__ import annotations

from collections.abc import Callable

import discord
from discord import app_commands
from discord.ext import commands

from discord_side.admin_choices import DISCORD_SETTING, LANGUAGE_CHOICES, LIMIT_OPTIONS, MODES, OVER_BUDGET, RESULTS
from discord_side.admin_show import describe_limits, language_change, language_shown, settings_embed, term_line
from discord_side.audit import AuditLog
from discord_side.bot_access import Channel, why_bot_cannot_post
from discord_side.catalogue import locale, text
from discord_side.channel_changes import mode_change, visibility_change
from discord_side.error_text import apology_extras
from discord_side.history import History
from discord_side.problem_text import term_problem_text
from discord_side.refusals import NotAnAdmin
from discord_side.spend_report import SpendReport
from discord_side.texts import credits_text, inert, number
from services.engine.jobs import JobEngine
from services.moderation.blocked_terms import BlockedTerm, InvalidTerm
from services.moderation.guild_policy import ChannelMode, Visibility
from services.quotas.credits import to_milli
from services.quotas.limits import CeilingBreach, LimitKind, LimitOverrides, MemberOverride, OverBudget, beyond_ceilings
from services.quotas.service import QuotaService
from services.storage.moderation_settings import ModerationSettings
from services.storage.quota_settings import QuotaSettings


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class AdminCog(
    commands.GroupCog,
    group_name="imagine-admin",
    group_description=locale("admin-description"),
    group_extras=apology_extras("error-unexpected-admin"),
):
    """Server admins' controls: channels, roles, quotas, blocked terms, audit log, approval, data. A
    non-admin is refused by `NotAnAdmin`, answered by the tree's error handler."""

    channels = app_commands.Group(name="channels", description=locale("admin-channels-description"))
    roles = app_commands.Group(name="roles", description=locale("admin-roles-description"))
    quota = app_commands.Group(name="quota", description=locale("admin-quota-description"))
    terms = app_commands.Group(name="terms", description=locale("admin-terms-description"))

    def __init__(
        self,
        client: discord.Client,
        moderation: ModerationSettings,
        quota_settings: QuotaSettings,
        quota: QuotaService,
        engine: JobEngine,
        audit: AuditLog,
        spend: SpendReport,
        history: History,
    ) -> None:
        self._history = history
        self._client = client
        self._moderation = moderation
        self._quota_settings = quota_settings
        self._quota = quota
        self._engine = engine
        self._audit = audit
        self._spend = spend
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Check Manage Server again: Discord's default permission can be overridden per server."""
        if interaction.guild_id is None or not (
            interaction.permissions.manage_guild or interaction.permissions.administrator
        ):
            raise NotAnAdmin
        return True

    async def _done(self, interaction: discord.Interaction, change: Callable[[], str]) -> None:
        """Tell the admin (in their language) and the audit log (in the server's: `change` is composed
        again there) what changed."""
        await interaction.response.send_message(text("admin-done", change=change()), ephemeral=True)
        assert interaction.guild_id is not None
        await self._audit.setting_changed(interaction.guild_id, interaction.user.id, change)

    async def _refused_beyond_operator(
        self, interaction: discord.Interaction, breach: CeilingBreach | None, *, bonus: bool = False
    ) -> bool:
        """Refuse privately a value looser than the operator's limit, naming that limit; True if refused."""
        if breach is None:
            return False
        ceiling = f"{breach.ceiling:,}" if isinstance(breach.ceiling, int) else number(breach.ceiling)
        if breach.kind.in_credits:
            ceiling = credits_text(int(breach.ceiling))
        if breach.kind == LimitKind.COOLDOWN:
            problem = text("admin-cooldown-below-operator", ceiling=ceiling)
        else:
            option = "limit-option-bonus-images" if bonus else LIMIT_OPTIONS[breach.kind]
            problem = text("admin-beyond-operator", limit=text(option), ceiling=ceiling)
        await interaction.response.send_message(text("admin-not-changed", problem=problem), ephemeral=True)
        return True

    # General

    @app_commands.command(name="show", description=locale("admin-show-description"))
    async def show(self, interaction: discord.Interaction) -> None:
        """Show the settings privately."""
        assert interaction.guild_id is not None
        policy = await self._moderation.policy(interaction.guild_id)
        guild_quota = await self._quota_settings.guild(interaction.guild_id)
        members = await self._quota_settings.members(interaction.guild_id)
        shown = language_shown(self._audit.languages, interaction.guild_id)
        embed = settings_embed(policy, guild_quota, self._quota.defaults, members, shown)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="language", description=locale("admin-language-description"))
    @app_commands.describe(language=locale("admin-language-language-description"))
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def language(self, interaction: discord.Interaction, language: app_commands.Choice[str]) -> None:
        """Choose the language of the server's public posts, or follow Discord's setting again."""
        assert interaction.guild_id is not None
        languages = self._audit.languages
        await languages.choose(interaction.guild_id, None if language.value == DISCORD_SETTING else language.value)
        await self._done(interaction, language_change(languages, interaction.guild_id))

    @app_commands.command(name="spend", description=locale("admin-spend-description"))
    async def spend(self, interaction: discord.Interaction) -> None:
        """Show the last 30 days' spending privately: a chart and the top members (no pings)."""
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        limits = await self._quota.limits_for(interaction.guild_id, interaction.user.id, [])
        content, chart = await self._spend.build(interaction.guild_id, limits)
        await interaction.followup.send(
            content, file=chart, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    @app_commands.command(name="audit", description=locale("admin-audit-description"))
    @app_commands.describe(channel=locale("admin-audit-channel-description"))
    async def audit(self, interaction: discord.Interaction, channel: discord.TextChannel | None = None) -> None:
        """Set or clear the audit channel."""
        assert interaction.guild_id is not None
        if channel is not None and (
            problem := await why_bot_cannot_post(self._client, interaction, channel, files=False)
        ):
            await interaction.response.send_message(text("admin-not-changed", problem=problem), ephemeral=True)
            return
        await self._moderation.set_audit_channel(interaction.guild_id, channel.id if channel else None)
        await self._done(
            interaction,
            lambda: text("change-audit-set", channel=channel.mention) if channel else text("change-audit-off"),
        )

    @app_commands.command(name="forget", description=locale("admin-forget-description"))
    @app_commands.describe(user=locale("admin-forget-user-description"))
    async def forget(self, interaction: discord.Interaction, user: discord.User) -> None:
        """Erase a member's data in this guild."""
        assert interaction.guild_id is not None
        erased = await self._engine.forget_member(interaction.guild_id, user.id)
        await self._done(interaction, lambda: text("change-forgot", count=erased, user=user.mention))

    # Channels

    @channels.command(name="mode", description=locale("admin-channels-mode-description"))
    @app_commands.choices(mode=MODES)
    async def channel_mode(self, interaction: discord.Interaction, mode: app_commands.Choice[str]) -> None:
        """Choose how the channel list is used."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel_mode(interaction.guild_id, ChannelMode(mode.value))
        await self._done(interaction, mode_change(ChannelMode(mode.value)))

    @channels.command(name="add", description=locale("admin-channels-add-description"))
    async def channel_add(self, interaction: discord.Interaction, channel: Channel) -> None:
        """List a channel."""
        assert interaction.guild_id is not None
        if problem := await why_bot_cannot_post(self._client, interaction, channel, files=True):
            await interaction.response.send_message(text("admin-not-changed", problem=problem), ephemeral=True)
            return
        await self._moderation.set_channel(interaction.guild_id, channel.id, listed=True)
        await self._done(interaction, lambda: text("change-channel-listed", channel=channel.mention))

    @channels.command(name="remove", description=locale("admin-channels-remove-description"))
    async def channel_remove(self, interaction: discord.Interaction, channel: Channel) -> None:
        """Unlist a channel."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel(interaction.guild_id, channel.id, listed=False)
        await self._done(interaction, lambda: text("change-channel-unlisted", channel=channel.mention))

    @channels.command(name="approval", description=locale("admin-channels-approval-description"))
    async def channel_approval(self, interaction: discord.Interaction, channel: Channel, required: bool) -> None:
        """Turn approval mode on or off for a channel."""
        assert interaction.guild_id is not None
        if required and (await self._moderation.policy(interaction.guild_id)).audit_channel_id is None:
            await interaction.response.send_message(text("admin-approval-needs-audit"), ephemeral=True)
            return
        await self._moderation.set_channel(interaction.guild_id, channel.id, approval=required)
        entry = "change-approval-required" if required else "change-approval-not-required"
        await self._done(interaction, lambda: text(entry, channel=channel.mention))

    @channels.command(name="visibility", description=locale("admin-channels-visibility-description"))
    @app_commands.choices(results=RESULTS)
    async def channel_visibility(
        self, interaction: discord.Interaction, channel: Channel, results: app_commands.Choice[str]
    ) -> None:
        """Choose who sees a channel's results."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel(interaction.guild_id, channel.id, visibility=Visibility(results.value))
        await self._done(interaction, visibility_change(channel.mention, Visibility(results.value)))

    @channels.command(name="spoiler", description=locale("admin-channels-spoiler-description"))
    async def channel_spoiler(self, interaction: discord.Interaction, channel: Channel, spoiler: bool) -> None:
        """Show every result in a channel behind a spoiler (for servers with young members), or not."""
        assert interaction.guild_id is not None
        await self._moderation.set_channel(interaction.guild_id, channel.id, spoiler=spoiler)
        entry = "change-spoiler-on" if spoiler else "change-spoiler-off"
        await self._done(interaction, lambda: text(entry, channel=channel.mention))

    @app_commands.command(name="history", description=locale("admin-history-description"))
    @app_commands.describe(member=locale("admin-history-member-description"), page=locale("history-page-description"))
    async def history(
        self, interaction: discord.Interaction, member: discord.User, page: app_commands.Range[int, 1, 1000] = 1
    ) -> None:
        """A member's recent results, privately, with links."""
        await self._history.answer(interaction, member, page)

    # Roles

    @roles.command(name="allow", description=locale("admin-roles-allow-description"))
    async def role_allow(self, interaction: discord.Interaction, role: discord.Role) -> None:
        """Add a role to the allowed roles."""
        assert interaction.guild_id is not None
        await self._moderation.set_role_allowed(interaction.guild_id, role.id, True)
        await self._done(interaction, lambda: text("change-role-allowed", role=role.mention))

    @roles.command(name="disallow", description=locale("admin-roles-disallow-description"))
    async def role_disallow(self, interaction: discord.Interaction, role: discord.Role) -> None:
        """Remove a role from the allowed roles."""
        assert interaction.guild_id is not None
        await self._moderation.set_role_allowed(interaction.guild_id, role.id, False)
        await self._done(interaction, lambda: text("change-role-disallowed", role=role.mention))

    @roles.command(name="exempt", description=locale("admin-roles-exempt-description"))
    async def role_exempt(self, interaction: discord.Interaction, role: discord.Role, exempt: bool) -> None:
        """Make a role exempt, or not."""
        assert interaction.guild_id is not None
        await self._quota_settings.set_exempt(interaction.guild_id, role.id, exempt)
        entry = "change-role-exempt" if exempt else "change-role-not-exempt"
        await self._done(interaction, lambda: text(entry, role=role.mention))

    @roles.command(name="limits", description=locale("admin-roles-limits-description"))
    @app_commands.describe(clear=locale("admin-roles-limits-clear-description"))
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
        if limits is not None and await self._refused_beyond_operator(
            interaction,
            beyond_ceilings(self._quota.defaults, limits, trusted=self._quota.trusted(interaction.guild_id)),
        ):
            return
        await self._quota_settings.set_role(interaction.guild_id, role.id, limits)
        await self._done(
            interaction,
            lambda: (
                text("change-role-limits-cleared", role=role.mention)
                if limits is None
                else text("change-role-limits", limits=describe_limits(limits), role=role.mention)
            ),
        )

    # Quotas

    @quota.command(name="server", description=locale("admin-quota-server-description"))
    @app_commands.describe(
        reset=locale("admin-quota-server-reset-description"),
        monthly_credits=locale("admin-quota-server-monthly-credits-description"),
        over_budget=locale("admin-quota-server-over-budget-description"),
    )
    @app_commands.choices(over_budget=OVER_BUDGET)
    async def quota_server(
        self,
        interaction: discord.Interaction,
        daily_images: app_commands.Range[int, 0, 10000] | None = None,
        max_active_jobs: app_commands.Range[int, 1, 100] | None = None,
        cooldown_seconds: app_commands.Range[float, 0, 86400] | None = None,
        server_daily_images: app_commands.Range[int, 0, 1000000] | None = None,
        monthly_credits: app_commands.Range[float, 0, 1000000000] | None = None,
        over_budget: app_commands.Choice[str] | None = None,
        reset: bool = False,
    ) -> None:
        """Set this server's limits, budget and what happens beyond it."""
        assert interaction.guild_id is not None
        if reset:
            await self._quota_settings.reset_guild(interaction.guild_id)
            await self._done(interaction, lambda: text("change-server-reset"))
            return
        credits = None if monthly_credits is None else to_milli(monthly_credits)
        changes = {
            "user_daily_images": daily_images,
            "max_active_jobs": max_active_jobs,
            "cooldown_seconds": cooldown_seconds,
            "guild_daily_images": server_daily_images,
            "monthly_credits": credits,
            "over_budget": None if over_budget is None else OverBudget(over_budget.value),
        }
        given = {name: value for name, value in changes.items() if value is not None}
        if not given:
            await interaction.response.send_message(text("admin-nothing-to-change"), ephemeral=True)
            return
        overrides = LimitOverrides(daily_images, max_active_jobs, cooldown_seconds)
        trusted = self._quota.trusted(interaction.guild_id)
        breach = beyond_ceilings(self._quota.defaults, overrides, server_daily_images, credits, trusted=trusted)
        if await self._refused_beyond_operator(interaction, breach):
            return
        await self._quota_settings.set_guild(interaction.guild_id, **given)
        shown = {**given, **({"monthly_credits": number(monthly_credits)} if monthly_credits is not None else {})}
        described = ", ".join(f"{name} = {value}" for name, value in shown.items())
        await self._done(interaction, lambda: text("change-server-limits", changes=described))

    @quota.command(name="member", description=locale("admin-quota-member-description"))
    @app_commands.describe(clear=locale("admin-quota-member-clear-description"))
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
        trusted = self._quota.trusted(interaction.guild_id)
        breach = beyond_ceilings(self._quota.defaults, LimitOverrides(user_daily_images=bonus_images), trusted=trusted)
        if override is not None and await self._refused_beyond_operator(interaction, breach, bonus=True):
            return
        await self._quota_settings.set_member(interaction.guild_id, member.id, override)

        def change() -> str:
            if override is None:
                return text("change-member-cleared", member=member.mention)
            if blocked:
                return text("change-member-blocked", member=member.mention)
            return text("change-member-bonus", member=member.mention, count=bonus_images)

        await self._done(interaction, change)

    # Blocked terms

    @terms.command(name="add", description=locale("admin-terms-add-description"))
    async def term_add(self, interaction: discord.Interaction, term: str, regex: bool = False) -> None:
        """Block a term."""
        assert interaction.guild_id is not None
        try:
            added = await self._moderation.add_term(interaction.guild_id, BlockedTerm(term.strip(), regex))
        except InvalidTerm as error:
            problem = term_problem_text(error)
            await interaction.response.send_message(text("admin-term-not-added", problem=problem), ephemeral=True)
            return
        if not added:
            entry = "admin-pattern-already-blocked" if regex else "admin-term-already-blocked"
            await interaction.response.send_message(text(entry), ephemeral=True)
            return
        entry = "change-pattern-blocked" if regex else "change-term-blocked"
        await self._done(interaction, lambda: text(entry, term=inert(term.strip())))

    @terms.command(name="remove", description=locale("admin-terms-remove-description"))
    async def term_remove(self, interaction: discord.Interaction, term: str, regex: bool = False) -> None:
        """Unblock a term."""
        assert interaction.guild_id is not None
        removed = await self._moderation.remove_term(interaction.guild_id, BlockedTerm(term.strip(), regex))
        if not removed:
            await interaction.response.send_message(text("admin-term-not-blocked"), ephemeral=True)
            return
        await self._done(interaction, lambda: text("change-term-unblocked", term=inert(term.strip())))

    @terms.command(name="list", description=locale("admin-terms-list-description"))
    async def term_list(self, interaction: discord.Interaction) -> None:
        """List the blocked terms privately."""
        assert interaction.guild_id is not None
        terms = (await self._moderation.policy(interaction.guild_id)).terms
        if not terms:
            await interaction.response.send_message(text("admin-no-terms"), ephemeral=True)
            return
        listed = text("admin-terms-list", terms="\n".join(term_line(term) for term in terms))
        await interaction.response.send_message(listed[:2000], ephemeral=True)
