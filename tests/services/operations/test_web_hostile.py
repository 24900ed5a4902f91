"""The web server against hostile clients, over raw sockets to the real server (short limits passed in):
malformed callback paths, clients that never finish their headers or body, too many connections."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web

from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.operations.connection_guard import ConnectionLimits
from services.operations.metrics import Metrics
from services.operations.web import WebDependencies, build_app, callback_url, start_web
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store

TOKEN = "Q2hhcmFjdGVycy1vZi1hLXJlYWwtY2FsbGJhY2stdG9r"[:43]
JOB_ID = "0123456789ab"
QUICK = ConnectionLimits(header_timeout=0.3, body_timeout=0.3, lifetime=5.0, max_connections=50)
Serve = Callable[[ConnectionLimits], Awaitable[int]]


async def open_store(database_url: str) -> Store:
    store = await Store.open(database_url)
    job = Job(
        id=JOB_ID,
        user_id=1,
        options=GenerationOptions("hostile"),
        target=DeliveryTarget(1, 2),
        usage_day="2026-11-25",
        callback_token=TOKEN,
    )
    await store.insert_job_reserving(job, Limits(10, UNLIMITED, 0.0, UNLIMITED))
    await store.transition(JOB_ID, [JobState.QUEUED], JobState.SUBMITTED, task_id="task-unified-1-abcdefgh")
    return store


async def serving(store: Store) -> AsyncIterator[Serve]:
    runners: list[web.AppRunner] = []

    async def serve(limits: ConnectionLimits) -> int:
        deps = WebDependencies(store, Metrics(), lambda _: True, lambda: True, asyncio.sleep, time.time)
        runner = await start_web(build_app(deps, limits), "127.0.0.1", 0)
        runners.append(runner)
        return int(runner.addresses[0][1])

    yield serve
    for runner in runners:
        await runner.cleanup()
    await store.close()


@pytest.fixture
async def serve(tmp_path: Path) -> AsyncIterator[Serve]:
    async for ready in serving(await open_store(f"sqlite:///{tmp_path}/web.db")):
        yield ready


@pytest.fixture
async def serve_on_each_database(database_url: str) -> AsyncIterator[Serve]:
    async for ready in serving(await open_store(database_url)):
        yield ready


async def exchange(port: int, request: bytes, *, timeout: float = 3.0) -> bytes:
    """Send `request` and read until the server closes the connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    try:
        return await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()


def post(path: str, body: bytes = b"{}", *, length: int | None = None) -> bytes:
    size = len(body) if length is None else length
    return f"POST {path} HTTP/1.1\r\nHost: bot\r\nContent-Length: {size}\r\n\r\n".encode() + body


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


VALID_PATH = callback_url("", JOB_ID, TOKEN)


@pytest.mark.parametrize(
    "path",
    [
        "/callbacks/abc%00.x",
        f"/callbacks/{JOB_ID}%00.{TOKEN}",
        f"/callbacks/{JOB_ID}.{TOKEN[:-1]}%00",
        "/callbacks/%FF%FE.x",
        f"/callbacks/{'a' * 5000}.{TOKEN}",
        f"/callbacks/{JOB_ID.upper()}.{TOKEN}",
    ],
)
async def test_a_malformed_callback_path_is_not_found(serve_on_each_database: Serve, path: str) -> None:
    port = await serve_on_each_database(QUICK)
    answer = await exchange(port, post(path))
    assert status_of(answer) == 404
    assert b"Traceback" not in answer


async def test_a_valid_callback_is_still_accepted(serve: Serve) -> None:
    assert status_of(await exchange(await serve(QUICK), post(VALID_PATH))) == 200


async def test_each_connection_serves_one_request_and_says_so(serve: Serve) -> None:
    twice = b"GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n" * 2
    answer = await exchange(await serve(QUICK), twice)
    assert answer.count(b"HTTP/1.1 ") == 1
    assert b"Connection: close" in answer


async def test_twenty_clients_that_never_finish_their_headers_are_all_closed_within_the_timeout(
    serve: Serve,
) -> None:
    port = await serve(QUICK)
    started = time.monotonic()
    answers = await asyncio.gather(*(exchange(port, b"POST /callbacks/x HTTP/1.1\r\nHost: bot\r\n") for _ in range(20)))
    assert time.monotonic() - started < 2.0
    assert {status_of(answer) for answer in answers} == {408}


async def test_a_client_trickling_its_headers_byte_by_byte_is_closed_within_the_timeout(serve: Serve) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", await serve(QUICK))
    started = time.monotonic()

    async def trickle() -> None:
        with contextlib.suppress(ConnectionError):
            for byte in b"GET /healthz HTTP/1.1\r\nHost: bot\r\nX-Slow: " + b"a" * 100:
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(0.05)

    trickling = asyncio.create_task(trickle())
    try:
        answer = await asyncio.wait_for(reader.read(), 3.0)
    finally:
        trickling.cancel()
        writer.close()
    assert status_of(answer) == 408
    assert time.monotonic() - started < 1.5


async def test_empty_lines_before_the_request_line_do_not_stop_the_header_timeout(serve: Serve) -> None:
    port = await serve(QUICK)

    answer = await exchange(port, b"\r\n\r\nPOST /callbacks/x HTTP/1.1\r\nHost: bot\r\n")

    assert status_of(answer) == 408


async def test_a_callback_body_that_never_arrives_is_answered_408(serve: Serve) -> None:
    answer = await exchange(await serve(QUICK), post(VALID_PATH, b"{", length=1000))
    assert status_of(answer) == 408


async def test_a_connection_is_closed_when_its_lifetime_ends(serve: Serve) -> None:
    limits = ConnectionLimits(header_timeout=0.3, body_timeout=30.0, lifetime=0.6, max_connections=50)
    started = time.monotonic()
    answer = await exchange(await serve(limits), post(VALID_PATH, b"{", length=1000))
    assert answer == b""
    assert 0.5 < time.monotonic() - started < 2.0


async def test_connections_beyond_the_cap_are_refused_at_once_and_served_again_once_freed(serve: Serve) -> None:
    port = await serve(ConnectionLimits(header_timeout=5.0, body_timeout=5.0, lifetime=10.0, max_connections=3))
    idle = [await asyncio.open_connection("127.0.0.1", port) for _ in range(3)]
    await asyncio.sleep(0.1)  # the server has accepted them
    refused = await exchange(port, b"GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n", timeout=1.0)
    assert status_of(refused) == 503
    for _, writer in idle:
        writer.close()
        await writer.wait_closed()
    await asyncio.sleep(0.1)
    assert status_of(await exchange(port, b"GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n")) == 200
