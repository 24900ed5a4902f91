from __future__ import annotations

from datetime import UTC, datetime

import pytest

from discord_side.texts import (
    OUTCOME_ENTRIES,
    failure_text,
    inert,
    inert_within,
    invalid_option_text,
    progress_text,
    quota_text,
    result_text,
    shorten,
    size_choices,
)
from services.api.validation import parse_size, validate_options
from services.core.errors import InvalidOption, InvalidOptionReason, QuotaExceeded
from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState
from services.engine.events import NOT_RUNNING, JobPhase, RunStatus
from services.quotas.limits import LimitKind

ZW = "\u200b"


def job(prompt: str = "a cat", n: int = 1, reason: FailureReason | None = None) -> Job:
    return Job(
        id="abc123",
        user_id=42,
        options=GenerationOptions(prompt, "1280x1280", n),
        target=DeliveryTarget(channel_id=1, guild_id=2),
        failure_reason=reason,
    )


def test_everyone_and_here_are_made_inert() -> None:
    text = inert("hi @everyone and @here")
    assert "@everyone" not in text
    assert "@here" not in text
    assert f"@{ZW}everyone" in text


def test_user_and_role_mentions_are_made_inert() -> None:
    text = inert("<@123456789012345678> <@&223456789012345678> <@!323456789012345678>")
    assert "<@123456789012345678>" not in text
    assert "<@&223456789012345678>" not in text
    assert "<@!323456789012345678>" not in text


def test_markdown_in_prompts_is_escaped() -> None:
    assert inert("**bold** _it_") == "\\*\\*bold\\*\\* \\_it\\_"


def test_long_prompts_are_shortened_with_an_ellipsis() -> None:
    assert shorten("word " * 200, 50).endswith("…")
    assert len(shorten("word " * 200, 50)) <= 50


def test_result_names_prompt_size_and_job_id() -> None:
    text = result_text(job("a cat @everyone"), delivered=1)
    assert "a cat" in text
    assert "1280x1280" in text
    assert "abc123" in text
    assert "@everyone" not in text


def test_result_explains_fewer_images_and_the_charge() -> None:
    text = result_text(job(n=4), delivered=2)
    assert "only 2 of the 4" in text


def test_result_says_how_many_images_could_not_be_fetched_and_that_only_the_others_counted() -> None:
    fetched_short = job(n=4)
    fetched_short.result_urls = ("u1", "u2", "u3", "u4")
    text = result_text(fetched_short, delivered=3)
    assert "Only 3 of the 4 images arrived: 1 could not be fetched" in text
    assert "Only the 3 shown counted" in text


def test_result_can_mention_the_requester() -> None:
    assert result_text(job(), 1, "<@42>").startswith("<@42> ")


def test_content_policy_failure_suggests_rephrasing() -> None:
    text = failure_text(job(reason=FailureReason.CONTENT_POLICY))
    assert "content policy" in text
    assert "Rephrase" in text
    assert "No images were counted" in text


def test_service_failure_suggests_trying_again() -> None:
    assert "try again" in failure_text(job(reason=FailureReason.SERVICE_FAILED))


def test_every_failure_reason_has_a_message() -> None:
    for reason in FailureReason:
        assert failure_text(job(reason=reason))


def test_invalid_option_says_nothing_was_used() -> None:
    text = invalid_option_text(InvalidOption("size", InvalidOptionReason.SIZE_ZERO_SIDE, width=0, height=5))
    assert "**size**" in text
    assert "no quota was used" in text


def test_an_invalid_size_says_why_and_what_is_valid() -> None:
    with pytest.raises(InvalidOption) as caught:
        parse_size("5000x5000")
    assert invalid_option_text(caught.value) == (
        "❌ The option **size** `5000x5000` has 25,000,000 pixels, outside 589,824 to 2,073,600; use WxH such "
        "as 1280x1280: width×height between 768×768 and 1440×1440 pixels in total, aspect ratio between 1:4 "
        "and 4:1, or a preset: square, portrait, landscape, wide, tall.\nNothing was generated and no quota "
        "was used."
    )


def test_what_was_typed_is_shown_short_and_without_backticks() -> None:
    with pytest.raises(InvalidOption) as caught:
        parse_size("`big` " * 20)
    assert "`'big' 'big' 'big' 'big' 'big' 'big' 'bi…` is not a size;" in invalid_option_text(caught.value)


