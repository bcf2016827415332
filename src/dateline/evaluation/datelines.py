"""Suite "datelines": place and month-day on Reuters-21578 openings (datelines/reuters_dev.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.ingest.files import from_record
from dateline.pipeline import Options, prepare

NEEDS_NLP = False  # datelines come from the structure step, before any parse
FILE = Path("datelines") / "reuters_dev.jsonl"


def run(data_dir: Path, nlp: Any = None, limit: int | None = None) -> dict[str, Any]:
    path = data_dir / FILE
    if not path.exists():
        return {"skipped": f"{path} not found"}
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    place = month_day = both = 0
    misses = []
    for record in records:
        gold = record["gold"]
        raw = from_record({"id": record["id"], "title": record.get("title"), "text": record["text"]})
        article = prepare(raw, Options())
        dl = article.dateline
        got_place = bool(dl and dl.place and dl.place.casefold() == gold["place"].casefold())
        got_day = bool(dl and dl.date and dl.date[5:] == f"{gold['month']:02d}-{gold['day']:02d}")
        place += got_place
        month_day += got_day
        both += got_place and got_day
        if not (got_place and got_day):
            misses.append({"id": record["id"], "gold": gold, "got": dl.text if dl else None})
    n = len(records) or 1
    return {"metrics": {"datelines.accuracy": both / n, "datelines.place": place / n,
                        "datelines.month_day": month_day / n},
            "n": len(records), "misses": misses[:10]}
