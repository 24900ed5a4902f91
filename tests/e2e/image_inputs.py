"""Helpers of the image-to-image end-to-end tests: images to upload, refusals to read, buttons to find."""

from __future__ import annotations

import io

from PIL import Image

from tests.support.fake_discord import InteractionRecord, MessageRecord

REFUSAL_TIMEOUT = 15.0


def picture(size: tuple[int, int] = (640, 480), *, mode: str = "RGB", image_format: str = "PNG") -> bytes:
    """An image to upload: red (the results of the simulator are visibly derived from it)."""
    colour = {"RGB": (230, 20, 20), "RGBA": (230, 20, 20, 120), "P": 1}[mode]
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, format=image_format)
    return out.getvalue()


def reddish(data: bytes) -> bool:
    """Whether an image's middle is red, like the uploaded picture (the tint keeps it so)."""
    with Image.open(io.BytesIO(data)) as image:
        red, green, blue = image.convert("RGB").getpixel((image.width // 2, image.height - 5))
    return red > 150 and green < 110 and blue < 110


async def refusal(record: InteractionRecord) -> str:
    """The private answer refusing a request: the response itself (before any defer), or the followup
    that replaced a deleted deferred answer."""

    def answered(r: InteractionRecord) -> bool:
        early = r.original is not None and r.original.ephemeral and bool(r.original.content)
        return early or any(message.ephemeral for message in r.followups)

    await record.wait_for(answered, timeout=REFUSAL_TIMEOUT)
    late = [message for message in record.followups if message.ephemeral]
    if late:
        return late[0].content or ""
    assert record.original is not None
    return record.original.content or ""


def button(message: MessageRecord, prefix: str) -> str:
    """The custom id of the message's component starting with `prefix` (`imagine:vary:`)."""
    found = [custom_id for custom_id in message.custom_ids() if custom_id.startswith(prefix)]
    assert found, f"no {prefix!r} component on message {message.id}: {message.custom_ids()}"
    return found[0]
