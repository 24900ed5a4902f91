"""The benchmark's scenarios: how many `/imagine` commands, from how many members, how fast, with tasks
of which durations, and how long to wait for their results. The defaults are the issue's targets."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    """One load pattern, run against a fresh bot (its own database) each time."""

    name: str
    summary: str
    jobs: int
    users: int
    window: float
    """Seconds over which the commands are sent, evenly spaced."""
    duration_min: float
    """Shortest task in seconds (real seconds: nothing is scaled)."""
    duration_max: float
    callbacks: bool
    """Whether the bot gets a public address, so tasks call back instead of being polled."""
    deadline: float
    """Seconds after the last command to wait for every result; what is missing then is undelivered."""
    baseline: bool
    """Whether the 3-s baseline poller runs on twin tasks after the bot's run."""

    @property
    def creates_per_second(self) -> float:
        """The rate at which the commands arrive."""
        return self.jobs / self.window if self.window > 0 else float("inf")


_BURST = Scenario(
    name="burst",
    summary="200 jobs from 100 members within 5 s, tasks of 5-15 s, polling",
    jobs=200,
    users=100,
    window=5.0,
    duration_min=5.0,
    duration_max=15.0,
    callbacks=False,
    deadline=300.0,
    baseline=True,
)

SCENARIOS: dict[str, Scenario] = {
    "burst": _BURST,
    "callbacks": dataclasses.replace(
        _BURST,
        name="callbacks",
        summary="200 jobs from 100 members within 5 s, tasks of 5-15 s, with callbacks",
        callbacks=True,
    ),
    "flood": dataclasses.replace(
        _BURST,
        name="flood",
        summary="2,000 jobs from 1,000 members at 20 commands/s, tasks of 5-15 s, polling",
        jobs=2000,
        users=1000,
        window=100.0,
        baseline=False,
    ),
    "long": dataclasses.replace(
        _BURST,
        name="long",
        summary="100 jobs from 50 members within 5 s, tasks of 20-90 s, polling",
        jobs=100,
        users=50,
        duration_min=20.0,
        duration_max=90.0,
        deadline=420.0,
    ),
}
"""The full benchmark (`python -m bench`), in the order it runs them."""

QUICK = dataclasses.replace(
    _BURST,
    name="quick",
    summary="50 jobs from 25 members within 2 s, tasks of 1-3 s, polling (the test suite's run)",
    jobs=50,
    users=25,
    window=2.0,
    duration_min=1.0,
    duration_max=3.0,
    deadline=90.0,
)
"""A small run that still meets the provider's query limit (`python -m bench --quick`)."""


def overridden(scenario: Scenario, **changes: float | int | None) -> Scenario:
    """`scenario` with the given fields replaced (None leaves a field as it is)."""
    given = {name: value for name, value in changes.items() if value is not None}
    if not given:
        return scenario
    return dataclasses.replace(scenario, **given)  # type: ignore[arg-type]
