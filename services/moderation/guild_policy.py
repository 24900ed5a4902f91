"""A guild's moderation rules and the check every `/imagine` passes before anything is spent (pure)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property

from services.moderation.blocked_terms import BlockedTerm, TermMatcher


class ChannelMode(enum.StrEnum):
    """Where `/imagine` works in a guild."""

    EVERYWHERE = "everywhere"
    ALLOW_LIST = "allow-list"  # only in the listed channels (and their threads)
    DENY_LIST = "deny-list"  # everywhere but the listed channels (and their threads)


class Visibility(enum.StrEnum):
    """Who sees a channel's results."""

    PUBLIC = "public"
    EPHEMERAL = "ephemeral"  # only the requester


@dataclass(frozen=True)
class ChannelRule:
    """What admins set for one channel."""

    listed: bool = False
    approval: bool = False
    visibility: Visibility = Visibility.PUBLIC
    spoiler: bool = False  # every result shown behind a spoiler (servers with young members)


class RefusalReason(enum.StrEnum):
    """Why the policy refused a request."""

    CHANNEL = "channel"
    ROLE = "role"
    TERM = "term"


@dataclass(frozen=True)
class PolicyRefusal:
    """A refusal, with what the requester may be told (channels) and what only the audit log sees."""

    reason: RefusalReason
    allowed_channels: tuple[int, ...] = ()
    excluded_channels: tuple[int, ...] = ()
    term: BlockedTerm | None = None


@dataclass(frozen=True)
class PolicyDecision:
    """The outcome of the check: a refusal, or how the job runs (approval first, who sees results)."""

    refusal: PolicyRefusal | None = None
    approval: bool = False
    visibility: Visibility = Visibility.PUBLIC


@dataclass(frozen=True)
class GuildPolicy:
    """Everything a guild's admins set about where, who and what."""

    guild_id: int
    channel_mode: ChannelMode = ChannelMode.EVERYWHERE
    channels: dict[int, ChannelRule] = field(default_factory=dict)
    allowed_roles: frozenset[int] = frozenset()
    terms: tuple[BlockedTerm, ...] = ()
    audit_channel_id: int | None = None
    # The operator's terms (`BLOCKED_TERMS_FILE`), blocked on top of the guild's own.
    operator_terms: tuple[BlockedTerm, ...] = ()
    # The terms compiled by whoever loaded them (`storage.moderation_settings`, once per change of the
    # terms); compiled here, on first use, when not given.
    compiled_terms: TermMatcher | None = field(default=None, compare=False, repr=False)

    @property
    def all_terms(self) -> tuple[BlockedTerm, ...]:
        """The operator's terms, then the guild's."""
        return self.operator_terms + self.terms

    @cached_property
    def matcher(self) -> TermMatcher:
        """The compiled blocked terms, the operator's and the guild's."""
        if self.compiled_terms is not None and self.compiled_terms.terms == self.all_terms:
            return self.compiled_terms
        return TermMatcher(self.all_terms)

    def rule(self, channel_id: int, parent_id: int | None = None) -> ChannelRule:
        """The channel's rule. A thread gets its parent's rule combined with its own, the stricter of the
        two for approval, visibility and spoilers: a thread's setting can add approval or privacy, never drop it."""
        own = self.channels.get(channel_id, ChannelRule())
        parent = self.channels.get(parent_id, ChannelRule()) if parent_id is not None else ChannelRule()
        private = Visibility.EPHEMERAL in {own.visibility, parent.visibility}
        return ChannelRule(
            listed=own.listed or parent.listed,
            approval=own.approval or parent.approval,
            visibility=Visibility.EPHEMERAL if private else Visibility.PUBLIC,
            spoiler=own.spoiler or parent.spoiler,
        )

    def listed_channels(self) -> tuple[int, ...]:
        """The channels on the allow- or deny-list."""
        return tuple(channel for channel, rule in self.channels.items() if rule.listed)

    def channel_allowed(self, channel_id: int, parent_id: int | None = None) -> bool:
        """Whether `/imagine` works in this channel (or thread)."""
        listed = self.rule(channel_id, parent_id).listed
        if self.channel_mode == ChannelMode.ALLOW_LIST:
            return listed
        if self.channel_mode == ChannelMode.DENY_LIST:
            return not listed
        return True

    def check(self, channel_id: int, parent_id: int | None, role_ids: frozenset[int], prompt: str) -> PolicyDecision:
        """Channel, then role, then blocked terms; the first that refuses decides. Matching the terms can
        take up to `blocked_terms.CHECK_SECONDS`: call it in a worker thread."""
        if not self.channel_allowed(channel_id, parent_id):
            listed = self.listed_channels()
            allowed = listed if self.channel_mode == ChannelMode.ALLOW_LIST else ()
            excluded = listed if self.channel_mode == ChannelMode.DENY_LIST else ()
            return PolicyDecision(
                PolicyRefusal(RefusalReason.CHANNEL, allowed_channels=allowed, excluded_channels=excluded)
            )
        if self.allowed_roles and not (role_ids & self.allowed_roles):
            return PolicyDecision(PolicyRefusal(RefusalReason.ROLE))
        term = self.matcher.first_match(prompt)
        if term is not None:
            return PolicyDecision(PolicyRefusal(RefusalReason.TERM, term=term))
        rule = self.rule(channel_id, parent_id)
        return PolicyDecision(approval=rule.approval, visibility=rule.visibility)
