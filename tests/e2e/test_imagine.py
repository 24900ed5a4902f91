"""/imagine end to end: the real bot process, the fake Discord and the simulator over HTTP."""

from __future__ import annotations

import io
import itertools

import pytest
from PIL import Image

from tests.e2e.conftest import DAILY_LIMIT, Stack
from tests.support.fake_discord import DEFAULT_CHANNEL_ID, EditRecord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

RESULT_TIMEOUT = 30.0


def has_files(edit: EditRecord) -> bool:
    return bool(edit.files)


async def imagine(stack: Stack, user_id: int, **options: object) -> InteractionRecord:
    record = await stack.fake.invoke_command("imagine", options, user_id=user_id)
    await record.wait_for_ack(timeout=5)
    stack.timings["ack latency (s)"].append(record.ack_latency or 0.0)
    return record


def note_completion_to_upload(stack: Stack, prompt_part: str, result: EditRecord) -> None:
    task = next(t for t in stack.sim.state.tasks.values() if prompt_part in t.request.prompt)
    stack.timings["completion to upload (s)"].append(result.at - stack.wall_to_monotonic(task.terminal_at))


def assert_valid_images(edit: EditRecord, limit: int) -> None:
    for file in edit.files:
        assert file.size <= limit
        with Image.open(io.BytesIO(file.data)) as image:
            image.verify()


async def test_imagine_is_deferred_within_three_seconds_and_images_arrive(stack: Stack) -> None:
    user = stack.new_member()
    record = await imagine(stack, user, prompt="a lighthouse on a cliff at dusk")
    assert record.deferred
    assert record.ack_latency is not None
    assert record.ack_latency < 3.0
    result = await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    assert len(result.files) == 1
    assert_valid_images(result, 10 * 1024 * 1024)
    assert "a lighthouse on a cliff at dusk" in (result.content or "")
    note_completion_to_upload(stack, "lighthouse", result)
    assert await stack.settled_usage(user, 1) == 1


async def test_progress_is_shown_while_the_task_runs(stack: Stack) -> None:
    record = await imagine(stack, stack.new_member(), prompt="a slow sunrise [duration:4]")
    result = await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    note_completion_to_upload(stack, "slow sunrise", result)
    progress = [edit for edit in record.edits if edit.status < 300 and edit is not result]
    texts = " ".join(edit.content or "" for edit in progress)
    assert "Generating" in texts
    assert "%" in texts
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(progress)]
    assert all(gap >= 0.9 for gap in gaps), gaps


async def test_four_images_arrive_in_one_message(stack: Stack) -> None:
    user = stack.new_member()
    record = await imagine(stack, user, prompt="four kittens", n=4, size="1024x1024")
    result = await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    assert len(result.files) == 4
    note_completion_to_upload(stack, "four kittens", result)
    assert_valid_images(result, 10 * 1024 * 1024)
    for file in result.files:
        with Image.open(io.BytesIO(file.data)) as image:
            assert image.size == (1024, 1024)
    assert await stack.settled_usage(user, 4) == 4


async def test_images_over_the_upload_limit_are_fitted_under_it(stack: Stack) -> None:
    user = stack.new_member()
    limit = 400 * 1024
    record = await stack.fake.invoke_command(
        "imagine", {"prompt": "noisy static [big]", "size": "1440x1440"}, user_id=user, attachment_size_limit=limit
    )
    result = await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    note_completion_to_upload(stack, "noisy static", result)
    assert_valid_images(result, limit)


async def test_an_invalid_size_gets_an_ephemeral_error_and_no_api_call(stack: Stack) -> None:
    calls_before = stack.create_calls()
    user = stack.new_member()
    record = await stack.fake.invoke_command("imagine", {"prompt": "a cat", "size": "5000x5000"}, user_id=user)
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    assert record.original is not None
    assert "size" in record.original.content
    assert "768×768" in record.original.content
    assert stack.create_calls() == calls_before
    assert await stack.settled_usage(user, 0) == 0


async def test_an_out_of_range_image_count_gets_an_ephemeral_error(stack: Stack) -> None:
    record = await stack.fake.invoke_command("imagine", {"prompt": "a cat", "n": 9}, user_id=stack.new_member())
    await record.wait_for_ack(timeout=5)
    assert record.ephemeral
    assert "between 1 and 4" in record.original.content


