"""Sending interactions to the bot: slash commands, autocomplete and component clicks."""

from __future__ import annotations

import secrets
from typing import Any

from tests.support.fake_discord import ids
from tests.support.fake_discord import interactions as payloads
from tests.support.fake_discord.commands import CommandRegistry
from tests.support.fake_discord.gateway import GatewayHub
from tests.support.fake_discord.interactions import Invoker
from tests.support.fake_discord.messages import MessageStore
from tests.support.fake_discord.records import InteractionRecord, MessageRecord, monotonic
from tests.support.fake_discord.validation import DEFAULT_ATTACHMENT_SIZE_LIMIT
from tests.support.fake_discord.waiting import Signal
from tests.support.fake_discord.world import World


class InteractionDriver:
    """Mixin of ``FakeDiscord``: builds INTERACTION_CREATE events and keeps their records."""

    world: World
    application_id: int
    snowflakes: ids.SnowflakeGenerator
    signal: Signal
    hub: GatewayHub
    command_registry: CommandRegistry
    messages: MessageStore
    interactions: dict[int, InteractionRecord]
    interactions_by_token: dict[str, InteractionRecord]

    def _invoker(
        self,
        user_id: int,
        guild_id: int | None,
        channel_id: int | None,
        attachment_size_limit: int,
        app_permissions: int | str | None,
        member_permissions: int | str | None,
        locale: str,
    ) -> Invoker:
        if channel_id is None:
            if guild_id is None:
                channel_id = self.world.dm_channel(user_id, self.snowflakes.next()).id
            else:
                channel_id = ids.DEFAULT_CHANNEL_ID
        return Invoker(
            user_id=user_id,
            guild_id=guild_id,
            channel_id=channel_id,
            attachment_size_limit=attachment_size_limit,
            app_permissions=None if app_permissions is None else int(app_permissions),
            member_permissions=None if member_permissions is None else int(member_permissions),
            locale=locale,
        )

    async def _send_interaction(
        self,
        interaction_type: int,
        name: str,
        invoker: Invoker,
        data: dict[str, Any],
        *,
        unknown: bool = False,
        source_message: MessageRecord | None = None,
        extra: dict[str, Any] | None = None,
    ) -> InteractionRecord:
        interaction_id = self.snowflakes.next()
        token = "fake-interaction-" + secrets.token_urlsafe(32)
        payload = payloads.base_payload(
            self.world,
            interaction_id=interaction_id,
            token=token,
            interaction_type=interaction_type,
            application_id=self.application_id,
            invoker=invoker,
            data=data,
        )
        payload.update(extra or {})
        session = self.hub.owner(invoker.guild_id)
        if session is None:
            raise RuntimeError(
                f"fake Discord: no ready gateway session owns guild {invoker.guild_id}; await wait_until_ready() first"
            )
        record = InteractionRecord(
            id=interaction_id,
            token=token,
            type=interaction_type,
            name=name,
            guild_id=invoker.guild_id,
            channel_id=invoker.channel_id,
            user_id=invoker.user_id,
            payload=payload,
            sent_at=monotonic(),
            signal=self.signal,
            source_message=source_message,
            unknown=unknown,
        )
        self.interactions[interaction_id] = record
        self.interactions_by_token[token] = record
        await self.hub.send_dispatch(session, "INTERACTION_CREATE", payload)
        self.signal.notify()
        return record

    def _command_data(
        self,
        name: str,
        options: dict[str, Any] | list[dict[str, Any]],
        guild_id: int | None,
        guild_command: bool | None,
        focused: str | None = None,
    ) -> dict[str, Any]:
        command_name, *path = name.split()
        definition, scope = self.command_registry.find(command_name, guild_id)
        if guild_command is not None:
            scope = guild_id if guild_command else None
        built, resolved = payloads.build_options(
            options,
            payloads.find_option_definitions(definition, path),
            self.world,
            guild_id,
            focused=focused,
        )
        data: dict[str, Any] = {
            "id": definition["id"] if definition else str(self.snowflakes.next()),
            "name": command_name,
            "type": 1,
            "options": payloads.nest_subcommands(path, built),
        }
        if scope is not None:
            data["guild_id"] = str(scope)
        if resolved:
            data["resolved"] = resolved
        return data

    async def invoke_command(
        self,
        name: str,
        options: dict[str, Any] | list[dict[str, Any]] | None = None,
        *,
        user_id: int = ids.DEFAULT_USER_ID,
        guild_id: int | None = ids.DEFAULT_GUILD_ID,
        channel_id: int | None = None,
        attachment_size_limit: int = DEFAULT_ATTACHMENT_SIZE_LIMIT,
        app_permissions: int | str | None = None,
        member_permissions: int | str | None = None,
        locale: str = "en-US",
        guild_command: bool | None = None,
        unknown: bool = False,
    ) -> InteractionRecord:
        """Send a slash command (INTERACTION_CREATE type 2) and return its record at once.

        ``name`` may hold subcommands (``"admin set"``). ``options`` maps names to values (typed from
        the synced definition, else str→3, int→4, bool→5, float→10) or is a raw option list.
        ``data.guild_id`` is set when the command was synced to ``guild_id`` (force with
        ``guild_command``). ``guild_id=None`` sends it from a DM. Permissions default to what the
        world computes from roles. ``unknown=True`` makes its callback answer 404 10062.
        """
        invoker = self._invoker(
            user_id, guild_id, channel_id, attachment_size_limit, app_permissions, member_permissions, locale
        )
        data = self._command_data(name, options or {}, guild_id, guild_command)
        return await self._send_interaction(payloads.APPLICATION_COMMAND, name, invoker, data, unknown=unknown)

    async def invoke_autocomplete(
        self,
        name: str,
        options: dict[str, Any],
        focused: str,
        *,
        user_id: int = ids.DEFAULT_USER_ID,
        guild_id: int | None = ids.DEFAULT_GUILD_ID,
        channel_id: int | None = None,
        locale: str = "en-US",
        guild_command: bool | None = None,
        timeout: float = 5.0,
    ) -> InteractionRecord:
        """Send an autocomplete (type 4) for option ``focused`` and wait for the choices (callback type 8)."""
        invoker = self._invoker(user_id, guild_id, channel_id, DEFAULT_ATTACHMENT_SIZE_LIMIT, None, None, locale)
        data = self._command_data(name, options, guild_id, guild_command, focused=focused)
        record = await self._send_interaction(payloads.AUTOCOMPLETE, name, invoker, data)
        await record.wait_for(lambda r: r.autocomplete_choices is not None, timeout)
        return record

    async def invoke_component(
        self,
        custom_id: str,
        message_id: int,
        *,
        component_type: int = 2,
        values: list[str] | None = None,
        user_id: int = ids.DEFAULT_USER_ID,
        guild_id: int | None = ids.DEFAULT_GUILD_ID,
        channel_id: int | None = None,
        attachment_size_limit: int = DEFAULT_ATTACHMENT_SIZE_LIMIT,
        app_permissions: int | str | None = None,
        member_permissions: int | str | None = None,
        locale: str = "en-US",
        unknown: bool = False,
    ) -> InteractionRecord:
        """Click a component (type 3; a button by default) on a message the bot posted earlier.

        The message (with its components) must be known to the fake: a channel message, an
        interaction response or a followup. Its channel is used unless ``channel_id`` is given.
        """
        message = self.messages.get(message_id)
        if message is None:
            raise KeyError(f"fake Discord knows no message {message_id}")
        if custom_id not in message.custom_ids():
            raise KeyError(f"message {message_id} has no component {custom_id!r} (has {message.custom_ids()})")
        invoker = self._invoker(
            user_id,
            guild_id,
            channel_id or message.channel_id,
            attachment_size_limit,
            app_permissions,
            member_permissions,
            locale,
        )
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        return await self._send_interaction(
            payloads.MESSAGE_COMPONENT,
            custom_id,
            invoker,
            data,
            unknown=unknown,
            source_message=message,
            extra={"message": self.messages.to_json(message)},
        )

    async def submit_modal(
        self,
        opened_by: InteractionRecord,
        values: list[str],
        *,
        member_permissions: int | str | None = None,
    ) -> InteractionRecord:
        """Fill in and submit the modal the bot opened in answer to `opened_by` (callback type 9): the
        text inputs get `values` in order. Sent by the same member, on the same message."""
        modal = next((cb.data for cb in opened_by.callbacks if cb.type == payloads.MODAL_CALLBACK and cb.data), None)
        if modal is None:
            raise KeyError(f"interaction {opened_by.id} was not answered with a modal")
        inputs = _text_inputs(modal.get("components", []))
        if len(values) > len(inputs):
            raise ValueError(f"the modal has {len(inputs)} text input(s), got {len(values)} value(s)")
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": field["custom_id"], "value": value}]}
            for field, value in zip(inputs, values, strict=False)
        ]
        invoker = self._invoker(
            opened_by.user_id,
            opened_by.guild_id,
            opened_by.channel_id,
            DEFAULT_ATTACHMENT_SIZE_LIMIT,
            None,
            member_permissions,
            "en-US",
        )
        extra = {}
        if opened_by.source_message is not None:
            extra["message"] = self.messages.to_json(opened_by.source_message)
        return await self._send_interaction(
            payloads.MODAL_SUBMIT,
            str(modal["custom_id"]),
            invoker,
            {"custom_id": modal["custom_id"], "components": rows},
            source_message=opened_by.source_message,
            extra=extra,
        )

    def interaction(self, interaction_id: int) -> InteractionRecord:
        """The record of an interaction sent earlier."""
        return self.interactions[interaction_id]

    def expire_token(self, token: str) -> None:
        """From now on every webhook call with ``token`` answers 401 ``50027 Invalid Webhook Token``."""
        self.interactions_by_token[token].expired = True

    def unknown_interaction(self, interaction_id: int) -> None:
        """From now on the interaction's callback answers 404 ``10062 Unknown interaction``."""
        self.interactions[interaction_id].unknown = True


def _text_inputs(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text inputs (type 4) of a modal, in order, whether in action rows or labels."""
    found: list[dict[str, Any]] = []
    for component in components:
        if component.get("type") == 4:
            found.append(component)
        found += _text_inputs(component.get("components", []))
        if "component" in component:
            found += _text_inputs([component["component"]])
    return found
