"""Reading a process's memory and CPU from /proc (Linux)."""

from __future__ import annotations

import math
import os
import resource
from pathlib import Path


class ProcessSampler:
    """Peak and current RSS, and CPU seconds, of one process (NaN once it has gone)."""

    def __init__(self, pid: int) -> None:
        self._pid = pid

    def _status(self) -> dict[str, str]:
        text = Path(f"/proc/{self._pid}/status").read_text()
        return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)

    def _status_mb(self, field: str) -> float:
        try:
            return int(self._status()[field].split()[0]) / 1024
        except (OSError, KeyError):
            return math.nan

    def rss_mb(self) -> float:
        """Resident memory now, in MB."""
        return self._status_mb("VmRSS")

    def peak_rss_mb(self) -> float:
        """The highest resident memory so far, in MB."""
        return self._status_mb("VmHWM")

    def cpu_seconds(self) -> float:
        """User plus system CPU time so far."""
        try:
            fields = Path(f"/proc/{self._pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return math.nan
        ticks = int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU time of this process so far (the benchmark itself: fake Discord, simulator, baseline)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
