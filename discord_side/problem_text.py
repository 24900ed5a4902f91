"""Words for what services report as codes: why an option is invalid, why an image, a delivery or a job
failed (also as stored with the job), and why a blocked term cannot be used. Services never write these
sentences; each code has its catalogue entry here (tests/discord_side/test_service_texts.py checks that
a new code without one fails)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from discord_side.catalogue import CatalogueError, text
from services.api.validation import MAX_ASPECT, MAX_SQUARE_SIDE, MIN_SQUARE_SIDE, SIZE_PRESETS
from services.core.errors import ImageProblem, InputProblem, InputRefused, InvalidOption, InvalidOptionReason, Value
from services.core.models import FailureReason
from services.engine.events import DeliveryProblem
from services.engine.failures import FailureDetail, JobProblem, Problem
from services.moderation.blocked_terms import InvalidTerm, TermProblem

log = logging.getLogger(__name__)

INVALID_OPTION_ENTRIES: dict[InvalidOptionReason, str] = {
    InvalidOptionReason.PROMPT_EMPTY: "invalid-prompt-empty",
    InvalidOptionReason.PROMPT_TOO_LONG: "invalid-prompt-too-long",
    InvalidOptionReason.PROMPT_CONTROL_CHARACTER: "invalid-prompt-control-character",
    InvalidOptionReason.COUNT_OUT_OF_RANGE: "invalid-count",
    InvalidOptionReason.SIZE_NOT_A_SIZE: "invalid-size-not-a-size",
    InvalidOptionReason.SIZE_ZERO_SIDE: "invalid-size-zero-side",
    InvalidOptionReason.SIZE_PIXELS_OUT_OF_RANGE: "invalid-size-pixels",
    InvalidOptionReason.SIZE_ASPECT_OUT_OF_RANGE: "invalid-size-aspect",
    InvalidOptionReason.SIZE_WITH_IMAGE: "invalid-size-with-image",
    InvalidOptionReason.PROMPT_EXTEND_WITH_IMAGE: "invalid-prompt-extend-with-image",
}

INPUT_ENTRIES: dict[InputProblem, str] = {
    InputProblem.NOT_AN_IMAGE: "input-not-an-image",
    InputProblem.TOO_LARGE: "input-too-large",
    InputProblem.SIDE_OUT_OF_RANGE: "input-side-out-of-range",
    InputProblem.UNSUPPORTED_FORMAT: "input-unsupported-format",
    InputProblem.TRANSPARENT: "input-transparent",
    InputProblem.NOT_FROM_DISCORD: "input-not-from-discord",
    InputProblem.UNREACHABLE: "input-unreachable",
    InputProblem.FEATURE_OFF: "input-feature-off",
    InputProblem.NO_SUCH_IMAGE: "input-no-such-image",
}

PROBLEM_ENTRIES: dict[Problem, str] = {
    ImageProblem.NOT_HTTP: "image-not-http",
    ImageProblem.NOT_HTTPS: "image-not-https",
    ImageProblem.UNRESOLVABLE: "image-unresolvable",
    ImageProblem.PRIVATE_ADDRESS: "image-private-address",
    ImageProblem.HTTP_STATUS: "image-http-status",
    ImageProblem.TIMED_OUT: "image-timed-out",
    ImageProblem.DOWNLOAD_FAILED: "image-download-failed",
    ImageProblem.TOO_MANY_REDIRECTS: "image-too-many-redirects",
    ImageProblem.TOO_LARGE: "image-too-large",
    ImageProblem.UNSUPPORTED_FORMAT: "image-unsupported-format",
    ImageProblem.TOO_LARGE_TO_DECODE: "image-too-large-to-decode",
    ImageProblem.DIMENSIONS_TOO_LARGE: "image-dimensions-too-large",
    ImageProblem.UNREADABLE: "image-unreadable",
    ImageProblem.CORRUPT: "image-corrupt",
    ImageProblem.CANNOT_FIT: "image-cannot-fit",
    DeliveryProblem.RESULT_REFUSED: "delivery-result-refused",
    DeliveryProblem.PRIVATE_RESPONSE_EXPIRED: "delivery-private-response-expired",
    DeliveryProblem.CHANNEL_REFUSED: "delivery-channel-refused",
    JobProblem.API_STATUS: "problem-api-status",
    JobProblem.API_ANSWER_UNREADABLE: "problem-api-answer-unreadable",
    JobProblem.API_UNREACHABLE: "problem-api-unreachable",
    JobProblem.CREATE_OUTCOME_UNKNOWN: "problem-create-outcome-unknown",
    JobProblem.TASK_FAILED: "problem-task-failed",
    JobProblem.TASK_TIMED_OUT: "problem-task-timed-out",
    JobProblem.RESULTS_EXPIRED: "problem-results-expired",
    JobProblem.APPROVAL_TIMED_OUT: "problem-approval-timed-out",
    JobProblem.APPROVAL_NOT_POSTED: "problem-approval-not-posted",
    JobProblem.INTERNAL: "problem-internal",
    JobProblem.INPUT_UNAVAILABLE: "problem-input-unavailable",
}

TERM_ENTRIES: dict[TermProblem, str] = {
    TermProblem.NO_LETTERS: "term-no-letters",
    TermProblem.TERM_TOO_LONG: "term-too-long",
    TermProblem.PATTERN_TOO_LONG: "term-pattern-too-long",
    TermProblem.PATTERN_DOES_NOT_COMPILE: "term-pattern-does-not-compile",
    TermProblem.TOO_MANY_TERMS: "term-too-many",
    TermProblem.CONTROL_CHARACTER: "term-control-character",
}

_SIZE_REASONS = {
    InvalidOptionReason.SIZE_ZERO_SIDE,
    InvalidOptionReason.SIZE_PIXELS_OUT_OF_RANGE,
    InvalidOptionReason.SIZE_ASPECT_OUT_OF_RANGE,
}
TYPED_CHARS = 40


def _shown(value: Value) -> str:
    """A value as people write it: no trailing `.0` on a number."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _filled(entry: str, values: Mapping[str, Value]) -> str:
    return text(entry, **{name: _shown(value) for name, value in values.items()})


