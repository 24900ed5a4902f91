"""Starting the bot with bad settings: one clear line, no traceback."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.bot_process import REPO_ROOT

pytestmark = pytest.mark.e2e


def run_bot(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAN_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "bot.py")],
        cwd=tmp_path,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [({"WAN_API_KEY": "k"}, "DISCORD_TOKEN"), ({"DISCORD_TOKEN": "t"}, "WAN_API_KEY")],
)
def test_a_missing_secret_exits_with_one_line_naming_it(tmp_path: Path, env: dict[str, str], missing: str) -> None:
    result = run_bot(tmp_path, **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert missing in lines[0]
    assert ".env.example" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_corrupt_database_stops_the_bot_with_its_name_and_keeps_the_file(tmp_path: Path) -> None:
    database = tmp_path / "broken.db"
    database.write_bytes(b"definitely not sqlite" * 50)
    result = run_bot(tmp_path, DISCORD_TOKEN="t", WAN_API_KEY="k", DATABASE_URL=f"sqlite:///{database}")
    assert result.returncode == 1
    assert "broken.db" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == b"definitely not sqlite" * 50


def _limit_file_size() -> None:
    # Every write of a regular file past 16 KiB now fails as it would on a full disk.
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_full_disk_at_start_is_a_clear_error_naming_the_database(tmp_path: Path) -> None:
    database = tmp_path / "full.db"
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAN_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bot.py")],
        cwd=tmp_path,
        env={
            **base,
            "DISCORD_TOKEN": "t",
            "WAN_API_KEY": "k",
            "DATABASE_URL": f"sqlite:///{database}",
            "PYTHONDONTWRITEBYTECODE": "1",
        },
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        preexec_fn=_limit_file_size,
    )
    assert result.returncode == 1, result.stderr
    assert "full.db" in result.stderr
    assert "Traceback" not in result.stderr
    print(result.stderr)
