"""Reading a process's memory and CPU from /proc (Linux)."""

from __future__ import annotations

import os
from pathlib import Path


class ProcessSampler:
    """Peak and current RSS, and CPU seconds, of one process."""

    def __init__(self, pid: int) -> None:
        self._pid = pid

    def _status(self) -> dict[str, str]:
        text = Path(f"/proc/{self._pid}/status").read_text()
        return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)

    def rss_mb(self) -> float:
        """Resident memory now, in MB."""
        return int(self._status()["VmRSS"].split()[0]) / 1024

    def peak_rss_mb(self) -> float:
        """The highest resident memory so far, in MB."""
        return int(self._status()["VmHWM"].split()[0]) / 1024

    def cpu_seconds(self) -> float:
        """User plus system CPU time so far."""
        fields = Path(f"/proc/{self._pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
