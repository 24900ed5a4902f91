"""The aiohttp application: request log middleware, JSON answers and error rendering."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.support.fake_discord.errors import ApiError
from tests.support.fake_discord.multipart import DecodedBody, decode_body
from tests.support.fake_discord.records import RequestRecord, monotonic

if TYPE_CHECKING:
    from tests.support.fake_discord.fake import FakeDiscord

_log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
MAX_BODY = 64 * 1024 * 1024
_RECORD_KEY = web.RequestKey("fake_discord_record", RequestRecord)
_KEEP_UPLOAD_BYTES: web.AppKey[Callable[[], bool]] = web.AppKey("fake_discord_keep_upload_bytes")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def json_response(data: Any, status: int = 200) -> web.Response:
    """A JSON answer with ``Content-Type: application/json`` exactly (discord.py rejects a charset suffix)."""
    response = web.Response(body=json.dumps(data).encode(), status=status)
    response.headers["Content-Type"] = "application/json"
    return response


def no_content() -> web.Response:
    """A 204 answer."""
    return web.Response(status=204)


def record_of(request: web.Request) -> RequestRecord:
    """The log entry of ``request``."""
    return request[_RECORD_KEY]


async def read_body(request: web.Request) -> DecodedBody:
    """Decode the body (JSON or multipart) and keep it on the request's log entry."""
    body = await decode_body(request)
    if not request.app[_KEEP_UPLOAD_BYTES]():
        body.files = [file.without_bytes() for file in body.files]
    record = record_of(request)
    record.payload = body.payload
    record.files = body.files
    return body


def build_app(fake: FakeDiscord) -> web.Application:
    """Create the aiohttp application serving REST, webhooks, attachments and the gateway."""
    from tests.support.fake_discord.rest import RestRoutes
    from tests.support.fake_discord.webhooks import WebhookRoutes

    @web.middleware
    async def log_and_render(request: web.Request, handler: Handler) -> web.StreamResponse:
        record = RequestRecord(method=request.method, path=request.path, query=dict(request.query), at=monotonic())
        request[_RECORD_KEY] = record
        fake.requests.append(record)
        try:
            fault = fake.faults.take(request.method, request.path)
            if fault is not None:
                await request.read()
                response: web.StreamResponse = json_response(fault.body, fault.status)
                response.headers.update(fault.headers)
                record.error = fault.body
            else:
                response = await handler(request)
        except ApiError as error:
            record.error = error.body()
            response = json_response(error.body(), error.status)
        except (web.HTTPNotFound, web.HTTPMethodNotAllowed) as error:
            _log.warning("fake Discord: no route for %s %s (answering %s)", request.method, request.path, error.status)
            record.error = {"code": 0, "message": f"{error.status}: {error.reason}"}
            response = json_response(record.error, error.status)
        record.status = response.status
        fake.signal.notify()
        return response

    app = web.Application(client_max_size=MAX_BODY, middlewares=[log_and_render])
    app[_KEEP_UPLOAD_BYTES] = lambda: fake.keep_upload_bytes
    app.router.add_get("/gateway", fake.hub.handle)
    RestRoutes(fake).register(app.router)
    WebhookRoutes(fake).register(app.router)
    return app
