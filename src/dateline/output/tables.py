"""The four typed tables of an export — articles, events, quotes, mentions — in one place.

Every exporter that writes typed rows (Parquet here; the REST API and the batch jobs reuse this
module) takes its columns from ``TABLES``: a column's name, its type and the record field it
comes from (docs/exports.md lists them). Types are named the way Arrow names them and mapped to
pyarrow only in ``arrow_schema``, so a reader of this module needs no pyarrow. Types are chosen
to load everywhere: no unsigned integers, timestamps in microseconds UTC (Spark's), dates as
``date32``, codes as strings ("057", never 57).

``events`` holds one row per happening (``output.happenings``): a dyadic event of a story, with
the counts over its mentions; ``mentions`` one row per article that reports it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from dateline.events.lexicon import quad_class
from dateline.geo import geonames
from dateline.output.happenings import Happening, Item, Mention, event_day
from dateline.record import Article, EventActor
from dateline.store.stories import outlet


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string | int8 | int32 | int64 | float64 | bool | date32 | timestamp | list<string>
    source: str  # the record field (or derivation) it comes from


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


ARTICLES = _cols(
    ("article_id", "string", "id"), ("story_id", "int64", "stable id of the article's story"),
    ("content_hash", "string", "SHA-1 of the normalised text (the store's key)"),
    ("headline", "string", "headline"), ("published", "string", "published (ISO, as read)"),
    ("published_date", "date32", "published, its date"), ("published_source", "string", "published_source"),
    ("url", "string", "source.url"), ("publisher", "string", "source.publisher"),
    ("source_path", "string", "source.path"), ("dateline_place", "string", "dateline.place"),
    ("dateline_date", "string", "dateline.date (XXXX-MM-DD when the year is unknown)"),
    ("language", "string", "language"), ("num_events", "int32", "len(events)"),
    ("num_quotes", "int32", "len(quotes)"), ("text", "string", "text"),
    ("added", "timestamp", "when the store took it in (null for extract output)"),
)
EVENTS = _cols(
    ("event_id", "int64", "stable id of the happening (GDELT GLOBALEVENTID)"),
    ("story_id", "int64", "stable id of the story"), ("date", "date32", "events[].date.earliest, else the story's first publication day"),
    ("date_latest", "date32", "events[].date.latest"), ("date_precision", "string", "day | month | year | range"),
    ("date_basis", "string", "text (the event's own date) | article (the story's first publication day)"),
    ("type", "string", "events[].type (PLOVER)"), ("mode", "string", "events[].mode"),
    ("context", "list<string>", "events[].context"), ("cameo", "string", "events[].cameo"),
    ("cameo_base", "string", "cameo, first 3 digits"), ("cameo_root", "string", "cameo, first 2 digits"),
    ("quad", "int8", "GDELT QuadClass of the code (events[].quad; recomputed, so older records agree)"), ("goldstein", "float64", "events[].goldstein"),
    ("source_name", "string", "events[].source[].name"), ("source_code", "string", "events[].source[].code"),
    ("source_country", "string", "events[].source[].country (ISO3)"),
    ("source_sector", "string", "events[].source[].sector"),
    ("target_name", "string", "events[].target[].name"), ("target_code", "string", "events[].target[].code"),
    ("target_country", "string", "events[].target[].country (ISO3)"),
    ("target_sector", "string", "events[].target[].sector"),
    ("negated", "bool", "events[].negated"), ("modality", "string", "events[].modality"),
    ("confidence", "float64", "events[].confidence (the most confident report)"),
    ("is_root", "bool", "the event is in the article's first paragraph"),
    ("num_mentions", "int32", "reports of the happening"), ("num_articles", "int32", "distinct articles"),
    ("num_sources", "int32", "distinct publishers"),
    ("place_name", "string", "events[].place.name"), ("place_country", "string", "events[].place.country (ISO3)"),
    ("place_fips", "string", "place.country as FIPS 10-4"), ("place_adm1", "string", "events[].place.adm1"),
    ("place_precision", "string", "events[].place.precision"), ("place_basis", "string", "events[].place.basis"),
    ("lat", "float64", "events[].place.lat"), ("lon", "float64", "events[].place.lon"),
    ("geonames_id", "int64", "events[].place.geonames_id"),
    ("trigger", "string", "events[].trigger.text"), ("article_id", "string", "id of the first report"),
    ("url", "string", "source.url of the first report"), ("publisher", "string", "its source.publisher"),
    ("added", "timestamp", "when the first report was stored, else published"),
)
QUOTES = _cols(
    ("article_id", "string", "id"), ("seq", "int32", "position in quotes[]"), ("text", "string", "quotes[].text"),
    ("start", "int32", "quotes[].start"), ("end", "int32", "quotes[].end"), ("kind", "string", "quotes[].kind"),
    ("cue", "string", "quotes[].cue.text"), ("speaker_text", "string", "quotes[].speaker.text"),
    ("speaker_name", "string", "quotes[].speaker.name"), ("speaker_actor", "string", "quotes[].speaker.actor"),
    ("speaker_code", "string", "actors[].code of the speaker"), ("addressee", "string", "quotes[].addressee"),
    ("published_date", "date32", "published, its date"),
)
MENTIONS = _cols(
    ("event_id", "int64", "the happening's event_id"), ("article_id", "string", "id"),
    ("story_id", "int64", "stable id of the story"), ("event_index", "int32", "position in events[]"),
    ("publisher", "string", "source.publisher, else the URL's host"), ("url", "string", "source.url"),
    ("sentence_id", "int32", "sentence number in the article (1 = first)"),
    ("sentence_start", "int32", "events[].sentence.start"), ("sentence_end", "int32", "events[].sentence.end"),
    ("actor1_offset", "int32", "start of the source actor's mention (-1 when not found)"),
    ("actor2_offset", "int32", "start of the target actor's mention (-1 when not found)"),
    ("action_offset", "int32", "events[].trigger.start"), ("trigger", "string", "events[].trigger.text"),
    ("confidence", "float64", "events[].confidence"), ("doc_length", "int32", "len(text)"),
    ("added", "timestamp", "when the article was stored, else published"),
)
TABLES: dict[str, tuple[Column, ...]] = {"articles": ARTICLES, "events": EVENTS, "quotes": QUOTES,
                                         "mentions": MENTIONS}


def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int8": pa.int8(), "int32": pa.int32(), "int64": pa.int64(),
             "float64": pa.float64(), "bool": pa.bool_(), "date32": pa.date32(),
             "timestamp": pa.timestamp("us", tz="UTC"), "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type]) for c in TABLES[table]])


# -- values -------------------------------------------------------------------------------------
def to_date(value: str | None) -> date | None:
    if not value or value.startswith("X"):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def to_moment(value: str | None) -> datetime | None:
    """An ISO date or date-time (a stored ``ingested_at``, a ``published``) as a UTC moment."""
    if not value or value.startswith("X"):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def date_precision(earliest: str | None, latest: str | None) -> str:
    """How wide an interval is: a day, a calendar month, a calendar year, or another range."""
    a, b = to_date(earliest), to_date(latest or earliest)
    if a is None or b is None:
        return ""
    if a == b:
        return "day"
    if a.day == 1 and (a.year, a.month) == (b.year, b.month) and b.day == calendar.monthrange(b.year, b.month)[1]:
        return "month"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return "year"
    return "range"


def interval(mention: Mention) -> tuple[str | None, str | None, str]:
    """(earliest, latest, basis) of the event's date."""
    event = mention.event
    if event.date is not None and event.date.earliest:
        return event.date.earliest[:10], (event.date.latest or event.date.earliest)[:10], "text"
    day = mention.day  # the story's first publication day
    return day, day, "article" if day else ""


