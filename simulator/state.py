"""The simulator's memory: tasks, call records, fault queues, settings and rendered images."""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import string
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import asdict, replace
from typing import Any

from aiohttp import web

from simulator.background import BackgroundTasks
from simulator.config import FAULT_KINDS, FaultSpec, SimConfig, apply_update, parse_fault
from simulator.images import ImageSpec, render_image
from simulator.query_limit import QueryLimit
from simulator.task import TASK_PREFIX, CreateRecord, SimTask
from simulator.tokens import parse_directives
from simulator.validation import GenerationRequest

__all__ = ["STATE_KEY", "TASK_PREFIX", "Clock", "CreateRecord", "SimTask", "SimulatorState"]

_ID_ALPHABET = string.ascii_lowercase + string.digits

Clock = Callable[[], float]


def make_rng(seed: int | None) -> random.Random:
    """The simulator's random generator (durations, ids, image seeds): simulation, not security."""
    return random.Random(seed)  # noqa: S311 - reproducible simulation, not cryptography


class SimulatorState:
    """Tasks, records, fault queues and settings of one simulator instance."""

    def __init__(self, config: SimConfig | None = None, clock: Clock | None = None) -> None:
        self.config = config or SimConfig()
        self.clock: Clock = clock or time.time
        self.background = BackgroundTasks()
        self.rng = make_rng(self.config.seed)
        self.tasks: dict[str, SimTask] = {}
        self.tasks_by_key: dict[str, str] = {}
        self.key_locks: dict[str, asyncio.Lock] = {}
        self.create_records: list[CreateRecord] = []
        self.get_counts: dict[str, int] = {}
        self.file_counts: dict[str, int] = {}
        self.faults: dict[str, deque[list[Any]]] = {kind: deque() for kind in FAULT_KINDS}
        self.faults_served: dict[str, int] = dict.fromkeys(FAULT_KINDS, 0)
        self.query_limit = QueryLimit(lambda: self.clock())  # noqa: PLW0108 - the clock may be replaced later
        self.create_limit = QueryLimit(lambda: self.clock())  # noqa: PLW0108 - the same window, for creates
        self.shared_renders: dict[tuple[ImageSpec, ...], asyncio.Task[list[bytes]]] = {}

    # --- settings and faults -------------------------------------------------------------------------
    def update_config(self, changes: Mapping[str, Any]) -> SimConfig:
        """Apply a partial settings update (ValueError if invalid); a new seed reseeds the generator."""
        new = apply_update(self.config, changes)
        if "seed" in changes:
            self.rng = make_rng(new.seed)
        self.config = new
        return new

    def add_fault(self, kind: str, spec: FaultSpec | Mapping[str, Any]) -> FaultSpec:
        """Queue a fault for the next call(s) of endpoint `kind` (`create`, `get` or `file`)."""
        parsed = spec if isinstance(spec, FaultSpec) else parse_fault(spec, kind)
        if kind not in self.faults or (parsed.after_create and kind != "create"):
            raise ValueError(f"fault {parsed.to_dict()} does not apply to {kind!r}")
        self.faults[kind].append([parsed, parsed.count])
        return parsed

    def next_fault(self, kind: str) -> FaultSpec | None:
        """Consume one occurrence of the oldest queued fault of `kind`, if any."""
        queue = self.faults[kind]
        if not queue:
            return None
        entry = queue[0]
        entry[1] -= 1
        if entry[1] <= 0:
            queue.popleft()
        self.faults_served[kind] += 1
        return entry[0]

    def pending_faults(self) -> dict[str, list[dict[str, Any]]]:
        """Queued faults per kind, with the number of occurrences left as `count`."""
        return {
            kind: [{**spec.to_dict(), "count": left} for spec, left in queue] for kind, queue in self.faults.items()
        }

    # --- tasks ---------------------------------------------------------------------------------------
    def create_task(
        self,
        request: GenerationRequest,
        *,
        idempotency_key: str | None,
        base_url: str,
        inputs: list[bytes] | None = None,
    ) -> SimTask:
        """Create (and charge) a task for a validated request."""
        config = self.config
        now = self.clock()
        directives = parse_directives(request.prompt)
        if directives.duration is not None:
            duration = directives.duration
        else:
            duration = self.rng.uniform(config.duration_min, config.duration_max) * config.time_scale
        task_id = self._new_id(now)
        task = SimTask(
            id=task_id,
            created_at=now,
            duration=duration,
            estimated_time=max(1, math.ceil(duration * self._estimate_factor())),
            request=request,
            directives=directives,
            image_format=config.image_format,
            noise=config.image_noise or directives.big,
            seed=self.rng.getrandbits(32),
            base_url=base_url,
            idempotency_key=idempotency_key,
            progress_exponent=self._progress_exponent(),
            inputs=tuple(inputs or ()),
        )
        task.create_response = {
            "created": int(now),
            "id": task_id,
            "model": request.model,
            "object": "image.generation.task",
            "progress": 0,
            "status": "pending",
            "task_info": {"can_cancel": True, "estimated_time": task.estimated_time},
            "type": "image",
            "usage": {"billing_rule": "per_call", "credits_reserved": task.credits(request.n), "user_group": "default"},
        }
        self.tasks[task_id] = task
        if idempotency_key is not None:
            self.tasks_by_key[idempotency_key] = task_id
        return task

    def _estimate_factor(self) -> float:
        """How wrong this task's `estimated_time` is: fixed, or drawn from the configured range."""
        low, high = self.config.estimate_error, self.config.estimate_error_max
        return low if high is None else self.rng.uniform(low, high)

    def _progress_exponent(self) -> float:
        """The task's progress curve: linear, or (uneven) between slow-then-sudden and fast-then-stalled."""
        if self.config.progress_curve == "linear":
            return 1.0
        return math.exp(self.rng.uniform(math.log(0.4), math.log(2.5)))

    def _new_id(self, now: float) -> str:
        while True:
            task_id = f"{TASK_PREFIX}{int(now)}-{''.join(self.rng.choices(_ID_ALPHABET, k=8))}"
            if task_id not in self.tasks:
                return task_id

    @contextlib.asynccontextmanager
    async def key_turn(self, idempotency_key: str | None) -> AsyncIterator[None]:
        """One create call at a time per Idempotency-Key, as the vendor claims a key before it downloads
        the inputs: a retry that arrives meanwhile waits, then is handed the task the first one made."""
        if idempotency_key is None:
            yield
            return
        async with self.key_locks.setdefault(idempotency_key, asyncio.Lock()):
            yield

    def task_for_key(self, idempotency_key: str | None) -> SimTask | None:
        """The task an earlier create call with this Idempotency-Key made, if any."""
        if idempotency_key is None or idempotency_key not in self.tasks_by_key:
            return None
        return self.tasks.get(self.tasks_by_key[idempotency_key])

    def lookup(self, task_id: str) -> SimTask | None:
        """The task with this id, or None if unknown or expired (older than `task_ttl`)."""
        task = self.tasks.get(task_id)
        if task is None or self.clock() - task.created_at > self.config.task_ttl:
            return None
        return task

    def observe(self, task: SimTask, base_url: str, *, by_query: bool = False) -> dict[str, Any]:
        """The task's detail now; notes when it was first seen terminal (`by_query`: by a task query, not
        the callback) and starts rendering if done."""
        now = self.clock()
        detail = task.detail(now, base_url)
        terminal = detail["status"] in ("completed", "failed")
        if terminal and task.first_seen_terminal_at is None:
            task.first_seen_terminal_at = now
        if terminal and by_query and task.queried_terminal_at is None:
            task.queried_terminal_at = now
        if detail["status"] == "completed" and self.wants_images(task):
            self.start_render(task)
        return detail

    def wants_images(self, task: SimTask) -> bool:
        """Whether the task will ever serve real images (completed, not `[missing]`/`[nonimage]`)."""
        directives = task.directives
        return not (directives.fails or directives.missing or directives.nonimage)

    def start_render(self, task: SimTask) -> asyncio.Task[list[bytes]]:
        """Start rendering the task's images in worker threads (once); the returned task yields the bytes."""
        if task.render is None:
            specs = [
                ImageSpec(
                    prompt=task.request.prompt,
                    width=task.request.width,
                    height=task.request.height,
                    index=i,
                    count=task.request.n,
                    image_format=task.image_format,
                    noise=task.noise,
                    seed=task.seed,
                    source=task.inputs[0] if task.inputs else None,
                )
                for i in range(task.result_count)
            ]
            task.render = self._render(task.id, specs)
        return task.render

    def _render(self, task_id: str, specs: list[ImageSpec]) -> asyncio.Task[list[bytes]]:
        """A render of its own, or (with `reuse_images`) the one shared by every task of the same images."""
        if not self.config.reuse_images:
            return self.background.spawn(f"render {task_id}", _render(specs))
        key = tuple(replace(spec, prompt="", seed=0) for spec in specs)
        if key not in self.shared_renders:
            self.shared_renders[key] = self.background.spawn(f"render {task_id} (shared)", _render(specs))
        return self.shared_renders[key]

    # --- records and control -------------------------------------------------------------------------
    def record_get(self, task_id: str) -> None:
        """Count one task-detail GET (faulted ones included)."""
        self.get_counts[task_id] = self.get_counts.get(task_id, 0) + 1
        if task_id in self.tasks:
            self.tasks[task_id].get_count += 1

    def record_file(self, task_id: str) -> None:
        """Count one result-file GET."""
        self.file_counts[task_id] = self.file_counts.get(task_id, 0) + 1
        if task_id in self.tasks:
            self.tasks[task_id].file_get_count += 1

    def stats(self) -> dict[str, Any]:
        """Everything tests and benchmarks count, as JSON-ready data."""
        now = self.clock()
        return {
            "now": now,
            "create_calls": [asdict(record) for record in self.create_records],
            "create_count": len(self.create_records),
            "tasks_created": sum(1 for r in self.create_records if r.created_task),
            "get_counts": dict(self.get_counts),
            "get_total": sum(self.get_counts.values()),
            "get_rate_limited": self.query_limit.refused,
            "get_peak_per_second": self.query_limit.peak_per_second,
            "create_rate_limited": self.create_limit.refused,
            "create_peak_per_second": self.create_limit.peak_per_second,
            "file_counts": dict(self.file_counts),
            "file_total": sum(self.file_counts.values()),
            "tasks": {task_id: task.summary(now) for task_id, task in self.tasks.items()},
            "faults_pending": self.pending_faults(),
            "faults_served": dict(self.faults_served),
        }

    async def reset(self) -> None:
        """Forget tasks, records, counters and faults; cancel renders and callbacks in flight."""
        await self.background.cancel_all()
        self.rng = make_rng(self.config.seed)
        self.tasks.clear()
        self.tasks_by_key.clear()
        self.key_locks.clear()
        self.create_records.clear()
        self.get_counts.clear()
        self.file_counts.clear()
        self.query_limit.reset()
        self.create_limit.reset()
        self.shared_renders.clear()
        for kind in FAULT_KINDS:
            self.faults[kind].clear()
            self.faults_served[kind] = 0

    async def close(self) -> None:
        """Cancel every background task (renders, callbacks)."""
        await self.background.cancel_all()


async def _render(specs: list[ImageSpec]) -> list[bytes]:
    return list(await asyncio.gather(*(asyncio.to_thread(render_image, spec) for spec in specs)))


STATE_KEY: web.AppKey[SimulatorState] = web.AppKey("simulator_state", SimulatorState)