def test_a_too_long_prompt_says_its_length_and_the_limit() -> None:
    with pytest.raises(InvalidOption) as caught:
        validate_options("a" * 2001, None, 1, True)
    assert "**prompt** has 2001 characters; the limit is 2000." in invalid_option_text(caught.value)


def test_an_out_of_range_count_says_the_range() -> None:
    with pytest.raises(InvalidOption) as caught:
        validate_options("a cat", None, 5, True)
    assert "**n** must be between 1 and 4, not 5." in invalid_option_text(caught.value)


def test_size_choices_offer_every_preset_with_its_label_when_nothing_is_typed() -> None:
    assert size_choices("") == [
        ("square 1:1 (1280x1280)", "1280x1280"),
        ("portrait 3:4 (1080x1440)", "1080x1440"),
        ("landscape 4:3 (1440x1080)", "1440x1080"),
        ("wide 16:9 (1600x900)", "1600x900"),
        ("tall 9:16 (900x1600)", "900x1600"),
    ]


def test_size_choices_filter_presets_by_name_and_ratio() -> None:
    assert size_choices("tall") == [("tall 9:16 (900x1600)", "900x1600")]
    assert size_choices("4:3") == [("landscape 4:3 (1440x1080)", "1440x1080")]


def test_size_choices_echo_a_valid_custom_size_first() -> None:
    assert size_choices("1000x1000")[0] == ("1000x1000", "1000x1000")


def test_size_choices_do_not_echo_an_invalid_size() -> None:
    assert size_choices("100x100") == []


def test_quota_refusal_shows_limit_left_and_a_discord_timestamp() -> None:
    resets = datetime(2026, 11, 26, tzinfo=UTC)
    text = quota_text(QuotaExceeded(LimitKind.USER_DAILY, limit=20, used=19, requested=4, resets_at=resets))
    assert "1 of 20 left" in text
    assert f"<t:{int(resets.timestamp())}:R>" in text
    assert "Nothing was charged" in text


RESETS = datetime(2026, 11, 26, tzinfo=UTC)


def test_guild_refusal_names_the_server_limit() -> None:
    text = quota_text(QuotaExceeded(LimitKind.GUILD_DAILY, limit=200, used=199, requested=2, resets_at=RESETS))
    assert "server's daily limit" in text
    assert "1 of its 200" in text


def test_active_jobs_refusal_says_how_many_run() -> None:
    text = quota_text(QuotaExceeded(LimitKind.ACTIVE_JOBS, limit=3, used=3, requested=1, resets_at=RESETS))
    assert "3 jobs queued or running" in text


def test_cooldown_refusal_says_when_to_ask_again() -> None:
    error = QuotaExceeded(LimitKind.COOLDOWN, 0, 0, 1, RESETS, retry_at=1_800_000_000.0)
    assert "<t:1800000000:R>" in quota_text(error)


def test_blocked_refusal_says_an_admin_blocked_it() -> None:
    assert "blocked" in quota_text(QuotaExceeded(LimitKind.BLOCKED, 0, 0, 1, RESETS))


def test_queued_job_shows_its_place_in_line() -> None:
    assert "#3 in line" in progress_text(job(), JobPhase.QUEUED, RunStatus(queue_position=3))


def test_generating_shows_progress_and_time_left() -> None:
    assert "40%, about 12 s left" in progress_text(job(), JobPhase.GENERATING, RunStatus(progress=40), 12.2)


def test_generating_past_the_estimate_says_almost_done() -> None:
    assert "almost done" in progress_text(job(), JobPhase.GENERATING, NOT_RUNNING, 0.0)


def test_queued_and_uploading_phases_are_named() -> None:
    assert "Queued" in progress_text(job(), JobPhase.QUEUED, NOT_RUNNING)
    assert "Uploading" in progress_text(job(), JobPhase.UPLOADING, NOT_RUNNING)


def test_every_ended_state_has_an_outcome_label() -> None:
    assert {state for state in JobState if state.is_final} == set(OUTCOME_ENTRIES)


def test_a_prompt_cannot_put_a_channel_link_or_a_command_mention_on_the_card() -> None:
    said = inert("see <#1250000000000000360> and </imagine-admin forget:1> at <t:1:R> with <:e:1> now")
    for opening in ("<#", "</", "<t:", "<:"):
        assert opening not in said, said


def test_inert_within_a_limit_cuts_before_escaping_never_through_an_escape() -> None:
    said = inert_within("a_b " * 600, 100)
    assert len(said) <= 100
    assert said.endswith("…")
    assert "a\\_b" in said
