"""Domain types shared by the engine and the Discord side: generation options, jobs and API tasks."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

MODEL_NAME = "wan2.5-text-to-image"
IMAGE_TO_IMAGE_MODEL = "wan2.5-image-to-image"
# The API keeps a task's result links for 24 hours from its creation (shared/spec/task-detail.md).
RESULT_LIFETIME_SECONDS = 24 * 3600


@dataclass(frozen=True)
class InputImage:
    """An image a job starts from: its Discord CDN URL (signed, it expires) and where it comes from (the
    message it is attached to, when there is one), so a fresh URL can be had at submit time."""

    url: str
    channel_id: int | None = None
    message_id: int | None = None

    def to_json(self) -> dict[str, object]:
        """The stored form (a JSON object)."""
        return {"url": self.url, "channel_id": self.channel_id, "message_id": self.message_id}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> InputImage:
        """The input a stored JSON object holds."""
        channel, message = data.get("channel_id"), data.get("message_id")
        return cls(
            url=str(data["url"]),
            channel_id=int(str(channel)) if channel is not None else None,
            message_id=int(str(message)) if message is not None else None,
        )


@dataclass(frozen=True)
class GenerationOptions:
    """What a user asked for, already validated (see `services.validation`). With input `images` the job
    uses the image-to-image model, which takes neither a size nor prompt_extend."""

    prompt: str
    size: str | None = None
    n: int = 1
    prompt_extend: bool = True
    images: tuple[InputImage, ...] = ()

    @property
    def model(self) -> str:
        """The API model the job uses (and is priced by)."""
        return IMAGE_TO_IMAGE_MODEL if self.images else MODEL_NAME

    def to_request(self) -> dict[str, object]:
        """The JSON body of the create call (without a callback URL)."""
        if self.images:
            return {
                "model": IMAGE_TO_IMAGE_MODEL,
                "prompt": self.prompt,
                "n": self.n,
                "image_urls": [image.url for image in self.images],
            }
        body: dict[str, object] = {
            "model": MODEL_NAME,
            "prompt": self.prompt,
            "n": self.n,
            "prompt_extend": self.prompt_extend,
        }
        if self.size is not None:
            body["size"] = self.size
        return body


class TaskStatus(enum.StrEnum):
    """The status of a task at the API."""

    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        """Whether the task will not change any more."""
        return self in {TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED}


@dataclass(frozen=True)
class Task:
    """A task as the API reports it (create answer, query answer or callback body)."""

    id: str
    status: TaskStatus
    created: int | None = None
    progress: int = 0
    estimated_time: int | None = None
    results: tuple[str, ...] = ()
    error_code: str | None = None
    error_message: str | None = None
    credits_reserved: float | None = None  # the API's `usage.credits_reserved` (create answer)
    credits_used: float | None = None  # the API's `usage.credits_used`, when it reports one


class JobState(enum.StrEnum):
    """Where a job is on its way through the engine; every change is stored before the next step."""

    AWAITING_APPROVAL = "awaiting_approval"  # in a channel with approval mode: nothing is sent before it
    QUEUED = "queued"
    SUBMITTING = "submitting"
    SUBMITTED = "submitted"
    COMPLETED = "completed"
    DELIVERED = "delivered"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    REJECTED = "rejected"

    @property
    def is_final(self) -> bool:
        """Whether the job has ended (nothing more will happen to it)."""
        return self in {JobState.DELIVERED, JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED, JobState.REJECTED}


class FailureReason(enum.StrEnum):
    """Why a job failed, stored with it and turned into user text by the Discord side."""

    CONTENT_POLICY = "content_policy"
    INVALID_INPUT = "invalid_input"
    SERVICE_FAILED = "service_failed"
    OUTCOME_UNKNOWN = "outcome_unknown"  # the create call's outcome stayed unknown: the task may exist
    SERVICE_UNAVAILABLE = "service_unavailable"
    API_UNREACHABLE = "api_unreachable"
    TIMED_OUT = "timed_out"
    NO_IMAGES = "no_images"
    BAD_IMAGE = "bad_image"
    DELIVERY_FAILED = "delivery_failed"
    RESULTS_EXPIRED = "results_expired"
    REJECTED = "rejected"
    MODEL_DENIED = "model_denied"  # the API key may not use the image-to-image model (403)
    INPUT_UNAVAILABLE = "input_unavailable"  # no fresh URL of an input image could be had at submit time
    INTERNAL = "internal"


@dataclass(frozen=True)
class DeliveryTarget:
    """Where a job's messages go: the interaction while its token lives, else the channel."""

    channel_id: int
    guild_id: int | None  # None: a direct message (the one representation; storage converts if it must)
    application_id: int | None = None
    interaction_token: str | None = field(default=None, repr=False)
    interaction_created_at: float | None = None
    upload_limit: int = 10 * 1024 * 1024
    ephemeral: bool = False  # results only for the requester (the channel's visibility setting)
    locale: str = "en-US"  # the requester's language (a catalogue code): their private answers and DMs
    public_locale: str = "en-US"  # the server's language: public posts about the job


@dataclass
class Job:
    """One `/imagine` request and everything the engine stored about it (what only a running job knows,
    such as its place in line or its progress, is the engine's `JobRun`)."""

    id: str
    user_id: int
    options: GenerationOptions
    target: DeliveryTarget
    state: JobState = JobState.QUEUED
    created_at: float = 0.0
    updated_at: float = 0.0
    submitted_at: float | None = None
    usage_day: str = ""
    reserved_images: int = 0
    task_id: str | None = None
    task_created: int | None = None
    estimated_time: int | None = None
    result_urls: tuple[str, ...] = ()
    images_delivered: int = 0
    images_charged: int = 0
    cancel_requested: bool = False
    message_ids: tuple[int, ...] = ()
    failure_reason: FailureReason | None = None
    failure_detail: str | None = None
    decided_by: int | None = None  # the moderator who approved or rejected it (approval mode)
    credits_reserved: int = 0  # thousandths of a credit, by the price list at accept
    credits_charged: int = 0  # thousandths, at settlement
    api_credits_used: int | None = None  # thousandths, as the API reported at completion
    callback_token: str | None = field(default=None, repr=False)
