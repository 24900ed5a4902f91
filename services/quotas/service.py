"""The limits that apply to one member: the environment's defaults, then the guild's settings, read
through `QuotaSettingsReader` (the storage package implements it; quotas never import storage)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from services.quotas.limits import GuildQuota, Limits, MemberOverride, beyond_server_budget, effective_limits


class QuotaSettingsReader(Protocol):
    """Where a guild's quota settings come from."""

    async def for_member(
        self, guild_id: int, user_id: int, role_ids: Iterable[int]
    ) -> tuple[GuildQuota, MemberOverride | None]:
        """What applies to a member with these roles: the guild's settings (of these roles only) and
        the member's override, in one read."""
        ...


class QuotaService:
    """The limits that apply to a member: defaults from the environment, then the guild's settings."""

    def __init__(
        self,
        settings: QuotaSettingsReader,
        defaults: Limits,
        dm_daily_images: int | None = None,
        trusted_guild_ids: Iterable[int] = (),
    ) -> None:
        self._settings = settings
        self._defaults = defaults
        self._trusted = frozenset(trusted_guild_ids)
        self._dm = defaults if dm_daily_images is None else replace(defaults, user_daily_images=dm_daily_images)

    @property
    def defaults(self) -> Limits:
        """The environment's defaults (what applies in DMs and in guilds that set nothing)."""
        return self._defaults

    async def limits_for(self, guild_id: int | None, user_id: int, role_ids: Iterable[int]) -> Limits:
        """The effective limits of a member in a guild (None: in DMs)."""
        if guild_id is None:
            return self._dm
        # The guild's own id is its @everyone role: its limits apply to every member.
        roles = [*role_ids, guild_id]
        guild, member = await self._settings.for_member(guild_id, user_id, roles)
        return effective_limits(self._defaults, guild, roles, member, trusted=self.trusted(guild_id))

    def beyond_server_budget(self, limits: Limits) -> Limits:
        """See `limits.beyond_server_budget`: the operator's ceilings are this service's defaults."""
        return beyond_server_budget(limits, self._defaults)

    def trusted(self, guild_id: int | None) -> bool:
        """Whether the operator lets this guild's admins pass the per-member and per-server ceilings."""
        return guild_id is not None and guild_id in self._trusted
