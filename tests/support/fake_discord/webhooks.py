"""Interaction routes: the callback, the original response and followups (interaction-token webhooks)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.support.fake_discord.errors import (
    ApiError,
    already_acknowledged,
    invalid_form_body,
    invalid_webhook_token,
    unknown_interaction,
    unknown_message,
    unknown_webhook,
)
from tests.support.fake_discord.interactions import APPLICATION_COMMAND
from tests.support.fake_discord.records import (
    EPHEMERAL,
    LOADING,
    CallbackRecord,
    EditRecord,
    InteractionRecord,
    MessageRecord,
    monotonic,
)
from tests.support.fake_discord.server import API_PREFIX, json_response, no_content, read_body, record_of

if TYPE_CHECKING:
    from tests.support.fake_discord.fake import FakeDiscord
    from tests.support.fake_discord.multipart import DecodedBody

CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 4, 5, 6, 7
CHAT_INPUT_COMMAND_MESSAGE = 20
_TRUE = ("1", "true", "True")


class WebhookRoutes:
    """Handlers of ``/interactions/{id}/{token}/callback`` and ``/webhooks/{app}/{token}/...``."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def register(self, router: web.UrlDispatcher) -> None:
        """Add every route to ``router``."""
        p = API_PREFIX
        router.add_post(p + "/interactions/{interaction_id}/{token}/callback", self.callback)
        router.add_post(p + "/webhooks/{app_id}/{token}", self.followup)
        router.add_get(p + "/webhooks/{app_id}/{token}/messages/{message_id}", self.get_message)
        router.add_patch(p + "/webhooks/{app_id}/{token}/messages/{message_id}", self.edit_message)
        router.add_delete(p + "/webhooks/{app_id}/{token}/messages/{message_id}", self.delete_message)

    # -- helpers ----------------------------------------------------------------------------------
    @contextmanager
    def _rejections(self, request: web.Request, interaction: InteractionRecord | None) -> Iterator[None]:
        """Keep requests answered with an error on the interaction's record."""
        try:
            yield
        except ApiError:
            if interaction is not None:
                interaction.rejected.append(record_of(request))
            raise
        finally:
            self.fake.signal.notify()

    def _interaction_for_token(self, request: web.Request) -> InteractionRecord:
        try:
            app_id = int(request.match_info["app_id"])
        except ValueError:
            raise unknown_webhook() from None
        if app_id != self.fake.application_id:
            raise unknown_webhook()
        interaction = self.fake.interactions_by_token.get(request.match_info["token"])
        if interaction is None:
            raise invalid_webhook_token()
        return interaction

    def _check_token(self, interaction: InteractionRecord) -> None:
        lifetime = self.fake.token_lifetime
        if lifetime is not None and monotonic() - interaction.sent_at > lifetime:
            interaction.expired = True
        if interaction.expired:
            raise invalid_webhook_token()

    def _size_limit(self, interaction: InteractionRecord) -> int:
        return int(interaction.payload["attachment_size_limit"])

    def _metadata(self, interaction: InteractionRecord) -> dict[str, Any]:
        payload = interaction.payload
        user = payload["member"]["user"] if "member" in payload else payload["user"]
        metadata: dict[str, Any] = {
            "id": str(interaction.id),
            "type": interaction.type,
            "user": user,
            "authorizing_integration_owners": payload.get("authorizing_integration_owners", {}),
        }
        if interaction.type == APPLICATION_COMMAND:
            metadata["name"] = interaction.name
            metadata["command_type"] = 1
        if interaction.original is not None:
            metadata["original_response_message_id"] = str(interaction.original.id)
        if interaction.source_message is not None:
            metadata["interacted_message_id"] = str(interaction.source_message.id)
        return metadata

    def _message_json(self, interaction: InteractionRecord, message: MessageRecord) -> dict[str, Any]:
        return self.fake.messages.to_json(message, interaction_metadata=self._metadata(interaction))

    # -- callback ---------------------------------------------------------------------------------
    async def callback(self, request: web.Request) -> web.Response:
        """``POST /interactions/{id}/{token}/callback``: the interaction response."""
        at = record_of(request).at
        try:
            interaction_id = int(request.match_info["interaction_id"])
        except ValueError:
            raise unknown_interaction() from None
        interaction = self.fake.interactions.get(interaction_id)
        body = await read_body(request)
        if interaction is None or interaction.token != request.match_info["token"]:
            raise unknown_interaction()
        payload = body.payload or {}
        callback = CallbackRecord(
            at=at,
            type=int(payload.get("type", 0)),
            data=payload.get("data"),
            files=body.files,
            status=200,
            query=dict(request.query),
        )
        interaction.callbacks.append(callback)
        with self._rejections(request, interaction):
            try:
                self._check_callback(interaction, callback)
                resource = self._apply_callback(interaction, callback, body)
            except ApiError as error:
                callback.status = error.status
                raise
            if request.query.get("with_response") not in _TRUE:
                callback.status = 204
                return no_content()
            return json_response(self._callback_response(interaction, callback, resource))

    def _check_callback(self, interaction: InteractionRecord, callback: CallbackRecord) -> None:
        deadline = self.fake.callback_deadline
        if interaction.unknown or self.fake.callbacks_unknown or interaction.expired:
            raise unknown_interaction()
        if deadline is not None and callback.at - interaction.sent_at > deadline:
            raise unknown_interaction()
        if any(cb is not callback and cb.status < 300 for cb in interaction.callbacks):
            raise already_acknowledged()

    def _apply_callback(
        self, interaction: InteractionRecord, callback: CallbackRecord, body: DecodedBody
    ) -> MessageRecord | None:
        store = self.fake.messages
        data = dict(callback.data or {})
        if callback.type in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            deferred = callback.type == DEFERRED_CHANNEL_MESSAGE
            flags = int(data.get("flags") or 0)
            interaction.original = store.create(
                interaction.channel_id,
                {} if deferred else data,
                [] if deferred else body.files,
                kind="original",
                size_limit=self._size_limit(interaction),
                interaction_id=interaction.id,
                webhook_id=self.fake.application_id,
                message_type=CHAT_INPUT_COMMAND_MESSAGE if interaction.type == APPLICATION_COMMAND else 0,
                extra_flags=(flags & EPHEMERAL) | (LOADING if deferred else 0),
                validate=not deferred,
            )
            return interaction.original
        if callback.type in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            source = interaction.source_message
            if source is None:
                raise invalid_form_body("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid response type")
            if callback.type == UPDATE_MESSAGE:
                store.edit(source, data, body.files, size_limit=self._size_limit(interaction))
            interaction.original = source
            return source
        return None

    def _callback_response(
        self, interaction: InteractionRecord, callback: CallbackRecord, message: MessageRecord | None
    ) -> dict[str, Any]:
        summary: dict[str, Any] = {
            "id": str(interaction.id),
            "type": interaction.type,
            "response_message_loading": callback.type == DEFERRED_CHANNEL_MESSAGE,
            "response_message_ephemeral": bool(message is not None and message.ephemeral),
        }
        resource: dict[str, Any] = {"type": callback.type}
        if message is not None:
            summary["response_message_id"] = str(message.id)
            if callback.type in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
                resource["message"] = self._message_json(interaction, message)
        return {"interaction": summary, "resource": resource}

    # -- original response and followups ----------------------------------------------------------
    def _target(self, interaction: InteractionRecord, message_id: str) -> MessageRecord:
        if interaction.ack is None:
            raise unknown_webhook()
        if message_id == "@original":
            message = interaction.original
        else:
            candidates = [*interaction.followups, *([interaction.original] if interaction.original else [])]
            message = next((m for m in candidates if str(m.id) == message_id), None)
        if message is None or message.deleted:
            raise unknown_message()
        return message

    async def get_message(self, request: web.Request) -> web.Response:
        """``GET /webhooks/{app}/{token}/messages/{@original|id}``."""
        interaction = self._interaction_for_token(request)
        with self._rejections(request, interaction):
            self._check_token(interaction)
            message = self._target(interaction, request.match_info["message_id"])
            return json_response(self._message_json(interaction, message))

    async def edit_message(self, request: web.Request) -> web.Response:
        """``PATCH /webhooks/{app}/{token}/messages/{@original|id}``: recorded in ``edits``."""
        interaction = self._interaction_for_token(request)
        body = await read_body(request)
        payload = dict(body.payload or {})
        edit = EditRecord(
            at=record_of(request).at,
            target=request.match_info["message_id"],
            message_id=None,
            payload=payload,
            files=body.files,
            status=200,
        )
        interaction.edits.append(edit)
        with self._rejections(request, interaction):
            try:
                self._check_token(interaction)
                message = self._target(interaction, edit.target)
                edit.message_id = message.id
                self.fake.messages.edit(message, payload, body.files, size_limit=self._size_limit(interaction))
            except ApiError as error:
                edit.status = error.status
                raise
            return json_response(self._message_json(interaction, message))

    async def delete_message(self, request: web.Request) -> web.Response:
        """``DELETE /webhooks/{app}/{token}/messages/{@original|id}``."""
        interaction = self._interaction_for_token(request)
        with self._rejections(request, interaction):
            self._check_token(interaction)
            message = self._target(interaction, request.match_info["message_id"])
            self.fake.messages.delete(message)
            return no_content()

    async def followup(self, request: web.Request) -> web.Response:
        """``POST /webhooks/{app}/{token}[?wait=true]``: a followup message."""
        interaction = self._interaction_for_token(request)
        body = await read_body(request)
        payload = dict(body.payload or {})
        with self._rejections(request, interaction):
            self._check_token(interaction)
            if interaction.ack is None:
                raise unknown_webhook()
            message = self.fake.messages.create(
                interaction.channel_id,
                payload,
                body.files,
                kind="followup",
                size_limit=self._size_limit(interaction),
                interaction_id=interaction.id,
                webhook_id=self.fake.application_id,
                extra_flags=int(payload.get("flags") or 0) & EPHEMERAL,
            )
            interaction.followups.append(message)
            if request.query.get("wait") not in _TRUE:
                return no_content()
            return json_response(self._message_json(interaction, message))
