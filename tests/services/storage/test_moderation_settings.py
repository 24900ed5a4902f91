from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import regex

from services.moderation.blocked_terms import BlockedTerm, InvalidTerm, TermProblem
from services.moderation.guild_policy import ChannelMode, ChannelRule, Visibility
from services.storage import moderation_settings
from services.storage.job_store import Store
from services.storage.moderation_settings import ModerationSettings
from tests.fakes import FakeClock

GUILD = 77


@pytest.fixture
async def settings(database_url: str) -> AsyncIterator[ModerationSettings]:
    store = await Store.open(database_url)
    yield ModerationSettings(store, FakeClock().now)
    await store.close()


async def test_a_new_guild_has_the_open_defaults(settings: ModerationSettings) -> None:
    policy = await settings.policy(GUILD)
    assert policy.channel_mode is ChannelMode.EVERYWHERE
    assert (policy.channels, policy.allowed_roles, policy.terms, policy.audit_channel_id) == ({}, frozenset(), (), None)


async def test_channel_rules_are_merged_part_by_part(settings: ModerationSettings) -> None:
    await settings.set_channel(GUILD, 5, listed=True)
    await settings.set_channel(GUILD, 5, approval=True)
    await settings.set_channel(GUILD, 5, visibility=Visibility.EPHEMERAL)
    assert (await settings.policy(GUILD)).channels == {5: ChannelRule(True, True, Visibility.EPHEMERAL)}


async def test_changes_are_visible_at_once_despite_the_cache(settings: ModerationSettings) -> None:
    await settings.policy(GUILD)
    await settings.set_channel_mode(GUILD, ChannelMode.ALLOW_LIST)
    await settings.set_audit_channel(GUILD, 9)
    await settings.set_role_allowed(GUILD, 3, True)
    policy = await settings.policy(GUILD)
    assert (policy.channel_mode, policy.audit_channel_id, policy.allowed_roles) == (
        ChannelMode.ALLOW_LIST,
        9,
        frozenset({3}),
    )


async def test_terms_are_added_once_and_removed(settings: ModerationSettings) -> None:
    assert await settings.add_term(GUILD, BlockedTerm("gore"))
    assert not await settings.add_term(GUILD, BlockedTerm("gore"))
    assert await settings.add_term(GUILD, BlockedTerm(r"blood\w*", is_regex=True))
    assert len((await settings.policy(GUILD)).terms) == 2
    assert await settings.remove_term(GUILD, BlockedTerm("gore"))
    assert not await settings.remove_term(GUILD, BlockedTerm("gore"))


async def test_an_invalid_pattern_is_refused_and_nothing_is_stored(settings: ModerationSettings) -> None:
    with pytest.raises(InvalidTerm):
        await settings.add_term(GUILD, BlockedTerm("(oops", is_regex=True))
    assert (await settings.policy(GUILD)).terms == ()


@pytest.mark.parametrize("term", ["go\x00re", "go\tre", "gore\x85", "\x00"])
async def test_a_term_with_a_control_character_is_refused_and_nothing_is_stored(
    settings: ModerationSettings, term: str
) -> None:
    with pytest.raises(InvalidTerm) as caught:
        await settings.add_term(GUILD, BlockedTerm(term))
    assert caught.value.problem is TermProblem.CONTROL_CHARACTER
    assert caught.value.values["character"] == f"U+{ord(next(c for c in term if not c.isalpha())):04X}"
    assert (await settings.policy(GUILD)).terms == ()


async def test_a_pattern_with_a_control_character_is_refused_but_its_escape_is_stored(
    settings: ModerationSettings,
) -> None:
    with pytest.raises(InvalidTerm) as caught:
        await settings.add_term(GUILD, BlockedTerm("go\x00re", is_regex=True))
    assert caught.value.problem is TermProblem.CONTROL_CHARACTER
    assert await settings.add_term(GUILD, BlockedTerm(r"go\x00re", is_regex=True))
    assert (await settings.policy(GUILD)).terms == (BlockedTerm(r"go\x00re", is_regex=True),)


async def test_a_term_past_the_most_a_server_may_block_is_refused(
    settings: ModerationSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moderation_settings, "MAX_TERMS", 2)
    assert await settings.add_term(GUILD, BlockedTerm("gore"))
    assert await settings.add_term(GUILD, BlockedTerm("blood"))
    with pytest.raises(InvalidTerm) as caught:
        await settings.add_term(GUILD, BlockedTerm("guts"))
    assert (caught.value.problem, caught.value.values) == (TermProblem.TOO_MANY_TERMS, {"maximum": 2})
    assert len((await settings.policy(GUILD)).terms) == 2


async def test_settings_of_one_guild_do_not_leak_into_another(settings: ModerationSettings) -> None:
    await settings.add_term(GUILD, BlockedTerm("gore"))
    assert (await settings.policy(GUILD + 1)).terms == ()


