"""Starting from an image, end to end: `/imagine` with an uploaded image, each refused input, an expired
upload URL renewed before it is used (never for a member out of quota), Vary and Remix on a result (the
real bot, the fake Discord, the simulator downloading the inputs from the fake's CDN)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import DAILY_LIMIT, Stack
from tests.e2e.image_inputs import button, picture, reddish, refusal
from tests.support.fake_discord import EditRecord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

RESULT_TIMEOUT = 30.0


def has_files(edit: EditRecord) -> bool:
    return bool(edit.files)


def creates_for(stack: Stack, prompt: str) -> list[dict[str, object]]:
    return [r.body for r in stack.sim.state.create_records if isinstance(r.body, dict) and r.body["prompt"] == prompt]


async def result_of(record: InteractionRecord) -> EditRecord:
    await record.wait_for_ack(timeout=5)
    return await record.wait_until_edit(has_files, timeout=RESULT_TIMEOUT)


async def test_an_uploaded_image_is_sent_to_the_image_model_and_the_result_derives_from_it(stack: Stack) -> None:
    user = stack.new_member()
    upload = stack.fake.uploads.upload(picture(), "red.png")
    record = await stack.fake.invoke_command(
        "imagine", {"prompt": "the same, at night [duration:0.3]", "image": upload}, user_id=user
    )
    result = await result_of(record)
    (body,) = creates_for(stack, "the same, at night [duration:0.3]")
    assert body["model"] == "wan2.5-image-to-image"
    assert body["image_urls"] == [upload.url]
    assert "size" not in body
    assert "prompt_extend" not in body
    assert reddish(result.files[0].data)
    assert "from an image" in (result.content or "")
    assert await stack.settled_usage(user, 1) == 1
    assert record.original is not None
    assert button(record.original, "imagine:vary:").endswith(":1")
    assert button(record.original, "imagine:remix:")


async def test_two_images_are_both_sent(stack: Stack) -> None:
    first, second = stack.fake.uploads.upload(picture()), stack.fake.uploads.upload(picture((500, 700)), "b.jpg")
    options = {"prompt": "merge these two [duration:0.3]", "image": first, "image2": second}
    await result_of(await stack.fake.invoke_command("imagine", options, user_id=stack.new_member()))
    (body,) = creates_for(stack, "merge these two [duration:0.3]")
    assert body["image_urls"] == [first.url, second.url]


@pytest.mark.parametrize(
    ("data", "filename", "content_type", "size", "words"),
    [
        (b"%PDF-1.4 not a picture", "notes.pdf", "application/pdf", None, "not an image"),
        (b"plain text named as a picture", "fake.png", "image/png", None, "not an image"),
        (picture(), "huge.png", "image/png", 11 * 1024 * 1024, "larger than 10 MB"),
        (picture((300, 900)), "narrow.png", "image/png", None, "300×900 pixels; each side must be 384 to 5000"),
        (picture((400, 400), mode="P", image_format="GIF"), "anim.gif", "image/gif", None, "format is GIF"),
        (picture((400, 400), mode="RGBA"), "clear.png", "image/png", None, "transparency"),
    ],
    ids=["pdf", "not-an-image", "over-10-mb", "side", "gif", "transparent"],
)
async def test_a_bad_input_is_refused_privately_before_anything_is_sent_or_counted(
    stack: Stack, data: bytes, filename: str, content_type: str, size: int | None, words: str
) -> None:
    user = stack.new_member()
    upload = stack.fake.uploads.upload(data, filename, content_type, size=size)
    prompt = f"refused input {filename}"
    record = await stack.fake.invoke_command("imagine", {"prompt": prompt, "image": upload}, user_id=user)
    told = await refusal(record)
    assert "Image 1 cannot be used" in told
    assert words in told
    assert "no quota was used" in told
    assert creates_for(stack, prompt) == []
    assert stack.images_used(user) == 0


async def test_a_size_with_an_image_is_refused(stack: Stack) -> None:
    upload = stack.fake.uploads.upload(picture())
    options = {"prompt": "sized from an image", "image": upload, "size": "1280x1280"}
    told = await refusal(await stack.fake.invoke_command("imagine", options, user_id=stack.new_member()))
    assert "cannot be used with an image" in told
    assert creates_for(stack, "sized from an image") == []


async def test_an_expired_upload_url_is_renewed_before_the_bot_downloads_it(stack: Stack) -> None:
    upload = stack.fake.uploads.upload(picture(), expires_in=-60)
    options = {"prompt": "from an expired link [duration:0.3]", "image": upload}
    await result_of(await stack.fake.invoke_command("imagine", options, user_id=stack.new_member()))
    assert [upload.url] in stack.fake.uploads.refresh_requests
    (body,) = creates_for(stack, "from an expired link [duration:0.3]")
    assert body["image_urls"] != [upload.url]  # the renewed link, which the simulator could download


async def test_an_upload_url_close_to_expiry_is_renewed_before_submit(stack: Stack) -> None:
    upload = stack.fake.uploads.upload(picture(), expires_in=600)  # fine to check now, not for the API's queue
    options = {"prompt": "from a link about to expire [duration:0.3]", "image": upload}
    await result_of(await stack.fake.invoke_command("imagine", options, user_id=stack.new_member()))
    assert [upload.url] in stack.fake.uploads.refresh_requests
    (body,) = creates_for(stack, "from a link about to expire [duration:0.3]")
    (sent,) = body["image_urls"]  # type: ignore[misc]
    assert sent != upload.url
    assert sent.split("?")[0] == upload.url.split("?")[0]


async def test_vary_makes_an_image_job_from_that_image_charged_to_whoever_clicks(stack: Stack) -> None:
    requester, clicker = stack.new_member(), stack.new_member()
    record = await stack.fake.invoke_command(
        "imagine", {"prompt": "two foxes [duration:0.3]", "n": 2}, user_id=requester
    )
    await result_of(record)
    assert record.original is not None
    message = stack.fake.message(record.original.id)
    vary = button(message, "imagine:vary:").rsplit(":", 1)[0] + ":2"
    click = await stack.fake.invoke_component(vary, message.id, user_id=clicker)
    await result_of(click)
    bodies = creates_for(stack, "two foxes [duration:0.3]")
    assert [body["model"] for body in bodies] == ["wan2.5-text-to-image", "wan2.5-image-to-image"]
    assert bodies[1]["image_urls"] == [message.attachments[1].url]
    assert bodies[1]["n"] == 2
    assert await stack.settled_usage(clicker, 2) == 2
    assert stack.images_used(requester) == 2


async def test_remix_with_an_image_sends_the_edited_prompt_with_that_image(stack: Stack) -> None:
    record = await stack.fake.invoke_command(
        "imagine", {"prompt": "a teapot [duration:0.3]"}, user_id=stack.new_member()
    )
    await result_of(record)
    assert record.original is not None
    message = stack.fake.message(record.original.id)
    click = await stack.fake.invoke_component(button(message, "imagine:remix:"), message.id, user_id=stack.new_member())
    await click.wait_for_ack(timeout=5)
    form = await stack.fake.submit_modal(click, ["a teapot made of glass [duration:0.3]", "1", "1"])
    await result_of(form)
    (body,) = creates_for(stack, "a teapot made of glass [duration:0.3]")
    assert body["model"] == "wan2.5-image-to-image"
    assert body["image_urls"] == [message.attachments[0].url]


async def test_remix_without_an_image_is_a_text_job_with_the_new_count(stack: Stack) -> None:
    record = await stack.fake.invoke_command(
        "imagine", {"prompt": "a kettle [duration:0.3]"}, user_id=stack.new_member()
    )
    await result_of(record)
    assert record.original is not None
    message = stack.fake.message(record.original.id)
    click = await stack.fake.invoke_component(button(message, "imagine:remix:"), message.id, user_id=stack.new_member())
    await click.wait_for_ack(timeout=5)
    form = await stack.fake.submit_modal(click, ["a kettle, watercolour [duration:0.3]", "2", ""])
    result = await result_of(form)
    (body,) = creates_for(stack, "a kettle, watercolour [duration:0.3]")
    assert (body["model"], body["n"]) == ("wan2.5-text-to-image", 2)
    assert len(result.files) == 2


async def test_remix_of_an_image_the_result_does_not_have_is_refused(stack: Stack) -> None:
    record = await stack.fake.invoke_command(
        "imagine", {"prompt": "a spoon [duration:0.3]"}, user_id=stack.new_member()
    )
    await result_of(record)
    assert record.original is not None
    message = stack.fake.message(record.original.id)
    click = await stack.fake.invoke_component(button(message, "imagine:remix:"), message.id, user_id=stack.new_member())
    await click.wait_for_ack(timeout=5)
    told = await refusal(await stack.fake.submit_modal(click, ["a spoon, bent", "1", "3"]))
    assert "this result has 1 image;" in told
    assert creates_for(stack, "a spoon, bent") == []


async def test_a_member_out_of_quota_is_refused_before_the_bot_renews_or_downloads_the_input(stack: Stack) -> None:
    user = stack.new_member()
    for _ in range(DAILY_LIMIT // 4):
        options = {"prompt": "use the day up [duration:0.2]", "n": 4}
        await result_of(await stack.fake.invoke_command("imagine", options, user_id=user))
    assert await stack.settled_usage(user, DAILY_LIMIT) == DAILY_LIMIT
    upload = stack.fake.uploads.upload(picture(), expires_in=-60)
    record = await stack.fake.invoke_command("imagine", {"prompt": "one more", "image": upload}, user_id=user)
    told = await refusal(record)
    assert "Daily limit reached" in told
    assert [upload.url] not in stack.fake.uploads.refresh_requests
    assert creates_for(stack, "one more") == []
