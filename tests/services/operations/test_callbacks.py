"""Callbacks end to end in one process: the simulator calls the bot's web server back, and the job is
picked up at once although the poll schedule would not ask for a long while."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp

from services.api.client import WanClient
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState
from services.core.supervisor import TaskSupervisor
from services.engine.events import JobPhase
from services.engine.jobs import EngineConfig, JobEngine
from services.engine.polling import PollSchedule
from services.engine.scheduler import FairScheduler
from services.images.download import ImageDownloader
from services.operations.metrics import Metrics
from services.operations.web import WebDependencies, build_app, start_web
from services.quotas.limits import UNLIMITED, Limits
from services.storage.job_store import Store
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.fakes import RecordingEvents
from tests.services.engine.test_tracker import StuckClock

LIMITS = Limits(10, UNLIMITED, 0.0, UNLIMITED)


async def test_a_callback_gets_the_result_delivered_without_waiting_for_the_next_poll(tmp_path: Path) -> None:
    clock = StuckClock()
    sim = await start_simulator(
        SimConfig(duration_min=5, duration_max=5, allow_insecure_callbacks=True), clock=clock.now, access_log=False
    )
    store = await Store.open(f"sqlite:///{tmp_path}/callbacks.db", clock.now)
    supervisor, events, metrics = TaskSupervisor(), RecordingEvents(), Metrics(clock.now)
    generating = asyncio.Event()

    async def watch(job: Job, phase: JobPhase) -> None:
        if phase is JobPhase.GENERATING:
            generating.set()

    events.on_phase = watch
    async with aiohttp.ClientSession() as session:
        wan = WanClient(session, sim.api_base_url, "key", sleep=clock.sleep)
        downloader = ImageDownloader(session, allow_private=True, max_bytes=10**7, timeout=10)
        scheduler = FairScheduler(clock, 4, 10.0)
        deps = WebDependencies(store, metrics, lambda _: False, lambda: True, asyncio.sleep, clock.now)
        runner = await start_web(build_app(deps), "127.0.0.1", 0)
        port = runner.addresses[0][1]
        config = EngineConfig(
            schedule=PollSchedule(min_interval=60, max_interval=600), public_base_url=f"http://127.0.0.1:{port}"
        )
        engine = JobEngine(store, wan, downloader, events, clock, config, supervisor, scheduler, metrics)
        deps.task_reported = engine.task_reported
        supervisor.spawn("fair-queue", scheduler.run())
        job = await engine.accept(1, GenerationOptions("called back"), DeliveryTarget(1, 2), LIMITS)
        engine.start(job)
        await asyncio.wait_for(generating.wait(), 10)
        task_id = (await store.get_job(job.id)).task_id
        clock.time += 6  # the task is done; only the callback can tell the bot before its next poll
        await asyncio.wait_for(engine.join(job.id), 10)
        await supervisor.close()
        await runner.cleanup()
    stored = await store.get_job(job.id)
    await store.close()
    stats = sim.state.stats()
    await sim.close()
    assert stored.state is JobState.DELIVERED
    assert sim.state.create_records[0].body["callback_url"].startswith(f"http://127.0.0.1:{port}/callbacks/{job.id}.")
    assert stats["get_counts"][task_id] == 1
