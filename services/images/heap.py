"""Freed image buffers given back to the system, so the process's memory follows the budget of bytes
in flight instead of its history.

glibc serves a large allocation from its own mapping, returned when it is freed, but after the first
such free it raises that threshold to the freed size: from then on buffers of a few megabytes come
from the heap, where freed space stays resident and scattered between live objects, and every worker
thread gets an arena of its own. A fixed threshold and two arenas keep the resident size close to
what is really held (the benchmark's burst of 200 results: a peak of 123 MB instead of 139 MB).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 128 * 1024
ARENA_MAX = 2


def give_back_freed_buffers() -> bool:
    """Set the C library's allocator so freed large buffers return to the system; False where the C
    library is not glibc (nothing to do there)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(mallopt(_M_ARENA_MAX, ARENA_MAX))
    if not done:
        log.info("the C library did not take the allocator settings; memory may stay at its peak")
    return done
