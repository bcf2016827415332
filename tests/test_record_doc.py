"""Every field the record can carry is either the contract's or listed in docs/record.md."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from dateline import record

DOC = Path(__file__).resolve().parents[1] / "docs" / "record.md"

# The dateline/1 contract's own fields, per record class (CONTRACT.md).
CONTRACT = {
    "Article": {"id", "text", "source", "headline", "lead", "dateline", "published", "published_source",
                "language", "entities", "actors", "quotes", "times", "events", "error"},
    "Source": {"path", "url", "publisher"},
    "Dateline": {"text", "place", "date", "agency"},
    "Entity": {"text", "label", "start", "end"},
    "Actor": {"id", "name", "country", "sector", "code", "title", "mentions"},
    "Speaker": {"text", "start", "end", "name", "actor"},
    "Quote": {"text", "start", "end", "kind", "cue", "speaker", "addressee"},
    "Timex": {"text", "start", "end", "type", "value", "earliest", "latest"},
    "EventActor": {"actor", "name", "country", "sector", "code"},
    "EventDate": {"text", "earliest", "latest"},
    "Place": {"name", "country", "lat", "lon"},
    "Offsets": {"start", "end"},
    "TextSpan": {"text", "start", "end"},
    "Event": {"type", "mode", "context", "cameo", "quad", "goldstein", "source", "target", "date", "place",
              "negated", "modality", "sentence", "trigger", "confidence"},
    "ErrorInfo": {"code", "message"},
}
# Kept on the Article for the store, never written into the record (Article.to_dict drops them).
NOT_SERIALISED = {("Article", "payload"), ("Article", "raw_page")}


def _documented() -> set[str]:
    return set(re.findall(r"`([a-z_]+(?:\[\])?(?:\.[a-z_0-9]+(?:\[\])?)*)`", DOC.read_text(encoding="utf-8")))


def test_every_added_field_is_documented():
    names = {n for name in _documented() for n in re.split(r"[.\[\]]+", name) if n}
    missing = []
    for cls in (getattr(record, n) for n in CONTRACT if hasattr(record, n)):
        for f in dataclasses.fields(cls):
            if f.name in CONTRACT[cls.__name__] or (cls.__name__, f.name) in NOT_SERIALISED:
                continue
            if f.name not in names:
                missing.append(f"{cls.__name__}.{f.name}")
    assert not missing, f"fields outside the contract not in docs/record.md: {missing}"


def test_the_record_classes_are_the_ones_checked():
    classes = {n for n, v in vars(record).items() if dataclasses.is_dataclass(v) and v.__module__ == record.__name__}
    # DateVia is documented as the value of events[].date.via, field by field
    assert classes - set(CONTRACT) <= {"DateVia"}
