"""Turning an injected `FaultSpec` into the answer (or non-answer) of one request."""

from __future__ import annotations

import asyncio

from aiohttp import web

from simulator.config import FaultSpec
from simulator.errors import error_response

_TRUNCATED_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04\x00\x00\x00\x04\x00\x08\x02"
_HTML_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"


def _malformed(spec: FaultSpec, kind: str) -> web.Response:
    """A 200 answer whose body is not what the endpoint promises."""
    if spec.malformed == "text":
        if kind == "file":
            return web.Response(body=_TRUNCATED_PNG, content_type="image/png")
        return web.Response(text=_HTML_PAGE, content_type="text/html")
    if spec.malformed == "list":
        return web.json_response([{"object": "image.generation.task", "type": "image"}])
    # "json": an object of the wrong shape, missing `id` and `status`.
    return web.json_response({"object": "image.generation.task", "progress": 0, "type": "image"})


def drop_connection(request: web.Request) -> web.Response:
    """Close the connection without answering; the returned response is never sent."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=500)


async def answer_fault(request: web.Request, spec: FaultSpec, kind: str) -> web.Response | None:
    """Wait out the spec's delay, then answer as it says; None means "answer normally" (delay only)."""
    if spec.delay > 0:
        await asyncio.sleep(spec.delay)
    if spec.drop:
        return drop_connection(request)
    if spec.status is not None:
        return error_response(spec.status, spec.message, retry_after=spec.retry_after)
    if spec.malformed is not None:
        return _malformed(spec, kind)
    return None


def answered_status(spec: FaultSpec | None, response: web.Response) -> int | None:
    """The HTTP status a client saw for this answer; None when the connection was dropped."""
    if spec is not None and spec.drop:
        return None
    return response.status
