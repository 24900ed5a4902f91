"""The control API under `/_sim/` for tests and benchmarks running in other processes (no auth).

- `GET  /_sim/stats`   create calls (key, body, status, task id), GET counts, tasks with their times
- `GET  /_sim/faults`  queued faults; `POST /_sim/faults` appends `{"create": [...], "get": [...], "file": [...]}`
- `GET  /_sim/config`  current settings; `POST /_sim/config` applies a partial update
- `POST /_sim/reset`   forgets tasks, records, counters and faults (settings stay)
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from simulator.config import parse_fault_batch
from simulator.errors import error_response
from simulator.state import STATE_KEY


async def _json_body(request: web.Request) -> Any:
    try:
        return json.loads(await request.read())
    except ValueError as exc:
        raise web.HTTPBadRequest(text="the body is not valid JSON") from exc


async def get_stats(request: web.Request) -> web.Response:
    """GET /_sim/stats."""
    return web.json_response(request.app[STATE_KEY].stats())


async def get_faults(request: web.Request) -> web.Response:
    """GET /_sim/faults: the queued faults per endpoint kind."""
    return web.json_response(request.app[STATE_KEY].pending_faults())


async def post_faults(request: web.Request) -> web.Response:
    """POST /_sim/faults: validate the whole batch, then append it to the queues."""
    state = request.app[STATE_KEY]
    try:
        batch = parse_fault_batch(await _json_body(request))
    except ValueError as exc:
        return error_response(400, str(exc), param="faults")
    for kind, specs in batch.items():
        for spec in specs:
            state.add_fault(kind, spec)
    return web.json_response(state.pending_faults())


async def get_config(request: web.Request) -> web.Response:
    """GET /_sim/config."""
    return web.json_response(request.app[STATE_KEY].config.to_dict())


async def post_config(request: web.Request) -> web.Response:
    """POST /_sim/config: partial update of the settings; answers the new settings."""
    state = request.app[STATE_KEY]
    changes = await _json_body(request)
    if not isinstance(changes, dict):
        return error_response(400, "expected an object of settings", param="config")
    try:
        config = state.update_config(changes)
    except ValueError as exc:
        return error_response(400, str(exc), param="config")
    return web.json_response(config.to_dict())


async def post_reset(request: web.Request) -> web.Response:
    """POST /_sim/reset."""
    await request.app[STATE_KEY].reset()
    return web.json_response({"reset": True})


def add_control_routes(app: web.Application) -> None:
    """Register the `/_sim/` routes."""
    app.router.add_get("/_sim/stats", get_stats)
    app.router.add_get("/_sim/faults", get_faults)
    app.router.add_post("/_sim/faults", post_faults)
    app.router.add_get("/_sim/config", get_config)
    app.router.add_post("/_sim/config", post_config)
    app.router.add_post("/_sim/reset", post_reset)
