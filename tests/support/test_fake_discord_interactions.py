"""The fake Discord's interactions with the real discord.py: callbacks, edits, followups, buttons, autocomplete
and token errors."""

from __future__ import annotations

import asyncio

import discord

from tests.support.fake_discord import DEFAULT_CHANNEL_ID, DEFAULT_USER_ID, OTHER_USER_ID, FakeDiscord
from tests.support.probe_bot import IMAGE, ProbeBot


async def test_defer_then_edit_with_file(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_command("draw", {"prompt": "a red fox", "count": 2})
    edit = await record.wait_until_edit(lambda e: bool(e.files), timeout=3)

    ack = await record.wait_for_ack()
    assert ack.type == 5
    assert record.deferred
    assert record.ack_latency is not None
    assert 0 <= record.ack_latency < 3
    assert edit.at >= ack.at
    assert edit.files[0].data == IMAGE
    assert edit.payload["allowed_mentions"] == {"parse": []}
    original = record.original
    assert original is not None
    assert not original.loading
    assert original.content == f"<@{DEFAULT_USER_ID}> a red fox x2"
    assert original.attachment("image.png").data == IMAGE
    assert not original.pings.any
    assert original.custom_ids() == ["reroll:7"]

    message = await asyncio.wait_for(bot.results.get(), 1)
    assert isinstance(message, discord.InteractionMessage)
    assert message.attachments[0].size == len(IMAGE)
    assert await message.attachments[0].read() == IMAGE

    click = await fake.invoke_component("reroll:7", original.id)
    await click.wait_for(lambda r: r.original is not None)
    assert click.original is not None
    assert click.original.content == "reroll 7"
    assert click.ephemeral


async def test_autocomplete_choices(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_autocomplete("draw", {"prompt": "x", "style": "w"}, focused="style")
    assert record.autocomplete_choices == [
        {"name": "watercolor", "value": "watercolor"},
        {"name": "wireframe", "value": "wireframe"},
    ]


async def test_expired_token_raises_50027(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_command("slow")
    await record.wait_for_ack()
    fake.expire_token(record.token)
    bot.gate.set()
    error = await asyncio.wait_for(bot.errors.get(), 3)
    assert isinstance(error, discord.HTTPException)
    assert (error.status, error.code) == (401, 50027)
    assert record.rejected[0].status == 401
    assert record.edits[0].status == 401


async def test_unknown_interaction_raises_10062(fake: FakeDiscord, bot: ProbeBot) -> None:
    await fake.invoke_command("slow", unknown=True)
    error = await asyncio.wait_for(bot.errors.get(), 3)
    assert isinstance(error, discord.NotFound)
    assert error.code == 10062


async def test_followups_upload_limit_mentions_and_channel_edits(fake: FakeDiscord, bot: ProbeBot) -> None:
    record = await fake.invoke_command("multi", {"target": OTHER_USER_ID}, attachment_size_limit=1000)
    note, target = await asyncio.wait_for(bot.results.get(), 3)  # type: ignore[misc]
    error = await asyncio.wait_for(bot.errors.get(), 1)
    assert isinstance(error, discord.HTTPException)
    assert (error.status, error.code) == (413, 40005)
    assert isinstance(target, discord.Member)
    assert target.id == OTHER_USER_ID
    [followup] = record.followups
    assert followup.id == note.id
    assert followup.ephemeral
    assert followup.content == f"for <@{OTHER_USER_ID}>"
    assert followup.allowed_mentions is None
    assert followup.pings.user_ids == [OTHER_USER_ID]
    assert record.ephemeral
    assert record.original is not None
    assert record.original.loading
    [message] = fake.channel_messages(DEFAULT_CHANNEL_ID)
    assert (message.content, message.edit_count, message.deleted) == ("v2", 1, True)
    assert [e.content for e in fake.message_edits] == ["v2"]
