"""Result cards end to end (CARD_RESULTS on): one card from progress to result, Info, Report hiding the
result and posting a review card, every review action after a restart, the fallback to the classic
message when Discord refuses a card, and /history."""

from __future__ import annotations

import io
import os
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PIL import Image

from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.support.fake_discord import (
    ADMIN_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OWNER_USER_ID,
    FakeDiscord,
    InteractionRecord,
    MessageRecord,
)
from tests.support.fake_discord.components_v2 import COMPONENTS_V2, gallery_urls, text_of
from tests.support.fake_discord.render import render_card

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

AUDIT_CHANNEL_ID = 1_250_000_000_000_000_360
REQUESTER_ID = 1_250_000_000_000_016_001
REPORTER_ID = 1_250_000_000_000_016_002
MODERATOR_ID = 1_250_000_000_000_016_003
VIEW, SEND, MANAGE_MESSAGES = 1 << 10, 1 << 11, 1 << 13
CARDS = {"CARD_RESULTS": "on", "USER_DAILY_IMAGES": "40"}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=1.2, duration_max=1.2, seed=16), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_channel(DEFAULT_GUILD_ID, AUDIT_CHANNEL_ID, "audit-log")
        fake.add_member(DEFAULT_GUILD_ID, REQUESTER_ID, "requester")
        fake.add_member(DEFAULT_GUILD_ID, REPORTER_ID, "reporter")
        fake.add_member(DEFAULT_GUILD_ID, MODERATOR_ID, "moderator", permissions=VIEW | SEND | MANAGE_MESSAGES)
        yield World(fake, sim, tmp_path_factory.mktemp("cards"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    deployment = Deployment(world, "cards")
    await deployment.start(extra_env=CARDS)
    record = await world.fake.invoke_command(
        "imagine-admin audit", {"channel": AUDIT_CHANNEL_ID}, user_id=ADMIN_USER_ID
    )
    await record.wait_for(lambda r: r.original is not None and not r.original.loading, timeout=10)
    yield deployment
    await deployment.stop()


async def card_result(world: World, prompt: str, n: int = 2) -> tuple[InteractionRecord, MessageRecord]:
    record = await world.fake.invoke_command("imagine", {"prompt": prompt, "n": n}, user_id=REQUESTER_ID)
    await record.wait_for_ack(timeout=5)
    await record.wait_for(lambda r: r.original is not None and len(r.original.attachments) == n, RESULT_TIMEOUT)
    assert record.original is not None
    return record, record.original


async def click(world: World, message: MessageRecord, action: str, user_id: int, **kwargs: object) -> InteractionRecord:
    (custom_id,) = [c for c in message.custom_ids() if c.startswith(f"imagine:{action}:")]
    record = await world.fake.invoke_component(custom_id, message.id, user_id=user_id, **kwargs)  # type: ignore[arg-type]
    await record.wait_for_ack(timeout=5)
    return record


async def reported(world: World, result: MessageRecord) -> MessageRecord:
    report = await click(world, result, "report", REPORTER_ID)
    await report.wait_for(lambda r: bool(r.followups), timeout=10)  # thanked once the result is hidden
    job_id = result.custom_ids()[0].rsplit(":", 1)[1]
    return await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: f"imagine:restore:{job_id}" in m.custom_ids(), timeout=10
    )


async def dm_saying(world: World, user_id: int, words: str) -> MessageRecord:
    def probe() -> MessageRecord | None:
        channel = world.fake.world.dm_channels.get(user_id)  # opened by the bot just before it writes
        messages = world.fake.channel_messages(channel.id) if channel else []
        return next((m for m in messages if words in m.content), None)

    return await world.fake.messages.signal.wait_for(probe, 10, f"a DM to {user_id} saying {words!r}")


async def test_a_job_is_one_card_from_progress_to_result_with_an_inert_prompt(world: World, bot: Deployment) -> None:
    prompt = "card harbour @everyone **loud** https://evil.example/x [duration:2.5]"
    record, result = await card_result(world, prompt)
    progress = [e for e in record.edits if e.status < 300 and not e.files and e.payload.get("components")]
    assert progress, "no progress card was shown before the result"
    assert all(int(e.payload.get("flags") or 0) & COMPONENTS_V2 for e in progress)
    assert result.flags & COMPONENTS_V2
    assert not result.content
    assert [url for url, _ in gallery_urls(result.components)] == [f"attachment://{n}" for n in result.filenames]
    said = text_of(result.components)
    assert "card harbour" in said
    assert "https://evil" not in said
    assert "\\*\\*loud" in said
    assert not result.pings.everyone
    assert set(result.pings.user_ids) <= {REQUESTER_ID}
    actions = {c.split(":")[1] for c in result.custom_ids()}
    assert {"reroll", "delete", "info", "report", "remix"} <= actions
    picture = render_card(result)  # the README's picture: IMAGINE_CARD_PICTURE=docs/card.png keeps it
    with Image.open(io.BytesIO(picture)) as drawn:
        assert drawn.width == 592
    if os.environ.get("IMAGINE_CARD_PICTURE"):
        Path(os.environ["IMAGINE_CARD_PICTURE"]).write_bytes(picture)


async def test_info_answers_privately_with_what_was_sent_and_charged(world: World, bot: Deployment) -> None:
    _, result = await card_result(world, "card lantern", n=1)
    await bot.settled("card lantern")
    info = await click(world, result, "info", REPORTER_ID)
    await info.wait_for(lambda r: r.original is not None and "Task id" in r.original.content, timeout=10)
    assert info.ephemeral
    words = info.original.content if info.original else ""
    assert "wan2.5-text-to-image" in words
    assert "n 1" in words
    assert "prompt_extend true" in words
    assert "1 reserved, 1 charged" in words
    assert "Queue time" in words


async def test_report_hides_the_result_and_posts_a_review_card_once_per_member(world: World, bot: Deployment) -> None:
    _, result = await card_result(world, "card meadow")
    review = await reported(world, result)
    assert all(spoiler for _, spoiler in gallery_urls(result.components))
    assert "reported" in text_of(result.components)
    assert len(review.attachments) == 2
    assert review.flags & COMPONENTS_V2
    assert not review.pings.user_ids
    assert not review.pings.everyone
    again = await click(world, result, "info", REPORTER_ID)  # the Report button left the hidden card
    assert again.ephemeral
    assert not [c for c in result.custom_ids() if c.startswith("imagine:report:")]


async def test_review_actions_work_after_a_restart_and_only_for_moderators(world: World, bot: Deployment) -> None:
    _, kept = await card_result(world, "card orchard")
    _, removed = await card_result(world, "card quarry")
    kept_review, removed_review = await reported(world, kept), await reported(world, removed)
    await bot.stop()
    await bot.start(extra_env=CARDS)
    refused = await click(world, kept_review, "restore", REPORTER_ID)
    await refused.wait_for(lambda r: r.original is not None and r.original.ephemeral, timeout=10)
    assert all(spoiler for _, spoiler in gallery_urls(kept.components))
    await click(world, kept_review, "restore", MODERATOR_ID, member_permissions=VIEW | SEND | MANAGE_MESSAGES)
    await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: "Restored by" in text_of(m.components))
    assert not any(spoiler for _, spoiler in gallery_urls(kept.components))
    assert not [c for c in kept_review.custom_ids() if c.startswith("imagine:restore:")]
    await click(world, removed_review, "purge", MODERATOR_ID, member_permissions=VIEW | SEND | MANAGE_MESSAGES)
    await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: "Deleted by" in text_of(m.components))
    assert removed.deleted
    assert await dm_saying(world, REPORTER_ID, "restored it")
    assert await dm_saying(world, REPORTER_ID, "deleted it")


