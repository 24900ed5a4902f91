from __future__ import annotations

from datetime import UTC, datetime

from discord_side.texts import (
    OUTCOME_ENTRIES,
    failure_text,
    inert,
    invalid_option_text,
    progress_text,
    quota_text,
    result_text,
    shorten,
)
from services.core.errors import InvalidOption, QuotaExceeded
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
    text = invalid_option_text(InvalidOption("size", "is wrong; use WxH."))
    assert "**size**" in text
    assert "no quota was used" in text


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
    assert "3 job(s) queued or running" in text


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
