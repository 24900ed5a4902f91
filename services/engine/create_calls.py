"""What the runner keeps of a job's create calls while it sends them: how many, since when, and whether
the API may have made (and billed) the task."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CreateCalls:
    """A job's create calls so far: since when, how many had an unknown outcome (each one of
    `create_attempts`), and whether the task may exist at the API."""

    started: float | None = None
    sent: int = 0
    uncertain: int = 0
    maybe_made: bool = False


class OutcomeUnknown(Exception):
    """The last create attempt left it unknown whether the API made (and billed) the task."""

    def __init__(self, attempts: int) -> None:
        super().__init__(f"create outcome unknown after {attempts} attempt(s)")
        self.attempts = attempts
