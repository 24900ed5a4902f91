"""``FakeDiscord``: a small Discord (REST + gateway) on 127.0.0.1 that the real discord.py logs in to."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from tests.support.fake_discord import ids, models
from tests.support.fake_discord.commands import CommandRegistry
from tests.support.fake_discord.faults import Fault, Faults, rate_limit_body, rate_limit_headers
from tests.support.fake_discord.gateway import (
    INTENT_GUILDS,
    RECONNECT,
    GatewayHub,
    GatewaySession,
)
from tests.support.fake_discord.invoking import InteractionDriver
from tests.support.fake_discord.messages import MessageStore
from tests.support.fake_discord.records import (
    CommandSync,
    DuplicateNonceRecord,
    EditRecord,
    IdentifyRecord,
    InteractionRecord,
    MessageRecord,
    RequestRecord,
)
from tests.support.fake_discord.server import API_PREFIX, build_app
from tests.support.fake_discord.uploads import Uploads
from tests.support.fake_discord.validation import DEFAULT_ATTACHMENT_SIZE_LIMIT
from tests.support.fake_discord.waiting import Signal
from tests.support.fake_discord.world import Channel, Member, Role, World, default_world

_AUTO: Any = object()


class FakeDiscord(InteractionDriver):
    """A fake Discord API and gateway for end-to-end tests of a discord.py bot.

    ``await start()`` (or ``async with``) serves it; point discord.py at it with
    ``tests.support.fake_discord.redirect_discord_py(fake.base_url)`` in process, or run the bot with
    ``subprocess_env(fake.base_url)`` (sitecustomize + ``FAKE_DISCORD_URL``) in another process.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        world: World | None = None,
        application_id: int = ids.APPLICATION_ID,
        application_flags: int = 0,
        shard_count: int = 1,
        expected_token: str | None = None,
        heartbeat_interval_ms: int = 41250,
    ) -> None:
        self.host = host
        self.port = port
        self.world = world or default_world()
        self.application_id = application_id
        self.application_flags = application_flags
        self.owner_user_id = ids.OWNER_USER_ID
        self.shard_count = shard_count
        """What ``GET /gateway/bot`` recommends (AutoShardedBot uses it)."""
        self.expected_token = expected_token
        """When set, other bot tokens get 401 on ``/users/@me`` and close code 4004 on IDENTIFY."""

        self._set_default_behaviour()
        self._build_state(heartbeat_interval_ms)
        self._runner: web.AppRunner | None = None

    def _set_default_behaviour(self) -> None:
        """Discord's own timings and limits; tests change these attributes to provoke edge cases."""
        self.callback_deadline: float | None = 3.0
        """Seconds after which a first callback answers 404 Unknown interaction (Discord: 3 s); None: off."""
        self.token_lifetime: float | None = 15 * 60
        """Seconds after which an interaction token answers 401 Invalid Webhook Token; None: never."""
        self.callbacks_unknown = False
        """When True every callback answers 404 ``10062 Unknown interaction``."""
        self.channel_attachment_size_limit = DEFAULT_ATTACHMENT_SIZE_LIMIT
        """Per-file upload limit for ``POST /channels/{id}/messages``."""
        self.dispatch_message_events = True
        """Send MESSAGE_CREATE/UPDATE/DELETE to the bot for its channel messages (as Discord does)."""
        self.keep_upload_bytes = True
        """Keep uploaded files' bytes; False keeps their sizes only (load runs with thousands of uploads)."""

    def _build_state(self, heartbeat_interval_ms: int) -> None:
        """The records tests read and the collaborators that serve REST and the gateway."""
        self.signal = Signal()
        self.snowflakes = ids.SnowflakeGenerator()
        self.requests: list[RequestRecord] = []
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}
        self.faults = Faults()
        self.command_registry = CommandRegistry(self.application_id, self.snowflakes, self.signal)
        self.messages = MessageStore(self.world, self.snowflakes, lambda: self.base_url, self.signal)
        self.uploads = Uploads(lambda: self.base_url, self.snowflakes)
        """Files members attach to commands: ``fake.uploads.upload(data)`` gives an option value."""
        self.hub = GatewayHub(
            self.world,
            self.signal,
            gateway_url=lambda: self.gateway_url,
            application_id=self.application_id,
            application_flags=self.application_flags,
            expected_token=self.expected_token,
            heartbeat_interval_ms=heartbeat_interval_ms,
        )

    # -- lifecycle --------------------------------------------------------------------------------
    async def start(self) -> None:
        """Serve on ``host:port`` (port 0: a free port, see ``base_url``)."""
        self._runner = web.AppRunner(build_app(self), handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close every gateway connection and stop serving."""
        await self.hub.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (the value for ``FAKE_DISCORD_URL``)."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """``http://127.0.0.1:PORT/api/v10`` (the value for ``discord.http.Route.BASE``)."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """``ws://127.0.0.1:PORT/gateway``."""
        return f"ws://{self.host}:{self.port}/gateway"

    # -- the world --------------------------------------------------------------------------------
    def add_guild(self, guild_id: int, name: str) -> None:
        """Add a guild (with ``@everyone``, the bot's role and the bot as member); sent to later IDENTIFYs."""
        self.world.add_guild(guild_id, name)

    def add_channel(self, guild_id: int, channel_id: int, name: str) -> Channel:
        """Add a text channel to a guild (seen by the bot in its next GUILD_CREATE)."""
        return self.world.add_channel(guild_id, channel_id, name)

    def add_role(self, guild_id: int, role_id: int, name: str, *, permissions: int | str = 0) -> Role:
        """Add a role; ``permissions`` is the bit set as int or decimal string."""
        return self.world.add_role(guild_id, role_id, name, permissions=permissions)

    def add_member(
        self,
        guild_id: int,
        user_id: int,
        name: str,
        roles: list[int] | None = None,
        permissions: int | str | None = None,
    ) -> Member:
        """Add a member; ``permissions`` forces the ``member.permissions`` of their interactions."""
        return self.world.add_member(guild_id, user_id, name, roles=roles, permissions=permissions)

    # -- gateway ----------------------------------------------------------------------------------
    @property
    def identifies(self) -> list[IdentifyRecord]:
        """Every IDENTIFY received, in order."""
        return self.hub.identifies

    @property
    def identify_count(self) -> int:
        """Number of IDENTIFYs so far (pass to ``wait_until_ready(after=...)`` before a restart)."""
        return len(self.hub.identifies)

    @property
    def sessions(self) -> list[GatewaySession]:
        """Every gateway session, connected or not."""
        return self.hub.sessions

    async def wait_until_ready(self, timeout: float = 10.0, *, after: int = 0) -> list[GatewaySession]:
        """Wait until connected sessions got READY and all GUILD_CREATEs, covering every shard.

        Only sessions from IDENTIFY number ``after`` on count (use ``identify_count`` taken before a
        restart). The bot's own ``on_ready`` comes ``guild_ready_timeout`` (discord.py default 2 s)
        after the last GUILD_CREATE; run test bots with a small ``guild_ready_timeout`` or wait for
        something else (e.g. ``wait_for_command_sync``) when that matters.
        """

        def probe() -> list[GatewaySession] | None:
            ready = self.hub.ready_sessions(after=after)
            if not ready:
                return None
            shard_count = ready[-1].shard[1] if ready[-1].shard else None
            if shard_count is None:
                return ready[-1:]
            shards = {s.shard[0]: s for s in ready if s.shard and s.shard[1] == shard_count}
            return [shards[i] for i in range(shard_count)] if len(shards) == shard_count else None

        return await self.signal.wait_for(probe, timeout, "a ready gateway session")

    async def dispatch(self, event: str, data: dict[str, Any], *, guild_id: int | None = None) -> int:
        """Send a raw dispatch to every ready session owning ``guild_id``; returns how many got it."""
        return len(await self.hub.dispatch(event, data, guild_id=guild_id))

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT to every connected session (discord.py then RESUMEs)."""
        await self.hub.send_op(RECONNECT)

    async def drop_connections(self, code: int = 4000) -> None:
        """Close every gateway websocket with ``code`` (4000: the client reconnects and resumes)."""
        await self.hub.close_all(code)

    async def announce_guild(self, guild_id: int) -> None:
        """Send GUILD_CREATE for an added guild to the sessions owning it (the bot "joins" it)."""
        guild = self.world.guild(guild_id)
        for session in [s for s in self.hub.sessions if s.ready and s.connected and s.owns(guild_id)]:
            if guild_id not in session.guild_ids:
                session.guild_ids.append(guild_id)
            data = models.guild_create_json(guild, self.world, all_members=bool(session.intents & 2))
            await self.hub.send_dispatch(session, "GUILD_CREATE", data)

    async def announce_channel(self, channel_id: int) -> None:
        """Send CHANNEL_CREATE for an added channel."""
        channel = self.world.channel(channel_id)
        if channel is None or channel.guild_id is None:
            raise KeyError(f"fake Discord has no guild channel {channel_id}")
        await self.hub.dispatch(
            "CHANNEL_CREATE", models.channel_json(channel, self.world), guild_id=channel.guild_id, intent=INTENT_GUILDS
        )

    # -- application commands ---------------------------------------------------------------------
    @property
    def command_syncs(self) -> list[CommandSync]:
        """Every bulk ``PUT .../commands`` in order."""
        return self.command_registry.syncs

    def commands(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        """The commands currently registered globally (None) or in a guild, as echoed to the bot."""
        return list(self.command_registry.scopes.get(guild_id, []))

    async def wait_for_command_sync(
        self, timeout: float = 10.0, *, guild_id: int | None = _AUTO, after: int = 0
    ) -> CommandSync:
        """Wait for a command PUT (number ``after`` or later; in ``guild_id`` when given, None: global)."""

        def probe() -> CommandSync | None:
            for sync in self.command_syncs[after:]:
                if guild_id is _AUTO or sync.guild_id == guild_id:
                    return sync
            return None

        return await self.signal.wait_for(probe, timeout, "a command sync")

    # -- channel messages -------------------------------------------------------------------------
    def channel_messages(self, channel_id: int, *, include_interaction_messages: bool = False) -> list[MessageRecord]:
        """Messages the bot posted to a channel (deleted ones flagged), oldest first."""
        return self.messages.channel_messages(channel_id, include_interaction_messages=include_interaction_messages)

    def message(self, message_id: int) -> MessageRecord:
        """Any message the bot created, by id."""
        message = self.messages.get(message_id)
        if message is None:
            raise KeyError(f"fake Discord knows no message {message_id}")
        return message

    @property
    def duplicate_nonces(self) -> list[DuplicateNonceRecord]:
        """Channel message creates answered with an earlier message because of ``enforce_nonce``."""
        return self.messages.duplicates

    @property
    def message_edits(self) -> list[EditRecord]:
        """PATCHes through ``/channels/{id}/messages/{mid}``."""
        return self.messages.edits

    async def wait_for_channel_message(
        self,
        channel_id: int,
        predicate: Callable[[MessageRecord], bool] | None = None,
        timeout: float = 5.0,
        *,
        include_interaction_messages: bool = False,
    ) -> MessageRecord:
        """The first message (past or future) in ``channel_id`` for which ``predicate`` holds."""

        def probe() -> MessageRecord | None:
            messages = self.channel_messages(channel_id, include_interaction_messages=include_interaction_messages)
            return next((m for m in messages if predicate is None or predicate(m)), None)

        return await self.signal.wait_for(probe, timeout, f"a message in channel {channel_id}")

    # -- requests and faults ----------------------------------------------------------------------
    def requests_matching(self, method: str | None = None, path_contains: str = "") -> list[RequestRecord]:
        """Logged requests filtered by method and a path fragment."""
        return [r for r in self.requests if (method is None or r.method == method.upper()) and path_contains in r.path]

    async def wait_for_request(
        self,
        method: str | None = None,
        path_contains: str = "",
        timeout: float = 5.0,
        *,
        after: int = 0,
    ) -> RequestRecord:
        """The first answered request (index ``after`` or later) matching method and path fragment."""

        def probe() -> RequestRecord | None:
            for record in self.requests[after:]:
                if (
                    record.status is not None
                    and (method is None or record.method == method.upper())
                    and path_contains in record.path
                ):
                    return record
            return None

        return await self.signal.wait_for(probe, timeout, f"a request {method or '*'} {path_contains!r}")

    def inject_fault(
        self,
        method: str | None,
        path: str,
        status: int,
        body: dict[str, Any] | None = None,
        *,
        times: int | None = 1,
        headers: dict[str, str] | None = None,
    ) -> Fault:
        """Answer the next ``times`` requests matching ``method`` and regex ``path`` with an error."""
        return self.faults.add(method, path, status, body, times=times, headers=headers)

    def inject_rate_limit(
        self, method: str | None, path: str, retry_after: float = 0.05, *, times: int | None = 1
    ) -> Fault:
        """Answer matching requests with 429 (with ``Via``, so discord.py sleeps ``retry_after`` and retries)."""
        return self.faults.add(
            method,
            path,
            429,
            rate_limit_body(retry_after),
            times=times,
            headers=rate_limit_headers(retry_after),
        )
