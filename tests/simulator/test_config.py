"""SimConfig validation and updates, fault spec parsing, prompt tokens."""

from __future__ import annotations

import pytest

from simulator.config import FaultSpec, SimConfig, apply_update, parse_fault, parse_fault_batch
from simulator.tokens import PromptDirectives, parse_directives


@pytest.mark.parametrize(
    "kwargs",
    [
        {"duration_min": 5, "duration_max": 1},
        {"time_scale": 0},
        {"image_format": "gif"},
        {"default_size": "big"},
        {"base_path": "apiv1"},
    ],
)
def test_inconsistent_config_is_rejected(kwargs: dict) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs)).split("_")[0]):
        SimConfig(**kwargs)


def test_update_converts_ints_to_floats_and_checks_types() -> None:
    updated = apply_update(SimConfig(), {"time_scale": 1, "seed": 3, "callback_retry_delays": [0, 1]})

    assert (updated.time_scale, updated.seed, updated.callback_retry_delays) == (1.0, 3, (0.0, 1.0))
    with pytest.raises(ValueError, match="image_noise must be a boolean"):
        apply_update(SimConfig(), {"image_noise": "yes"})


def test_fault_spec_parsing_normalises_true_malformed_to_text() -> None:
    assert parse_fault({"malformed": True}, "get") == FaultSpec(malformed="text")
    assert parse_fault({"status": 429, "retry_after": 2}).to_dict() == {"status": 429, "retry_after": 2}


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ({"status": 200}, "status must be one of"),
        ({"status": 500, "drop": True}, "at most one of"),
        ({"count": 0}, "count must be"),
        ({"retry_after": 1}, "retry_after needs a status"),
        ({"x": 1}, "unknown fault fields"),
        ({"malformed": "xml"}, "malformed must be"),
    ],
)
def test_invalid_fault_spec_is_rejected_with_a_reason(spec: dict, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_fault(spec)


def test_fault_batch_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        parse_fault_batch({"upload": [{"status": 500}]})


def test_prompt_tokens_are_parsed() -> None:
    directives = parse_directives("cat [fail:service_error] [results:2] [duration:1.5] [big] [nonimage] [missing]")

    assert directives == PromptDirectives(
        fail_code="service_error", results=2, duration=1.5, big=True, nonimage=True, missing=True
    )
    assert parse_directives("a [plain] cat [fail-noerror]").fail_without_error
    assert parse_directives("a cat") == PromptDirectives()
