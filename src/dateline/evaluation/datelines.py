"""Suite "datelines": the record's ``dateline`` on Reuters-21578 openings (datelines/reuters_dev.jsonl).

Input: ``id``, ``text`` and ``title`` of each story. A story is right on place when the record's
``dateline.place`` equals the gold place, ignoring case and surrounding space; right on the day
when ``dateline.date`` (``YYYY-MM-DD`` or ``XXXX-MM-DD``) has the gold month and day. Accuracy
counts the stories right on both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation.suite import Records, Row, Scores, Suite, read_jsonl, record_of

FILE = "datelines/reuters_dev.jsonl"
_MONTH_DAY = re.compile(r"(?:\d{4}|XXXX)-(\d\d)-(\d\d)")


def load(data_dir: Path) -> list[Row]:
    return read_jsonl(data_dir / FILE)


def inputs(rows: list[Row]) -> list[Row]:
    return [{"id": r["id"], "text": r["text"], "title": r["title"]} for r in rows]


def _same_place(dateline: dict[str, Any], gold: dict[str, Any]) -> bool:
    return bool(str(dateline.get("place") or "").strip().upper() == str(gold["place"]).strip().upper())


def _same_day(dateline: dict[str, Any], gold: dict[str, Any]) -> bool:
    found = _MONTH_DAY.match(dateline.get("date") or "")
    return found is not None and (int(found.group(1)), int(found.group(2))) == (gold["month"], gold["day"])


def score(rows: list[Row], records: Records) -> Scores:
    place = day = both = 0
    misses = []
    for row in rows:
        dateline = record_of(records, row).get("dateline") or {}
        right_place, right_day = _same_place(dateline, row["gold"]), _same_day(dateline, row["gold"])
        place += right_place
        day += right_day
        both += right_place and right_day
        if not (right_place and right_day):
            misses.append(row["id"])
    n = len(rows) or 1
    return Scores({"datelines.accuracy": both / n, "datelines.place": place / n, "datelines.month_day": day / n},
                  {"misses": misses[:20]})


SUITE = Suite("datelines", (FILE,), load, inputs, score, headline="datelines.accuracy")


def run(data_dir: Path, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    from dateline.evaluation.runner import run_suite

    return run_suite(SUITE, data_dir, nlp, limit)