def added(item: Item) -> datetime | None:
    return to_moment(item.added) or to_moment(item.article.published)


def first_paragraph_end(article: Article) -> int:
    end = article.text.find("\n\n")
    return len(article.text) if end < 0 else end


def mention_offset(article: Article, actor: EventActor | None, mention: Mention) -> int:
    """Where the actor is named in the event's sentence (its nearest mention to the trigger)."""
    if actor is None:
        return -1
    start, end = mention.event.sentence.start, mention.event.sentence.end
    spans = [m for a in article.actors if actor.actor and a.id == actor.actor for m in a.mentions]
    inside = [s for s in spans if start <= s[0] < end]
    if inside:
        return min(inside, key=lambda s: abs(s[0] - mention.event.trigger.start))[0]
    found = article.text.find(actor.name, start, end) if actor.name else -1
    return found


def sentence_number(article: Article, position: int) -> int:
    """The 1-based number of the sentence holding ``position``, counting sentence ends (. ! ? then
    a space and a capital or a quote) and paragraph breaks before it."""
    count, text = 1, article.text[:position]
    for i, ch in enumerate(text):
        if ch == "\n" and text[i + 1:i + 2] == "\n":
            count += 1
        elif ch in ".!?" and text[i + 1:i + 2] == " " and text[i + 2:i + 3][:1].isupper():
            count += 1
    return count


