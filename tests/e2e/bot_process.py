"""Running the real `python bot.py` in its own process against the fake Discord and the simulator."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path

from tests.support.fake_discord import subprocess_env

REPO_ROOT = Path(__file__).resolve().parents[2]


class BotProcess:
    """One bot process; its stderr goes to `log_path` so a failing test can show it. `root` is the tree
    whose `bot.py` runs (another checkout, e.g. for a benchmark of an older commit)."""

    def __init__(self, fake_discord_url: str, env: dict[str, str], log_path: Path, *, root: Path = REPO_ROOT) -> None:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAN_", "DATABASE_"))}
        self.env = subprocess_env(fake_discord_url, {**base, **env}, repo_root=root)
        self.log_path = log_path
        self.root = root
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        """Start `python bot.py` from the tree's root."""
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                str(self.root / "bot.py"),
                cwd=self.root,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )

    async def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 10.0) -> int | None:
        """Send `sig` and wait for the exit code (killing it if it does not stop in time)."""
        if self.process is None or self.process.returncode is not None:
            return None if self.process is None else self.process.returncode
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(sig)
        try:
            return await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise

    def log(self) -> str:
        """Everything the bot printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
