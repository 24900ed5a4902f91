"""The fake Discord validates Components V2 messages as Discord does: the bot's real cards pass, and a
message over a limit, with legacy fields, or referring to a file it does not carry is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from discord_side.cards import result_card, review_card
from services.core.models import DeliveryTarget, GenerationOptions, Job
from tests.support.fake_discord.components_v2 import COMPONENTS_V2
from tests.support.fake_discord.errors import ApiError
from tests.support.fake_discord.records import FileRecord
from tests.support.fake_discord.validation import validate_message

JOB = Job(id="0123456789ab", user_id=5, options=GenerationOptions("a lighthouse", n=4), target=DeliveryTarget(1, 2))
NAMES = [f"0123456789ab-{i}.png" for i in range(1, 5)]


def files(names: list[str]) -> list[FileRecord]:
    return [FileRecord(index, name, "image/png", b"x") for index, name in enumerate(names)]


def payload(components: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"components": components, "flags": COMPONENTS_V2, **extra}


def text_display(length: int) -> dict[str, Any]:
    return {"type": 10, "content": "x" * length}


def refused(body: dict[str, Any], names: list[str] = NAMES) -> ApiError:
    with pytest.raises(ApiError) as caught:
        validate_message(body, files(names), size_limit=10**7, creating=True)
    assert caught.value.status == 400
    return caught.value


def test_the_bots_largest_result_card_is_accepted() -> None:
    card = result_card(JOB, NAMES, "caption " * 200, image_to_image=True)
    validate_message(
        payload(json.loads(json.dumps(card.to_components()))), files(NAMES), size_limit=10**7, creating=True
    )


def test_the_review_card_is_accepted() -> None:
    card = review_card(JOB, "summary", NAMES)
    validate_message(payload(card.to_components()), files(NAMES), size_limit=10**7, creating=True)


def test_more_than_forty_components_are_refused() -> None:
    container = {"type": 17, "components": [text_display(1) for _ in range(40)]}
    assert "40" in json.dumps(refused(payload([container])).errors)


def test_more_than_4000_characters_of_text_are_refused() -> None:
    assert "COMPONENT_TEXT_TOO_LONG" in json.dumps(refused(payload([text_display(2000), text_display(2001)])).errors)


def test_a_media_gallery_needs_one_to_ten_items() -> None:
    refused(payload([{"type": 12, "items": []}]))
    items = [{"media": {"url": f"attachment://{NAMES[0]}"}} for _ in range(11)]
    refused(payload([{"type": 12, "items": items}]))


def test_content_or_embeds_beside_v2_components_are_refused() -> None:
    refused(payload([text_display(5)], content="hello"))
    refused(payload([text_display(5)], embeds=[{"title": "x"}]))


def test_an_attachment_reference_to_a_file_not_sent_is_refused() -> None:
    gallery = {"type": 12, "items": [{"media": {"url": "attachment://missing.png"}}]}
    assert "ATTACHMENT_NOT_FOUND" in json.dumps(refused(payload([gallery])).errors)


def test_v2_components_without_the_flag_are_refused() -> None:
    refused({"components": [text_display(5)]})