# -- rows ---------------------------------------------------------------------------------------
def article_row(item: Item, story_id: int | None) -> dict[str, Any]:
    a = item.article
    return {"article_id": a.id, "story_id": story_id, "content_hash": item.content_hash, "headline": a.headline,
            "published": a.published, "published_date": to_date(a.published),
            "published_source": a.published_source, "url": a.source.url, "publisher": a.source.publisher,
            "source_path": a.source.path, "dateline_place": a.dateline.place if a.dateline else None,
            "dateline_date": a.dateline.date if a.dateline else None, "language": a.language,
            "num_events": len(a.events), "num_quotes": len(a.quotes), "text": a.text, "added": added(item)}


def _side(prefix: str, actor: EventActor | None) -> dict[str, Any]:
    return {f"{prefix}_name": actor.name if actor else None, f"{prefix}_code": actor.code if actor else None,
            f"{prefix}_country": actor.country if actor else None,
            f"{prefix}_sector": actor.sector if actor else None}


def event_row(h: Happening) -> dict[str, Any]:
    best, first = h.best, h.first
    e, place = best.event, best.event.place
    earliest, latest, basis = interval(best)
    return {"event_id": h.event_id, "story_id": h.story_id, "date": to_date(earliest), "date_latest": to_date(latest),
            "date_precision": date_precision(earliest, latest), "date_basis": basis, "type": e.type,
            "mode": e.mode, "context": list(e.context), "cameo": e.cameo, "cameo_base": e.cameo[:3],
            "cameo_root": e.cameo[:2], "quad": quad_class(e.cameo), "goldstein": e.goldstein,
            **_side("source", best.source), **_side("target", best.target), "negated": e.negated,
            "modality": e.modality, "confidence": round(e.confidence, 4),
            "is_root": e.sentence.start < first_paragraph_end(best.item.article),
            "num_mentions": len(h.mentions), "num_articles": h.num_articles, "num_sources": h.num_sources,
            "place_name": place.name if place else None, "place_country": place.country if place else None,
            "place_fips": geonames.fips(place.country) or None if place else None,
            "place_adm1": place.adm1 if place else None, "place_precision": place.precision if place else None,
            "place_basis": place.basis if place else None, "lat": place.lat if place else None,
            "lon": place.lon if place else None, "geonames_id": place.geonames_id if place else None,
            "trigger": e.trigger.text, "article_id": first.item.article.id, "url": first.item.article.source.url,
            "publisher": first.item.article.source.publisher, "added": added(first.item)}


def mention_rows(h: Happening) -> Iterator[dict[str, Any]]:
    for m in h.article_mentions():
        a = m.item.article
        yield {"event_id": h.event_id, "article_id": a.id, "story_id": h.story_id, "event_index": m.index,
               "publisher": a.source.publisher or outlet(a), "url": a.source.url,
               "sentence_id": sentence_number(a, m.event.sentence.start),
               "sentence_start": m.event.sentence.start, "sentence_end": m.event.sentence.end,
               "actor1_offset": mention_offset(a, m.source, m), "actor2_offset": mention_offset(a, m.target, m),
               "action_offset": m.event.trigger.start, "trigger": m.event.trigger.text,
               "confidence": round(m.event.confidence, 4), "doc_length": len(a.text), "added": added(m.item)}


def quote_rows(item: Item) -> Iterator[dict[str, Any]]:
    a = item.article
    codes = {actor.id: actor.code for actor in a.actors}
    for seq, q in enumerate(a.quotes):
        speaker = q.speaker
        yield {"article_id": a.id, "seq": seq, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
               "cue": q.cue.text if q.cue else None, "speaker_text": speaker.text if speaker else None,
               "speaker_name": speaker.name if speaker else None, "speaker_actor": speaker.actor if speaker else None,
               "speaker_code": codes.get(speaker.actor) if speaker and speaker.actor else None,
               "addressee": q.addressee, "published_date": to_date(a.published)}


def story_ids(stories: Iterable[list[Item]]) -> dict[str, int]:
    """content hash → the stable id of its story (the id ``happenings`` gives the story)."""
    from dateline.output.happenings import published_key, stable_id

    ids = {}
    for story in stories:
        if story:
            anchor = min(story, key=lambda i: (published_key(i.article), i.content_hash))
            for item in story:
                ids[item.content_hash] = stable_id("story", anchor.content_hash)
    return ids


__all__ = ["ARTICLES", "EVENTS", "MENTIONS", "QUOTES", "TABLES", "Column", "arrow_schema", "article_row",
           "event_row", "mention_rows", "quote_rows", "event_day"]
