"""Reports and result cards when Discord refuses something, end to end: the real bot against the fake
Discord, with the fixtures of tests/e2e/test_cards.py (CARD_RESULTS on, an audit channel, a moderator)."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from discord_side.catalogue import text, text_in
from tests.e2e import test_cards
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World
from tests.e2e.test_cards import AUDIT_CHANNEL_ID, REPORTER_ID, card_result, click
from tests.support.fake_discord.components_v2 import gallery_urls, text_of

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]
world = test_cards.world  # the same fixtures, one deployment for this module
bot = test_cards.bot


def hidden(message: object) -> bool:
    """Whether every image of a card is behind a spoiler (a hidden, reported result)."""
    return all(spoiler for _, spoiler in gallery_urls(message.components))  # type: ignore[attr-defined]


async def test_a_report_whose_review_card_cannot_be_posted_does_not_leave_the_result_hidden_for_good(
    world: World, bot: Deployment
) -> None:
    _, result = await card_result(world, "review stranded", n=1)
    job_id = result.custom_ids()[0].rsplit(":", 1)[1]
    # The audit channel refuses the bot for a moment (permissions changed, outage): 403 Missing Permissions.
    fault = world.fake.inject_fault(
        "POST",
        rf"/channels/{AUDIT_CHANNEL_ID}/messages$",
        403,
        {"code": 50013, "message": "Missing Permissions"},
        times=None,
    )
    try:
        report = await click(world, result, "report", REPORTER_ID)
        with contextlib.suppress(TimeoutError):
            await report.wait_for(lambda r: bool(r.followups), timeout=10)
        await asyncio.sleep(1.0)
    finally:
        world.fake.faults.rules.remove(fault)
    assert not hidden(result), "the result is hidden and no moderator can ever restore it"
    assert "could not be reached" in report.followups[0].content
    await click(world, result, "report", REPORTER_ID)  # the report was forgotten: the member tries again
    await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: f"imagine:restore:{job_id}" in m.custom_ids(), timeout=10
    )


async def test_a_reported_result_offers_no_reroll_and_refuses_a_remix_form_opened_before(
    world: World, bot: Deployment
) -> None:
    _, result = await card_result(world, "review rerolled", n=1)
    job_id = result.custom_ids()[0].rsplit(":", 1)[1]
    remix = await click(world, result, "remix", REPORTER_ID)  # the form is open while someone reports
    await test_cards.reported(world, result)
    assert hidden(result)
    assert f"imagine:reroll:{job_id}" not in result.custom_ids()
    form = await world.fake.submit_modal(remix, ["review rerolled again", "1", ""])
    await form.wait_for(lambda r: r.original is not None or bool(r.followups), timeout=10)
    answer = form.original or form.followups[0]
    assert "waits for a moderator" in answer.content, answer.content


async def test_a_spoiler_channel_keeps_the_spoiler_when_the_card_falls_back_to_the_classic_message(
    world: World, bot: Deployment
) -> None:
    from tests.support.fake_discord import ADMIN_USER_ID, DEFAULT_CHANNEL_ID

    options = {"channel": DEFAULT_CHANNEL_ID, "spoiler": True}
    setting = await world.fake.invoke_command("imagine-admin channels spoiler", options, user_id=ADMIN_USER_ID)
    await setting.wait_for(lambda r: r.original is not None and "spoiler" in r.original.content, timeout=10)
    try:
        record = await world.fake.invoke_command(
            "imagine", {"prompt": "review young [duration:1.5]"}, user_id=REPORTER_ID
        )
        await record.wait_for_ack(timeout=5)
        world.fake.expire_token(record.token)
        world.fake.inject_fault(
            "POST", rf"/channels/{DEFAULT_CHANNEL_ID}/messages$", 400, {"code": 50035, "message": "x"}
        )
        classic = await world.fake.wait_for_channel_message(
            DEFAULT_CHANNEL_ID, lambda m: "review young" in m.content and bool(m.attachments), timeout=RESULT_TIMEOUT
        )
    finally:
        options["spoiler"] = False
        await world.fake.invoke_command("imagine-admin channels spoiler", options, user_id=ADMIN_USER_ID)
    # The channel is set to show every result behind a spoiler (young members); the fallback shows it bare.
    assert all(name.startswith("SPOILER_") for name in classic.filenames), classic.filenames


async def test_a_failure_notice_whose_card_is_refused_falls_back_to_the_classic_message(
    world: World, bot: Deployment
) -> None:
    from tests.support.fake_discord import DEFAULT_CHANNEL_ID

    prompt = "review unlucky [fail:service_error] [duration:1.5]"
    record = await world.fake.invoke_command("imagine", {"prompt": prompt}, user_id=REPORTER_ID)
    await record.wait_for_ack(timeout=5)
    world.fake.expire_token(record.token)
    fault = world.fake.inject_fault(
        "POST", rf"/channels/{DEFAULT_CHANNEL_ID}/messages$", 400, {"code": 50035, "message": "x"}
    )
    row = await bot.settled(prompt)
    assert row["state"] == "failed"
    await asyncio.sleep(1.0)
    told = [
        m
        for m in world.fake.channel_messages(DEFAULT_CHANNEL_ID)
        if "review unlucky" in (m.content + text_of(m.components))
    ]
    assert fault.hits == 1
    # A result falls back to the classic message when its card is refused; the failure notice does not:
    # the requester is never told their job failed (nor whether its images counted).
    assert told, "the requester was never told how the job ended"


async def submitted_term(world: World, review: object, term: str) -> str:
    """What a moderator is told after typing `term` in a review card's Add a blocked term form."""
    moderator = test_cards.VIEW | test_cards.SEND | test_cards.MANAGE_MESSAGES
    form = await click(world, review, "term", test_cards.MODERATOR_ID, member_permissions=moderator)  # type: ignore[arg-type]
    submitted = await world.fake.submit_modal(form, [term], member_permissions=moderator)
    return (await submitted.wait_for_followup(lambda m: bool(m.content), timeout=10)).content


