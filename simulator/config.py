"""Settings of the simulator (`SimConfig`) and the injected-fault specs it understands (`FaultSpec`).

Both are plain data parsed from JSON-like mappings (control API, CLI) with errors that name the field.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

MODEL = "wan2.5-text-to-image"
IMAGE_TO_IMAGE_MODEL = "wan2.5-image-to-image"
FAULT_KINDS: tuple[str, ...] = ("create", "get", "file")
IMAGE_FORMATS: tuple[str, ...] = ("png", "jpeg")
PROGRESS_CURVES: tuple[str, ...] = ("linear", "uneven")
FAULT_STATUSES: frozenset[int] = frozenset({400, 401, 402, 403, 404, 408, 409, 429, 500, 502, 503, 504})
MALFORMED_KINDS: tuple[str, ...] = ("text", "json", "list")
# Fields that only take effect when the app is built; the control API refuses to change them.
STATIC_FIELDS: frozenset[str] = frozenset({"base_path"})

_SIZE_RE = re.compile(r"^(\d{1,5})x(\d{1,5})$")

MalformedKind = Literal["text", "json", "list"]


def parse_size(value: str) -> tuple[int, int] | None:
    """Parse a `WxH` size string into (width, height); None when it is not of that form."""
    match = _SIZE_RE.match(value)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


@dataclass(frozen=True)
class SimConfig:
    """Every knob of the simulator; immutable, replaced as a whole on update (see `apply_update`)."""

    duration_min: float = 3.0
    """Shortest task duration in seconds, before `time_scale`."""
    duration_max: float = 6.0
    """Longest task duration in seconds, before `time_scale` (uniform between min and max)."""
    time_scale: float = 1.0
    """Factor applied to drawn durations and to callback retry delays (0.05 turns 20 s into 1 s)."""
    seed: int | None = None
    """Seed of the random generator (durations, task ids, noise) for reproducible runs."""
    estimate_error: float = 1.0
    """`estimated_time` reported = ceil(real duration * this factor); 1.0 is exact."""
    estimate_error_max: float | None = None
    """When set, each task's estimate factor is drawn uniformly from [`estimate_error`, this] (0.6 and
    1.5 make estimates off by -40%..+50%, as in production)."""
    progress_curve: str = "linear"
    """How `progress` rises while a task runs: `linear`, or `uneven` (each task its own curve: some
    start slow and jump at the end, others rise fast and stall near the top)."""
    query_limit_per_second: float | None = None
    """The provider's limit on task queries per account per second; queries above it get 429 with
    Retry-After (None: no limit). The real provider allows about 20."""
    create_limit_per_second: float | None = None
    """A limit on create calls per account per second; calls above it get 429 with Retry-After and
    create nothing (None: no limit; the real provider documents none)."""
    default_size: str = "1024x1024"
    """Image size when the request has no `size`."""
    image_noise: bool = False
    """Fill image backgrounds with random noise so files are large (several MB at 1440x1440)."""
    reuse_images: bool = False
    """Render each distinct image (size, format, background, index) once and serve those bytes to every
    task asking for it: load tests keep rendering off the cores the bot runs on, as with the real API
    (the text drawn on an image is then the first such task's prompt)."""
    image_format: str = "png"
    """Format of result files: `png` or `jpeg`."""
    prerender: bool = True
    """Render a task's images in the background from its creation on, so files are ready at completion
    (as with the real API); False renders them when the task is first seen completed."""
    api_key: str | None = None
    """Bearer token required; None accepts any non-empty token."""
    allow_insecure_callbacks: bool = False
    """Lift the https-only and no-internal-address rules of `callback_url` (local test receivers)."""
    deny_image_to_image: bool = False
    """Answer 403 "Access denied for this model" to image-to-image requests (a key without that model)."""
    public_url: str | None = None
    """Base of result URLs (e.g. `http://sim.example:8090`); None uses the request's own host."""
    base_path: str = ""
    """Prefix of the API routes (e.g. `/apiv1`); fixed when the app is built."""
    task_ttl: float = 86400.0
    """Seconds after creation when a task and its files expire (404)."""
    callback_timeout: float = 10.0
    """Timeout of one callback POST in seconds (not scaled)."""
    callback_retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0)
    """Delays before the callback retries, multiplied by `time_scale`."""

    def __post_init__(self) -> None:
        """Reject inconsistent values with a message naming the field."""
        _check(self.duration_min >= 0, "duration_min", "must be >= 0")
        _check(self.duration_max >= self.duration_min, "duration_max", "must be >= duration_min")
        _check(self.time_scale > 0, "time_scale", "must be > 0")
        _check(self.estimate_error > 0, "estimate_error", "must be > 0")
        _check(
            self.estimate_error_max is None or self.estimate_error_max >= self.estimate_error,
            "estimate_error_max",
            "must be >= estimate_error or null",
        )
        _check(self.progress_curve in PROGRESS_CURVES, "progress_curve", f"must be one of {PROGRESS_CURVES}")
        _check(
            self.query_limit_per_second is None or self.query_limit_per_second > 0,
            "query_limit_per_second",
            "must be > 0 or null",
        )
        _check(
            self.create_limit_per_second is None or self.create_limit_per_second > 0,
            "create_limit_per_second",
            "must be > 0 or null",
        )
        size = parse_size(self.default_size)
        _check(size is not None and min(size) > 0, "default_size", "must look like 1024x1024")
        _check(self.image_format in IMAGE_FORMATS, "image_format", f"must be one of {IMAGE_FORMATS}")
        _check(self.api_key is None or self.api_key != "", "api_key", "must be non-empty or null")
        _check(self.base_path == "" or self.base_path.startswith("/"), "base_path", "must start with /")
        _check(not self.base_path.endswith("/"), "base_path", "must not end with /")
        _check(self.task_ttl > 0, "task_ttl", "must be > 0")
        _check(self.callback_timeout > 0, "callback_timeout", "must be > 0")
        _check(all(d >= 0 for d in self.callback_retry_delays), "callback_retry_delays", "must be >= 0")

    @property
    def default_dimensions(self) -> tuple[int, int]:
        """`default_size` as (width, height)."""
        size = parse_size(self.default_size)
        assert size is not None
        return size

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view of the settings (the API key is masked)."""
        data = dataclasses.asdict(self)
        data["callback_retry_delays"] = list(self.callback_retry_delays)
        if self.api_key is not None:
            data["api_key"] = "***"
        return data


def _check(ok: bool, name: str, problem: str) -> None:
    if not ok:
        raise ValueError(f"{name} {problem}")


def _coerce(name: str, annotation: str, value: Any) -> Any:
    """Check one JSON value against a SimConfig field's annotation, converting ints to floats."""
    optional = annotation.endswith("| None")
    if value is None:
        if optional:
            return None
        raise ValueError(f"{name} must not be null")
    base = annotation.removesuffix(" | None")
    if base == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be a boolean")
        return value
    if base == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be an integer")
        return value
    if base == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{name} must be a number")
        return float(value)
    if base == "str":
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string")
        return value
    if base == "tuple[float, ...]":
        if not isinstance(value, list | tuple) or any(
            isinstance(v, bool) or not isinstance(v, int | float) for v in value
        ):
            raise ValueError(f"{name} must be a list of numbers")
        return tuple(float(v) for v in value)
    raise ValueError(f"{name} cannot be set")  # pragma: no cover - every field type is handled above


