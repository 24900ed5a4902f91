"""Texts of image-to-image: a job from an image says so, the audit log and approval request link the
inputs, and a refused image says which one, what is wrong and what is allowed."""

from __future__ import annotations

from discord_side.audit import job_summary
from discord_side.catalogue import LANGUAGES, text_in
from discord_side.texts import describe_job, input_refused_text
from services.core.errors import InputProblem, InputRefused
from services.core.models import DeliveryTarget, GenerationOptions, InputImage, Job

URL = "https://cdn.discordapp.com/attachments/1/2/cat.png?ex=6553f1a0&is=1&hm=2"


def image_job() -> Job:
    options = GenerationOptions("a cat, painted", n=2, images=(InputImage(URL, channel_id=5),))
    return Job(id="abcdefabcdef", user_id=7, options=options, target=DeliveryTarget(channel_id=5, guild_id=9))


def test_a_job_from_an_image_says_so_instead_of_a_size() -> None:
    assert "from an image" in describe_job(image_job())


def test_the_audit_entry_links_the_input_images_without_embedding_them() -> None:
    assert f"<{URL}>" in job_summary(image_job())


def test_the_audit_entry_of_one_input_says_an_image() -> None:
    assert f"from an image: <{URL}>" in job_summary(image_job())


def test_the_audit_entry_of_two_inputs_counts_them() -> None:
    job = image_job()
    job.options = GenerationOptions(
        "a cat", images=(InputImage(URL, channel_id=5), InputImage(URL + "3", channel_id=5))
    )
    assert f"from 2 images: <{URL}> <{URL}3>" in job_summary(job)


def test_every_language_words_the_inputs_for_one_and_for_several() -> None:
    for code in LANGUAGES:
        one, two = (text_in(code, "audit-inputs", count=count, links="<x>") for count in (1, 2))
        assert one != two, code


def test_a_text_job_audit_entry_has_no_input_line() -> None:
    job = image_job()
    job.options = GenerationOptions("a cat")
    assert "from image" not in job_summary(job)


def test_a_side_out_of_range_names_the_image_its_size_and_the_range() -> None:
    error = InputRefused(InputProblem.SIDE_OUT_OF_RANGE, 2, width=300, height=900, minimum=384, maximum=5000)
    told = input_refused_text(error)
    assert "Image 2 cannot be used" in told
    assert "300×900 pixels; each side must be 384 to 5000 pixels" in told
    assert "no quota was used" in told


def test_a_transparent_image_is_told_how_to_fix_it() -> None:
    told = input_refused_text(InputRefused(InputProblem.TRANSPARENT))
    assert "transparency" in told
    assert "JPEG" in told


def test_too_large_says_the_limit_in_bytes_grouped() -> None:
    told = input_refused_text(InputRefused(InputProblem.TOO_LARGE, maximum=10 * 1024 * 1024))
    assert "10,485,760 bytes" in told
