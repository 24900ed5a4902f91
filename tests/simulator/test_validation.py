"""Create-request validation and authentication, answered in the documented error shape."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.state import SimulatorState
from tests.simulator.conftest import AUTH, SimClient, body, create


@pytest.mark.parametrize(
    ("payload", "param"),
    [
        pytest.param(body(size="512x512"), "size", id="size-too-few-pixels"),
        pytest.param(body(size="1440x1441"), "size", id="size-too-many-pixels"),
        pytest.param(body(size="2000x400"), "size", id="size-ratio-above-4"),
        pytest.param(body(size="1024*1024"), "size", id="size-wrong-separator"),
        pytest.param(body(size=1024), "size", id="size-not-a-string"),
        pytest.param(body(n=0), "n", id="n-zero"),
        pytest.param(body(n=5), "n", id="n-five"),
        pytest.param(body(n="2"), "n", id="n-string"),
        pytest.param(body(n=1.5), "n", id="n-float"),
        pytest.param(body(n=True), "n", id="n-bool"),
        pytest.param({"model": "wan2.5-text-to-image"}, "prompt", id="prompt-missing"),
        pytest.param(body("   "), "prompt", id="prompt-blank"),
        pytest.param(body("x" * 2001), "prompt", id="prompt-too-long"),
        pytest.param({"prompt": "a lake"}, "model", id="model-missing"),
        pytest.param(body(prompt_extend="yes"), "prompt_extend", id="prompt-extend-not-bool"),
        pytest.param(body(callback_url="http://example.com/cb"), "callback_url", id="callback-http"),
        pytest.param(body(callback_url="https://127.0.0.1/cb"), "callback_url", id="callback-loopback"),
        pytest.param(body(callback_url="https://10.1.2.3/cb"), "callback_url", id="callback-private"),
        pytest.param(body(callback_url="https://localhost/cb"), "callback_url", id="callback-localhost"),
        pytest.param(body(callback_url="https://e.com/" + "a" * 2048), "callback_url", id="callback-too-long"),
    ],
)
async def test_invalid_request_is_400_naming_the_param(client: SimClient, payload: dict[str, Any], param: str) -> None:
    status, data = await create(client, payload)

    assert status == 400
    assert data["error"]["code"] == 400
    assert data["error"]["type"] == "invalid_request_error"
    assert data["error"]["param"] == param
    assert data["error"]["message"]


@pytest.mark.parametrize("size", ["768x768", "1440x1440", "720x2880", "2880x720", "1280x720"])
async def test_sizes_within_the_documented_ranges_are_accepted(client: SimClient, size: str) -> None:
    status, _ = await create(client, body(size=size))

    assert status == 200


async def test_prompt_of_exactly_2000_chars_is_accepted(client: SimClient) -> None:
    status, _ = await create(client, body("x" * 2000, n=4, prompt_extend=False))

    assert status == 200


async def test_unknown_model_is_404_with_fallback_suggestion(client: SimClient) -> None:
    status, data = await create(client, body(model="wan9-text-to-image"))

    assert status == 404
    assert data == {
        "error": {
            "code": 404,
            "message": "Specified model not found",
            "type": "not_found_error",
            "param": "model",
            "fallback_suggestion": "wan2.5-text-to-image",
        }
    }


async def test_body_that_is_not_json_is_400(client: SimClient) -> None:
    resp = await client.post("/v1/images/generations", data=b"{not json", headers=AUTH)

    assert resp.status == 400
    assert (await resp.json())["error"]["type"] == "invalid_request_error"


async def test_invalid_request_creates_no_task_but_is_recorded(client: SimClient, state: SimulatorState) -> None:
    await create(client, body(n=9), key="k-1")

    assert state.tasks == {}
    record = state.create_records[0]
    assert (record.status, record.idempotency_key, record.task_id, record.body["n"]) == (400, "k-1", None, 9)


async def test_missing_bearer_token_is_401(client: SimClient) -> None:
    status, data = await create(client, headers={})

    assert status == 401
    assert data["error"]["code"] == 401
    assert data["error"]["type"] == "authentication_error"


async def test_wrong_api_key_is_401_when_a_key_is_configured(client: SimClient, state: SimulatorState) -> None:
    state.update_config({"api_key": "secret"})

    wrong, data = await create(client, headers={"Authorization": "Bearer nope"})
    right, _ = await create(client, headers={"Authorization": "Bearer secret"})

    assert (wrong, right) == (401, 200)
    assert data["error"] == {
        "code": 401,
        "message": "Invalid authentication credentials",
        "type": "authentication_error",
    }


async def test_task_query_requires_bearer_token(client: SimClient) -> None:
    _, created = await create(client)

    resp = await client.get(f"/v1/tasks/{created['id']}")

    assert resp.status == 401
    assert (await resp.json())["error"]["type"] == "authentication_error"
