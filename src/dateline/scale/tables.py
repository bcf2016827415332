"""The four tables a batch writes, as typed Arrow schemas, and contract records → their rows.

``articles`` keeps the whole contract record (``record``, JSON) beside its flat columns, so a
dataset can be loaded into a store without losing a field; ``events``, ``quotes`` and
``mentions`` are flat, one row per event, quote and event mention. Every table carries the
article's ``year`` and ``month`` (of its publication date; null when unknown), the columns the
datasets are partitioned by.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

PARTITION_COLUMNS = ("year", "month")
TABLE_NAMES = ("articles", "events", "quotes", "mentions")

_PART = [pa.field("year", pa.int16()), pa.field("month", pa.int8())]
_CODES = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        pa.field("id", pa.string(), nullable=False),
        ("headline", pa.string()), ("lead", pa.string()), ("text", pa.string()),
        ("published", pa.string()), ("published_source", pa.string()), ("language", pa.string()),
        ("dateline_place", pa.string()), ("dateline_date", pa.string()), ("dateline_agency", pa.string()),
        ("source_path", pa.string()), ("source_url", pa.string()), ("publisher", pa.string()),
        ("error_code", pa.string()), ("error_message", pa.string()),
        ("quotes", pa.int32()), ("events", pa.int32()), ("times", pa.int32()),
        ("record", pa.string()), *_PART,
    ]),
    "events": pa.schema([
        ("event_id", pa.int64()), pa.field("article_id", pa.string(), nullable=False), ("event_index", pa.int32()),
        ("type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()), ("cameo_root", pa.string()),
        ("quad", pa.int8()), ("goldstein", pa.float64()),
        ("source_names", _CODES), ("source_codes", _CODES), ("source_countries", _CODES),
        ("target_names", _CODES), ("target_codes", _CODES), ("target_countries", _CODES),
        ("date_text", pa.string()), ("date_earliest", pa.string()), ("date_latest", pa.string()),
        ("place_name", pa.string()), ("place_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("negated", pa.bool_()), ("modality", pa.string()), ("confidence", pa.float64()),
        ("sentence_start", pa.int32()), ("sentence_end", pa.int32()),
        ("trigger_text", pa.string()), ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
        ("published", pa.string()), *_PART,
    ]),
    "quotes": pa.schema([
        pa.field("article_id", pa.string(), nullable=False), ("quote_index", pa.int32()),
        ("text", pa.string()), ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ("cue_text", pa.string()), ("cue_start", pa.int32()), ("cue_end", pa.int32()),
        ("speaker_text", pa.string()), ("speaker_start", pa.int32()), ("speaker_end", pa.int32()),
        ("speaker_name", pa.string()), ("speaker_actor", pa.string()), ("speaker_code", pa.string()),
        ("speaker_country", pa.string()), ("addressee", pa.string()), ("published", pa.string()), *_PART,
    ]),
    "mentions": pa.schema([
        ("event_id", pa.int64()), pa.field("article_id", pa.string(), nullable=False), ("event_index", pa.int32()),
        ("source_url", pa.string()), ("publisher", pa.string()), ("published", pa.string()),
        ("sentence_start", pa.int32()), ("sentence_end", pa.int32()),
        ("trigger_start", pa.int32()), ("trigger_end", pa.int32()), ("confidence", pa.float64()), *_PART,
    ]),
}


def event_id(article_id: str, index: int) -> int:
    """A stable 63-bit integer id of an article's index-th event (the same in every run and engine)."""
    digest = hashlib.blake2b(f"{article_id}\x1f{index}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def year_month(record: dict[str, Any]) -> tuple[int | None, int | None]:
    """The partition of a record: the year and month of its publication date, when they are known."""
    published = str(record.get("published") or "")
    if len(published) >= 7 and published[:4].isdigit() and published[5:7].isdigit():
        return int(published[:4]), int(published[5:7])
    return None, None


def _sides(parts: list[dict[str, Any]] | None, key: str) -> list[str]:
    return [str(p.get(key) or "") for p in parts or []]


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    dl = record.get("dateline") or {}
    source = record.get("source") or {}
    error = record.get("error") or {}
    year, month = year_month(record)
    return {
        "id": str(record["id"]), "headline": record.get("headline"), "lead": record.get("lead"),
        "text": record.get("text"), "published": record.get("published"),
        "published_source": record.get("published_source"), "language": record.get("language"),
        "dateline_place": dl.get("place"), "dateline_date": dl.get("date"), "dateline_agency": dl.get("agency"),
        "source_path": source.get("path"), "source_url": source.get("url"), "publisher": source.get("publisher"),
        "error_code": error.get("code"), "error_message": error.get("message"),
        "quotes": len(record.get("quotes") or []), "events": len(record.get("events") or []),
        "times": len(record.get("times") or []),
        "record": json.dumps(record, ensure_ascii=False), "year": year, "month": month,
    }


def event_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    year, month = year_month(record)
    rows = []
    for i, e in enumerate(record.get("events") or []):
        date, place = e.get("date") or {}, e.get("place") or {}
        sentence, trigger = e.get("sentence") or {}, e.get("trigger") or {}
        cameo = str(e.get("cameo") or "")
        rows.append({
            "event_id": event_id(str(record["id"]), i), "article_id": str(record["id"]), "event_index": i,
            "type": e.get("type"), "mode": e.get("mode"), "cameo": cameo or None, "cameo_root": cameo[:2] or None,
            "quad": e.get("quad"), "goldstein": e.get("goldstein"),
            **{f"{side}_{col}s": _sides(e.get(side), key) for side in ("source", "target")
               for col, key in (("name", "name"), ("code", "code"), ("countrie", "country"))},
            "date_text": date.get("text"), "date_earliest": date.get("earliest"), "date_latest": date.get("latest"),
            "place_name": place.get("name"), "place_country": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"),
            "negated": bool(e.get("negated")), "modality": e.get("modality"), "confidence": e.get("confidence"),
            "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
            "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"),
            "trigger_end": trigger.get("end"), "published": record.get("published"), "year": year, "month": month,
        })
    return rows


