"""The limits of one `/imagine`: everything the guild set for the member is read in one statement, and
combines as before (the member's roles only, the guild's @everyone role, exemptions, the override)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from services.quotas.limits import LimitOverrides, Limits, MemberOverride
from services.quotas.service import QuotaService
from services.storage.job_store import Store
from services.storage.quota_settings import QuotaSettings

# The operator's limits, which are also the ceilings of what a guild may set.
DEFAULTS = Limits(user_daily_images=100, max_active_jobs=10, cooldown_seconds=1.0, guild_daily_images=500)
GUILD, MEMBER = 555, 42


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(database_url)
    yield opened
    await opened.close()


@pytest.fixture
async def settings(store: Store) -> QuotaSettings:
    return QuotaSettings(store)


@pytest.fixture
def service(settings: QuotaSettings) -> QuotaService:
    return QuotaService(settings, DEFAULTS)


@contextmanager
def counting_statements(store: Store) -> Iterator[list[str]]:
    """The SQL statements the store sends meanwhile."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    sa.event.listen(store.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        sa.event.remove(store.engine.sync_engine, "before_cursor_execute", record)


async def with_everything_set(settings: QuotaSettings) -> None:
    """A guild that set its limits, limits for two roles, an exempt role and a member override."""
    await settings.set_guild(GUILD, user_daily_images=5, cooldown_seconds=2.5, guild_daily_images=50)
    await settings.set_role(GUILD, 7, LimitOverrides(user_daily_images=12, max_active_jobs=6))
    await settings.set_role(GUILD, 9, LimitOverrides(user_daily_images=30))
    await settings.set_exempt(GUILD, 8, True)
    await settings.set_member(GUILD, MEMBER, MemberOverride(bonus_images=3))


async def test_the_limits_of_one_request_are_read_in_one_statement(
    store: Store, settings: QuotaSettings, service: QuotaService
) -> None:
    await with_everything_set(settings)
    with counting_statements(store) as sent:
        await service.limits_for(GUILD, MEMBER, [7, 8, 9])
    assert len(sent) == 1, sent


async def test_the_guild_the_members_roles_and_the_override_combine(
    settings: QuotaSettings, service: QuotaService
) -> None:
    await with_everything_set(settings)
    limits = await service.limits_for(GUILD, MEMBER, [7])
    assert limits == Limits(
        user_daily_images=15, max_active_jobs=6, cooldown_seconds=2.5, guild_daily_images=50, exempt=False
    )


async def test_limits_of_roles_the_member_does_not_hold_do_not_apply(
    settings: QuotaSettings, service: QuotaService
) -> None:
    await with_everything_set(settings)
    limits = await service.limits_for(GUILD, 41, [])
    assert (limits.user_daily_images, limits.max_active_jobs, limits.exempt) == (5, 10, False)


async def test_the_guilds_everyone_role_applies_to_every_member(settings: QuotaSettings, service: QuotaService) -> None:
    await settings.set_role(GUILD, GUILD, LimitOverrides(max_active_jobs=9))
    assert (await service.limits_for(GUILD, 41, [])).max_active_jobs == 9


async def test_an_exempt_role_held_frees_the_member_from_the_guilds_limits(
    settings: QuotaSettings, service: QuotaService
) -> None:
    await with_everything_set(settings)
    limits = await service.limits_for(GUILD, 41, [8])
    assert (limits.user_daily_images, limits.cooldown_seconds, limits.exempt) == (100, 1.0, True)


async def test_a_blocked_member_is_blocked(settings: QuotaSettings, service: QuotaService) -> None:
    await settings.set_member(GUILD, MEMBER, MemberOverride(blocked=True))
    limits = await service.limits_for(GUILD, MEMBER, [])
    assert (limits.blocked, limits.user_daily_images) == (True, 0)


async def test_a_guild_that_set_nothing_gets_the_defaults(service: QuotaService) -> None:
    assert await service.limits_for(GUILD, MEMBER, [7]) == DEFAULTS
