"""What the image-to-image model takes, checked before anything is reserved or sent: each refusal says
which problem, with the values that say what is allowed."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from services.core.errors import InputProblem, InputRefused
from services.images.input_check import INPUT_MAX_BYTES, check_declared, check_input_image


def encoded(size: tuple[int, int], image_format: str = "PNG", mode: str = "RGB", **save: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, format=image_format, **save)
    return out.getvalue()


@pytest.mark.parametrize(
    ("image_format", "shown"), [("JPEG", "JPEG"), ("PNG", "PNG"), ("BMP", "BMP"), ("WEBP", "WebP")]
)
def test_the_four_formats_are_accepted_with_their_size(image_format: str, shown: str) -> None:
    facts = check_input_image(encoded((640, 384), image_format))
    assert (facts.format, facts.width, facts.height) == (shown, 640, 384)


@pytest.mark.parametrize(
    ("size", "values"),
    [((383, 600), (383, 600)), ((600, 5001), (600, 5001))],
    ids=["too-small", "too-large"],
)
def test_a_side_outside_384_to_5000_is_refused_with_the_sides(size: tuple[int, int], values: tuple[int, int]) -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(encoded(size, "JPEG"), position=2)
    assert refused.value.problem is InputProblem.SIDE_OUT_OF_RANGE
    assert refused.value.position == 2
    assert (refused.value.values["width"], refused.value.values["height"]) == values


def test_a_gif_is_refused_naming_its_format() -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(encoded((500, 500), "GIF", "P"))
    assert (refused.value.problem, refused.value.values["format"]) == (InputProblem.UNSUPPORTED_FORMAT, "GIF")


@pytest.mark.parametrize(
    "data",
    [encoded((500, 500), mode="RGBA"), encoded((500, 500), mode="LA"), encoded((500, 500), mode="P", transparency=0)],
    ids=["rgba", "grey-alpha", "palette-transparency"],
)
def test_transparency_is_refused(data: bytes) -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(data)
    assert refused.value.problem is InputProblem.TRANSPARENT


@pytest.mark.parametrize("data", [b"", b"hello", encoded((500, 500))[:200]], ids=["empty", "text", "truncated"])
def test_what_is_not_a_readable_image_is_refused(data: bytes) -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(data)
    assert refused.value.problem is InputProblem.NOT_AN_IMAGE


def test_more_than_10_mb_is_refused_without_decoding() -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(b"\0" * (INPUT_MAX_BYTES + 1))
    assert refused.value.problem is InputProblem.TOO_LARGE


def test_a_declared_size_over_10_mb_is_refused_before_downloading() -> None:
    with pytest.raises(InputRefused) as refused:
        check_declared(INPUT_MAX_BYTES + 1, "image/png")
    assert refused.value.problem is InputProblem.TOO_LARGE


def test_a_declared_type_that_is_not_an_image_is_refused_before_downloading() -> None:
    with pytest.raises(InputRefused) as refused:
        check_declared(1000, "application/pdf")
    assert refused.value.problem is InputProblem.NOT_AN_IMAGE


def test_a_missing_declared_type_is_left_to_the_download() -> None:
    check_declared(1000, None)


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width`×`height` (its pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [10_000, 40_000])
def test_a_header_claiming_huge_sides_is_refused_for_its_sides(side: int) -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(png_header(side, side))
    assert refused.value.problem is InputProblem.SIDE_OUT_OF_RANGE
    assert (refused.value.values["width"], refused.value.values["height"]) == (side, side)


def test_a_format_pillow_reads_but_the_api_does_not_take_is_named_without_being_decoded() -> None:
    with pytest.raises(InputRefused) as refused:
        check_input_image(encoded((500, 500), "TIFF"))
    assert (refused.value.problem, refused.value.values["format"]) == (InputProblem.UNSUPPORTED_FORMAT, "TIFF")
