"""REST routes for the bot token: login, application, gateway info, commands, channels and messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.support.fake_discord import models
from tests.support.fake_discord.errors import ApiError, unknown_channel, unknown_message
from tests.support.fake_discord.gateway import INTENT_DIRECT_MESSAGES, INTENT_GUILD_MESSAGES
from tests.support.fake_discord.records import EditRecord, MessageRecord
from tests.support.fake_discord.server import API_PREFIX, json_response, no_content, read_body, record_of
from tests.support.fake_discord.uploads import expired
from tests.support.fake_discord.world import Channel

if TYPE_CHECKING:
    from tests.support.fake_discord.fake import FakeDiscord


def _snowflake(request: web.Request, name: str) -> int:
    try:
        return int(request.match_info[name])
    except ValueError:
        raise ApiError(404, 0, f"404: {name} is not a snowflake") from None


class RestRoutes:
    """Handlers of the bot-token REST API."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def register(self, router: web.UrlDispatcher) -> None:
        """Add every route to ``router``."""
        p = API_PREFIX
        router.add_get(p + "/users/@me", self.me)
        router.add_post(p + "/users/@me/channels", self.create_dm)
        router.add_get(p + "/users/{user_id}", self.get_user)
        router.add_get(p + "/oauth2/applications/@me", self.application)
        router.add_get(p + "/applications/@me", self.application)
        router.add_get(p + "/gateway", self.gateway)
        router.add_get(p + "/gateway/bot", self.gateway_bot)
        for base in (p + "/applications/{app_id}/commands", p + "/applications/{app_id}/guilds/{guild_id}/commands"):
            router.add_get(base, self.list_commands)
            router.add_put(base, self.put_commands)
            router.add_post(base, self.upsert_command)
            router.add_get(base + "/{command_id}", self.get_command)
            router.add_patch(base + "/{command_id}", self.edit_command)
            router.add_delete(base + "/{command_id}", self.delete_command)
        router.add_get(p + "/channels/{channel_id}", self.get_channel)
        router.add_get(p + "/channels/{channel_id}/messages", self.history)
        router.add_post(p + "/channels/{channel_id}/messages", self.create_message)
        router.add_get(p + "/channels/{channel_id}/messages/{message_id}", self.get_message)
        router.add_patch(p + "/channels/{channel_id}/messages/{message_id}", self.edit_message)
        router.add_delete(p + "/channels/{channel_id}/messages/{message_id}", self.delete_message)
        router.add_post(p + "/channels/{channel_id}/typing", self.typing)
        router.add_route("*", p + "/channels/{channel_id}/messages/{message_id}/reactions/{rest:.*}", self.reaction)
        router.add_get(p + "/guilds/{guild_id}", self.get_guild)
        router.add_get(p + "/guilds/{guild_id}/channels", self.guild_channels)
        router.add_get(p + "/guilds/{guild_id}/roles", self.guild_roles)
        router.add_get(p + "/guilds/{guild_id}/members/{user_id}", self.get_member)
        router.add_get("/attachments/{channel_id}/{attachment_id}/{filename}", self.attachment)
        router.add_post(p + "/attachments/refresh-urls", self.refresh_urls)

    # -- login ------------------------------------------------------------------------------------
    def _check_token(self, request: web.Request) -> None:
        expected = self.fake.expected_token
        if expected is not None and request.headers.get("Authorization") != f"Bot {expected}":
            raise ApiError(401, 0, "401: Unauthorized")

    async def me(self, request: web.Request) -> web.Response:
        """``GET /users/@me``."""
        self._check_token(request)
        return json_response(models.client_user_json(self.fake.world.bot_user))

    async def get_user(self, request: web.Request) -> web.Response:
        """``GET /users/{id}``."""
        user = self.fake.world.users.get(_snowflake(request, "user_id"))
        if user is None:
            raise ApiError(404, 10013, "Unknown User")
        return json_response(models.user_json(user))

    async def create_dm(self, request: web.Request) -> web.Response:
        """``POST /users/@me/channels``: open a DM channel with ``recipient_id``."""
        body = await read_body(request)
        user_id = int(body.payload["recipient_id"])
        if user_id not in self.fake.world.users:
            raise ApiError(400, 50007, "Cannot send messages to this user")
        existing = self.fake.world.dm_channels.get(user_id)
        channel = existing or self.fake.world.dm_channel(user_id, self.fake.snowflakes.next())
        return json_response(models.channel_json(channel, self.fake.world))

    async def application(self, request: web.Request) -> web.Response:
        """``GET /oauth2/applications/@me``."""
        self._check_token(request)
        fake = self.fake
        return json_response(
            models.application_json(
                fake.application_id, fake.world, flags=fake.application_flags, owner_id=fake.owner_user_id
            )
        )

    async def gateway(self, request: web.Request) -> web.Response:
        """``GET /gateway``."""
        return json_response({"url": self.fake.gateway_url})

    async def gateway_bot(self, request: web.Request) -> web.Response:
        """``GET /gateway/bot`` (AutoShardedBot asks it for the shard count)."""
        return json_response(
            {
                "url": self.fake.gateway_url,
                "shards": self.fake.shard_count,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            }
        )

    # -- application commands ---------------------------------------------------------------------
    def _scope(self, request: web.Request) -> int | None:
        if _snowflake(request, "app_id") != self.fake.application_id:
            raise ApiError(403, 50001, "Missing Access")
        return _snowflake(request, "guild_id") if "guild_id" in request.match_info else None

    async def list_commands(self, request: web.Request) -> web.Response:
        """``GET .../commands``: the last list put (or upserted) in that scope."""
        return json_response(self.fake.command_registry.scopes.get(self._scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        """``PUT .../commands``: bulk overwrite, echoed with ids."""
        scope = self._scope(request)
        body = await read_body(request)
        return json_response(self.fake.command_registry.put(scope, list(body.payload or []), request.path))

    async def upsert_command(self, request: web.Request) -> web.Response:
        """``POST .../commands``: create or replace one command."""
        scope = self._scope(request)
        body = await read_body(request)
        return json_response(self.fake.command_registry.upsert(scope, body.payload), status=201)

    async def get_command(self, request: web.Request) -> web.Response:
        """``GET .../commands/{id}``."""
        command = self.fake.command_registry.get(self._scope(request), _snowflake(request, "command_id"))
        if command is None:
            raise ApiError(404, 10063, "Unknown application command")
        return json_response(command)

    async def edit_command(self, request: web.Request) -> web.Response:
        """``PATCH .../commands/{id}``."""
        scope = self._scope(request)
        registry = self.fake.command_registry
        command = registry.get(scope, _snowflake(request, "command_id"))
        if command is None:
            raise ApiError(404, 10063, "Unknown application command")
        body = await read_body(request)
        return json_response(registry.upsert(scope, {**command, **(body.payload or {})}))

    async def delete_command(self, request: web.Request) -> web.Response:
        """``DELETE .../commands/{id}``."""
        if not self.fake.command_registry.delete(self._scope(request), _snowflake(request, "command_id")):
            raise ApiError(404, 10063, "Unknown application command")
        return no_content()

    # -- channels and messages --------------------------------------------------------------------
    def _channel(self, request: web.Request) -> Channel:
        channel = self.fake.world.channel(_snowflake(request, "channel_id"))
        if channel is None:
            raise unknown_channel()
        return channel

    def _message(self, request: web.Request, channel: Channel) -> MessageRecord:
        message = self.fake.messages.get(_snowflake(request, "message_id"))
        if message is None or message.deleted or message.channel_id != channel.id or message.ephemeral:
            raise unknown_message()
        return message

    async def get_channel(self, request: web.Request) -> web.Response:
        """``GET /channels/{id}``."""
        return json_response(models.channel_json(self._channel(request), self.fake.world))

    async def history(self, request: web.Request) -> web.Response:
        """``GET /channels/{id}/messages``: newest first, without ephemeral or deleted messages."""
        channel = self._channel(request)
        limit = int(request.query.get("limit", "50"))
        messages = [
            m
            for m in self.fake.messages.channel_messages(channel.id, include_interaction_messages=True)
            if not m.deleted
        ]
        newest_first = list(reversed(messages))[:limit]
        return json_response([self.fake.messages.to_json(m) for m in newest_first])

    async def create_message(self, request: web.Request) -> web.Response:
        """``POST /channels/{id}/messages`` (JSON or multipart), with nonce dedupe."""
        channel = self._channel(request)
        body = await read_body(request)
        payload = dict(body.payload or {})
        store = self.fake.messages
        duplicate = store.find_duplicate(channel.id, payload)
        if duplicate is not None:
            store.record_duplicate(duplicate, payload)
            return json_response(store.to_json(duplicate))
        message = store.create(
            channel.id, payload, body.files, kind="channel", size_limit=self.fake.channel_attachment_size_limit
        )
        data = store.to_json(message)
        await self._dispatch_message_event("MESSAGE_CREATE", channel, data)
        return json_response(data)

    async def get_message(self, request: web.Request) -> web.Response:
        """``GET /channels/{id}/messages/{mid}``."""
        channel = self._channel(request)
        return json_response(self.fake.messages.to_json(self._message(request, channel)))

    async def edit_message(self, request: web.Request) -> web.Response:
        """``PATCH /channels/{id}/messages/{mid}``."""
        channel = self._channel(request)
        message = self._message(request, channel)
        body = await read_body(request)
        payload = dict(body.payload or {})
        store = self.fake.messages
        edit = EditRecord(
            at=record_of(request).at,
            target=str(message.id),
            message_id=message.id,
            payload=payload,
            files=body.files,
            status=200,
        )
        store.edits.append(edit)
        try:
            store.edit(message, payload, body.files, size_limit=self.fake.channel_attachment_size_limit)
        except ApiError as error:
            edit.status = error.status
            raise
        data = store.to_json(message)
        await self._dispatch_message_event("MESSAGE_UPDATE", channel, data)
        return json_response(data)

    async def delete_message(self, request: web.Request) -> web.Response:
        """``DELETE /channels/{id}/messages/{mid}``."""
        channel = self._channel(request)
        message = self._message(request, channel)
        self.fake.messages.delete(message)
        data: dict[str, Any] = {"id": str(message.id), "channel_id": str(channel.id)}
        await self._dispatch_message_event("MESSAGE_DELETE", channel, data)
        return no_content()

    async def typing(self, request: web.Request) -> web.Response:
        """``POST /channels/{id}/typing``."""
        self._channel(request)
        return no_content()

    async def reaction(self, request: web.Request) -> web.Response:
        """Reactions are accepted and only logged."""
        self._message(request, self._channel(request))
        return no_content() if request.method != "GET" else json_response([])

    async def _dispatch_message_event(self, event: str, channel: Channel, data: dict[str, Any]) -> None:
        if not self.fake.dispatch_message_events:
            return
        if channel.guild_id is None:
            await self.fake.hub.dispatch(event, data, intent=INTENT_DIRECT_MESSAGES)
            return
        data = {**data, "guild_id": str(channel.guild_id)}
        await self.fake.hub.dispatch(event, data, guild_id=channel.guild_id, intent=INTENT_GUILD_MESSAGES)

    # -- guilds -----------------------------------------------------------------------------------
    async def get_guild(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}``."""
        guild = self.fake.world.guilds.get(_snowflake(request, "guild_id"))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        data = models.guild_create_json(guild, self.fake.world, all_members=False)
        for key in ("members", "channels", "threads", "presences", "voice_states", "joined_at", "large"):
            data.pop(key)
        return json_response(data)

    async def guild_channels(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}/channels``."""
        guild = self.fake.world.guilds.get(_snowflake(request, "guild_id"))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        return json_response([models.channel_json(c, self.fake.world) for c in guild.channels.values()])

    async def guild_roles(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}/roles``."""
        guild = self.fake.world.guilds.get(_snowflake(request, "guild_id"))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        return json_response([models.role_json(r) for r in guild.roles.values()])

    async def get_member(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}/members/{user_id}``."""
        guild = self.fake.world.guilds.get(_snowflake(request, "guild_id"))
        member = guild.members.get(_snowflake(request, "user_id")) if guild else None
        if member is None:
            raise ApiError(404, 10007, "Unknown Member")
        return json_response(models.member_json(member))

    async def attachment(self, request: web.Request) -> web.Response:
        """The CDN: serve an attachment's bytes (``Attachment.read()`` works)."""
        attachment_id = _snowflake(request, "attachment_id")
        upload = self.fake.uploads.by_id.get(attachment_id)
        if upload is not None:
            if expired(str(request.url)):
                raise ApiError(404, 0, "This content is no longer available.")
            return web.Response(body=upload.data, content_type=upload.content_type or "application/octet-stream")
        for message in self.fake.messages.by_id.values():
            for attachment in message.attachments:
                if attachment.id == attachment_id:
                    return web.Response(
                        body=attachment.data, content_type=attachment.content_type or "application/octet-stream"
                    )
        raise ApiError(404, 0, "404: Not Found")

    async def refresh_urls(self, request: web.Request) -> web.Response:
        """``POST /attachments/refresh-urls``: fresh signed URLs for expired (or any) attachment URLs."""
        self._check_token(request)
        body = await request.json()
        urls = body.get("attachment_urls") if isinstance(body, dict) else None
        if not isinstance(urls, list) or not all(isinstance(url, str) for url in urls):
            raise ApiError(400, 50035, "Invalid Form Body")
        return json_response({"refreshed_urls": self.fake.uploads.refresh(urls)})
