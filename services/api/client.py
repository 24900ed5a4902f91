"""Client of the Wan2.5 text-to-image API: `create_task` and `get_task`, with the retry policy applied."""

from __future__ import annotations

import asyncio
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp

from services.api.errors import MalformedResponse, WanAPIError, WanConnectionError
from services.api.parsing import TASK_ID_PREFIX, decode_json_object, parse_error, parse_task
from services.api.retry import RetryPolicy, create_is_retryable, parse_retry_after, read_is_retryable, retry_delay
from services.core.models import GenerationOptions, Task

log = logging.getLogger(__name__)

CREATE_PATH = "/v1/images/generations"
TASK_PATH = "/v1/tasks/{task_id}"
MAX_BODY_BYTES = 1024 * 1024
TASK_ID_PATTERN = re.compile(TASK_ID_PREFIX + r"[A-Za-z0-9_-]{1,100}")
OPERATOR_ALERT_QUIET_SECONDS = 600.0

Sleep = Callable[[float], Awaitable[None]]


class WanClient:
    """Talks to the API over one shared aiohttp session; never logs the key."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        api_key: str,
        *,
        policy: RetryPolicy | None = None,
        timeout: float = 30.0,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        on_call: Callable[[str, str, float], None] | None = None,
    ) -> None:
        self._session = session
        self._base_url = base_url.rstrip("/")
        self._auth = {"Authorization": f"Bearer {api_key}"}
        self._policy = policy or RetryPolicy()
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self._on_call = on_call
        self._operator_alerted_at = -OPERATOR_ALERT_QUIET_SECONDS
        self._operator_alerts_suppressed = 0

    async def create_task(
        self,
        options: GenerationOptions,
        idempotency_key: str,
        callback_url: str | None = None,
        *,
        retry: bool = True,
    ) -> Task:
        """Start a task. Retried with the same Idempotency-Key only where nothing can have been charged
        (unless `retry` is off: the fair queue then retries, pausing every job, not just this one)."""
        body = options.to_request()
        if callback_url:
            body["callback_url"] = callback_url
        headers = {"Idempotency-Key": idempotency_key}
        attempt = 0
        while True:
            attempt += 1
            try:
                data = await self._call("create", "POST", CREATE_PATH, json_body=body, headers=headers)
                return parse_task(data)
            except WanAPIError as error:
                if not retry or not create_is_retryable(error) or attempt >= self._policy.create_attempts:
                    self._log_if_operator_problem(error)
                    raise
                delay = self.retry_wait(error, attempt)
                log.warning("create call for job %s: %s; retrying in %.1f s", idempotency_key, error, delay)
                await self._sleep(delay)

    async def get_task(self, task_id: str, *, retry: bool = True) -> Task:
        """Query a task, retrying reads on rate limits, server and network errors (unless `retry` is
        off: a poll loop that retries on its own schedule asks once per poll)."""
        if not TASK_ID_PATTERN.fullmatch(task_id):
            raise WanAPIError(400, "invalid_task_id", f"not a task id: {task_id[:80]!r}", task_id=task_id)
        path = TASK_PATH.format(task_id=task_id)
        attempts = self._policy.read_attempts if retry else 1
        attempt = 0
        while True:
            attempt += 1
            try:
                data = await self._call("get", "GET", path, task_id=task_id)
                return parse_task(data, expected_id=task_id)
            except WanAPIError as error:
                error.task_id = error.task_id or task_id
                if not read_is_retryable(error) or attempt >= attempts:
                    self._log_if_operator_problem(error)
                    raise
                await self._sleep(self.retry_wait(error, attempt))

    def retry_wait(self, error: WanAPIError, attempt: int) -> float:
        """Seconds to wait before retry number `attempt` after `error` (Retry-After, suggestion, backoff)."""
        return retry_delay(error, attempt, self._policy, self._rng.random())

    async def _call(
        self,
        endpoint: str,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        task_id: str | None = None,
    ) -> dict[str, Any]:
        outcome = "error"
        started = time.monotonic()
        try:
            async with self._session.request(
                method,
                self._base_url + path,
                json=json_body,
                headers={**self._auth, **(headers or {})},
                timeout=self._timeout,
                allow_redirects=False,
            ) as response:
                body = await _read_capped(response, MAX_BODY_BYTES)
                if response.status >= 400:
                    outcome = str(response.status)
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    raise parse_error(body, response.status, retry_after, task_id)
                data = decode_json_object(body, status=response.status, task_id=task_id)
                outcome = "ok"
                return data
        except aiohttp.ClientConnectorError as error:
            refused = isinstance(error.os_error, ConnectionRefusedError)
            raise WanConnectionError(f"cannot connect to the API: {error.os_error}", refused=refused) from None
        except TimeoutError:
            raise WanConnectionError(f"no answer within {self._timeout.total:.0f} s", task_id=task_id) from None
        except aiohttp.ClientError as error:
            raise WanConnectionError(f"connection failed: {type(error).__name__}", task_id=task_id) from None
        finally:
            if self._on_call is not None:
                self._on_call(endpoint, outcome, time.monotonic() - started)

    def _log_if_operator_problem(self, error: WanAPIError) -> None:
        # One clear line per incident, not one per job: repeated refusals within the quiet period are
        # counted and summarised in the next line.
        if not error.is_auth_problem:
            return
        now = time.monotonic()
        if now - self._operator_alerted_at < OPERATOR_ALERT_QUIET_SECONDS:
            self._operator_alerts_suppressed += 1
            return
        repeats = self._operator_alerts_suppressed
        self._operator_alerted_at, self._operator_alerts_suppressed = now, 0
        what = {401: "rejected the API key", 402: "reports insufficient credits", 403: "denied access"}
        log.error(
            "Wan API %s (HTTP %s %s: %s); check WAN_API_KEY and the account. Users are told the image "
            "service is unavailable.%s",
            what[error.status or 401],
            error.status,
            error.error_type,
            error.message,
            f" ({repeats} more refusal(s) since the last such line)" if repeats else "",
        )


async def _read_capped(response: aiohttp.ClientResponse, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > cap:
            raise MalformedResponse(f"API answer larger than {cap} bytes", status=response.status)
        chunks.append(chunk)
    return b"".join(chunks)
