"""The allocator settings, in a fresh process each: what stays resident after image buffers are freed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# Buffers of a few MB, freed while small objects made after them stay: what a burst of results does.
SCRIPT = """
import sys
from services.images.heap import give_back_freed_buffers

def resident_mb():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024

if sys.argv[1] == "tuned":
    assert give_back_freed_buffers()
before = resident_mb()
first = b"\\x01" * (4 * 1024 * 1024)
del first
buffers = [b"\\x01" * (4 * 1024 * 1024) for _ in range(20)]
kept = [bytes(1000) for _ in range(1000)]
del buffers
print(resident_mb() - before)
"""

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")


def still_resident_mb(mode: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    return float(done.stdout)


def test_freed_image_buffers_are_given_back_to_the_system() -> None:
    assert still_resident_mb("tuned") < 10


def test_without_the_settings_freed_buffers_stay_resident() -> None:
    assert still_resident_mb("plain") > 40  # what the settings are for
