from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.quotas.limits import LimitOverrides, Limits, MemberOverride
from services.quotas.service import QuotaService
from services.storage.job_store import Store
from services.storage.quota_settings import QuotaSettings

DEFAULTS = Limits(user_daily_images=20, max_active_jobs=3, cooldown_seconds=0.0, guild_daily_images=200)
GUILD = 555


@pytest.fixture
async def settings(database_url: str) -> AsyncIterator[QuotaSettings]:
    store = await Store.open(database_url)
    yield QuotaSettings(store)
    await store.close()


async def test_an_unknown_guild_has_no_settings(settings: QuotaSettings) -> None:
    guild = await settings.guild(GUILD)
    assert guild.overrides == LimitOverrides()
    assert guild.guild_daily_images is None
    assert guild.role_limits == {}


async def test_guild_limits_are_stored_and_can_be_reset_one_by_one(settings: QuotaSettings) -> None:
    await settings.set_guild(GUILD, user_daily_images=5, guild_daily_images=40)
    await settings.set_guild(GUILD, cooldown_seconds=15.0)
    await settings.set_guild(GUILD, user_daily_images=None)
    guild = await settings.guild(GUILD)
    assert guild.overrides == LimitOverrides(user_daily_images=None, cooldown_seconds=15.0)
    assert guild.guild_daily_images == 40


async def test_negative_limits_are_refused_and_nothing_is_stored(settings: QuotaSettings) -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        await settings.set_guild(GUILD, user_daily_images=-1)
    assert (await settings.guild(GUILD)).overrides == LimitOverrides()


async def test_role_limits_and_exempt_roles_round_trip(settings: QuotaSettings) -> None:
    await settings.set_role(GUILD, 7, LimitOverrides(user_daily_images=50))
    await settings.set_exempt(GUILD, 8, True)
    guild = await settings.guild(GUILD)
    assert guild.role_limits == {7: LimitOverrides(user_daily_images=50)}
    assert guild.exempt_roles == frozenset({8})
    await settings.set_role(GUILD, 7, None)
    await settings.set_exempt(GUILD, 8, False)
    guild = await settings.guild(GUILD)
    assert (guild.role_limits, guild.exempt_roles) == ({}, frozenset())


async def test_member_overrides_round_trip(settings: QuotaSettings) -> None:
    await settings.set_member(GUILD, 42, MemberOverride(bonus_images=10))
    assert await settings.member(GUILD, 42) == MemberOverride(bonus_images=10)
    await settings.set_member(GUILD, 42, None)
    assert await settings.member(GUILD, 42) is None


async def test_settings_are_per_guild(settings: QuotaSettings) -> None:
    await settings.set_guild(GUILD, user_daily_images=5)
    assert (await settings.guild(GUILD + 1)).overrides == LimitOverrides()


async def test_the_service_combines_defaults_guild_roles_and_member(settings: QuotaSettings) -> None:
    service = QuotaService(settings, DEFAULTS)
    await settings.set_guild(GUILD, user_daily_images=5)
    await settings.set_role(GUILD, 7, LimitOverrides(user_daily_images=12))
    await settings.set_member(GUILD, 42, MemberOverride(bonus_images=3))
    assert (await service.limits_for(GUILD, 41, [])).user_daily_images == 5
    assert (await service.limits_for(GUILD, 41, [7])).user_daily_images == 12
    assert (await service.limits_for(GUILD, 42, [7])).user_daily_images == 15
    assert (await service.limits_for(None, 42, [7])).user_daily_images == 20


async def test_exempt_members_get_the_operators_limits_through_the_service(settings: QuotaSettings) -> None:
    service = QuotaService(settings, DEFAULTS)
    await settings.set_guild(GUILD, user_daily_images=2)
    await settings.set_exempt(GUILD, 8, True)
    assert (await service.limits_for(GUILD, 1, [8])).user_daily_images == DEFAULTS.user_daily_images


async def test_the_one_prepared_statement_reads_each_members_own_roles_and_override(settings: QuotaSettings) -> None:
    await settings.set_role(GUILD, 7, LimitOverrides(user_daily_images=12))
    await settings.set_exempt(GUILD, 8, True)
    await settings.set_member(GUILD, 41, MemberOverride(bonus_images=2))
    first, first_override = await settings.for_member(GUILD, 41, [7, GUILD])
    second, second_override = await settings.for_member(GUILD, 42, [8])
    none, none_override = await settings.for_member(GUILD, 43, [])
    assert (set(first.role_limits), first.exempt_roles, first_override) == ({7}, frozenset(), MemberOverride(2))
    assert (set(second.role_limits), second.exempt_roles, second_override) == (set(), {8}, None)
    assert (none.role_limits, none.exempt_roles, none_override) == ({}, frozenset(), None)
