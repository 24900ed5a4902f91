"""The simulated vendor endpoints: create a task, read a task, fetch a result file."""

from __future__ import annotations

import asyncio
import dataclasses
import hmac
import json
import re
from typing import Any

import aiohttp
from aiohttp import web

from simulator.callbacks import CALLBACKS_KEY
from simulator.config import SimConfig
from simulator.errors import error_response
from simulator.faults import answer_fault, answered_status
from simulator.images import CONTENT_TYPES, EXTENSIONS, NON_IMAGE_BODY
from simulator.inputs import download_inputs, result_size
from simulator.state import STATE_KEY, TASK_PREFIX, CreateRecord
from simulator.validation import RequestError, validate_request

_FILE_NAME_RE = re.compile(r"^(\d{1,2})\.(png|jpg|jpeg)$")
_INVALID_JSON = object()


def base_url_for(request: web.Request, config: SimConfig) -> str:
    """Root of absolute result URLs: `config.public_url`, else the scheme and host the client used."""
    if config.public_url:
        return config.public_url.rstrip("/")
    return f"{request.scheme}://{request.host}"


def authenticate(request: web.Request, config: SimConfig) -> web.Response | None:
    """A 401 answer unless the request carries an acceptable `Authorization: Bearer` token."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return error_response(401, "Missing or malformed Authorization header")
    if config.api_key is not None and not hmac.compare_digest(token.encode(), config.api_key.encode()):
        return error_response(401)
    return None


async def _read_json(request: web.Request) -> Any:
    raw = await request.read()
    try:
        return json.loads(raw)
    except ValueError:
        return _INVALID_JSON


async def create_generation(request: web.Request) -> web.Response:
    """POST /v1/images/generations: validate, create (or replay by Idempotency-Key), answer pending."""
    state = request.app[STATE_KEY]
    key = request.headers.get("Idempotency-Key") or None
    body = await _read_json(request)
    record = CreateRecord(at=state.clock(), idempotency_key=key, body=None if body is _INVALID_JSON else body)
    state.create_records.append(record)

    fault = state.next_fault("create")
    if fault is not None:
        record.fault = fault.to_dict()
        if not fault.after_create:
            faulted = await answer_fault(request, fault, "create")
            if faulted is not None:
                record.status = answered_status(fault, faulted)
                return faulted

    async with request.app[STATE_KEY].key_turn(key):
        response = await _create_or_replay(request, body, key, record)
    if fault is not None and fault.after_create and (record.created_task or record.replayed):
        faulted = await answer_fault(request, fault, "create")
        if faulted is not None:
            record.status = answered_status(fault, faulted)
            return faulted
    record.status = response.status
    return response


async def _create_or_replay(request: web.Request, body: Any, key: str | None, record: CreateRecord) -> web.Response:
    state = request.app[STATE_KEY]
    config = state.config
    denied = authenticate(request, config)
    if denied is not None:
        return denied
    wait = state.create_limit.admit(config.create_limit_per_second)
    if wait is not None:
        return error_response(429, "Too many task creations for this account", retry_after=max(0.001, round(wait, 3)))
    existing = state.task_for_key(key)
    if existing is not None:
        record.task_id = existing.id
        record.replayed = True
        return web.json_response(existing.create_response)
    if body is _INVALID_JSON:
        return error_response(400, "Invalid request format: the body is not valid JSON")
    try:
        valid = validate_request(
            body,
            default_size=config.default_dimensions,
            allow_insecure=config.allow_insecure_callbacks,
        )
        inputs = await _inputs(valid, config)
    except RequestError as exc:
        return error_response(exc.status, exc.message, param=exc.param, fallback_suggestion=exc.fallback_suggestion)
    if inputs:
        width, height = result_size(inputs[0])
        valid = dataclasses.replace(valid, width=width, height=height)
    task = state.create_task(valid, idempotency_key=key, base_url=base_url_for(request, config), inputs=inputs)
    if config.prerender and state.wants_images(task):
        state.start_render(task)
    request.app[CALLBACKS_KEY].schedule(task)
    record.task_id = task.id
    record.created_task = True
    return web.json_response(task.create_response)


async def _inputs(valid: Any, config: SimConfig) -> list[bytes]:
    """Image-to-image: refuse a key without the model (403), else download and check the inputs."""
    if not valid.image_urls:
        return []
    if config.deny_image_to_image:
        raise RequestError(403, "Access denied for this model", "model")
    async with aiohttp.ClientSession() as session:
        return await download_inputs(session, valid.image_urls)


async def get_task(request: web.Request) -> web.Response:
    """GET /v1/tasks/{task_id}: the task object, its status computed from the clock."""
    state = request.app[STATE_KEY]
    task_id = request.match_info["task_id"]
    state.record_get(task_id)
    fault = state.next_fault("get")
    if fault is not None:
        faulted = await answer_fault(request, fault, "get")
        if faulted is not None:
            return faulted
    denied = authenticate(request, state.config)
    if denied is not None:
        return denied
    wait = state.query_limit.admit(state.config.query_limit_per_second)
    if wait is not None:
        return error_response(429, "Too many task queries for this account", retry_after=max(0.001, round(wait, 3)))
    if not task_id.startswith(TASK_PREFIX):
        return error_response(400, "Invalid task ID format", type_="invalid_task_id", param="task_id")
    task = state.lookup(task_id)
    if task is None:
        return error_response(404, "Task not found or expired", param="task_id")
    return web.json_response(state.observe(task, base_url_for(request, state.config), by_query=True))


async def get_file(request: web.Request) -> web.Response:
    """GET /files/{task_id}/{index}.{png|jpg}: a result image of a completed task (no auth, like a CDN)."""
    state = request.app[STATE_KEY]
    task_id = request.match_info["task_id"]
    state.record_file(task_id)
    fault = state.next_fault("file")
    if fault is not None:
        faulted = await answer_fault(request, fault, "file")
        if faulted is not None:
            return faulted
    match = _FILE_NAME_RE.match(request.match_info["name"])
    task = state.lookup(task_id)
    if match is None or task is None or task.directives.missing:
        return error_response(404, "File not found or expired")
    index, ext = int(match.group(1)), match.group(2).replace("jpeg", "jpg")
    status, _ = task.phase(state.clock())
    if status != "completed" or index >= task.result_count or ext != EXTENSIONS[task.image_format]:
        return error_response(404, "File not found or expired")
    if task.directives.nonimage:
        return web.Response(body=NON_IMAGE_BODY, content_type="text/html")
    images = await asyncio.shield(state.start_render(task))
    return web.Response(
        body=images[index],
        content_type=CONTENT_TYPES[task.image_format],
        headers={"Cache-Control": "public, max-age=86400"},
    )


def add_api_routes(app: web.Application, base_path: str) -> None:
    """Register the vendor endpoints under `base_path` and the result files under `/files`."""
    app.router.add_post(f"{base_path}/v1/images/generations", create_generation)
    app.router.add_get(f"{base_path}/v1/tasks/{{task_id}}", get_task)
    app.router.add_get("/files/{task_id}/{name}", get_file)
