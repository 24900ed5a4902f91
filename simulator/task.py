"""One simulated task: its lifecycle math and the JSON the API shows of it; one create-call record.

A task's status is computed from (now - created_at) against its duration, so nothing ticks:
`pending` for the first 10 % of the duration, then `processing` with progress rising along the task's
curve (linear, or uneven: `SimTask.progress_exponent`),
then `completed` (or `failed`, see `simulator.tokens`) from `terminal_at = created_at + duration` on.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass, field
from typing import Any

from simulator.images import EXTENSIONS
from simulator.tokens import PromptDirectives, failure_message
from simulator.validation import GenerationRequest

TASK_PREFIX = "task-unified-"
IMAGE_TO_IMAGE_CREDITS = 1.2
PENDING_FRACTION = 0.1


@dataclass
class SimTask:
    """One generation task and everything recorded about it."""

    id: str
    created_at: float
    duration: float
    estimated_time: int
    request: GenerationRequest
    directives: PromptDirectives
    image_format: str
    noise: bool
    seed: int
    base_url: str
    idempotency_key: str | None
    create_response: dict[str, Any] = field(default_factory=dict)
    get_count: int = 0
    file_get_count: int = 0
    first_seen_terminal_at: float | None = None
    queried_terminal_at: float | None = None
    """When a task query (GET, not the callback) first found the task terminal."""
    render: asyncio.Task[list[bytes]] | None = None
    callback_attempts: list[dict[str, Any]] = field(default_factory=list)
    callback_delivered_at: float | None = None
    progress_exponent: float = 1.0
    """Shape of the progress curve: progress = 100 * (elapsed / duration) ** this (1.0 is linear)."""
    inputs: tuple[bytes, ...] = ()
    """Image-to-image: the downloaded input images (the results are derived from the first)."""

    def credits(self, images: int) -> float | int:
        """Credits for `images` images of this task's model (image-to-image costs 1.2 each, as documented)."""
        return round(images * IMAGE_TO_IMAGE_CREDITS, 4) if self.inputs else images

    @property
    def terminal_at(self) -> float:
        """Clock time at which the task becomes completed or failed."""
        return self.created_at + self.duration

    @property
    def final_status(self) -> str:
        """`completed` or `failed`, as steered by the prompt's tokens."""
        return "failed" if self.directives.fails else "completed"

    @property
    def result_count(self) -> int:
        """How many result URLs a completed task lists."""
        wanted = self.directives.results
        return self.request.n if wanted is None else min(wanted, self.request.n)

    def phase(self, now: float) -> tuple[str, int]:
        """(status, progress) of the task at clock time `now`."""
        elapsed = now - self.created_at
        if elapsed >= self.duration:
            return (self.final_status, 100 if self.final_status == "completed" else 0)
        if elapsed < self.duration * PENDING_FRACTION:
            return ("pending", 0)
        fraction = (elapsed / self.duration) ** self.progress_exponent
        return ("processing", min(99, max(1, int(100 * fraction))))

    def result_urls(self, base_url: str) -> list[str]:
        """Absolute URLs of the result files under `base_url`."""
        ext = EXTENSIONS[self.image_format]
        return [f"{base_url}/files/{self.id}/{i}.{ext}" for i in range(self.result_count)]

    def detail(self, now: float, base_url: str) -> dict[str, Any]:
        """The task-detail JSON object at clock time `now` (the GET answer and the callback body)."""
        status, progress = self.phase(now)
        body: dict[str, Any] = {
            "id": self.id,
            "created": int(self.created_at),
            "model": self.request.model,
            "object": "image.generation.task",
            "type": "image",
            "status": status,
            "progress": progress,
        }
        terminal = status in ("completed", "failed")
        task_info: dict[str, Any] = {"can_cancel": not terminal}
        if not terminal:
            task_info["estimated_time"] = max(0, math.ceil(self.estimated_time - (now - self.created_at)))
        body["task_info"] = task_info
        if status == "completed":
            body["results"] = self.result_urls(base_url)
        if status == "failed" and self.directives.fail_code is not None:
            code = self.directives.fail_code
            body["error"] = {"code": code, "message": failure_message(code)}
        if terminal:
            used = self.result_count if status == "completed" else 0
            body["usage"] = {
                "billing_rule": "per_call",
                "credits_reserved": self.credits(self.request.n),
                "credits_used": self.credits(used),
                "user_group": "default",
            }
        return body

    def summary(self, now: float) -> dict[str, Any]:
        """What `/_sim/stats` says about this task."""
        status, progress = self.phase(now)
        return {
            "status": status,
            "progress": progress,
            "final_status": self.final_status,
            "created_at": self.created_at,
            "terminal_at": self.terminal_at,
            "first_seen_terminal_at": self.first_seen_terminal_at,
            "queried_terminal_at": self.queried_terminal_at,
            "duration": self.duration,
            "estimated_time": self.estimated_time,
            "n": self.request.n,
            "results": self.result_count,
            "size": f"{self.request.width}x{self.request.height}",
            "idempotency_key": self.idempotency_key,
            "get_count": self.get_count,
            "file_get_count": self.file_get_count,
            "callback_url": self.request.callback_url,
            "callback_attempts": list(self.callback_attempts),
            "callback_delivered_at": self.callback_delivered_at,
        }


@dataclass
class CreateRecord:
    """One call of the create endpoint, whatever its outcome (status None = connection dropped)."""

    at: float
    idempotency_key: str | None
    body: Any
    status: int | None = None
    task_id: str | None = None
    created_task: bool = False
    replayed: bool = False
    fault: dict[str, Any] | None = None
