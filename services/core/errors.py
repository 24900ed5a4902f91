"""Typed domain errors shared by every capability. They carry what happened as data (a reason code and
its values), never a sentence: the Discord side words them from its catalogue, in one place
(`discord_side.error_text`). Errors of the API client live in `services.api.errors`."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType

Value = int | float | str
"""A value that goes with a reason code (a limit, a count, a size), filled into its text by the Discord side."""


class ImagineError(Exception):
    """Base of every error the engine raises on purpose."""


class InvalidOptionReason(enum.StrEnum):
    """Why a `/imagine` option is not valid; each has a catalogue entry on the Discord side."""

    PROMPT_EMPTY = "prompt_empty"  # maximum
    PROMPT_TOO_LONG = "prompt_too_long"  # length, maximum
    PROMPT_CONTROL_CHARACTER = "prompt_control_character"  # character (U+XXXX)
    COUNT_OUT_OF_RANGE = "count_out_of_range"  # count, minimum, maximum
    SIZE_NOT_A_SIZE = "size_not_a_size"  # typed
    SIZE_ZERO_SIDE = "size_zero_side"  # width, height
    SIZE_PIXELS_OUT_OF_RANGE = "size_pixels_out_of_range"  # width, height, pixels, minimum, maximum
    SIZE_ASPECT_OUT_OF_RANGE = "size_aspect_out_of_range"  # width, height
    SIZE_WITH_IMAGE = "size_with_image"  # the image-to-image model takes no size
    PROMPT_EXTEND_WITH_IMAGE = "prompt_extend_with_image"  # nor prompt_extend


class InvalidOption(ImagineError):
    """A `/imagine` option is not valid: which `option`, why (`reason`) and the `values` that say what
    was given and what is valid."""

    def __init__(self, option: str, reason: InvalidOptionReason, **values: Value) -> None:
        super().__init__(f"{option}: {reason} {values}")
        self.option = option
        self.reason = InvalidOptionReason(reason)  # a sentence instead of a code fails here
        self.values: Mapping[str, Value] = MappingProxyType(values)


class QuotaExceeded(ImagineError):
    """A limit refuses the request: which one (`kind`, a `services.quota.LimitKind`), its value, what
    is used, and when it resets (`resets_at`, or `retry_at` for a cooldown)."""

    def __init__(
        self,
        kind: str,
        limit: int,
        used: int,
        requested: int,
        resets_at: datetime,
        *,
        retry_at: float | None = None,
    ) -> None:
        super().__init__(f"quota exceeded ({kind}): {requested} requested, {used} of {limit} used")
        self.kind = kind
        self.limit = limit
        self.used = used
        self.requested = requested
        self.resets_at = resets_at
        self.retry_at = retry_at

    @property
    def remaining(self) -> int:
        """What is left under the limit."""
        return max(0, self.limit - self.used)


class ShuttingDown(ImagineError):
    """The bot is shutting down and takes no new jobs."""


class ImageProblem(enum.StrEnum):
    """Why a result image could not be downloaded or used; each has a catalogue entry on the Discord side."""

    NOT_HTTP = "not_http"
    NOT_HTTPS = "not_https"  # plain http, where only https is allowed
    UNRESOLVABLE = "unresolvable"  # host
    PRIVATE_ADDRESS = "private_address"
    HTTP_STATUS = "http_status"  # status
    TIMED_OUT = "timed_out"
    DOWNLOAD_FAILED = "download_failed"  # error (the exception's type name)
    TOO_MANY_REDIRECTS = "too_many_redirects"
    TOO_LARGE = "too_large"  # maximum (bytes)
    UNSUPPORTED_FORMAT = "unsupported_format"  # format
    TOO_LARGE_TO_DECODE = "too_large_to_decode"
    DIMENSIONS_TOO_LARGE = "dimensions_too_large"  # width, height: far beyond what the API makes
    UNREADABLE = "unreadable"
    CORRUPT = "corrupt"
    CANNOT_FIT = "cannot_fit"  # limit (bytes)


class ImageFetchError(ImagineError):
    """A result image could not be downloaded or is not a usable image: why (`problem`) and its `values`."""

    def __init__(self, url: str, problem: ImageProblem, **values: Value) -> None:
        super().__init__(f"result image {url}: {problem} {values}")
        self.url = url
        self.problem = ImageProblem(problem)
        self.values: Mapping[str, Value] = MappingProxyType(values)


class InputProblem(enum.StrEnum):
    """Why an image to start from is refused; each has a catalogue entry on the Discord side."""

    NOT_AN_IMAGE = "not_an_image"  # allowed (the formats)
    TOO_LARGE = "too_large"  # maximum (bytes)
    SIDE_OUT_OF_RANGE = "side_out_of_range"  # width, height, minimum, maximum
    UNSUPPORTED_FORMAT = "unsupported_format"  # format, allowed
    TRANSPARENT = "transparent"  # an alpha channel, which the API does not take
    NOT_FROM_DISCORD = "not_from_discord"  # only Discord's CDN is sent to the API
    UNREACHABLE = "unreachable"  # the image could not be downloaded
    FEATURE_OFF = "feature_off"  # image-to-image is switched off (IMAGE_TO_IMAGE, or the key may not use it)
    NO_SUCH_IMAGE = "no_such_image"  # count: a Vary/Remix of an image the result does not have


class InputRefused(ImagineError):
    """An image to start from cannot be used: why (`problem`), which one (`position`, from 1) and the
    `values` that say what is allowed."""

    def __init__(self, problem: InputProblem, position: int = 1, **values: Value) -> None:
        super().__init__(f"input image {position}: {problem} {values}")
        self.problem = InputProblem(problem)
        self.position = position
        self.values: Mapping[str, Value] = MappingProxyType(values)
