"""Error answers in the vendor's documented shape.

`{"error": {"code": <HTTP status>, "message", "type", "param"?, "fallback_suggestion"?}}`
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

# status -> (type, message, fallback_suggestion); texts follow the vendor's examples.
# 402 has no documented type; `insufficient_credits_error` is this simulator's choice.
ERROR_DEFAULTS: dict[int, tuple[str, str, str | None]] = {
    400: ("invalid_request_error", "Invalid request format", None),
    401: ("authentication_error", "Invalid authentication credentials", None),
    402: ("insufficient_credits_error", "Insufficient credits", "top up your credits and try again"),
    403: ("permission_error", "Access denied for this model", None),
    404: ("not_found_error", "Resource not found", None),
    405: ("invalid_request_error", "Method not allowed", None),
    408: ("timeout_error", "Request timeout", "try again later"),
    409: ("conflict_error", "Conflict", None),
    413: ("invalid_request_error", "Request entity too large", None),
    429: ("rate_limit_error", "Rate limit exceeded", "retry after 60 seconds"),
    500: ("internal_server_error", "Internal server error", "try again later"),
    502: ("upstream_error", "Bad gateway", "try again later"),
    503: ("service_unavailable_error", "Service temporarily unavailable", "retry after 30 seconds"),
    504: ("upstream_error", "Gateway timeout", "try again later"),
}

_UNSET: Any = object()


def error_body(
    status: int,
    message: str | None = None,
    *,
    type_: str | None = None,
    param: str | None = None,
    fallback_suggestion: str | None = _UNSET,
) -> dict[str, Any]:
    """Build the error object for `status`, filling type/message/suggestion from the vendor's defaults."""
    default_type, default_message, default_suggestion = ERROR_DEFAULTS.get(
        status, ("internal_server_error" if status >= 500 else "invalid_request_error", "Error", None)
    )
    error: dict[str, Any] = {
        "code": status,
        "message": message or default_message,
        "type": type_ or default_type,
    }
    if param is not None:
        error["param"] = param
    suggestion = default_suggestion if fallback_suggestion is _UNSET else fallback_suggestion
    if suggestion is not None:
        error["fallback_suggestion"] = suggestion
    return {"error": error}


def format_retry_after(value: float | str) -> str:
    """Render a Retry-After value: whole seconds as an integer, fractions kept (test speed), dates verbatim."""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def error_response(
    status: int,
    message: str | None = None,
    *,
    type_: str | None = None,
    param: str | None = None,
    fallback_suggestion: str | None = _UNSET,
    retry_after: float | str | None = None,
) -> web.Response:
    """A JSON error response in the documented shape, with an optional Retry-After header."""
    headers = {"Retry-After": format_retry_after(retry_after)} if retry_after is not None else None
    body = error_body(status, message, type_=type_, param=param, fallback_suggestion=fallback_suggestion)
    return web.json_response(body, status=status, headers=headers)
