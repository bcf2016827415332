"""A batch worker's setup: the allocator tuned, and the Spark daemon's warm-up leaves it ready to fork."""

from __future__ import annotations

import sys
import threading

import pytest

from dateline.article import language
from dateline.pipeline import Options
from dateline.scale import spark_daemon, worker


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_allocator_thresholds_are_fixed_on_glibc():
    assert worker.tune_allocator()
    worker.release()  # gives memory back without failing


def test_daemon_warm_up_loads_the_tables_and_ends_its_threads(nlp):
    spark_daemon.warm(Options())
    assert language._identifier.cache_info().currsize == 1  # the language model is loaded
    # pyspark's daemon forks its workers next: no thread of the pipeline may be running then
    assert not [t for t in threading.enumerate() if t.name.startswith("dateline-parse")]
