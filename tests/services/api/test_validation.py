from __future__ import annotations

from dataclasses import replace

import pytest

from services.api.validation import MAX_PIXELS, MIN_PIXELS, SIZE_PRESETS, parse_size, validate_options
from services.core.errors import InvalidOption, InvalidOptionReason
from services.core.models import InputImage


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1280x1280", "1280x1280"),
        ("768x768", "768x768"),
        ("1440x1440", "1440x1440"),
        (" 1024 X 1024 ", "1024x1024"),
        ("1024×1024", "1024x1024"),
        ("2880x720", "2880x720"),
        ("wide", "1600x900"),
        ("Square", "1280x1280"),
    ],
)
def test_valid_sizes_are_canonicalised(raw: str, expected: str) -> None:
    assert parse_size(raw) == expected


@pytest.mark.parametrize(
    ("raw", "why", "values"),
    [
        ("big", InvalidOptionReason.SIZE_NOT_A_SIZE, {"typed": "big"}),
        ("767x767", InvalidOptionReason.SIZE_PIXELS_OUT_OF_RANGE, {"pixels": 767 * 767, "minimum": MIN_PIXELS}),
        ("1441x1441", InvalidOptionReason.SIZE_PIXELS_OUT_OF_RANGE, {"pixels": 1441 * 1441, "maximum": MAX_PIXELS}),
        ("3000x600", InvalidOptionReason.SIZE_ASPECT_OUT_OF_RANGE, {"width": 3000, "height": 600}),
        ("0x1280", InvalidOptionReason.SIZE_ZERO_SIDE, {"width": 0, "height": 1280}),
        ("1280", InvalidOptionReason.SIZE_NOT_A_SIZE, {"typed": "1280"}),
        (" -5x10 ", InvalidOptionReason.SIZE_NOT_A_SIZE, {"typed": "-5x10"}),
    ],
)
def test_invalid_sizes_say_why_with_the_values(raw: str, why: InvalidOptionReason, values: dict[str, object]) -> None:
    with pytest.raises(InvalidOption) as caught:
        parse_size(raw)
    assert (caught.value.option, caught.value.reason) == ("size", why)
    assert values.items() <= caught.value.values.items()


def test_presets_are_data_with_their_ratio() -> None:
    assert [(p.name, p.size, p.ratio) for p in SIZE_PRESETS] == [
        ("square", "1280x1280", "1:1"),
        ("portrait", "1080x1440", "3:4"),
        ("landscape", "1440x1080", "4:3"),
        ("wide", "1600x900", "16:9"),
        ("tall", "900x1600", "9:16"),
    ]


def test_every_preset_is_a_valid_size() -> None:
    for preset in SIZE_PRESETS:
        assert parse_size(preset.size) == preset.size


def test_empty_prompt_is_refused() -> None:
    with pytest.raises(InvalidOption) as caught:
        validate_options("   ", None, 1, True)
    assert (caught.value.option, caught.value.reason) == ("prompt", InvalidOptionReason.PROMPT_EMPTY)
    assert caught.value.values == {"maximum": 2000}


def test_prompt_over_2000_characters_is_refused() -> None:
    with pytest.raises(InvalidOption) as caught:
        validate_options("a" * 2001, None, 1, True)
    assert (caught.value.option, caught.value.reason) == ("prompt", InvalidOptionReason.PROMPT_TOO_LONG)
    assert caught.value.values == {"length": 2001, "maximum": 2000}


def test_prompt_of_2000_characters_is_accepted() -> None:
    assert len(validate_options("a" * 2000, None, 1, True).prompt) == 2000


@pytest.mark.parametrize(
    ("prompt", "character"),
    [("a\x00cat", "U+0000"), ("a cat\nwith a second line", "U+000A"), ("a\tcat", "U+0009"), ("a\x9bcat", "U+009B")],
)
def test_a_prompt_with_a_control_character_is_refused_naming_it(prompt: str, character: str) -> None:
    with pytest.raises(InvalidOption) as caught:
        validate_options(prompt, None, 1, True)
    assert (caught.value.option, caught.value.reason) == ("prompt", InvalidOptionReason.PROMPT_CONTROL_CHARACTER)
    assert caught.value.values == {"character": character}


def test_line_breaks_around_a_prompt_are_trimmed_not_refused() -> None:
    assert validate_options("\n a cat \r\n", None, 1, True).prompt == "a cat"


def test_a_prompt_in_any_script_with_emoji_is_accepted() -> None:
    prompt = "un chat 🐱 sous la pluie, 雨の中の猫, кот под дождём"
    assert validate_options(prompt, None, 1, True).prompt == prompt


@pytest.mark.parametrize("n", [0, 5, -1])
def test_image_count_outside_one_to_four_is_refused(n: int) -> None:
    with pytest.raises(InvalidOption) as caught:
        validate_options("a cat", None, n, True)
    assert (caught.value.option, caught.value.reason) == ("n", InvalidOptionReason.COUNT_OUT_OF_RANGE)
    assert caught.value.values == {"count": n, "minimum": 1, "maximum": 4}


def test_defaults_fill_in_missing_options() -> None:
    options = validate_options(" a cat ", None, None, None)
    assert (options.prompt, options.size, options.n, options.prompt_extend) == ("a cat", None, 1, True)


def test_request_body_omits_size_when_not_given() -> None:
    body = validate_options("a cat", None, 2, False).to_request()
    assert body == {"model": "wan2.5-text-to-image", "prompt": "a cat", "n": 2, "prompt_extend": False}


def test_with_an_image_a_size_is_refused() -> None:
    with pytest.raises(InvalidOption) as refused:
        validate_options("edit it", "1280x1280", 1, None, with_image=True)
    assert (refused.value.option, refused.value.reason) == ("size", InvalidOptionReason.SIZE_WITH_IMAGE)


def test_with_an_image_prompt_extend_is_refused_even_when_true() -> None:
    with pytest.raises(InvalidOption) as refused:
        validate_options("edit it", None, 1, True, with_image=True)
    assert refused.value.reason is InvalidOptionReason.PROMPT_EXTEND_WITH_IMAGE


def test_an_image_job_asks_the_image_model_without_size_or_prompt_extend() -> None:
    options = replace(validate_options("edit it", None, 2, None, with_image=True), images=(InputImage("https://c/x"),))
    assert options.to_request() == {
        "model": "wan2.5-image-to-image",
        "prompt": "edit it",
        "n": 2,
        "image_urls": ["https://c/x"],
    }
