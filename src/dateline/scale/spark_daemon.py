"""pyspark's daemon, with dateline's pipeline loaded before it forks Spark's Python workers.

Spark starts one daemon per executor (``python -m <spark.python.daemon.module>``) and forks a
Python worker from it for every task slot. Run as that module, this loads the model and the
tables the stages read (by running the pipeline once over a made-up article) and then hands
over to pyspark's own daemon loop: the workers start with everything loaded and share those
pages with the daemon and each other, as the local engine's workers share their parent's,
instead of each loading its own copy (seconds of CPU and ~250 MB a worker). Nothing runs in a
thread when the daemon forks (the warm-up's parse thread has ended); pandas and pyarrow, which
start threads when imported, are imported by each worker after the fork, as pyspark requires.
"""

from __future__ import annotations

import contextlib
import sys

from dateline.ingest.raw import RawInput
from dateline.pipeline import Options, process_batch
from dateline.scale import worker

MODULE = "dateline.scale.spark_daemon"
# Written for the warm-up: a dateline, a quote, a time, a place and an event, so every stage
# loads what it reads.
WARM_UP = ('GENEVA, March 3 (Wire) - The health minister of Ruritania said on Monday that talks with '
           'the union would resume next week. "We will not close the clinics," she told reporters '
           'in the capital, after police arrested two protesters outside the ministry.')


def warm(options: Options) -> None:
    """Load the model and every table the stages read, in this process."""
    worker.prepare(options)
    for _ in process_batch([RawInput(id="warm-up", text=WARM_UP, published="2025-03-03")], options):
        pass
    worker.release()


def main() -> None:
    # The daemon tells the JVM its port on stdout: nothing else may be written there.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            warm(Options())
        except Exception as exc:  # the workers can still load the pipeline themselves
            print(f"dateline: the Spark daemon did not load the pipeline ({exc}); each worker will",
                  file=sys.stderr)
    from pyspark.daemon import manager

    manager()


if __name__ == "__main__":
    main()
