"""Magic tokens in a prompt that steer how the simulated task ends.

End-to-end tests drive a separate bot process, so they steer single jobs through the prompt text:

- `[fail:<code>]`     the task ends `failed` with `error.code` = <code> (e.g. `content_policy_violation`,
                      `service_error`, `generation_timeout`) and a plausible message.
- `[fail-noerror]`    the task ends `failed` with no `error` object at all.
- `[results:<k>]`     the task completes with only k result URLs (k is capped at n; 0 gives an empty list).
- `[nonimage]`        result URLs answer 200 `text/html` with non-image bytes.
- `[missing]`         result URLs answer 404.
- `[duration:<s>]`    this task takes exactly <s> seconds (absolute: `time_scale` is not applied).
- `[big]`             this task's images have a random-noise background (large files).

Tokens are case-sensitive, may appear anywhere and stay in the prompt (they are drawn on the image).
Unrecognised bracketed text is ordinary prompt text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN_RE = re.compile(
    r"\[(?:"
    r"fail:(?P<fail>[a-z0-9_.-]{1,64})"
    r"|(?P<fail_noerror>fail-noerror)"
    r"|results:(?P<results>\d{1,3})"
    r"|(?P<nonimage>nonimage)"
    r"|(?P<missing>missing)"
    r"|duration:(?P<duration>\d{1,6}(?:\.\d{1,6})?)"
    r"|(?P<big>big)"
    r")\]"
)

FAILURE_MESSAGES: dict[str, str] = {
    "content_policy_violation": "Content policy violation. The prompt or the generated image was flagged "
    "by the safety system; please modify the prompt and try again.",
    "invalid_parameters": "Invalid parameters for the model provider.",
    "image_processing_error": "The generated image could not be processed.",
    "image_dimension_mismatch": "The requested dimensions are not supported by the model.",
    "request_cancelled": "The request was cancelled.",
    "generation_failed_no_content": "The model finished without producing an image.",
    "service_error": "The image service encountered an error; please try again later.",
    "generation_timeout": "Image generation timed out; please try again later.",
    "resource_exhausted": "The model provider is out of capacity; please try again later.",
    "quota_exceeded": "The provider quota is exhausted; please try again later.",
    "service_unavailable": "The model provider is temporarily unavailable.",
    "resource_not_found": "The requested resource was not found at the provider.",
    "unknown_error": "An unknown error occurred.",
}


def failure_message(code: str) -> str:
    """A plausible message for a failed task's business error code."""
    return FAILURE_MESSAGES.get(code, f"Task failed: {code}")


@dataclass(frozen=True)
class PromptDirectives:
    """What the magic tokens of one prompt ask for; the defaults mean an ordinary successful task."""

    fail_code: str | None = None
    fail_without_error: bool = False
    results: int | None = None
    nonimage: bool = False
    missing: bool = False
    duration: float | None = None
    big: bool = False

    @property
    def fails(self) -> bool:
        """Whether the task ends `failed` instead of `completed`."""
        return self.fail_code is not None or self.fail_without_error


def parse_directives(prompt: str) -> PromptDirectives:
    """Collect the magic tokens of `prompt`; when a token repeats, the last one wins."""
    values: dict[str, str] = {}
    for match in _TOKEN_RE.finditer(prompt):
        values.update({name: value for name, value in match.groupdict().items() if value is not None})
    return PromptDirectives(
        fail_code=values.get("fail"),
        fail_without_error="fail_noerror" in values,
        results=int(values["results"]) if "results" in values else None,
        nonimage="nonimage" in values,
        missing="missing" in values,
        duration=float(values["duration"]) if "duration" in values else None,
        big="big" in values,
    )
