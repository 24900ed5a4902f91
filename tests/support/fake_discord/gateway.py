"""The gateway websocket: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, RESUME, member chunks, dispatch.

Frames are always plain JSON text, even when the client asks for ``compress=zlib-stream``:
discord.py only decompresses binary frames.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.support.fake_discord import models
from tests.support.fake_discord.ids import shard_of
from tests.support.fake_discord.records import IdentifyRecord, monotonic
from tests.support.fake_discord.waiting import Signal
from tests.support.fake_discord.world import World

_log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11

INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12


@dataclass
class GatewaySession:
    """A gateway session (survives its websocket so that the client can RESUME it)."""

    session_id: str
    identify: IdentifyRecord
    index: int
    ws: web.WebSocketResponse | None = None
    seq: int = 0
    ready: bool = False
    ready_at: float | None = None
    guild_ids: list[int] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    resumes: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def shard(self) -> tuple[int, int] | None:
        """``(shard_id, shard_count)`` from IDENTIFY, None when not sharded."""
        return self.identify.shard

    @property
    def intents(self) -> int:
        """Gateway intents from IDENTIFY."""
        return self.identify.intents

    @property
    def connected(self) -> bool:
        """Whether a websocket is attached and open."""
        return self.ws is not None and not self.ws.closed

    def owns(self, guild_id: int) -> bool:
        """Whether Discord would route ``guild_id`` to this session."""
        if self.shard is None:
            return True
        shard_id, shard_count = self.shard
        return shard_of(guild_id, shard_count) == shard_id


class GatewayHub:
    """Accepts gateway connections and dispatches events to the sessions that own a guild."""

    def __init__(
        self,
        world: World,
        signal: Signal,
        *,
        gateway_url: Callable[[], str],
        application_id: int,
        application_flags: int,
        expected_token: str | None,
        heartbeat_interval_ms: int = 41250,
    ) -> None:
        self.world = world
        self.signal = signal
        self.gateway_url = gateway_url
        self.application_id = application_id
        self.application_flags = application_flags
        self.expected_token = expected_token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.sessions: list[GatewaySession] = []
        self.identifies: list[IdentifyRecord] = []
        self.connections = 0
        self._sockets: set[web.WebSocketResponse] = set()

    # -- queries ----------------------------------------------------------------------------------
    def ready_sessions(self, *, after: int = 0) -> list[GatewaySession]:
        """Connected sessions that got READY and their GUILD_CREATEs, identified as number ``after`` or later."""
        return [s for s in self.sessions if s.ready and s.connected and s.index >= after]

    def owner(self, guild_id: int | None) -> GatewaySession | None:
        """The session an event for ``guild_id`` goes to: the newest connected owner, else a resumable one."""
        candidates = [s for s in self.sessions if s.ready and (guild_id is None or s.owns(guild_id))]
        connected = [s for s in candidates if s.connected]
        pool = connected or candidates
        return pool[-1] if pool else None

    # -- websocket handler ------------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """aiohttp handler of ``GET /gateway``."""
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self.connections += 1
        self._sockets.add(ws)
        session: GatewaySession | None = None
        _log.debug("gateway connection %s opened (%s)", self.connections, request.query_string)
        try:
            await ws.send_str(json.dumps({"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}))
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                session = await self._on_frame(ws, frame, session)
        except ConnectionResetError:
            _log.debug("gateway connection reset")
        finally:
            self._sockets.discard(ws)
            if session is not None and session.ws is ws:
                session.ws = None
            self.signal.notify()
        return ws

    async def _on_frame(
        self, ws: web.WebSocketResponse, frame: dict[str, Any], session: GatewaySession | None
    ) -> GatewaySession | None:
        op, data = frame.get("op"), frame.get("d")
        if session is not None:
            session.received.append(frame)
        if op == HEARTBEAT:
            await ws.send_str(json.dumps({"op": HEARTBEAT_ACK}))
        elif op == IDENTIFY:
            session = await self._identify(ws, data)
        elif op == RESUME:
            session = await self._resume(ws, data)
        elif op == REQUEST_MEMBERS and session is not None:
            await self._send_member_chunks(session, data)
        elif op in (PRESENCE, VOICE_STATE):
            pass
        else:
            _log.warning("fake Discord gateway: unhandled op %s: %s", op, frame)
        return session

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        token = data.get("token", "")
        if self.expected_token is not None and token != self.expected_token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        shard = data.get("shard")
        record = IdentifyRecord(
            at=monotonic(),
            session_id=uuid.uuid4().hex,
            token=token,
            intents=int(data.get("intents", 0)),
            shard=(int(shard[0]), int(shard[1])) if shard else None,
            properties=dict(data.get("properties", {})),
        )
        self.identifies.append(record)
        session = GatewaySession(session_id=record.session_id, identify=record, index=len(self.identifies) - 1, ws=ws)
        session.guild_ids = [gid for gid in self.world.guilds if session.owns(gid)]
        self.sessions.append(session)
        ready: dict[str, Any] = {
            "v": 10,
            "user": models.client_user_json(self.world.bot_user),
            "guilds": [{"id": str(gid), "unavailable": True} for gid in session.guild_ids],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url(),
            "application": {"id": str(self.application_id), "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "user_settings": {},
            "auth": {},
            "_trace": ["fake-discord"],
        }
        if record.shard is not None:
            ready["shard"] = list(record.shard)
        await self.send_dispatch(session, "READY", ready)
        all_members = bool(record.intents & INTENT_GUILD_MEMBERS)
        for guild_id in session.guild_ids:
            guild = self.world.guilds[guild_id]
            await self.send_dispatch(
                session, "GUILD_CREATE", models.guild_create_json(guild, self.world, all_members=all_members)
            )
        session.ready = True
        session.ready_at = monotonic()
        self.signal.notify()
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        session = next((s for s in self.sessions if s.session_id == data.get("session_id")), None)
        if session is None or (self.expected_token is not None and data.get("token") != self.expected_token):
            await ws.send_str(json.dumps({"op": INVALID_SESSION, "d": False}))
            return None
        old_ws, session.ws = session.ws, ws
        if old_ws is not None and old_ws is not ws and not old_ws.closed:
            await old_ws.close(code=4000)
        session.resumes += 1
        last_seen = int(data.get("seq") or 0)
        async with session.lock:
            for frame in session.sent:
                if frame["s"] > last_seen:
                    await ws.send_str(json.dumps(frame))
        await self.send_dispatch(session, "RESUMED", {"_trace": ["fake-discord"]})
        self.signal.notify()
        return session

    async def _send_member_chunks(self, session: GatewaySession, data: dict[str, Any]) -> None:
        raw_ids = data.get("guild_id")
        guild_ids = raw_ids if isinstance(raw_ids, list) else [raw_ids]
        query = (data.get("query") or "").lower()
        limit = int(data.get("limit") or 0)
        user_ids = [int(u) for u in (data.get("user_ids") or [])]
        for guild_id in (int(g) for g in guild_ids):
            guild = self.world.guilds.get(guild_id)
            members = list(guild.members.values()) if guild else []
            if user_ids:
                members = [m for m in members if m.user.id in user_ids]
            elif query:
                members = [m for m in members if m.user.username.lower().startswith(query)]
            if limit:
                members = members[:limit]
            chunk: dict[str, Any] = {
                "guild_id": str(guild_id),
                "members": [models.member_json(m) for m in members],
                "chunk_index": 0,
                "chunk_count": 1,
                "nonce": data.get("nonce"),
            }
            if user_ids:
                found = {m.user.id for m in members}
                chunk["not_found"] = [str(u) for u in user_ids if u not in found]
            if data.get("presences"):
                chunk["presences"] = []
            await self.send_dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)

    # -- sending ----------------------------------------------------------------------------------
    async def send_dispatch(self, session: GatewaySession, event: str, data: dict[str, Any]) -> int:
        """Send (or buffer, while the session is disconnected) one dispatch; returns its sequence number."""
        async with session.lock:
            session.seq += 1
            frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
            session.sent.append(frame)
            ws = session.ws
            if ws is not None and not ws.closed:
                try:
                    await ws.send_str(json.dumps(frame))
                except ConnectionResetError:
                    _log.debug("gateway: %s buffered, connection reset", event)
            return session.seq

    async def dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        guild_id: int | None = None,
        intent: int | None = None,
        only_owner: bool = False,
    ) -> list[GatewaySession]:
        """Send an event to every ready session owning ``guild_id`` (or just the newest one) with ``intent``."""
        if only_owner:
            owner = self.owner(guild_id)
            targets = [owner] if owner is not None else []
        else:
            targets = [s for s in self.sessions if s.ready and s.connected and (guild_id is None or s.owns(guild_id))]
        targets = [s for s in targets if intent is None or s.intents & intent]
        for session in targets:
            await self.send_dispatch(session, event, data)
        return targets

    async def send_op(self, op: int, data: Any = None) -> None:
        """Send a raw opcode (e.g. RECONNECT) to every connected session."""
        for session in [s for s in self.sessions if s.connected]:
            assert session.ws is not None
            with contextlib.suppress(ConnectionResetError):
                await session.ws.send_str(json.dumps({"op": op, "d": data}))

    async def close_all(self, code: int = 1001) -> None:
        """Close every open websocket with ``code``."""
        for ws in list(self._sockets):
            with contextlib.suppress(ConnectionResetError):
                await ws.close(code=code)
