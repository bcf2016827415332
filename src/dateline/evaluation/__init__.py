"""`dateline eval`: score every extractor on the development sets in ../shared/data.

Each suite is a module here with ``run(data_dir: Path, nlp, limit: int | None) -> dict``
returning ``{"metrics": {name: float}, "n": int}`` or ``{"skipped": reason}``. Metric names are
``<suite>.<metric>`` and are what ``baseline.json`` pins.
"""

from __future__ import annotations

SUITES = ["datelines", "quotes", "time", "events", "html"]
