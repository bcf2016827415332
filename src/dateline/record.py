"""Typed records: what flows through the pipeline and what the contract JSON serialises.

Every stage reads and writes these dataclasses; ``Article.to_dict()`` is the one place that
turns them into the ``dateline/1`` record of CONTRACT.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from operator import attrgetter
from typing import Any, TypeVar

SCHEMA = "dateline/1"
_Item = TypeVar("_Item")


# Values ``_plain`` hands back as they are: most of a record's leaves, tested by exact type.
_ATOMS = frozenset({str, int, float, bool, type(None)})
# Type → its converter, made on first sight: the record's few classes are each looked at once,
# not tested with ``is_dataclass`` and ``isinstance`` at every one of their many instances.
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def _plain(value: Any) -> Any:
    """Dataclasses → dicts, recursively (what ``dataclasses.asdict`` does, without its deep copies)."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    convert = _CONVERTERS.get(kind)
    if convert is None:
        convert = _CONVERTERS[kind] = _converter(kind)
    return convert(value)


def _converter(kind: type) -> Callable[[Any], Any]:
    # the same tests, in the same order, as asdict's: a dataclass first, then a sequence, a mapping
    if is_dataclass(kind):
        names = tuple(f.name for f in fields(kind))
        if len(names) > 1:
            read: Callable[[Any], tuple[Any, ...]] = attrgetter(*names)
        else:  # attrgetter of one name gives the value itself, not a 1-tuple
            def read(value: Any) -> tuple[Any, ...]:
                return tuple(getattr(value, n) for n in names)
        return lambda value: dict(zip(names, map(_plain, read(value)), strict=True))
    if issubclass(kind, list | tuple):
        return lambda value: list(map(_plain, value))
    if issubclass(kind, dict):
        return lambda value: {k: _plain(v) for k, v in value.items()}
    return _same


def _same(value: Any) -> Any:
    return value


@dataclass
class TextSpan:
    text: str
    start: int
    end: int


@dataclass
class Source:
    path: str | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass
class Dateline:
    text: str
    place: str | None
    date: str | None  # ISO date, or XXXX-MM-DD when the year cannot be known
    agency: str | None
    start: int = 0  # offsets of the dateline in the article's `text`
    end: int = 0


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int


@dataclass
class Actor:
    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: str | None = None
    kind: str = "person"  # person | organisation | country
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    name: str | None = None
    actor: str | None = None


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: TextSpan | None
    speaker: Speaker | None
    addressee: str | None = None
    # the content's pieces when the cue splits it ('"…," said X, an economist at …. "…"'): [[start, end], …]
    parts: list[list[int]] | None = None


@dataclass
class Timex:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None


@dataclass
class EventActor:
    name: str
    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass
class DateVia:
    """An event dated from an occasion named earlier: "Following the meeting" (the date's text)
    refers back to "the December 6 session"."""

    relation: str  # at | after | before | eve: when the event took place against the occasion
    start: int  # the referring phrase, the date's ``text``
    end: int
    occasion: TextSpan  # the dated mention it refers back to
    value: str  # the TIMEX3 value of the occasion's date


@dataclass
class EventDate:
    text: str | None
    earliest: str | None
    latest: str | None
    by_report: bool = False
    via: DateVia | None = None  # set when the date comes from an occasion named before


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    # Optional extensions (docs/exports.md, "Record extensions"): how precise the place is, its
    # first-level division (GeoNames admin1 code), GeoNames id, and what named it.
    precision: str | None = None  # city | adm1 | country
    adm1: str | None = None
    geonames_id: int | None = None
    basis: str | None = None  # sentence | article | dateline


@dataclass
class Offsets:
    start: int
    end: int


@dataclass
class Event:
    type: str | None  # PLOVER type, derived from the CAMEO code; None where PLOVER has none (01x statements)
    cameo: str
    quad: int
    goldstein: float
    source: list[EventActor]
    target: list[EventActor]
    sentence: Offsets
    trigger: TextSpan
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: EventDate | None = None
    place: Place | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    # Both sides act on each other ("A and B agreed"): source and target then list the same
    # actors, CAMEO's dyadic view (every ordered pair of distinct actors is one dyad).
    reciprocal: bool = False


