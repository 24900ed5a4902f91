"""Injected failures: answer matching requests with a chosen error instead of handling them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fault:
    """Answer ``times`` requests (None: forever) matching ``method`` and ``path`` (regex search) with ``status``."""

    method: str | None
    path: re.Pattern[str]
    status: int
    body: dict[str, Any] | None
    headers: dict[str, str] = field(default_factory=dict)
    times: int | None = 1
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to the request (and has uses left)."""
        if self.times is not None and self.hits >= self.times:
            return False
        return (self.method is None or self.method == method) and self.path.search(path) is not None


class Faults:
    """The list of active faults, consulted by the middleware before routing."""

    def __init__(self) -> None:
        self.rules: list[Fault] = []

    def add(
        self,
        method: str | None,
        path: str,
        status: int,
        body: dict[str, Any] | None = None,
        *,
        times: int | None = 1,
        headers: dict[str, str] | None = None,
    ) -> Fault:
        """Register a fault; ``path`` is a regex searched in the request path."""
        fault = Fault(
            method=method.upper() if method else None,
            path=re.compile(path),
            status=status,
            body=body if body is not None else {"code": 0, "message": f"{status}: injected by fake Discord"},
            headers=dict(headers or {}),
            times=times,
        )
        self.rules.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """The first matching fault, counting the hit."""
        for fault in self.rules:
            if fault.matches(method, path):
                fault.hits += 1
                return fault
        return None

    def clear(self) -> None:
        """Remove every fault."""
        self.rules.clear()


def rate_limit_body(retry_after: float, *, is_global: bool = False) -> dict[str, Any]:
    """The body of a 429 answer."""
    return {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}


def rate_limit_headers(retry_after: float, *, is_global: bool = False) -> dict[str, str]:
    """Headers of a 429 answer; discord.py retries only when ``Via`` is present (else it blames Cloudflare)."""
    headers = {
        "Via": "1.1 google",
        "Retry-After": str(max(1, round(retry_after))),
        "X-RateLimit-Scope": "global" if is_global else "user",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    return headers
