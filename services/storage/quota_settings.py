"""Per-guild quota settings in the store: a guild's overrides, role limits, exempt roles and member
overrides. The admin commands write them; every `/imagine` reads them through `QuotaService`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from services.quotas.limits import GuildQuota, LimitOverrides, MemberOverride, OverBudget
from services.storage.job_store import Store
from services.storage.tables import exempt_roles, guild_quota, member_overrides, role_limits

_UNSET: Any = object()


class QuotaSettings:
    """Reads and writes the quota settings of guilds."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def guild(self, guild_id: int) -> GuildQuota:
        """Everything the guild's admins set (defaults where they set nothing)."""
        async with self._store.read() as connection:
            row = (await connection.execute(sa.select(guild_quota).where(guild_quota.c.guild_id == guild_id))).first()
            roles = await connection.execute(sa.select(role_limits).where(role_limits.c.guild_id == guild_id))
            exempt = await connection.execute(
                sa.select(exempt_roles.c.role_id).where(exempt_roles.c.guild_id == guild_id)
            )
            return GuildQuota(
                overrides=_overrides(row) if row is not None else LimitOverrides(),
                guild_daily_images=row.guild_daily_images if row is not None else None,
                role_limits={r.role_id: _overrides(r) for r in roles},
                exempt_roles=frozenset(r.role_id for r in exempt),
                monthly_credits=row.monthly_credits if row is not None else None,
                over_budget=_over_budget(row),
            )

    async def for_member(
        self, guild_id: int, user_id: int, role_ids: Iterable[int]
    ) -> tuple[GuildQuota, MemberOverride | None]:
        """What applies to one member with these roles: the guild's settings (of these roles only) and the
        member's override, read in one statement (every `/imagine` asks)."""
        values = {"guild_id": guild_id, "user_id": user_id, "role_ids": list(role_ids)}
        async with self._store.read() as connection:
            rows = (await connection.execute(_MEMBER_QUERY, values)).all()
        guild = next((row for row in rows if row.kind == "guild"), None)
        member = next((row for row in rows if row.kind == "member"), None)
        quota = GuildQuota(
            overrides=_overrides(guild) if guild is not None else LimitOverrides(),
            guild_daily_images=guild.guild_daily_images if guild is not None else None,
            role_limits={row.ref: _overrides(row) for row in rows if row.kind == "role"},
            exempt_roles=frozenset(row.ref for row in rows if row.kind == "exempt"),
            monthly_credits=guild.monthly_credits if guild is not None else None,
            over_budget=_over_budget(guild),
        )
        override = None if member is None else MemberOverride(bonus_images=member.bonus_images, blocked=member.blocked)
        return quota, override

    async def members(self, guild_id: int) -> dict[int, MemberOverride]:
        """Every member override of a guild."""
        query = sa.select(member_overrides).where(member_overrides.c.guild_id == guild_id)
        async with self._store.read() as connection:
            rows = await connection.execute(query)
            return {r.user_id: MemberOverride(bonus_images=r.bonus_images, blocked=r.blocked) for r in rows}

    async def member(self, guild_id: int, user_id: int) -> MemberOverride | None:
        """A member's override in a guild, if any."""
        async with self._store.read() as connection:
            row = (
                await connection.execute(
                    sa.select(member_overrides).where(
                        member_overrides.c.guild_id == guild_id, member_overrides.c.user_id == user_id
                    )
                )
            ).first()
        return None if row is None else MemberOverride(bonus_images=row.bonus_images, blocked=row.blocked)

    async def set_guild(
        self,
        guild_id: int,
        *,
        user_daily_images: int | None = _UNSET,
        max_active_jobs: int | None = _UNSET,
        cooldown_seconds: float | None = _UNSET,
        guild_daily_images: int | None = _UNSET,
        monthly_credits: int | None = _UNSET,
        over_budget: OverBudget | None = _UNSET,
    ) -> None:
        """Set (a value) or reset (None) some of a guild's limits (`monthly_credits` in thousandths of a
        credit) and what happens beyond its budget; the ones not named stay."""
        values = {
            name: value
            for name, value in {
                "user_daily_images": user_daily_images,
                "max_active_jobs": max_active_jobs,
                "cooldown_seconds": cooldown_seconds,
                "guild_daily_images": guild_daily_images,
                "monthly_credits": monthly_credits,
            }.items()
            if value is not _UNSET
        }
        _check_non_negative(values)
        if over_budget is not _UNSET:
            values["over_budget"] = None if over_budget is None else OverBudget(over_budget).value
        await self._store.upsert(guild_quota, {"guild_id": guild_id}, values)

    async def reset_guild(self, guild_id: int) -> None:
        """Go back to the operator's defaults for every limit of a guild, its budget and what happens
        beyond it."""
        await self.set_guild(
            guild_id,
            user_daily_images=None,
            max_active_jobs=None,
            cooldown_seconds=None,
            guild_daily_images=None,
            monthly_credits=None,
            over_budget=None,
        )

    async def set_role(self, guild_id: int, role_id: int, limits: LimitOverrides | None) -> None:
        """Give a role its own limits, or (None) remove them."""
        keys = {"guild_id": guild_id, "role_id": role_id}
        if limits is None:
            await self._store.delete_rows(role_limits, keys)
            return
        values = {
            "user_daily_images": limits.user_daily_images,
            "max_active_jobs": limits.max_active_jobs,
            "cooldown_seconds": limits.cooldown_seconds,
        }
        _check_non_negative(values)
        await self._store.upsert(role_limits, keys, values)

    async def set_exempt(self, guild_id: int, role_id: int, exempt: bool) -> None:
        """Make a role exempt from the per-member limits, or not."""
        keys = {"guild_id": guild_id, "role_id": role_id}
        if exempt:
            await self._store.upsert(exempt_roles, keys, {})
        else:
            await self._store.delete_rows(exempt_roles, keys)

    async def set_member(self, guild_id: int, user_id: int, override: MemberOverride | None) -> None:
        """Give a member a bonus or block them, or (None) remove their override."""
        keys = {"guild_id": guild_id, "user_id": user_id}
        if override is None:
            await self._store.delete_rows(member_overrides, keys)
            return
        await self._store.upsert(
            member_overrides, keys, {"bonus_images": override.bonus_images, "blocked": override.blocked}
        )