async def test_a_change_written_while_a_read_is_in_flight_is_not_undone_by_the_cache(
    settings: ModerationSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = settings._load
    reading, release = asyncio.Event(), asyncio.Event()

    async def slow_load(guild_id: int):  # type: ignore[no-untyped-def]
        policy = await real_load(guild_id)
        reading.set()
        await release.wait()
        return policy

    monkeypatch.setattr(settings, "_load", slow_load)
    stale_read = asyncio.create_task(settings.policy(GUILD))
    await reading.wait()
    monkeypatch.setattr(settings, "_load", real_load)
    await settings.set_channel_mode(GUILD, ChannelMode.ALLOW_LIST)
    release.set()
    assert (await stale_read).channel_mode is ChannelMode.EVERYWHERE
    assert (await settings.policy(GUILD)).channel_mode is ChannelMode.ALLOW_LIST


@dataclass
class Compilations:
    """Every compilation of a blocked term (the real one, counted), and the thread it ran in."""

    threads: list[str] = field(default_factory=list)

    def count(self) -> int:
        return len(self.threads)


@pytest.fixture
def compilations(monkeypatch: pytest.MonkeyPatch) -> Compilations:
    seen = Compilations()
    real_pattern = BlockedTerm.pattern

    def counted(term: BlockedTerm) -> regex.Pattern[str]:
        seen.threads.append(threading.current_thread().name)
        return real_pattern(term)

    monkeypatch.setattr(BlockedTerm, "pattern", counted)
    return seen


@pytest.fixture
async def timed(database_url: str) -> AsyncIterator[tuple[ModerationSettings, FakeClock, Store]]:
    clock = FakeClock()
    store = await Store.open(database_url)
    yield ModerationSettings(store, clock.now), clock, store
    await store.close()


async def test_a_policy_read_after_the_cache_expired_does_not_recompile_unchanged_terms(
    timed: tuple[ModerationSettings, FakeClock, Store], compilations: Compilations
) -> None:
    settings, clock, _ = timed
    await settings.add_term(GUILD, BlockedTerm("gore"))
    await settings.add_term(GUILD, BlockedTerm(r"blood\w*", is_regex=True))
    first = await settings.policy(GUILD)
    assert first.check(1, None, frozenset(), "so much g0re").refusal is not None
    compiled = compilations.count()
    clock.time += moderation_settings.CACHE_SECONDS + 1
    again = await settings.policy(GUILD)
    assert again is not first
    assert again.check(1, None, frozenset(), "bloody").refusal is not None
    assert compilations.count() == compiled


async def test_a_change_of_the_terms_compiles_them_anew(
    timed: tuple[ModerationSettings, FakeClock, Store], compilations: Compilations
) -> None:
    settings, _, _ = timed
    await settings.add_term(GUILD, BlockedTerm("gore"))
    assert (await settings.policy(GUILD)).check(1, None, frozenset(), "guts").refusal is None
    compiled = compilations.count()
    await settings.add_term(GUILD, BlockedTerm("guts"))
    assert (await settings.policy(GUILD)).check(1, None, frozenset(), "guts").refusal is not None
    assert compilations.count() > compiled


async def test_terms_another_process_changed_are_compiled_anew_once_the_cache_expired(
    timed: tuple[ModerationSettings, FakeClock, Store],
) -> None:
    settings, clock, store = timed
    other_process = ModerationSettings(store, clock.now)
    await settings.add_term(GUILD, BlockedTerm("gore"))
    assert (await settings.policy(GUILD)).check(1, None, frozenset(), "guts").refusal is None
    await other_process.add_term(GUILD, BlockedTerm("guts"))
    clock.time += moderation_settings.CACHE_SECONDS + 1
    assert (await settings.policy(GUILD)).check(1, None, frozenset(), "guts").refusal is not None


async def test_blocked_terms_are_compiled_off_the_event_loop(
    timed: tuple[ModerationSettings, FakeClock, Store], compilations: Compilations
) -> None:
    settings, _, _ = timed
    await settings.add_term(GUILD, BlockedTerm("gore"))
    await settings.policy(GUILD)
    loop_thread = threading.current_thread().name
    assert compilations.threads
    assert loop_thread not in compilations.threads


@pytest.fixture
async def with_operator_terms(database_url: str) -> AsyncIterator[ModerationSettings]:
    store = await Store.open(database_url)
    yield ModerationSettings(store, FakeClock().now, operator_terms=(BlockedTerm("gore"), BlockedTerm("gu+ts", True)))
    await store.close()


async def test_the_operators_terms_are_refused_in_every_guild_besides_its_own(
    with_operator_terms: ModerationSettings,
) -> None:
    await with_operator_terms.add_term(GUILD, BlockedTerm("blood"))
    policy = await with_operator_terms.policy(GUILD)
    assert policy.terms == (BlockedTerm("blood"),)
    for prompt in ("so much g0re", "guuuts", "blood"):
        assert policy.check(1, None, frozenset(), prompt).refusal is not None
    assert (await with_operator_terms.policy(GUILD + 1)).check(1, None, frozenset(), "gore!").refusal is not None


async def test_the_operators_terms_are_compiled_once_for_direct_messages(
    with_operator_terms: ModerationSettings,
) -> None:
    matcher = await with_operator_terms.operator_matcher()
    assert matcher is await with_operator_terms.operator_matcher()
    assert matcher.first_match("||gore||") == BlockedTerm("gore")
    assert matcher.first_match("a calm lake") is None
