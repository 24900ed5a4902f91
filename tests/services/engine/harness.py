"""The engine wired to a real simulator over HTTP and a real SQLite store, in virtual time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from services.api.client import WanClient
from services.api.retry import RetryPolicy
from services.core.models import DeliveryTarget, GenerationOptions, Job
from services.core.supervisor import TaskSupervisor
from services.engine.image_inputs import ImageInputs, ImageToImageAccess, ImageToImageMode
from services.engine.jobs import EngineConfig, JobEngine
from services.engine.scheduler import FairScheduler
from services.images.download import ImageDownloader
from services.operations.metrics import Metrics
from services.quotas.limits import UNLIMITED, Limits, usage_day
from services.storage.job_store import Store
from simulator.config import SimConfig
from simulator.server import RunningSimulator, start_simulator
from tests.fakes import FakeClock, RecordingEvents

LIMITS = Limits(user_daily_images=6, max_active_jobs=UNLIMITED, cooldown_seconds=0.0, guild_daily_images=UNLIMITED)
TARGET = DeliveryTarget(
    channel_id=10, guild_id=20, application_id=30, interaction_token="tok", upload_limit=8 * 1024**2
)


@dataclass
class Harness:
    """The engine and what it talks to."""

    engine: JobEngine
    store: Store
    sim: RunningSimulator
    events: RecordingEvents
    clock: FakeClock
    scheduler: FairScheduler
    metrics: Metrics
    supervisor: TaskSupervisor

    async def run(self, prompt: str, n: int = 1, user_id: int = 1) -> Job:
        """Accept and run a job to its end; the stored job."""
        job = await self.engine.accept(user_id, GenerationOptions(prompt, "1024x1024", n), TARGET, LIMITS)
        self.engine.start(job)
        await asyncio.wait_for(self.engine.join(job.id), timeout=20)
        stored = await self.store.get_job(job.id)
        assert stored is not None
        return stored

    async def used(self, user_id: int = 1) -> int:
        """Images the user used today, once every job has ended."""
        jobs = await self.store.unfinished_jobs()
        assert not jobs
        return await self.store.images_used(user_id, usage_day(self.clock.now()), TARGET.guild_id)


async def open_harness(tmp_path: Path, database_url: str | None = None) -> AsyncIterator[Harness]:
    """Yield a ready harness (on a SQLite file, or on `database_url`); everything is closed afterwards."""
    clock = FakeClock()
    sim = await start_simulator(SimConfig(duration_min=40, duration_max=40, seed=3), clock=clock.now, access_log=False)
    store = await Store.open(database_url or f"sqlite:///{tmp_path}/jobs.db", clock.now)
    supervisor = TaskSupervisor()
    events = RecordingEvents()
    async with aiohttp.ClientSession() as session:
        wan = WanClient(session, sim.api_base_url, "key", policy=RetryPolicy(), timeout=5, sleep=clock.sleep)
        downloader = ImageDownloader(session, allow_private=True, max_bytes=20 * 1024**2, timeout=10, clock=clock)
        config = EngineConfig(job_deadline_seconds=300)
        scheduler = FairScheduler(clock, max_in_flight=8, creates_per_second=5.0)
        metrics = Metrics(clock.now)
        access = ImageToImageAccess(ImageToImageMode.AUTO, store)
        engine = JobEngine(
            store,
            wan,
            downloader,
            events,
            clock,
            config,
            supervisor,
            scheduler,
            metrics,
            image_inputs=ImageInputs(clock),
            access=access,
        )
        scheduler.on_change = engine.queue_changed
        supervisor.spawn("fair-queue", scheduler.run())
        yield Harness(engine, store, sim, events, clock, scheduler, metrics, supervisor)
        await supervisor.close()
    await store.close()
    await sim.close()
