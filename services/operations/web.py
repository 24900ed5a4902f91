"""The bot's own web server: task callbacks from the API, `/healthz` and `/metrics`.

A callback's body is never trusted: a valid secret only makes the bot ask the API about the task at
once (an authenticated `GET /v1/tasks/{id}`), and that answer decides. The handler answers within a
moment and is idempotent, since the API retries a callback up to three times. A path that is not the
shape of a callback secret is 404 before anything is looked up. Every connection serves one request,
within the bounds of `connection_guard` (headers, body and lifetime timeouts; a connection cap).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from services.operations.connection_guard import ConnectionGuard, ConnectionLimits, GuardedSite
from services.operations.metrics import Metrics
from services.storage.job_store import Store

log = logging.getLogger(__name__)

MAX_CALLBACK_BYTES = 64 * 1024
PING_TIMEOUT_SECONDS = 2.0
CALLBACK_PATH = "/callbacks/"
# `<job id>.<token>`: a job id is secrets.token_hex(6), a token secrets.token_urlsafe(32).
_CALLBACK_SECRET = re.compile(r"(?P<job_id>[0-9a-f]{12})\.(?P<token>[A-Za-z0-9_-]{43})")
_LIMITS = web.AppKey("connection_limits", ConnectionLimits)


def new_callback_token() -> str:
    """An unguessable per-job secret for its callback URL."""
    return secrets.token_urlsafe(32)


def callback_url(public_base_url: str, job_id: str, token: str) -> str:
    """The URL the API calls for this job: `<PUBLIC_BASE_URL>/callbacks/<job secret>`."""
    return f"{public_base_url.rstrip('/')}{CALLBACK_PATH}{job_id}.{token}"


@dataclass
class WebDependencies:
    """What the routes need, injected by the composition root."""

    store: Store
    metrics: Metrics
    task_reported: Callable[[str], bool]
    gateway_ready: Callable[[], bool]
    refresh_gauges: Callable[[], Awaitable[None]]
    clock: Callable[[], float]


def build_app(deps: WebDependencies, limits: ConnectionLimits | None = None) -> web.Application:
    """The aiohttp application with the three routes; `limits` bound its connections once served."""
    app = web.Application(client_max_size=MAX_CALLBACK_BYTES)
    app[_LIMITS] = limits or ConnectionLimits()
    routes = _Routes(deps, app[_LIMITS].body_timeout)
    app.router.add_route("*", CALLBACK_PATH + "{secret}", routes.callback)
    app.router.add_get("/healthz", routes.healthz)
    app.router.add_get("/metrics", routes.metrics)
    app.on_response_prepare.append(_one_request_per_connection)
    return app


async def _one_request_per_connection(_request: web.Request, response: web.StreamResponse) -> None:
    # The header timeout then covers every request, not only a connection's first. The headers were
    # prepared before this hook, so the client is told here.
    response.force_close()
    response.headers["Connection"] = "close"


class _Routes:
    def __init__(self, deps: WebDependencies, body_timeout: float) -> None:
        self._deps = deps
        self._body_timeout = body_timeout

    async def callback(self, request: web.Request) -> web.Response:
        secret = _CALLBACK_SECRET.fullmatch(request.match_info["secret"])
        if secret is None:
            raise web.HTTPNotFound  # before any query: a NUL or other junk never reaches the database
        if request.method != "POST":
            raise web.HTTPMethodNotAllowed(request.method, ["POST"])
        if request.content_length is not None and request.content_length > MAX_CALLBACK_BYTES:
            raise web.HTTPRequestEntityTooLarge(MAX_CALLBACK_BYTES, request.content_length)
        job = await self._deps.store.get_job(secret["job_id"])
        expected = job.callback_token if job is not None else None
        if not expected or not hmac.compare_digest(secret["token"].encode(), expected.encode()):
            raise web.HTTPNotFound
        await self._drain(request)
        if job is not None and job.task_id:
            woken = self._deps.task_reported(job.task_id)
            if not woken:
                # Another process runs this job: tell it through the database.
                await self._deps.store.report_task(job.task_id)
            log.info("job=%s task=%s callback received (followed here: %s)", job.id, job.task_id, woken)
        return web.json_response({"ok": True})

    async def _drain(self, request: web.Request) -> None:
        """Read the body (never trusted), within the size cap and the body timeout."""
        size = 0
        try:
            async with asyncio.timeout(self._body_timeout):
                async for chunk in request.content.iter_chunked(16 * 1024):
                    size += len(chunk)
                    if size > MAX_CALLBACK_BYTES:
                        raise web.HTTPRequestEntityTooLarge(MAX_CALLBACK_BYTES, size)
        except TimeoutError:
            raise web.HTTPRequestTimeout from None

    async def healthz(self, _request: web.Request) -> web.Response:
        parts: dict[str, str] = {"gateway": "ok" if self._deps.gateway_ready() else "not connected"}
        try:
            await asyncio.wait_for(self._deps.store.ping(), PING_TIMEOUT_SECONDS)
            parts["store"] = "ok"
        except Exception as error:  # any failure to reach the store is what this reports
            parts["store"] = f"unreachable: {type(error).__name__}"
        api = self._deps.metrics.api
        parts["api"] = "ok" if api.healthy(self._deps.clock()) else f"failing: {api.last_problem}"
        healthy = all(value == "ok" for value in parts.values())
        return web.json_response({"healthy": healthy, **parts}, status=200 if healthy else 503)

    async def metrics(self, _request: web.Request) -> web.Response:
        await self._deps.refresh_gauges()
        return web.Response(body=self._deps.metrics.render(), content_type="text/plain", charset="utf-8")


async def start_web(app: web.Application, host: str, port: int) -> web.AppRunner:
    """Serve `app` within its connection limits; the caller cleans the runner up at shutdown."""
    limits = app[_LIMITS]
    runner = web.AppRunner(app, access_log=None, handle_signals=False, lingering_time=limits.linger)
    await runner.setup()
    await GuardedSite(runner, host, port, ConnectionGuard(limits)).start()
    log.info("web server on http://%s:%s (callbacks, /healthz, /metrics)", host, port)
    return runner
