"""The engine's tunables, from `Settings`."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.engine.polling import PollSchedule


@dataclass(frozen=True)
class EngineConfig:
    """Tunables of the engine, from `Settings`."""

    job_deadline_seconds: float = 600.0
    create_attempts: int = 3
    owner: str = "this-process"
    lease_seconds: float = 30.0
    alone: bool = True  # the only process on this database (SQLite): it may take every job at start
    public_base_url: str | None = None  # https: tasks report back to <url>/callbacks/<job secret>
    schedule: PollSchedule = field(default_factory=PollSchedule)

    @property
    def write_guard(self) -> str | None:
        """The lease owner a run's writes require (None when alone)."""
        # With several processes, the run's writes also require that this process still holds the
        # job's lease: a process that lost it (a long pause) cannot overwrite what another one did.
        return None if self.alone else self.owner
