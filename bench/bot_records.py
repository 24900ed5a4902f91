"""What the bot itself recorded in a run: its jobs' final states in its database, and the jobs it cancelled
itself (lease renewal mistaking a job it still runs for one taken over) in its log."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections import Counter
from pathlib import Path

SELF_CANCELLED = re.compile(r"lease taken over by another process|stopping it here", re.IGNORECASE)
"""A log line of the bot stopping one job because its lease looked taken over (one process: always wrong)."""
LAPSED = re.compile(r"stopping (\d+) local job", re.IGNORECASE)
"""A log line of the bot stopping all its jobs because their leases lapsed (it says how many)."""


def count_self_cancelled(log_text: str) -> int:
    """How many jobs the log says the process stopped although it runs them itself."""
    count = 0
    for line in log_text.splitlines():
        if SELF_CANCELLED.search(line):
            count += 1
        elif lapsed := LAPSED.search(line):
            count += int(lapsed.group(1))
    return count


def count_levels(log_text: str) -> Counter[str]:
    """Log lines per level (WARNING, ERROR, CRITICAL only: the bot logs `time LEVEL name: message`)."""
    levels: Counter[str] = Counter()
    for line in log_text.splitlines():
        for level in ("WARNING", "ERROR", "CRITICAL"):
            if f" {level} " in line:
                levels[level] += 1
    return levels


def _read_states(database: Path) -> Counter[str]:
    if not database.exists():
        return Counter()
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT state, failure_reason, COUNT(*) FROM jobs GROUP BY state, failure_reason")
        return Counter({state if reason is None else f"{state} ({reason})": count for state, reason, count in rows})


async def job_states(database: Path) -> Counter[str]:
    """Jobs per final state (with the failure reason, if any), read once the bot has stopped."""
    return await asyncio.to_thread(_read_states, database)