def quote_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    year, month = year_month(record)
    actors = {a.get("id"): a for a in record.get("actors") or []}
    rows = []
    for i, q in enumerate(record.get("quotes") or []):
        cue, speaker = q.get("cue") or {}, q.get("speaker") or {}
        actor = actors.get(speaker.get("actor")) or {}
        rows.append({
            "article_id": str(record["id"]), "quote_index": i, "text": q.get("text"), "kind": q.get("kind"),
            "start": q.get("start"), "end": q.get("end"),
            "cue_text": cue.get("text"), "cue_start": cue.get("start"), "cue_end": cue.get("end"),
            "speaker_text": speaker.get("text"), "speaker_start": speaker.get("start"),
            "speaker_end": speaker.get("end"), "speaker_name": speaker.get("name"),
            "speaker_actor": speaker.get("actor"), "speaker_code": actor.get("code"),
            "speaker_country": actor.get("country"), "addressee": q.get("addressee"),
            "published": record.get("published"), "year": year, "month": month,
        })
    return rows


def mention_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One mention per event of this article: where the article says it (our provenance)."""
    year, month = year_month(record)
    source = record.get("source") or {}
    rows = []
    for i, e in enumerate(record.get("events") or []):
        sentence, trigger = e.get("sentence") or {}, e.get("trigger") or {}
        rows.append({
            "event_id": event_id(str(record["id"]), i), "article_id": str(record["id"]), "event_index": i,
            "source_url": source.get("url"), "publisher": source.get("publisher"),
            "published": record.get("published"),
            "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
            "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
            "confidence": e.get("confidence"), "year": year, "month": month,
        })
    return rows


ROWS = {"articles": lambda r: [article_row(r)], "events": event_rows, "quotes": quote_rows,
        "mentions": mention_rows}


def rows_of(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    for record in records:
        for name in TABLE_NAMES:
            out[name].extend(ROWS[name](record))
    return out


def to_tables(records: Iterable[dict[str, Any]]) -> dict[str, pa.Table]:
    """Contract records → one typed Arrow table per name of ``TABLE_NAMES``."""
    rows = rows_of(records)
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLE_NAMES}
