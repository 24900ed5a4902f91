from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.operations.metrics import Metrics
from services.operations.web import WebDependencies, build_app, callback_url
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store

LIMITS = Limits(10, UNLIMITED, 0.0, UNLIMITED)
TOKEN = "s3cret-token-of-the-job-in-the-shape-of-one"  # secrets.token_urlsafe(32): 43 characters


@dataclass
class Probe:
    reported: list[str] = field(default_factory=list)
    ready: bool = True
    follows_here: bool = True

    def task_reported(self, task_id: str) -> bool:
        self.reported.append(task_id)
        return self.follows_here


@pytest.fixture
async def stack(tmp_path: Path) -> AsyncIterator[tuple[TestClient, Store, Probe, Metrics]]:
    store = await Store.open(f"sqlite:///{tmp_path}/web.db")
    job = Job(
        id="abcdef123456",
        user_id=1,
        options=GenerationOptions("a callback"),
        target=DeliveryTarget(1, 2),
        usage_day="2026-11-25",
        callback_token=TOKEN,
    )
    await store.insert_job_reserving(job, LIMITS)
    await store.transition(job.id, [JobState.QUEUED], JobState.SUBMITTED, task_id="task-unified-1-abcdefgh")
    probe, metrics = Probe(), Metrics()

    async def refresh() -> None:
        metrics.set_job_counts(await store.count_jobs_by_state())

    deps = WebDependencies(store, metrics, probe.task_reported, lambda: probe.ready, refresh, lambda: 1000.0)
    client = TestClient(TestServer(build_app(deps)))
    await client.start_server()
    yield client, store, probe, metrics
    await client.close()
    await store.close()


def path_of(token: str = TOKEN, job_id: str = "abcdef123456") -> str:
    return callback_url("https://bot.example", job_id, token).removeprefix("https://bot.example")


async def test_a_valid_callback_makes_the_bot_ask_the_api_about_the_task(stack) -> None:
    client, _, probe, _ = stack
    response = await client.post(path_of(), json={"id": "task-unified-1-abcdefgh", "status": "completed"})
    assert response.status == 200
    assert probe.reported == ["task-unified-1-abcdefgh"]


async def test_a_forged_body_claiming_completion_changes_nothing_by_itself(stack) -> None:
    client, store, _, _ = stack
    forged = {"id": "task-unified-1-abcdefgh", "status": "completed", "results": ["https://evil.example/x.png"]}
    assert (await client.post(path_of(), json=forged)).status == 200
    job = await store.get_job("abcdef123456")
    assert (job.state, job.result_urls) == (JobState.SUBMITTED, ())


@pytest.mark.parametrize("bad", ["wrong-token", "", "s3cret-token-of-the-jo"])
async def test_a_wrong_secret_is_not_found(stack, bad: str) -> None:
    client, _, probe, _ = stack
    assert (await client.post(path_of(bad), json={})).status == 404
    assert probe.reported == []


async def test_an_unknown_job_is_not_found(stack) -> None:
    client, _, probe, _ = stack
    assert (await client.post(path_of(job_id="000000000000"), json={})).status == 404
    assert (await client.post("/callbacks/no-dot-at-all", json={})).status == 404
    assert probe.reported == []


async def test_an_oversized_body_is_refused(stack) -> None:
    client, _, probe, _ = stack
    response = await client.post(path_of(), data=b"x" * (65 * 1024))
    assert response.status == 413
    assert probe.reported == []


async def test_other_methods_are_not_allowed(stack) -> None:
    client, _, _, _ = stack
    assert (await client.get(path_of())).status == 405
    assert (await client.put(path_of(), data=b"{}")).status == 405


async def test_a_repeated_callback_is_harmless(stack) -> None:
    client, _, probe, _ = stack
    for _ in range(3):
        assert (await client.post(path_of(), json={})).status == 200
    assert probe.reported == ["task-unified-1-abcdefgh"] * 3


async def test_health_is_200_when_every_part_is_fine(stack) -> None:
    client, _, _, _ = stack
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"healthy": True, "gateway": "ok", "store": "ok", "api": "ok"}


async def test_health_is_503_naming_a_disconnected_gateway(stack) -> None:
    client, _, probe, _ = stack
    probe.ready = False
    response = await client.get("/healthz")
    assert response.status == 503
    assert (await response.json())["gateway"] == "not connected"


async def test_health_is_503_naming_a_failing_api(stack) -> None:
    client, _, _, metrics = stack
    for _ in range(3):
        metrics.api_call("get", "503", 0.1)
    body = await (await client.get("/healthz")).json()
    assert body["api"] == "failing: get answered 503"


async def test_health_is_503_naming_an_unreachable_store(stack, monkeypatch: pytest.MonkeyPatch) -> None:
    client, store, _, _ = stack

    async def unreachable() -> None:
        raise ConnectionRefusedError("database down")

    monkeypatch.setattr(store, "ping", unreachable)
    response = await client.get("/healthz")
    assert response.status == 503
    assert (await response.json())["store"].startswith("unreachable")


async def test_metrics_are_in_prometheus_format(stack) -> None:
    client, _, _, metrics = stack
    metrics.api_call("create", "ok", 0.3)
    text = await (await client.get("/metrics")).text()
    assert 'imagine_jobs{state="submitted"} 1.0' in text
    assert 'imagine_api_calls_total{endpoint="create",outcome="ok"} 1.0' in text
    assert "imagine_api_latency_seconds_bucket" in text
    assert "imagine_completion_to_delivery_seconds_count" in text


async def test_an_oversized_chunked_body_is_refused_too(stack) -> None:
    client, _, probe, _ = stack

    async def body():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 16 * 1024

    response = await client.post(path_of(), data=body())
    assert response.status == 413
    assert probe.reported == []


async def test_a_callback_for_a_task_followed_elsewhere_is_passed_on_through_the_store(
    stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, store, probe, _ = stack
    passed_on: list[str] = []

    async def report_task(task_id: str) -> None:
        passed_on.append(task_id)

    monkeypatch.setattr(store, "report_task", report_task)
    probe.follows_here = False
    assert (await client.post(path_of(), json={})).status == 200
    assert passed_on == ["task-unified-1-abcdefgh"]
