"""Discord's JSON error answers, raised inside route handlers and rendered by the middleware."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answer: HTTP ``status`` with body ``{"code", "message", "errors"?}``."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        """The JSON body Discord would send."""
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


def invalid_form_body(field_path: str, code: str, message: str) -> ApiError:
    """A 400 ``50035 Invalid Form Body`` naming one field (``a.b.0.c`` style path)."""
    errors: dict[str, Any] = {"_errors": [{"code": code, "message": message}]}
    for part in reversed(field_path.split(".")):
        errors = {part: errors}
    return ApiError(400, 50035, "Invalid Form Body", errors)


def unknown_channel() -> ApiError:
    """404 Unknown Channel."""
    return ApiError(404, 10003, "Unknown Channel")


def unknown_message() -> ApiError:
    """404 Unknown Message."""
    return ApiError(404, 10008, "Unknown Message")


def unknown_webhook() -> ApiError:
    """404 Unknown Webhook (also what Discord answers for a followup before the interaction was acked)."""
    return ApiError(404, 10015, "Unknown Webhook")


def unknown_interaction() -> ApiError:
    """404 Unknown interaction (callback too late, or the interaction is unknown)."""
    return ApiError(404, 10062, "Unknown interaction")


def invalid_webhook_token() -> ApiError:
    """401 Invalid Webhook Token (an interaction token older than 15 minutes)."""
    return ApiError(401, 50027, "Invalid Webhook Token")


def already_acknowledged() -> ApiError:
    """400 Interaction has already been acknowledged."""
    return ApiError(400, 40060, "Interaction has already been acknowledged.")


def too_large() -> ApiError:
    """413 Request entity too large (a file above the upload limit, or over 25 MiB in total)."""
    return ApiError(413, 40005, "Request entity too large")
