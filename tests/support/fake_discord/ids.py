"""Snowflakes, fixed default ids and timestamps of the fake Discord."""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime

DISCORD_EPOCH_MS = 1_420_070_400_000
"""Milliseconds of the Unix epoch at which Discord snowflakes start (2015-01-01)."""

BOT_USER_ID = 1_250_000_000_000_000_001
APPLICATION_ID = BOT_USER_ID
"""The application id equals the bot user id, as for every bot created since 2020."""
OWNER_USER_ID = 1_250_000_000_000_000_002
DEFAULT_GUILD_ID = 1_250_000_000_000_000_100
DEFAULT_CHANNEL_ID = 1_250_000_000_000_000_200
OTHER_CHANNEL_ID = 1_250_000_000_000_000_201
BOT_ROLE_ID = 1_250_000_000_000_000_300
ADMIN_ROLE_ID = 1_250_000_000_000_000_301
DEFAULT_USER_ID = 1_250_000_000_000_000_400
OTHER_USER_ID = 1_250_000_000_000_000_401
ADMIN_USER_ID = 1_250_000_000_000_000_402


def make_snowflake(timestamp_ms: int, sequence: int = 0) -> int:
    """Build a snowflake from a Unix time in milliseconds and a 22-bit sequence part."""
    return ((timestamp_ms - DISCORD_EPOCH_MS) << 22) | (sequence & 0x3FFFFF)


def snowflake_for_shard(shard_id: int, shard_count: int, *, offset: int = 0) -> int:
    """Return a fixed guild id that Discord routes to ``shard_id`` of ``shard_count`` shards.

    Discord sends a guild to shard ``(guild_id >> 22) % shard_count``; ``offset`` picks another id
    on the same shard.
    """
    base_ms = (DEFAULT_GUILD_ID >> 22) + offset * shard_count
    base_ms -= base_ms % shard_count
    return ((base_ms + shard_id) << 22) | 0x7


def shard_of(guild_id: int, shard_count: int) -> int:
    """Return the shard id that owns ``guild_id`` when the bot runs ``shard_count`` shards."""
    return (guild_id >> 22) % shard_count


class SnowflakeGenerator:
    """Hands out strictly increasing snowflakes whose timestamp part is the current time."""

    def __init__(self) -> None:
        self._last = 0
        self._sequence = itertools.count()

    def next(self) -> int:
        """Return a new snowflake, greater than every one returned before."""
        candidate = make_snowflake(int(time.time() * 1000), next(self._sequence) & 0xFFF)
        self._last = max(candidate, self._last + 1)
        return self._last


def iso_now() -> str:
    """Return the current UTC time in the ISO 8601 form Discord uses in payloads."""
    return datetime.now(UTC).isoformat()
