from __future__ import annotations

from services.moderation.blocked_terms import BlockedTerm, TermMatcher
from services.moderation.guild_policy import ChannelMode, ChannelRule, GuildPolicy, RefusalReason, Visibility

GENERAL, ART, THREAD_IN_ART = 1, 2, 3
MEMBER, ARTIST = 10, 11
NO_ROLES: frozenset[int] = frozenset()


def policy(**changes: object) -> GuildPolicy:
    return GuildPolicy(guild_id=100, **changes)  # type: ignore[arg-type]


def test_everything_is_allowed_by_default() -> None:
    decision = policy().check(GENERAL, None, NO_ROLES, "a cat")
    assert decision.refusal is None
    assert (decision.approval, decision.visibility) == (False, Visibility.PUBLIC)


def test_an_allow_list_refuses_other_channels_and_names_the_allowed_ones() -> None:
    rules = {ART: ChannelRule(listed=True)}
    decision = policy(channel_mode=ChannelMode.ALLOW_LIST, channels=rules).check(GENERAL, None, NO_ROLES, "a cat")
    assert decision.refusal is not None
    assert decision.refusal.reason is RefusalReason.CHANNEL
    assert decision.refusal.allowed_channels == (ART,)


def test_threads_of_an_allowed_channel_are_allowed() -> None:
    rules = {ART: ChannelRule(listed=True)}
    decision = policy(channel_mode=ChannelMode.ALLOW_LIST, channels=rules).check(THREAD_IN_ART, ART, NO_ROLES, "x")
    assert decision.refusal is None


def test_a_deny_list_refuses_the_listed_channels_and_their_threads() -> None:
    denied = policy(channel_mode=ChannelMode.DENY_LIST, channels={ART: ChannelRule(listed=True)})
    assert denied.check(ART, None, NO_ROLES, "x").refusal is not None
    assert denied.check(THREAD_IN_ART, ART, NO_ROLES, "x").refusal is not None
    assert denied.check(GENERAL, None, NO_ROLES, "x").refusal is None


def test_a_deny_list_refusal_does_not_list_channels() -> None:
    denied = policy(channel_mode=ChannelMode.DENY_LIST, channels={ART: ChannelRule(listed=True)})
    assert denied.check(ART, None, NO_ROLES, "x").refusal.allowed_channels == ()


def test_allowed_roles_refuse_members_without_them() -> None:
    restricted = policy(allowed_roles=frozenset({ARTIST}))
    assert restricted.check(GENERAL, None, frozenset({MEMBER}), "x").refusal.reason is RefusalReason.ROLE
    assert restricted.check(GENERAL, None, frozenset({MEMBER, ARTIST}), "x").refusal is None


def test_blocked_terms_refuse_and_carry_the_term_for_the_audit_log() -> None:
    refusal = policy(terms=(BlockedTerm("gore"),)).check(GENERAL, None, NO_ROLES, "lots of g0re").refusal
    assert refusal.reason is RefusalReason.TERM
    assert refusal.term == BlockedTerm("gore")


def test_the_channel_is_checked_before_the_terms() -> None:
    strict = policy(channel_mode=ChannelMode.ALLOW_LIST, terms=(BlockedTerm("gore"),))
    assert strict.check(GENERAL, None, NO_ROLES, "gore").refusal.reason is RefusalReason.CHANNEL


def test_approval_and_visibility_follow_the_channel_and_its_threads() -> None:
    rules = {ART: ChannelRule(approval=True, visibility=Visibility.EPHEMERAL)}
    decision = policy(channels=rules).check(THREAD_IN_ART, ART, NO_ROLES, "x")
    assert (decision.approval, decision.visibility) == (True, Visibility.EPHEMERAL)


def test_a_threads_own_rule_cannot_lift_its_parents_approval_or_privacy() -> None:
    rules = {
        ART: ChannelRule(approval=True, visibility=Visibility.EPHEMERAL),
        THREAD_IN_ART: ChannelRule(approval=False, visibility=Visibility.PUBLIC),
    }
    decision = policy(channels=rules).check(THREAD_IN_ART, ART, NO_ROLES, "x")
    assert (decision.approval, decision.visibility) == (True, Visibility.EPHEMERAL)


def test_a_threads_own_rule_can_add_approval() -> None:
    rules = {THREAD_IN_ART: ChannelRule(approval=True)}
    assert policy(channels=rules).check(THREAD_IN_ART, ART, NO_ROLES, "x").approval is True


def test_a_thread_of_a_denied_channel_stays_denied_whatever_its_own_rule() -> None:
    rules = {ART: ChannelRule(listed=True), THREAD_IN_ART: ChannelRule(visibility=Visibility.EPHEMERAL)}
    denied = policy(channel_mode=ChannelMode.DENY_LIST, channels=rules)
    refusal = denied.check(THREAD_IN_ART, ART, NO_ROLES, "x").refusal
    assert refusal is not None
    assert refusal.excluded_channels == (ART,)


def test_a_policy_uses_the_terms_compiled_for_it() -> None:
    terms = (BlockedTerm("gore"),)
    compiled = TermMatcher(terms)
    assert policy(terms=terms, compiled_terms=compiled).matcher is compiled


def test_terms_compiled_for_other_terms_are_not_used() -> None:
    stale = TermMatcher((BlockedTerm("gore"),))
    guarded = policy(terms=(BlockedTerm("guts"),), compiled_terms=stale)
    assert guarded.check(GENERAL, None, NO_ROLES, "guts").refusal is not None
    assert guarded.check(GENERAL, None, NO_ROLES, "gore").refusal is None


def test_the_operators_terms_refuse_whatever_the_guilds_terms() -> None:
    guarded = policy(operator_terms=(BlockedTerm("gore"),), terms=(BlockedTerm("guts"),))
    assert guarded.check(GENERAL, None, NO_ROLES, "gore!").refusal.term == BlockedTerm("gore")
    assert guarded.check(GENERAL, None, NO_ROLES, "guts").refusal.term == BlockedTerm("guts")
