from __future__ import annotations

import pytest

from services.api.validation import SIZE_PRESETS, parse_size, size_suggestions, validate_options
from services.core.errors import InvalidOption


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
    ("raw", "why"),
    [
        ("big", "not a size"),
        ("767x767", "pixels"),
        ("1441x1441", "pixels"),
        ("3000x600", "narrow or too wide"),
        ("0x1280", "zero side"),
        ("1280", "not a size"),
        ("-5x10", "not a size"),
    ],
)
def test_invalid_sizes_say_why_and_what_is_valid(raw: str, why: str) -> None:
    with pytest.raises(InvalidOption) as caught:
        parse_size(raw)
    assert caught.value.option == "size"
    assert why in caught.value.message
    assert "768×768" in caught.value.message


def test_every_preset_is_a_valid_size() -> None:
    for preset in SIZE_PRESETS:
        assert parse_size(preset.size) == preset.size


def test_empty_prompt_is_refused() -> None:
    with pytest.raises(InvalidOption, match="empty"):
        validate_options("   ", None, 1, True)


def test_prompt_over_2000_characters_is_refused() -> None:
    with pytest.raises(InvalidOption, match="2001 characters"):
        validate_options("a" * 2001, None, 1, True)


def test_prompt_of_2000_characters_is_accepted() -> None:
    assert len(validate_options("a" * 2000, None, 1, True).prompt) == 2000


@pytest.mark.parametrize("n", [0, 5, -1])
def test_image_count_outside_one_to_four_is_refused(n: int) -> None:
    with pytest.raises(InvalidOption, match="between 1 and 4"):
        validate_options("a cat", None, n, True)


def test_defaults_fill_in_missing_options() -> None:
    options = validate_options(" a cat ", None, None, None)
    assert (options.prompt, options.size, options.n, options.prompt_extend) == ("a cat", None, 1, True)


def test_request_body_omits_size_when_not_given() -> None:
    body = validate_options("a cat", None, 2, False).to_request()
    assert body == {"model": "wan2.5-text-to-image", "prompt": "a cat", "n": 2, "prompt_extend": False}


def test_suggestions_offer_all_presets_when_nothing_typed() -> None:
    assert [value for _, value in size_suggestions("")] == [p.size for p in SIZE_PRESETS]


def test_suggestions_filter_presets_by_name() -> None:
    assert size_suggestions("tall") == [("tall 9:16 (900x1600)", "900x1600")]


def test_suggestions_echo_a_valid_custom_size_first() -> None:
    assert size_suggestions("1000x1000")[0] == ("1000x1000", "1000x1000")


def test_suggestions_do_not_echo_an_invalid_size() -> None:
    assert size_suggestions("100x100") == []
