from __future__ import annotations

import json

import pytest

from services.api.errors import MalformedResponse, TaskFailed, TaskTimedOut, WanAPIError, WanConnectionError
from services.core.errors import ImageFetchError, ImageProblem
from services.engine.events import DeliveryError, DeliveryProblem
from services.engine.failures import FailureDetail, JobProblem, detail, detail_for_error

VENDOR_WORDS = "your account 1234 is out of credit"


@pytest.mark.parametrize(
    "failure",
    [
        detail(ImageProblem.HTTP_STATUS, status=404),
        detail(DeliveryProblem.CHANNEL_REFUSED, status=403, code=50013),
        detail(JobProblem.APPROVAL_TIMED_OUT, hours=1.5),
        detail(JobProblem.RESULTS_EXPIRED),
    ],
    ids=lambda failure: str(failure.problem),
)
def test_a_detail_reads_back_as_it_was_stored(failure: FailureDetail) -> None:
    assert FailureDetail.decode(failure.encode()) == failure


def test_codes_spelled_alike_in_two_families_stay_apart() -> None:
    stored = json.loads(detail(ImageProblem.TIMED_OUT).encode())
    assert stored == {"problem": "image.timed_out"}


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "",
        "not in this channel",
        "[1, 2]",
        '{"problem": "job.no_such_code"}',
        '{"problem": "job.internal", "error": [1]}',
    ],
)
def test_anything_else_stored_is_not_a_detail(stored: str | None) -> None:
    assert FailureDetail.decode(stored) is None


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (WanAPIError(400, "InvalidParameter", VENDOR_WORDS), detail(JobProblem.API_STATUS, status=400)),
        (WanAPIError(None, None, VENDOR_WORDS), detail(JobProblem.API_ANSWER_UNREADABLE)),
        (WanConnectionError(VENDOR_WORDS), detail(JobProblem.API_UNREACHABLE)),
        (MalformedResponse(VENDOR_WORDS, status=200), detail(JobProblem.API_ANSWER_UNREADABLE)),
        (TaskFailed("t-1", "content_policy_violation", VENDOR_WORDS), detail(JobProblem.TASK_FAILED)),
        (TaskTimedOut("t-1", 299.6), detail(JobProblem.TASK_TIMED_OUT, seconds=300)),
        (ImageFetchError("https://x/y", ImageProblem.TOO_LARGE, maximum=9), detail(ImageProblem.TOO_LARGE, maximum=9)),
        (DeliveryError(DeliveryProblem.PRIVATE_RESPONSE_EXPIRED), detail(DeliveryProblem.PRIVATE_RESPONSE_EXPIRED)),
        (KeyError(VENDOR_WORDS), detail(JobProblem.INTERNAL, error="KeyError")),
    ],
    ids=lambda value: type(value).__name__,
)
def test_an_errors_detail_is_its_code_and_values_without_the_apis_words(
    error: BaseException, expected: FailureDetail
) -> None:
    stored = detail_for_error(error).encode()
    assert FailureDetail.decode(stored) == expected
    assert VENDOR_WORDS not in stored