async def test_a_prompt_with_everyone_pings_nobody(stack: Stack) -> None:
    prompt = "@everyone look <@&1250000000000000301> and <@1250000000000000401>"
    record = await imagine(stack, stack.new_member(), prompt=prompt)
    result = await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    assert record.original is not None
    assert not record.original.pings.any
    assert "@everyone" not in (result.content or "")
    allowed = result.payload.get("allowed_mentions") or {}
    assert allowed.get("parse") == []


async def test_an_expired_token_falls_back_to_a_channel_message(stack: Stack) -> None:
    user = stack.new_member()
    record = await imagine(stack, user, prompt="a ship in a bottle [duration:2]")
    stack.fake.expire_token(record.token)
    message = await stack.fake.wait_for_channel_message(
        DEFAULT_CHANNEL_ID, lambda m: "ship in a bottle" in m.content, timeout=RESULT_TIMEOUT
    )
    assert len(message.attachments) == 1
    assert f"<@{user}>" in message.content
    assert message.pings.user_ids == [user]
    assert not message.pings.everyone
    assert message.nonce is not None
    assert await stack.settled_usage(user, 1) == 1


async def test_a_refused_prompt_says_so_and_leaves_the_quota_intact(stack: Stack) -> None:
    user = stack.new_member()
    record = await imagine(stack, user, prompt="forbidden [fail:content_policy_violation]", n=2)
    failure = await record.wait_until_edit(lambda e: "content policy" in (e.content or ""), timeout=RESULT_TIMEOUT)
    assert "Rephrase" in failure.content
    assert await stack.settled_usage(user, 0) == 0


async def test_a_server_side_failure_says_to_try_again(stack: Stack) -> None:
    user = stack.new_member()
    record = await imagine(stack, user, prompt="unlucky [fail:service_error]")
    failure = await record.wait_until_edit(lambda e: "failed to generate" in (e.content or ""), timeout=RESULT_TIMEOUT)
    assert "try again" in failure.content
    assert await stack.settled_usage(user, 0) == 0


async def test_a_rejected_api_key_says_the_service_is_unavailable(stack: Stack) -> None:
    user = stack.new_member()
    stack.sim.state.add_fault("create", {"status": 401})
    record = await imagine(stack, user, prompt="no key")
    failure = await record.wait_until_edit(lambda e: "unavailable" in (e.content or ""), timeout=RESULT_TIMEOUT)
    assert "operator" in failure.content
    assert await stack.settled_usage(user, 0) == 0
    assert "WAN_API_KEY" in stack.bot.log()
    assert "e2e-wan-key" not in stack.bot.log()
    assert "fake-discord-token" not in stack.bot.log()


async def test_a_non_image_result_fails_cleanly_and_the_next_imagine_works(stack: Stack) -> None:
    user = stack.new_member()
    broken = await imagine(stack, user, prompt="broken file [nonimage]")
    await broken.wait_until_edit(lambda e: "could not be used" in (e.content or ""), timeout=RESULT_TIMEOUT)
    assert await stack.settled_usage(user, 0) == 0
    working = await imagine(stack, user, prompt="a working one")
    await working.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    assert await stack.settled_usage(user, 1) == 1


async def test_fewer_results_are_delivered_with_a_note(stack: Stack) -> None:
    user = stack.new_member()
    record = await imagine(stack, user, prompt="partial [results:2]", n=4)
    result = await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    assert len(result.files) == 2
    assert "only 2 of the 4" in result.content
    assert await stack.settled_usage(user, 2) == 2


async def test_over_the_daily_limit_is_refused_with_the_reset_time(stack: Stack) -> None:
    user, other = stack.new_member(), stack.new_member()
    for _ in range(DAILY_LIMIT // 4):
        record = await imagine(stack, user, prompt="quota filler", n=4)
        await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)
    calls_before = stack.create_calls()
    refused = await imagine(stack, user, prompt="one too many")
    followup = await refused.wait_for_followup(timeout=10)
    assert followup.ephemeral
    assert "Daily limit reached" in followup.content
    assert "<t:" in followup.content
    assert stack.create_calls() == calls_before
    still_works = await imagine(stack, other, prompt="another member is unaffected")
    await still_works.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)


async def test_size_autocomplete_offers_the_presets(stack: Stack) -> None:
    record = await stack.fake.invoke_autocomplete("imagine", {"prompt": "x", "size": "wi"}, focused="size")
    assert record.autocomplete_choices == [{"name": "wide 16:9 (1600x900)", "value": "1600x900"}]
