from __future__ import annotations

import pytest

from services.api.errors import MalformedResponse
from services.api.parsing import decode_json_object, parse_error, parse_task
from services.core.models import TaskStatus


def test_documented_completed_example_parses() -> None:
    task = parse_task(
        {
            "created": 1756817821,
            "id": "task-unified-1756817821-4x3rx6ny",
            "model": "gpt-4o-image",
            "object": "image.generation.task",
            "progress": 100,
            "results": ["http://example.com/image.jpg"],
            "status": "completed",
            "task_info": {"can_cancel": False},
            "type": "image",
        }
    )
    assert task.status is TaskStatus.COMPLETED
    assert task.results == ("http://example.com/image.jpg",)
    assert task.created == 1756817821


def test_documented_failed_example_carries_the_string_code() -> None:
    task = parse_task(
        {
            "id": "task-unified-1772618027-cmeisy8h",
            "status": "failed",
            "progress": 0,
            "error": {"code": "content_policy_violation", "message": "Content policy violation. ..."},
        }
    )
    assert task.status is TaskStatus.FAILED
    assert task.error_code == "content_policy_violation"


def test_failed_task_without_error_object_parses() -> None:
    task = parse_task({"id": "task-unified-1-abcdefgh", "status": "failed"})
    assert task.error_code is None


def test_unknown_fields_are_ignored_and_optional_ones_may_be_missing() -> None:
    task = parse_task({"id": "task-unified-1-abcdefgh", "status": "processing", "duration": 3, "result_data": {}})
    assert task.progress == 0
    assert task.estimated_time is None


def test_estimated_time_comes_from_task_info() -> None:
    task = parse_task({"id": "task-unified-1-abcdefgh", "status": "pending", "task_info": {"estimated_time": 30}})
    assert task.estimated_time == 30


def test_progress_is_clamped_and_non_numbers_ignored() -> None:
    assert parse_task({"id": "task-unified-1-a", "status": "processing", "progress": 250}).progress == 100
    assert parse_task({"id": "task-unified-1-a", "status": "processing", "progress": "lots"}).progress == 0


def test_non_url_results_are_dropped() -> None:
    task = parse_task({"id": "task-unified-1-a", "status": "completed", "results": ["ftp://x", 5, "https://ok/1.png"]})
    assert task.results == ("https://ok/1.png",)


def test_missing_id_is_malformed() -> None:
    with pytest.raises(MalformedResponse, match="no id"):
        parse_task({"status": "completed"})


def test_unknown_status_is_malformed() -> None:
    with pytest.raises(MalformedResponse, match="unknown task status"):
        parse_task({"id": "task-unified-1-a", "status": "exploded"})


def test_answer_for_another_task_is_malformed() -> None:
    with pytest.raises(MalformedResponse, match="asked for task"):
        parse_task({"id": "task-unified-1-b", "status": "pending"}, expected_id="task-unified-1-a")


def test_non_json_body_is_malformed_not_a_crash() -> None:
    with pytest.raises(MalformedResponse, match="not JSON"):
        decode_json_object(b"<html>oops</html>", status=200)


def test_json_list_body_is_malformed() -> None:
    with pytest.raises(MalformedResponse, match="not an object"):
        decode_json_object(b"[1, 2]", status=200)


def test_documented_error_shape_becomes_a_typed_error() -> None:
    body = (
        b'{"error": {"code": 429, "message": "Rate limit exceeded", "type": "rate_limit_error",'
        b' "fallback_suggestion": "retry after 60 seconds"}}'
    )
    error = parse_error(body, 429, retry_after=None, task_id="task-unified-1-a")
    assert (error.status, error.error_type, error.message) == (429, "rate_limit_error", "Rate limit exceeded")
    assert error.suggestion == "retry after 60 seconds"
    assert error.task_id == "task-unified-1-a"
    assert "task-unified-1-a" in str(error)


def test_an_error_keeps_the_request_field_it_names() -> None:
    body = b'{"error": {"code": 403, "message": "Access denied for this model", "param": "model"}}'
    assert parse_error(body, 403, retry_after=None).param == "model"


def test_error_with_unparseable_body_still_has_its_status() -> None:
    error = parse_error(b"Bad Gateway", 502, retry_after=3.0)
    assert (error.status, error.error_type, error.retry_after) == (502, None, 3.0)


def _usage(**usage: object) -> dict[str, object]:
    return {"id": "task-1", "status": "completed", "results": ["https://images.example/1.png"], "usage": usage}


def test_the_credits_the_api_reports_are_read() -> None:
    task = parse_task(_usage(credits_reserved=2.4, credits_used=1_000_000))
    assert (task.credits_reserved, task.credits_used) == (2.4, 1_000_000.0)


ABSURD = [1e16, 1_000_001, 10**400, float("inf"), float("nan")]


@pytest.mark.parametrize("absurd", ABSURD, ids=["1e16", "above-a-million", "huge-int", "inf", "nan"])
def test_an_absurd_credit_figure_is_treated_as_absent_and_logged(
    absurd: object, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="services.api.parsing"):
        task = parse_task(_usage(credits_used=absurd, credits_reserved=absurd))
    assert (task.credits_used, task.credits_reserved) == (None, None)
    assert "task task-1: usage.credits_used is not a plausible credit figure" in caplog.text
    assert task.results == ("https://images.example/1.png",)
