"""Exporting events as GDELT 2.0, ICEWS, tidy CSV or JSON Lines rows.

GDELT and ICEWS have one actor per side, so a compound event ("Russia and Belarus agreed")
becomes one row per source × target pair, sharing the event id. GDELT rows carry the 61
GDELT 2.0 event columns, then the columns of GDELT's Mentions table we can fill from the
article (sentence offsets, action offset, confidence) and the PLOVER type.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any, TextIO

from dateline.record import Article, Event, EventActor
from dateline.store.events import event_date

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
# From GDELT's Mentions table (per mention of the event in the article), plus PLOVER coding.
MENTION_COLUMNS = ["SentenceStart", "SentenceEnd", "ActionCharOffset", "Actor1CharOffset", "Confidence",
                   "PloverType", "PloverMode", "Modality", "Negated", "ArticleID"]
ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
                 "Longitude"]
CSV_COLUMNS = ["article_id", "event_index", "date", "type", "mode", "context", "cameo", "quad", "goldstein",
               "source_names", "source_codes", "source_countries", "source_sectors", "target_names",
               "target_codes", "target_countries", "target_sectors", "negated", "modality", "confidence",
               "sentence_start", "sentence_end", "trigger", "place", "url"]
FORMATS = ("gdelt", "icews", "csv", "jsonl")


def _pairs(event: Event) -> Iterator[tuple[EventActor | None, EventActor | None]]:
    nobody: list[EventActor | None] = [None]  # an event with no known side still gives one row
    for s in event.source or nobody:
        for t in event.target or nobody:
            yield s, t


def _gdelt_actor(actor: EventActor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    group = (actor.code or "")[3:6] if (actor.code or "").startswith(("IGO", "NGO")) else ""
    return [actor.code or "", actor.name.upper(), actor.country or "", group, "", "", "", actor.sector or "", "", ""]


def _event_id(article: Article, index: int) -> str:
    return f"{article.id}-{index}"


def gdelt_rows(article: Article, index: int, event: Event, date: str | None) -> Iterator[list[str]]:
    d = (date or "")[:10].replace("-", "")
    year = d[:4]
    frac = ""
    if len(d) == 8:
        frac = f"{int(year) + (int(d[4:6]) - 1) / 12 + (int(d[6:8]) - 1) / 365:.4f}"
    place = event.place
    action_geo = ["", "", "", "", "", "", "", ""]
    if place is not None:
        action_geo = ["4" if place.lat is not None else "1", place.name, place.country or "", "", "",
                      "" if place.lat is None else str(place.lat), "" if place.lon is None else str(place.lon), ""]
    for s, t in _pairs(event):
        row = [_event_id(article, index), d, d[:6], year, frac, *_gdelt_actor(s), *_gdelt_actor(t),
               "1" if index == 0 else "0", event.cameo, event.cameo[:3], event.cameo[:2], str(event.quad),
               str(event.goldstein), "1", "1", "1", "",
               *([""] * 8), *([""] * 8), *action_geo,
               d, article.source.url or article.source.path or ""]
        offset = ""
        if s is not None and s.actor:
            offset = next((str(a.mentions[0][0]) for a in article.actors if a.id == s.actor and a.mentions), "")
        row += [str(event.sentence.start), str(event.sentence.end), str(event.trigger.start), offset,
                f"{event.confidence:.3f}", event.type or "", event.mode or "", event.modality, str(int(event.negated)),
                article.id]
        yield row


def icews_rows(article: Article, index: int, event: Event, date: str | None) -> Iterator[list[str]]:
    sentence_no = article.text.count("\n", 0, event.sentence.start)  # paragraph-ish position
    place = event.place
    for s, t in _pairs(event):
        yield [_event_id(article, index), date or "", s.name if s else "", s.sector or "" if s else "",
               s.country or "" if s else "", article.text[event.sentence.start:event.sentence.end],
               event.cameo, str(event.goldstein), t.name if t else "", t.sector or "" if t else "",
               t.country or "" if t else "", article.id, str(sentence_no), article.source.publisher or "",
               place.name if place else "", "", "", place.country or "" if place else "",
               "" if not place or place.lat is None else str(place.lat),
               "" if not place or place.lon is None else str(place.lon)]


def _join(actors: list[EventActor], field: str) -> str:
    return ";".join(getattr(a, field) or "" for a in actors)


def csv_row(article: Article, index: int, event: Event, date: str | None) -> list[str]:
    return [article.id, str(index), date or "", event.type or "", event.mode or "", ";".join(event.context),
            event.cameo, str(event.quad), str(event.goldstein),
            _join(event.source, "name"), _join(event.source, "code"), _join(event.source, "country"),
            _join(event.source, "sector"), _join(event.target, "name"), _join(event.target, "code"),
            _join(event.target, "country"), _join(event.target, "sector"), str(event.negated).lower(),
            event.modality, f"{event.confidence:.3f}", str(event.sentence.start), str(event.sentence.end),
            event.trigger.text, event.place.name if event.place else "", article.source.url or ""]


def jsonl_record(article: Article, index: int, event: Event, date: str | None) -> dict[str, Any]:
    return {"article_id": article.id, "event_index": index, "date": date, "url": article.source.url,
            "sentence_text": article.text[event.sentence.start:event.sentence.end], **asdict(event)}


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if since and (date is None or date[:10] < since):
        return False
    if until and (date is None or date[:10] > until):
        return False
    return True


def export(items: Iterable[tuple[Article, list[int] | None]], fmt: str, out: TextIO,
           since: str | None = None, until: str | None = None, header: bool | None = None) -> int:
    """Write the events of ``items`` (article, event indices or None for all); returns rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = 0
    if fmt == "jsonl":
        writer = None
    else:
        writer = csv.writer(out, delimiter="\t" if fmt in {"gdelt", "icews"} else ",", lineterminator="\n")
        if header if header is not None else fmt != "gdelt":
            writer.writerow({"gdelt": GDELT_COLUMNS + MENTION_COLUMNS, "icews": ICEWS_COLUMNS,
                             "csv": CSV_COLUMNS}[fmt])
    for article, indices in items:
        for index, event in enumerate(article.events):
            if indices is not None and index not in indices:
                continue
            date = event_date(event, article)
            if not _in_range(date, since, until):
                continue
            if writer is None:
                out.write(json.dumps(jsonl_record(article, index, event, date), ensure_ascii=False) + "\n")
                rows += 1
            elif fmt == "gdelt":
                for row in gdelt_rows(article, index, event, date):
                    writer.writerow(row)
                    rows += 1
            elif fmt == "icews":
                for row in icews_rows(article, index, event, date):
                    writer.writerow(row)
                    rows += 1
            else:
                writer.writerow(csv_row(article, index, event, date))
                rows += 1
    return rows
