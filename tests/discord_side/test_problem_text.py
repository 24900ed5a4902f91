from __future__ import annotations

import pytest

from discord_side.catalogue import text
from discord_side.problem_text import problem_text, stored_detail_text, term_problem_text
from discord_side.texts import ended_text, failure_text
from services.api.errors import TaskFailed, WanAPIError
from services.core.errors import ImageProblem
from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState
from services.engine.events import DeliveryProblem
from services.engine.failures import FailureDetail, JobProblem, detail, detail_for_error
from services.moderation.blocked_terms import BlockedTerm, InvalidTerm

VENDOR_WORDS = "Model quota for account 1234 exhausted, contact sales"


def ended(state: JobState, reason: FailureReason, stored: str | None) -> Job:
    return Job(
        id="abc123",
        user_id=42,
        options=GenerationOptions("a cat", None, 1),
        target=DeliveryTarget(channel_id=1, guild_id=2),
        state=state,
        failure_reason=reason,
        failure_detail=stored,
    )


def test_a_bad_image_tells_the_member_what_was_wrong_with_it() -> None:
    stored = detail(ImageProblem.HTTP_STATUS, status=404).encode()
    message = failure_text(ended(JobState.FAILED, FailureReason.BAD_IMAGE, stored))
    assert "could not be used (the link answered HTTP 404)" in message


def test_a_delivery_problem_is_worded_with_discords_status_and_code() -> None:
    values = {"status": 403, "code": 50013}
    assert problem_text(DeliveryProblem.CHANNEL_REFUSED, values) == "the channel refused the message (403 50013)"


def test_a_stored_detail_is_worded_from_the_catalogue() -> None:
    stored = detail(JobProblem.TASK_TIMED_OUT, seconds=300).encode()
    assert stored_detail_text(stored) == "the task did not finish within 300 s"


def test_an_unanswered_approval_is_worded_for_the_requester_without_blaming_a_moderator() -> None:
    stored = detail(JobProblem.APPROVAL_TIMED_OUT, hours=1.0).encode()
    message = ended_text(ended(JobState.REJECTED, FailureReason.REJECTED, stored))
    assert "ended without a moderator's decision: no moderator answered within 1 hours" in message
    assert "moderator rejected" not in message


def test_an_approval_request_never_posted_tells_the_requester_so() -> None:
    stored = detail(JobProblem.APPROVAL_NOT_POSTED).encode()
    message = ended_text(ended(JobState.REJECTED, FailureReason.REJECTED, stored))
    assert "ended without a moderator's decision: the bot could not post it for the moderators" in message
    assert "Nothing was counted" in message


def test_a_moderators_words_are_shown_as_given() -> None:
    message = ended_text(ended(JobState.REJECTED, FailureReason.REJECTED, "not in this channel"))
    assert "A moderator rejected this request: not in this channel" in message


def test_a_rejection_without_words_says_none_were_given() -> None:
    message = ended_text(ended(JobState.REJECTED, FailureReason.REJECTED, None))
    assert f"A moderator rejected this request: {text('job-rejected-no-reason')}" in message


def test_a_stored_detail_that_does_not_fit_its_entry_says_the_problem_is_unknown() -> None:
    stored = FailureDetail(JobProblem.TASK_TIMED_OUT).encode()  # its entry needs `seconds`
    assert stored_detail_text(stored) == text("failure-detail-unknown")


def test_the_apis_own_words_never_reach_the_audit_detail() -> None:
    for error in (WanAPIError(400, "InvalidParameter", VENDOR_WORDS), TaskFailed("t-1", "quota", VENDOR_WORDS)):
        worded = stored_detail_text(detail_for_error(error).encode()) or ""
        assert VENDOR_WORDS not in worded
    assert stored_detail_text(detail_for_error(WanAPIError(400, "x", VENDOR_WORDS)).encode()) == (
        "the image service answered HTTP 400"
    )


def test_an_unexpected_error_is_named_by_its_type() -> None:
    assert stored_detail_text(detail_for_error(KeyError("secret")).encode()) == "unexpected error (KeyError)"


def test_a_term_that_cannot_be_blocked_says_why() -> None:
    with pytest.raises(InvalidTerm) as caught:
        BlockedTerm("x" * 101).compile()
    assert term_problem_text(caught.value) == "a term may have at most 100 characters"


def test_a_pattern_that_does_not_compile_says_what_the_regex_engine_said() -> None:
    with pytest.raises(InvalidTerm) as caught:
        BlockedTerm("(unclosed", is_regex=True).compile()
    assert term_problem_text(caught.value).startswith("the pattern does not compile: missing )")
