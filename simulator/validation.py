"""Validation of a create request body, following the vendor's documented rules."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from simulator.config import IMAGE_TO_IMAGE_MODEL, MODEL, parse_size

PROMPT_MAX_CHARS = 2000
MIN_PIXELS = 768 * 768
MAX_PIXELS = 1440 * 1440
MIN_RATIO = 0.25
MAX_RATIO = 4.0
MAX_N = 4
CALLBACK_URL_MAX = 2048
MAX_INPUT_IMAGES = 2


@dataclass(frozen=True)
class GenerationRequest:
    """A validated create request."""

    model: str
    prompt: str
    width: int
    height: int
    n: int
    prompt_extend: bool
    callback_url: str | None
    image_urls: tuple[str, ...] = ()
    """Image-to-image: the inputs' URLs (the handler downloads and checks them, then sets the size)."""


class RequestError(Exception):
    """Why a create request is refused: HTTP status, message, offending param, optional suggestion."""

    def __init__(
        self, status: int, message: str, param: str | None = None, fallback_suggestion: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.fallback_suggestion = fallback_suggestion


def _bad(param: str | None, message: str) -> RequestError:
    return RequestError(400, message, param)


def _is_internal_host(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


def check_callback_url(value: Any, *, allow_insecure: bool) -> str:
    """Return the callback URL if acceptable (https, public host, <= 2048 chars), else raise RequestError."""
    if not isinstance(value, str) or not value:
        raise _bad("callback_url", "callback_url must be a non-empty string")
    if len(value) > CALLBACK_URL_MAX:
        raise _bad("callback_url", f"callback_url must not exceed {CALLBACK_URL_MAX} characters")
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError as exc:
        raise _bad("callback_url", "callback_url is not a valid URL") from exc
    allowed_schemes = ("https", "http") if allow_insecure else ("https",)
    if parts.scheme not in allowed_schemes:
        raise _bad("callback_url", "callback_url must use the HTTPS protocol")
    if not host:
        raise _bad("callback_url", "callback_url must include a host")
    if not allow_insecure and _is_internal_host(host):
        raise _bad("callback_url", "callback_url must not point to an internal address")
    return value


def _model(body: dict[str, Any]) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise _bad("model", "model is required")
    if model not in (MODEL, IMAGE_TO_IMAGE_MODEL):
        raise RequestError(404, "Specified model not found", "model", MODEL)
    return model


def _prompt(body: dict[str, Any]) -> str:
    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise _bad("prompt", "prompt is required and must be a non-empty string")
    if len(prompt) > PROMPT_MAX_CHARS:
        raise _bad("prompt", f"prompt must not exceed {PROMPT_MAX_CHARS} characters")
    return prompt


def _size(body: dict[str, Any], default_size: tuple[int, int]) -> tuple[int, int]:
    size = body.get("size")
    if size is None:
        return default_size
    parsed = parse_size(size) if isinstance(size, str) else None
    if parsed is None:
        raise _bad("size", "size must be WIDTHxHEIGHT, e.g. 1280x1280")
    width, height = parsed
    if not MIN_PIXELS <= width * height <= MAX_PIXELS:
        raise _bad("size", "size total pixels must be within [768x768, 1440x1440]")
    if not MIN_RATIO <= width / height <= MAX_RATIO:
        raise _bad("size", "size aspect ratio must be within [1/4, 4]")
    return parsed


def _n(body: dict[str, Any]) -> int:
    n = body.get("n")
    if n is None:
        return 1
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_N:
        raise _bad("n", f"n must be an integer between 1 and {MAX_N}")
    return n


def _prompt_extend(body: dict[str, Any]) -> bool:
    value = body.get("prompt_extend")
    if value is None:
        return True
    if not isinstance(value, bool):
        raise _bad("prompt_extend", "prompt_extend must be a boolean")
    return value


def _image_urls(body: dict[str, Any]) -> tuple[str, ...]:
    """The image-to-image model's inputs: 1 or 2 URLs; it takes no size and no prompt_extend."""
    for unsupported in ("size", "prompt_extend"):
        if unsupported in body:
            raise _bad(unsupported, f"{unsupported} is not supported by {IMAGE_TO_IMAGE_MODEL}")
    urls = body.get("image_urls")
    if not isinstance(urls, list) or not 1 <= len(urls) <= MAX_INPUT_IMAGES:
        raise _bad("image_urls", f"image_urls must be an array of 1 to {MAX_INPUT_IMAGES} URLs")
    for url in urls:
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise _bad("image_urls", "each image_urls entry must be an http(s) URL")
    return tuple(urls)


def validate_request(body: Any, *, default_size: tuple[int, int], allow_insecure: bool) -> GenerationRequest:
    """Check a parsed JSON body like the vendor does; raise RequestError with status 400 or 404."""
    if not isinstance(body, dict):
        raise _bad(None, "Invalid request format: the body must be a JSON object")
    model = _model(body)
    prompt = _prompt(body)
    image_urls = _image_urls(body) if model == IMAGE_TO_IMAGE_MODEL else ()
    width, height = _size(body, default_size)
    n = _n(body)
    prompt_extend = _prompt_extend(body)
    callback_url = body.get("callback_url")
    if callback_url is not None:
        callback_url = check_callback_url(callback_url, allow_insecure=allow_insecure)
    return GenerationRequest(
        model=model,
        prompt=prompt,
        width=width,
        height=height,
        n=n,
        prompt_extend=prompt_extend,
        callback_url=callback_url,
        image_urls=image_urls,
    )