async def test_block_and_add_a_term_from_a_review_card_after_a_restart(world: World, bot: Deployment) -> None:
    _, result = await card_result(world, "card volcano")
    review = await reported(world, result)
    await bot.stop()
    await bot.start(extra_env=CARDS)
    moderator = {"member_permissions": VIEW | SEND | MANAGE_MESSAGES}
    block = await click(world, review, "block", MODERATOR_ID, **moderator)
    await block.wait_for_followup(lambda m: "Done" in m.content, timeout=10)
    term = await click(world, review, "term", MODERATOR_ID, **moderator)
    submitted = await world.fake.submit_modal(term, ["volcano"], member_permissions=VIEW | SEND | MANAGE_MESSAGES)
    await submitted.wait_for_followup(lambda m: "Done" in m.content, timeout=10)
    with sqlite3.connect(bot.database) as connection:
        blocked = connection.execute("SELECT blocked FROM member_overrides WHERE user_id = ?", (REQUESTER_ID,))
        assert blocked.fetchone() == (1,)
        terms = connection.execute("SELECT text FROM blocked_terms WHERE guild_id = ?", (DEFAULT_GUILD_ID,))
        assert ("volcano",) in terms.fetchall()
    with sqlite3.connect(bot.database) as connection:
        connection.execute("DELETE FROM member_overrides WHERE user_id = ?", (REQUESTER_ID,))