# The columns of `_member_query`'s rows: what kind of setting, the id it is about, and its values (NULL
# where that kind has none).
_MEMBER_COLUMNS: dict[str, Any] = {
    "ref": sa.BigInteger,
    "user_daily_images": sa.Integer,
    "max_active_jobs": sa.Integer,
    "cooldown_seconds": sa.Float,
    "guild_daily_images": sa.Integer,
    "monthly_credits": sa.BigInteger,
    "over_budget": sa.String,
    "bonus_images": sa.Integer,
    "blocked": sa.Boolean,
}


def _part(kind: str, **values: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """One kind of setting as rows of the common shape."""
    columns = [values.get(name, sa.cast(sa.null(), type_)).label(name) for name, type_ in _MEMBER_COLUMNS.items()]
    return sa.select(sa.literal(kind, sa.String).label("kind"), *columns)


def _member_query() -> sa.CompoundSelect[Any]:
    """The guild's row, the limits and exemptions of these roles, and the member's override: UNION ALL,
    with the guild, the member and their roles as parameters (`guild_id`, `user_id`, `role_ids`)."""
    guild_id, user_id = sa.bindparam("guild_id"), sa.bindparam("user_id")
    role_ids = sa.bindparam("role_ids", expanding=True)
    limits = {name: role_limits.c[name] for name in ("user_daily_images", "max_active_jobs", "cooldown_seconds")}
    return sa.union_all(
        _part(
            "guild",
            ref=guild_quota.c.guild_id,
            user_daily_images=guild_quota.c.user_daily_images,
            max_active_jobs=guild_quota.c.max_active_jobs,
            cooldown_seconds=guild_quota.c.cooldown_seconds,
            guild_daily_images=guild_quota.c.guild_daily_images,
            monthly_credits=guild_quota.c.monthly_credits,
            over_budget=guild_quota.c.over_budget,
        ).where(guild_quota.c.guild_id == guild_id),
        _part("role", ref=role_limits.c.role_id, **limits).where(
            role_limits.c.guild_id == guild_id, role_limits.c.role_id.in_(role_ids)
        ),
        _part("exempt", ref=exempt_roles.c.role_id).where(
            exempt_roles.c.guild_id == guild_id, exempt_roles.c.role_id.in_(role_ids)
        ),
        _part(
            "member",
            ref=member_overrides.c.user_id,
            bonus_images=member_overrides.c.bonus_images,
            blocked=member_overrides.c.blocked,
        ).where(member_overrides.c.guild_id == guild_id, member_overrides.c.user_id == user_id),
    )


# Built once: constructing this statement cost more of the event loop than running it (every /imagine).
_MEMBER_QUERY = _member_query()


def _overrides(row: sa.Row[Any]) -> LimitOverrides:
    return LimitOverrides(
        user_daily_images=row.user_daily_images,
        max_active_jobs=row.max_active_jobs,
        cooldown_seconds=row.cooldown_seconds,
    )


def _over_budget(row: sa.Row[Any] | None) -> OverBudget | None:
    return None if row is None or row.over_budget is None else OverBudget(row.over_budget)


def _check_non_negative(values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is not None and value < 0:
            raise ValueError(f"{name} must not be negative")