def _typed(value: Value) -> str:
    """What the member typed, fit to show between backticks: no backtick of its own, and short."""
    typed = str(value).replace("`", "'")
    return typed if len(typed) <= TYPED_CHARS else typed[: TYPED_CHARS - 1] + "…"


def size_rules() -> str:
    """What a valid size is: the pixel range, the aspect ratios and the presets' names."""
    presets = ", ".join(preset.name for preset in SIZE_PRESETS)
    aspect = _shown(MAX_ASPECT)
    return text("size-rules", minimum=MIN_SQUARE_SIDE, maximum=MAX_SQUARE_SIDE, aspect=aspect, presets=presets)


def invalid_option_problem(error: InvalidOption) -> str:
    """What is wrong with the option and what is valid (the `{problem}` of the invalid-option answer)."""
    entry, values = INVALID_OPTION_ENTRIES[error.reason], dict(error.values)
    if error.reason == InvalidOptionReason.SIZE_NOT_A_SIZE:
        return text(entry, typed=_typed(values["typed"]), rules=size_rules())
    if error.reason not in _SIZE_REASONS:
        return _filled(entry, values)
    size = text("size-value", width=values.pop("width"), height=values.pop("height"))
    grouped = {name: f"{value:,}" for name, value in values.items()}  # pixels, minimum, maximum
    return text(entry, size=size, rules=size_rules(), **grouped)


def input_problem_text(error: InputRefused) -> str:
    """What is wrong with an image to start from, and what is allowed."""
    values = dict(error.values)
    if error.problem == InputProblem.TOO_LARGE:
        values = {name: f"{value:,}" for name, value in values.items()}
    return _filled(INPUT_ENTRIES[error.problem], values)


def problem_text(problem: Problem, values: Mapping[str, Value]) -> str:
    """Why an image, a delivery or a job failed, with its values."""
    return _filled(PROBLEM_ENTRIES[problem], values)


def stored_detail_text(stored: str | None) -> str | None:
    """A job's stored `failure_detail` in words: a problem code worded from the catalogue, else the
    stored text itself (a moderator's words, or a row from before details were stored as codes)."""
    detail = FailureDetail.decode(stored)
    if detail is None:
        return stored
    try:
        return problem_text(detail.problem, detail.values)
    except CatalogueError:
        # Values that do not fit the entry (a row from another version): say less rather than fail.
        log.warning("stored failure detail %r does not fit its catalogue entry", stored)
        return text("failure-detail-unknown")


def term_problem_text(error: InvalidTerm) -> str:
    """Why a blocked term or pattern cannot be used."""
    return _filled(TERM_ENTRIES[error.problem], error.values)


_REASON_ENTRIES = {
    FailureReason.CONTENT_POLICY: "failure-reason-content-policy",
    FailureReason.INVALID_INPUT: "failure-reason-invalid-input",
    FailureReason.SERVICE_FAILED: "failure-reason-service-failed",
    FailureReason.OUTCOME_UNKNOWN: "failure-reason-outcome-unknown",
    FailureReason.SERVICE_UNAVAILABLE: "failure-reason-service-unavailable",
    FailureReason.API_UNREACHABLE: "failure-reason-api-unreachable",
    FailureReason.TIMED_OUT: "failure-reason-timed-out",
    FailureReason.NO_IMAGES: "failure-reason-no-images",
    FailureReason.BAD_IMAGE: "failure-reason-bad-image",
    FailureReason.DELIVERY_FAILED: "failure-reason-delivery-failed",
    FailureReason.RESULTS_EXPIRED: "failure-reason-results-expired",
    FailureReason.REJECTED: "failure-reason-rejected",
    FailureReason.MODEL_DENIED: "failure-reason-model-denied",
    FailureReason.INPUT_UNAVAILABLE: "failure-reason-input-unavailable",
    FailureReason.INTERNAL: "failure-reason-internal",
}


def failure_reason_text(reason: FailureReason) -> str:
    """Why a job failed, in a few words (the audit log; the requester gets `texts.failure_advice`)."""
    return text(_REASON_ENTRIES[reason])