async def test_a_card_discord_refuses_falls_back_to_the_classic_message(world: World, bot: Deployment) -> None:
    record = await world.fake.invoke_command("imagine", {"prompt": "card refused [duration:1.5]"}, user_id=REQUESTER_ID)
    await record.wait_for_ack(timeout=5)
    world.fake.expire_token(record.token)
    world.fake.inject_fault("POST", rf"/channels/{DEFAULT_CHANNEL_ID}/messages$", 400, {"code": 50035, "message": "x"})
    classic = await world.fake.wait_for_channel_message(
        DEFAULT_CHANNEL_ID, lambda m: "card refused" in m.content and bool(m.attachments), timeout=RESULT_TIMEOUT
    )
    assert not classic.flags & COMPONENTS_V2
    assert classic.pings.user_ids == [REQUESTER_ID]


async def test_history_lists_a_members_own_results_with_links_and_pages(world: World, bot: Deployment) -> None:
    _, result = await card_result(world, "card history", n=1)
    await bot.settled("card history")
    mine = await world.fake.invoke_command("history", {}, user_id=REQUESTER_ID)
    await mine.wait_for_followup(lambda m: "card history" in m.content, timeout=10)
    page = mine.followups[-1]
    assert page.ephemeral
    assert f"/{DEFAULT_CHANNEL_ID}/{result.id})" in page.content
    assert "page 1 of" in page.content
    empty = await world.fake.invoke_command("history", {"page": 999}, user_id=REQUESTER_ID)
    await empty.wait_for_followup(lambda m: "No results" in m.content, timeout=10)
    theirs = await world.fake.invoke_command("imagine-admin history", {"member": REQUESTER_ID}, user_id=ADMIN_USER_ID)
    await theirs.wait_for_followup(lambda m: "card history" in m.content, timeout=10)


async def test_a_spoiler_channel_shows_every_result_behind_a_spoiler(world: World, bot: Deployment) -> None:
    options = {"channel": DEFAULT_CHANNEL_ID, "spoiler": True}
    setting = await world.fake.invoke_command("imagine-admin channels spoiler", options, user_id=ADMIN_USER_ID)
    await setting.wait_for(lambda r: r.original is not None and "spoiler" in r.original.content, timeout=10)
    _, result = await card_result(world, "card spoiled", n=1)
    assert all(spoiler for _, spoiler in gallery_urls(result.components))
    options["spoiler"] = False
    setting = await world.fake.invoke_command("imagine-admin channels spoiler", options, user_id=ADMIN_USER_ID)
    await setting.wait_for(lambda r: r.original is not None and "without" in r.original.content, timeout=10)


async def test_without_an_audit_channel_a_report_tells_the_owner_privately(world: World, bot: Deployment) -> None:
    unset = await world.fake.invoke_command("imagine-admin audit", {}, user_id=ADMIN_USER_ID)
    await unset.wait_for(lambda r: r.original is not None and not r.original.loading, timeout=10)
    _, result = await card_result(world, "card lonely", n=1)
    report = await click(world, result, "report", REPORTER_ID)
    told = await report.wait_for_followup(lambda m: "owner was told" in m.content, timeout=10)
    assert told.ephemeral
    notice = await dm_saying(world, OWNER_USER_ID, "was reported")
    assert f"/{result.id}" in notice.content
    assert all(spoiler for _, spoiler in gallery_urls(result.components))
    again = await world.fake.invoke_command("imagine-admin audit", {"channel": AUDIT_CHANNEL_ID}, user_id=ADMIN_USER_ID)
    await again.wait_for(lambda r: r.original is not None and not r.original.loading, timeout=10)


async def test_a_card_cut_short_by_a_crash_is_not_posted_twice(world: World, bot: Deployment) -> None:
    await bot.stop()
    await bot.start(crash_at="during_upload", extra_env=CARDS)
    record = await world.fake.invoke_command("imagine", {"prompt": "card durable", "n": 2}, user_id=REQUESTER_ID)
    await record.wait_for_ack(timeout=5)
    assert await bot.kill_at_marker() == "during_upload"
    await bot.start(extra_env=CARDS)
    row = await bot.settled("card durable")
    assert row["state"] == "delivered"
    assert sum(1 for edit in record.edits if edit.status < 300 and edit.files) == 1
    assert not [m for m in world.fake.channel_messages(DEFAULT_CHANNEL_ID) if "card durable" in text_of(m.components)]