async def test_an_invalid_term_from_a_review_card_is_answered_with_its_problem(world: World, bot: Deployment) -> None:
    _, result = await card_result(world, "review badterm", n=1)
    review = await test_cards.reported(world, result)
    answer = await submitted_term(world, review, "!!!")
    assert answer == text("admin-term-not-added", problem=text("term-no-letters")), answer


async def test_a_term_already_blocked_from_a_review_card_is_answered_so(world: World, bot: Deployment) -> None:
    _, result = await card_result(world, "review dupe", n=1)
    review = await test_cards.reported(world, result)
    assert await submitted_term(world, review, "dupeterm") == text("review-done")
    assert await submitted_term(world, review, "dupeterm") == text("admin-term-already-blocked")


async def test_two_reports_at_once_open_one_review(world: World, bot: Deployment) -> None:
    from tests.support.fake_discord import DEFAULT_GUILD_ID

    second = 1_250_000_000_000_016_099
    world.fake.add_member(DEFAULT_GUILD_ID, second, "second-reporter")
    _, result = await card_result(world, "review twice", n=1)
    job_id = result.custom_ids()[0].rsplit(":", 1)[1]
    (custom_id,) = [c for c in result.custom_ids() if c.startswith("imagine:report:")]
    await asyncio.gather(
        world.fake.invoke_component(custom_id, result.id, user_id=REPORTER_ID),
        world.fake.invoke_component(custom_id, result.id, user_id=second),
    )
    await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: f"imagine:restore:{job_id}" in m.custom_ids(), timeout=10
    )
    await asyncio.sleep(1.5)
    reviews = [
        m for m in world.fake.channel_messages(AUDIT_CHANNEL_ID) if f"imagine:restore:{job_id}" in m.custom_ids()
    ]
    # Each open review card has live Restore/Delete: a moderator restores on one, another later deletes
    # the restored result from the stale one; the images are uploaded to the audit channel twice.
    assert len(reviews) == 1, len(reviews)


async def test_a_reporter_is_told_the_outcome_in_their_language_and_the_card_closes_in_the_servers(
    world: World, bot: Deployment
) -> None:
    _, result = await card_result(world, "card lagoon")
    report = await click(world, result, "report", REPORTER_ID, locale="de")
    await report.wait_for(lambda r: bool(r.followups), timeout=10)
    job_id = result.custom_ids()[0].rsplit(":", 1)[1]
    review = await world.fake.wait_for_channel_message(
        AUDIT_CHANNEL_ID, lambda m: f"imagine:restore:{job_id}" in m.custom_ids(), timeout=10
    )
    moderator = {"member_permissions": test_cards.VIEW | test_cards.SEND | test_cards.MANAGE_MESSAGES}
    await click(world, review, "restore", test_cards.MODERATOR_ID, locale="ja", **moderator)
    closed = text_in("en-US", "review-restored", moderator=f"<@{test_cards.MODERATOR_ID}>")
    await world.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, lambda m: closed in text_of(m.components))
    told = text_in("de", "review-outcome-restored", guild="\x00").split("\x00")[-1]  # after the server's name
    assert await test_cards.dm_saying(world, REPORTER_ID, told)
