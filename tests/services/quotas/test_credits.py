"""The price list and what a job is charged."""

from __future__ import annotations

import pytest

from services.quotas.credits import UnknownModel, as_credits, credits_for, settled_credits, to_milli


def test_text_to_image_costs_one_credit_an_image() -> None:
    assert credits_for("wan2.5-text-to-image", 4) == 4000


def test_image_to_image_costs_one_point_two_credits_an_image() -> None:
    assert credits_for("wan2.5-image-to-image", 3) == 3600


def test_an_unknown_model_is_refused_rather_than_guessed() -> None:
    with pytest.raises(UnknownModel):
        credits_for("wan9-video", 1)


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="n must not be negative"):
        credits_for("wan2.5-text-to-image", -1)


def test_thousandths_round_trip() -> None:
    assert (to_milli(1.2), as_credits(1200)) == (1200, 1.2)


def test_the_apis_word_on_what_was_used_is_the_charge() -> None:
    assert settled_credits(4000, 2, 4, api_used=1700) == 1700


def test_without_it_the_charge_is_the_share_of_the_images_produced() -> None:
    assert settled_credits(4800, 3, 4, api_used=None) == 3600


def test_nothing_produced_is_nothing_charged() -> None:
    assert settled_credits(4000, 0, 4, api_used=None) == 0
