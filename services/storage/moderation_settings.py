"""Moderation settings in the store, with a short-lived cache so every `/imagine` can be checked before
it is acknowledged without waiting on the database. A guild's blocked terms are compiled once per
change, in a worker thread: a policy read again after the cache expired reuses the compiled terms when
the terms read are the same (the terms themselves are the version, so other processes' changes count)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from services.moderation.blocked_terms import BlockedTerm, InvalidTerm, TermMatcher, TermProblem
from services.moderation.guild_policy import ChannelMode, ChannelRule, GuildPolicy, Visibility
from services.storage.job_store import Store
from services.storage.tables import allowed_roles, blocked_terms, channel_rules, guild_settings

CACHE_SECONDS = 30.0
MAX_TERMS = 500


class ModerationSettings:
    """Reads and changes guilds' moderation settings; changes made here are visible at once."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], float],
        cache_seconds: float = CACHE_SECONDS,
        operator_terms: Sequence[BlockedTerm] = (),
    ) -> None:
        self._store = store
        self._clock = clock
        self._cache_seconds = cache_seconds
        self._cache: dict[int, tuple[float, GuildPolicy]] = {}
        self._generation = 0
        self._operator_terms = tuple(operator_terms)  # `BLOCKED_TERMS_FILE`: every guild's, and DMs'
        self._matchers: dict[int | None, TermMatcher] = {}  # by guild (None: DMs): its terms as last compiled

    async def operator_matcher(self) -> TermMatcher:
        """The operator's terms compiled (once), for prompts outside any guild: direct messages."""
        return await self._matcher(None, self._operator_terms)

    async def policy(self, guild_id: int) -> GuildPolicy:
        """The guild's policy (cached for a few seconds; other processes' changes show within that)."""
        cached = self._cache.get(guild_id)
        if cached is not None and self._clock() - cached[0] < self._cache_seconds:
            return cached[1]
        generation = self._generation
        loaded = dataclasses.replace(await self._load(guild_id), operator_terms=self._operator_terms)
        policy = dataclasses.replace(loaded, compiled_terms=await self._matcher(guild_id, loaded.all_terms))
        if generation == self._generation:  # no change was written while it loaded: safe to keep
            self._cache[guild_id] = (self._clock(), policy)
        return policy

    async def _matcher(self, guild_id: int | None, terms: tuple[BlockedTerm, ...]) -> TermMatcher:
        """The guild's terms compiled: the last compilation while they are the same, else compiled anew
        in a worker thread (hundreds of patterns would hold the event loop for a noticeable time)."""
        known = self._matchers.get(guild_id)
        if known is not None and known.terms == terms:
            return known
        matcher = await asyncio.to_thread(TermMatcher, terms) if terms else TermMatcher(())
        self._matchers[guild_id] = matcher
        return matcher

    async def _load(self, guild_id: int) -> GuildPolicy:
        async with self._store.read() as connection:
            settings = (
                await connection.execute(sa.select(guild_settings).where(guild_settings.c.guild_id == guild_id))
            ).first()
            rules = await connection.execute(sa.select(channel_rules).where(channel_rules.c.guild_id == guild_id))
            roles = await connection.execute(
                sa.select(allowed_roles.c.role_id).where(allowed_roles.c.guild_id == guild_id)
            )
            terms = await connection.execute(
                sa.select(blocked_terms.c.text, blocked_terms.c.is_regex)
                .where(blocked_terms.c.guild_id == guild_id)
                .order_by(blocked_terms.c.text)
            )
            return GuildPolicy(
                guild_id=guild_id,
                channel_mode=ChannelMode(settings.channel_mode) if settings else ChannelMode.EVERYWHERE,
                channels={
                    r.channel_id: ChannelRule(r.listed, r.approval, Visibility(r.visibility), r.spoiler) for r in rules
                },
                allowed_roles=frozenset(r.role_id for r in roles),
                terms=tuple(BlockedTerm(t.text, t.is_regex) for t in terms),
                audit_channel_id=settings.audit_channel_id if settings else None,
            )

    async def set_channel_mode(self, guild_id: int, mode: ChannelMode) -> None:
        """Everywhere, only the listed channels, or all but the listed channels."""
        await self._set(guild_settings, {"guild_id": guild_id}, {"channel_mode": mode.value})

    async def set_audit_channel(self, guild_id: int, channel_id: int | None) -> None:
        """Where the audit log goes (None: nowhere)."""
        await self._set(guild_settings, {"guild_id": guild_id}, {"audit_channel_id": channel_id})

    async def set_channel(
        self,
        guild_id: int,
        channel_id: int,
        *,
        listed: bool | None = None,
        approval: bool | None = None,
        visibility: Visibility | None = None,
        spoiler: bool | None = None,
    ) -> None:
        """Change some of a channel's rule; the parts not named stay."""
        values: dict[str, Any] = {}
        if listed is not None:
            values["listed"] = listed
        if approval is not None:
            values["approval"] = approval
        if visibility is not None:
            values["visibility"] = visibility.value
        if spoiler is not None:
            values["spoiler"] = spoiler
        await self._set(channel_rules, {"guild_id": guild_id, "channel_id": channel_id}, values)

    async def set_role_allowed(self, guild_id: int, role_id: int, allowed: bool) -> None:
        """Add a role to (or take it off) the roles allowed to use `/imagine` (none listed: everyone)."""
        keys = {"guild_id": guild_id, "role_id": role_id}
        if allowed:
            await self._set(allowed_roles, keys, {})
        else:
            await self._unset(allowed_roles, keys)

    async def add_term(self, guild_id: int, term: BlockedTerm) -> bool:
        """Block a term (validated first: `InvalidTerm`, also when the server has blocked `MAX_TERMS`);
        False if it was already blocked."""
        await asyncio.to_thread(term.compile)
        policy = await self._load(guild_id)
        if term in policy.terms:
            return False
        if len(policy.terms) >= MAX_TERMS:
            raise InvalidTerm(TermProblem.TOO_MANY_TERMS, maximum=MAX_TERMS)
        await self._set(blocked_terms, {"guild_id": guild_id, "text": term.text, "is_regex": term.is_regex}, {})
        return True

    async def remove_term(self, guild_id: int, term: BlockedTerm) -> bool:
        """Unblock a term; False if it was not blocked."""
        if term not in (await self._load(guild_id)).terms:
            return False
        await self._unset(blocked_terms, {"guild_id": guild_id, "text": term.text, "is_regex": term.is_regex})
        return True

    async def _set(self, table: sa.Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
        await self._store.upsert(table, keys, values)
        self._forget(keys["guild_id"])

    async def _unset(self, table: sa.Table, keys: dict[str, Any]) -> None:
        await self._store.delete_rows(table, keys)
        self._forget(keys["guild_id"])

    def _forget(self, guild_id: int) -> None:
        self._generation += 1
        self._cache.pop(guild_id, None)
