"""What a batch worker process sets up once, whichever engine started it.

Memory: the parse of a group of articles allocates arrays of several MB for every layer of the
model (~15 kB a token at the peak) and frees them when the group is through. glibc's allocator
raises its mmap threshold each time such an array is freed, so after the first articles these
arrays come from the heap, whose freed pages stay with the process and fragment: a worker's
resident size crept up by ~70 MB, and every later peak stood on top of it. A fixed threshold
sends them to mmap again, returned to the system as soon as they are freed (same results, same
speed: a parse is milliseconds of arithmetic per MB it maps).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc

from dateline.nlp import load_model
from dateline.pipeline import Options

_M_TRIM_THRESHOLD = -1  # mallopt parameters (malloc.h)
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 1 << 20  # allocations of 1 MB and more are mapped and unmapped on their own
TRIM_THRESHOLD = 4 << 20  # free heap above this at the top is given back at once

_ready = False


def prepare(options: Options) -> None:
    """Set up this process for batch work, once: the allocator, one thread per numeric library
    (the processes are the parallelism; more threads per process only fight over the cores),
    and the model loaded."""
    global _ready
    if _ready:
        return
    _ready = True
    tune_allocator()
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    load_model(options.model)


def tune_allocator() -> bool:
    """Fixed mmap and trim thresholds for glibc's malloc; False where the C library is another."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def release() -> None:
    """Give freed memory back between tasks: cycles collected, the heap's free pages trimmed."""
    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