def apply_update(config: SimConfig, changes: Mapping[str, Any], *, allow_static: bool = False) -> SimConfig:
    """Return `config` with `changes` applied; ValueError names an unknown, static or invalid field."""
    annotations = {f.name: str(f.type) for f in fields(SimConfig)}
    converted: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in annotations:
            raise ValueError(f"unknown setting {name!r}")
        if name in STATIC_FIELDS and not allow_static and value != getattr(config, name):
            raise ValueError(f"{name} is fixed when the simulator starts")
        converted[name] = _coerce(name, annotations[name], value)
    return dataclasses.replace(config, **converted)


@dataclass(frozen=True)
class FaultSpec:
    """One injected fault: an HTTP error, a malformed 200, a dropped connection and/or a delay.

    `after_create` (create faults only) lets the task be created and charged before the fault answers.
    `count` repeats the fault that many times in a row.
    """

    status: int | None = None
    retry_after: float | str | None = None
    malformed: MalformedKind | None = None
    drop: bool = False
    delay: float = 0.0
    count: int = 1
    after_create: bool = False
    message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The spec as the JSON the control API accepts (defaults left out)."""
        default = FaultSpec()
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: v for k, v in data.items() if v != getattr(default, k)}


_FAULT_KEYS = frozenset(f.name for f in fields(FaultSpec))


def _parse_action(data: Mapping[str, Any]) -> tuple[int | None, MalformedKind | None, bool]:
    """(status, malformed, drop) of a fault spec: at most one of them is set."""
    status = data.get("status")
    if status is not None and (isinstance(status, bool) or status not in FAULT_STATUSES):
        raise ValueError(f"status must be one of {sorted(FAULT_STATUSES)}")
    raw = data.get("malformed")
    malformed: MalformedKind | None
    if raw is None or raw is False:
        malformed = None
    elif raw is True:
        malformed = "text"
    elif raw in MALFORMED_KINDS:
        malformed = raw
    else:
        raise ValueError('malformed must be true, "text", "json" or "list"')
    drop = data.get("drop", False)
    if not isinstance(drop, bool):
        raise ValueError("drop must be a boolean")
    if sum((status is not None, malformed is not None, drop)) > 1:
        raise ValueError("a fault has at most one of status, malformed, drop")
    return status, malformed, drop


def _number(data: Mapping[str, Any], name: str, default: float, *, minimum: float) -> Any:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise ValueError(f"{name} must be a number >= {minimum:g}")
    return value


def parse_fault(data: Mapping[str, Any], kind: str = "create") -> FaultSpec:
    """Validate a fault spec mapping for the endpoint `kind`; ValueError explains what is wrong."""
    if kind not in FAULT_KINDS:
        raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
    if not isinstance(data, Mapping):
        raise ValueError("a fault spec must be an object")
    unknown = set(data) - _FAULT_KEYS
    if unknown:
        raise ValueError(f"unknown fault fields {sorted(unknown)}")
    status, malformed, drop = _parse_action(data)
    after_create = data.get("after_create", False)
    if not isinstance(after_create, bool):
        raise ValueError("after_create must be a boolean")
    if after_create and kind != "create":
        raise ValueError("after_create applies to create faults only")
    delay = float(_number(data, "delay", 0.0, minimum=0))
    count = _number(data, "count", 1, minimum=1)
    if not isinstance(count, int):
        raise ValueError("count must be an integer >= 1")
    retry_after = data.get("retry_after")
    if retry_after is not None:
        if status is None:
            raise ValueError("retry_after needs a status")
        if isinstance(retry_after, bool) or not isinstance(retry_after, int | float | str):
            raise ValueError("retry_after must be seconds or an HTTP date string")
    message = data.get("message")
    if message is not None and not isinstance(message, str):
        raise ValueError("message must be a string")
    return FaultSpec(
        status=status,
        retry_after=retry_after,
        malformed=malformed,
        drop=drop,
        delay=delay,
        count=count,
        after_create=after_create,
        message=message,
    )


def parse_fault_batch(data: Any) -> dict[str, list[FaultSpec]]:
    """Parse `{"create": [...], "get": [...], "file": [...]}`; nothing is applied if any spec is bad."""
    if not isinstance(data, Mapping):
        raise ValueError("expected an object keyed by create/get/file")
    batch: dict[str, list[FaultSpec]] = {}
    for kind, specs in data.items():
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        if not isinstance(specs, list):
            raise ValueError(f"{kind} must be a list of fault specs")
        batch[kind] = [parse_fault(spec, kind) for spec in specs]
    return batch
