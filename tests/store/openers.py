"""Processes that open a store again and again at once: how migrations and WAL switches race."""

from __future__ import annotations

import subprocess
import sys

OPENER = """
import sys, time
from dateline.store.db import Store
target, count = sys.argv[1], int(sys.argv[2])
start = float(sys.argv[3]) if len(sys.argv) > 3 else None
failures = 0
for n in range(count):
    while start is not None and time.time() < start + n * 0.1:
        time.sleep(0.001)
    try:
        with Store(target.format(n=n)) as store:
            store.count()
    except Exception as exc:
        failures += 1
        print(type(exc).__name__, exc, file=sys.stderr)
print(failures)
"""


def open_at_once(target: str, count: int, processes: int, start: float | None = None) -> list[tuple[str, str]]:
    """Each process opens ``target`` (``{n}`` numbers a fresh store per round) ``count`` times; with
    ``start``, round n begins at start + n/10 s in every process. (stdout, stderr) per process:
    stdout is the number of failed opens."""
    extra = [str(start)] if start is not None else []
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, target, str(count), *extra], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(processes)]
    return [p.communicate(timeout=300) for p in procs]
