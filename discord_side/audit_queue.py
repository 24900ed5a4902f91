"""Audit entries on their way to a guild's audit channel: queued per channel and posted by that channel's
own background task, so the job or command that wrote an entry never waits for Discord.

- Rate: at most `POSTS_PER_WINDOW` messages per `WINDOW_SECONDS` per channel (what Discord allows; a
  429 is still waited out by discord.py).
- Batching: entries that wait together go out in one message of up to 2000 characters, in order, so a
  busy channel posts fewer, fuller messages instead of falling behind.
- Bound: at most `QUEUE_LIMIT` entries wait per channel. Past that, new entries are dropped and counted;
  the log then says how many are missing at the point where they would have been (and the operator's
  log says entries are being dropped).
- Failures: a post that fails is logged and its entries are dropped; nothing reaches the writer.
- Shutdown: `close` takes no more entries, posts what waits within its time limit (the rest is counted
  in the operator's log) and stops the tasks.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from discord_side.catalogue import text
from services.core.clock import Clock
from services.core.supervisor import TaskSupervisor

log = logging.getLogger(__name__)

MESSAGE_CHARS = 2000
QUEUE_LIMIT = 200
POSTS_PER_WINDOW = 5
WINDOW_SECONDS = 5.0

PostToAudit = Callable[[int, str], Awaitable[None]]
"""Posts one message to a guild's audit channel (by guild id)."""


@dataclass
class _Channel:
    """One guild's audit channel: what waits, what was dropped, when it last posted, and its task."""

    entries: deque[str] = field(default_factory=deque)
    dropped: int = 0
    posted_at: deque[float] = field(default_factory=deque)
    task: asyncio.Task[None] | None = None

    def waiting(self) -> bool:
        return bool(self.entries or self.dropped)


class AuditQueue:
    """One bounded queue per guild's audit channel, each drained at the channel's pace by its own task."""

    def __init__(
        self,
        post: PostToAudit,
        clock: Clock,
        *,
        limit: int = QUEUE_LIMIT,
        posts: int = POSTS_PER_WINDOW,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self._post = post
        self._clock = clock
        self._limit = limit
        self._posts = posts
        self._window = window
        self._channels: dict[int, _Channel] = {}
        self._tasks = TaskSupervisor()
        self._closed = False

    def waiting(self, guild_id: int) -> int:
        """How many entries of this guild wait to be posted."""
        channel = self._channels.get(guild_id)
        return len(channel.entries) if channel else 0

    def put(self, guild_id: int, entry: str) -> None:
        """Queue `entry` for the guild's audit channel; returns at once."""
        if self._closed:
            log.warning("audit log of guild %s: an entry came after shutdown began; not posted", guild_id)
            return
        channel = self._channels.setdefault(guild_id, _Channel())
        if len(channel.entries) >= self._limit:
            channel.dropped += 1
            if channel.dropped == 1:
                log.warning(
                    "audit log of guild %s: too busy, %d entries waiting; dropping new ones", guild_id, self._limit
                )
            return
        if channel.dropped:
            channel.entries.append(text("audit-dropped", count=channel.dropped))
            channel.dropped = 0
        channel.entries.append(entry)
        if channel.task is None:
            channel.task = self._tasks.spawn(f"audit-{guild_id}", self._drain(guild_id, channel))

    async def close(self, timeout: float) -> None:
        """Take no more entries, post what waits (for at most `timeout` seconds), then stop."""
        self._closed = True
        busy = [channel.task for channel in self._channels.values() if channel.task is not None]
        if busy:
            await asyncio.wait(busy, timeout=timeout)
        lost = sum(len(channel.entries) + channel.dropped for channel in self._channels.values())
        if lost:
            log.warning("%d audit log entries were not posted before shutdown", lost)
        await self._tasks.close(timeout=1.0)

    async def _drain(self, guild_id: int, channel: _Channel) -> None:
        try:
            while channel.waiting():
                await self._wait_for_turn(channel)
                message = self._next_message(channel)
                channel.posted_at.append(self._clock.now())
                try:
                    await self._post(guild_id, message)
                except Exception:
                    log.exception("audit log of guild %s: posting failed; its entries are lost", guild_id)
        finally:
            channel.task = None

    async def _wait_for_turn(self, channel: _Channel) -> None:
        """Wait until the channel may post again (no more than `posts` per `window` seconds)."""
        while len(channel.posted_at) > self._posts - 1:
            wait = channel.posted_at[0] + self._window - self._clock.now()
            if wait > 0:
                await self._clock.sleep(wait)
            channel.posted_at.popleft()

    @staticmethod
    def _next_message(channel: _Channel) -> str:
        """The entries that wait, oldest first, as many as fit in one message (one too long is cut)."""
        parts: list[str] = []
        size = 0
        while channel.entries:
            entry = channel.entries[0][:MESSAGE_CHARS]
            if parts and size + 1 + len(entry) > MESSAGE_CHARS:
                break
            parts.append(entry)
            size += len(entry) + (1 if len(parts) > 1 else 0)
            channel.entries.popleft()
        if not channel.entries and channel.dropped:
            note = text("audit-dropped", count=channel.dropped)
            if not parts or size + 1 + len(note) <= MESSAGE_CHARS:
                parts.append(note)
                channel.dropped = 0
        return "\n".join(parts)
