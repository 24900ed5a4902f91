"""Delivery of `callback_url` notifications when a task reaches a terminal state.

Like the vendor: POST the task-detail body, 10 s timeout, a 2xx answer counts as delivered, otherwise up to
3 retries after 1/2/4 s (the delays are multiplied by `time_scale`). Each delivery is a background task
owned by the simulator state and cancelled on reset or shutdown.
"""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
from aiohttp import web

from simulator.state import SimTask, SimulatorState

logger = logging.getLogger(__name__)

# Longest real sleep while waiting for a task to finish, so an injected clock that jumps is noticed.
_MAX_WAIT_STEP = 0.25


class CallbackSender:
    """Schedules and performs callback deliveries; owns the HTTP session they use."""

    def __init__(self, state: SimulatorState) -> None:
        self._state = state
        self._session: aiohttp.ClientSession | None = None

    def schedule(self, task: SimTask) -> None:
        """Deliver `task`'s callback once it is terminal (no-op without a callback_url)."""
        if task.request.callback_url is not None:
            self._state.background.spawn(f"callback {task.id}", self._deliver(task))

    async def _wait_until_terminal(self, task: SimTask) -> None:
        # Waiting for clock time to pass (not for another task), so a sleep loop is the right tool.
        while (remaining := task.terminal_at - self._state.clock()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(min(remaining, _MAX_WAIT_STEP))

    async def _deliver(self, task: SimTask) -> None:
        await self._wait_until_terminal(task)
        detail = self._state.observe(task, task.base_url)
        if detail["status"] == "completed" and self._state.wants_images(task):
            await self._state.start_render(task)  # results are fetchable when the callback arrives
        url = task.request.callback_url
        assert url is not None
        config = self._state.config
        delays = [d * config.time_scale for d in config.callback_retry_delays]
        for attempt in range(len(delays) + 1):
            if await self._attempt(task, url, detail, config.callback_timeout):
                task.callback_delivered_at = self._state.clock()
                return
            if attempt < len(delays):
                await asyncio.sleep(delays[attempt])
        logger.warning("callback for %s to %s failed after %d attempts", task.id, url, len(delays) + 1)

    async def _attempt(self, task: SimTask, url: str, detail: dict[str, object], timeout: float) -> bool:
        record: dict[str, object] = {"at": self._state.clock()}
        task.callback_attempts.append(record)
        try:
            async with self._get_session().post(
                url,
                data=json.dumps(detail),
                headers={"Content-Type": "application/json", "User-Agent": "wan-simulator-callback/1"},
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                await response.read()
                record["status"] = response.status
                return 200 <= response.status < 300
        except (aiohttp.ClientError, TimeoutError) as exc:
            record["error"] = f"{type(exc).__name__}: {exc}"
            return False

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        """Close the HTTP session (deliveries themselves are cancelled by the state)."""
        if self._session is not None:
            await self._session.close()
            self._session = None


CALLBACKS_KEY: web.AppKey[CallbackSender] = web.AppKey("simulator_callbacks", CallbackSender)