@dataclass
class ErrorInfo:
    code: str
    message: str


@dataclass
class Article:
    id: str
    text: str = ""
    source: Source = field(default_factory=Source)
    headline: str | None = None
    lead: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    published_source: str | None = None
    language: str | None = "en"
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[ErrorInfo] = field(default_factory=list)
    error: ErrorInfo | None = None
    # The input as read, kept on a failed article so the store can keep it for a re-run.
    payload: str | None = field(default=None, repr=False)
    # The HTML page the article was extracted from (kept in the store's raw_pages, not the record).
    raw_page: str | None = field(default=None, repr=False)

    @property
    def dateline_span(self) -> tuple[int, int] | None:
        """The dateline's offsets in ``text``; None when the article has none (or an empty one)."""
        line = self.dateline
        return (line.start, line.end) if line is not None and line.end > line.start else None

    @property
    def anchor_date(self) -> str | None:
        """The date relative expressions are resolved against: published, else the dateline's."""
        if self.published:
            return self.published[:10]
        if self.dateline and self.dateline.date and not self.dateline.date.startswith("X"):
            return self.dateline.date
        return None

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"schema": SCHEMA}
        record.update(_plain(self))
        record.pop("payload")
        record.pop("raw_page")
        if not self.meta:
            record.pop("meta")
        if not self.warnings:
            record.pop("warnings")
        if not self.places:
            record.pop("places")
        for event in record["events"]:
            if event["date"] is not None and not event["date"]["by_report"]:
                event["date"].pop("by_report")
            if event["date"] is not None and event["date"]["via"] is None:
                event["date"].pop("via")
        return record

    @classmethod
    def failed(cls, id: str, code: str, message: str, source: Source | None = None,
               payload: str | None = None) -> Article:
        return cls(id=id, source=source or Source(), language=None, error=ErrorInfo(code, message),
                   payload=payload)


def article_from_dict(record: dict[str, Any]) -> Article:
    """Rebuild an Article from its contract record (used by the store and exporters)."""
    def spans(items: list[dict[str, Any]] | None, cls: Callable[..., _Item]) -> list[_Item]:
        return [cls(**item) for item in items or []]

    dl = record.get("dateline")
    article = Article(
        id=record["id"],
        text=record.get("text", ""),
        source=Source(**(record.get("source") or {})),
        headline=record.get("headline"),
        lead=record.get("lead"),
        dateline=Dateline(**dl) if dl else None,
        published=record.get("published"),
        published_source=record.get("published_source"),
        language=record.get("language"),
        entities=spans(record.get("entities"), Entity),
        actors=spans(record.get("actors"), Actor),
        times=spans(record.get("times"), Timex),
        places=record.get("places") or [],
        meta=record.get("meta") or {},
        warnings=spans(record.get("warnings"), ErrorInfo),
        error=ErrorInfo(**record["error"]) if record.get("error") else None,
    )
    for q in record.get("quotes") or []:
        article.quotes.append(Quote(
            text=q["text"], start=q["start"], end=q["end"], kind=q["kind"],
            cue=TextSpan(**q["cue"]) if q.get("cue") else None,
            speaker=Speaker(**q["speaker"]) if q.get("speaker") else None,
            addressee=q.get("addressee"), parts=q.get("parts"),
        ))
    for e in record.get("events") or []:
        article.events.append(Event(
            type=e["type"], cameo=e["cameo"], quad=e["quad"], goldstein=e["goldstein"],
            source=spans(e.get("source"), EventActor), target=spans(e.get("target"), EventActor),
            sentence=Offsets(**e["sentence"]), trigger=TextSpan(**e["trigger"]),
            mode=e.get("mode"), context=e.get("context") or [],
            date=_event_date(e["date"]) if e.get("date") else None,
            place=Place(**e["place"]) if e.get("place") else None,
            negated=e.get("negated", False), modality=e.get("modality", "asserted"),
            confidence=e.get("confidence", 0.5), reciprocal=e.get("reciprocal", False),
        ))
    return article


def _event_date(record: dict[str, Any]) -> EventDate:
    via = record.get("via")
    if via:
        via = DateVia(**{**via, "occasion": TextSpan(**via["occasion"])})
    return EventDate(**{**record, "via": via})
