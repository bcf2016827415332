"""Places (issue 5): toponyms resolved with the gazetteer, and where each event happens.

``resolve_places`` turns the place entities of the article into gazetteer entries
{text, start, end, name, country, lat, lon}. A name several places share ("Alexandria") goes to
the one in a country the article is about (the countries it names most, and its dateline's).
``place_events`` takes an event's place from a locative phrase attached to its clause
("deployed in Belarus"), resolving "the republic"/"the country" to the last country named, and
otherwise falls back on the dateline place.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.geo.gazetteer import Toponym, _float, _rows, get_gazetteer
from dateline.record import Article, Event, Place

_VERBAL = {"VERB", "AUX"}


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    path = resources.files("dateline") / "data" / "places" / "locatives.json"
    with path.open(encoding="utf-8") as fh:
        table: dict[str, Any] = json.load(fh)
        return table


@lru_cache(maxsize=1)
def _namesakes() -> dict[str, list[Toponym]]:
    """Every gazetteer place by lower-cased name (the gazetteer itself keeps only the largest)."""
    index: dict[str, list[Toponym]] = defaultdict(list)
    rows = _rows("places.tsv")
    next(rows)
    for name, iso3, kind, lat, lon, population in rows:
        index[name.casefold()].append(Toponym(name, kind, iso3, _float(lat), _float(lon), int(population or 0)))
    return index


def article_countries(article: Article) -> Counter[str]:
    """How often each country is named (by name, city or demonym) in the article."""
    gaz = get_gazetteer()
    counts: Counter[str] = Counter()
    for ent in article.entities:
        if ent.label in ("GPE", "NORP", "LOC"):
            iso3 = gaz.country_of(ent.text)
            if iso3:
                counts[iso3] += 1
    if article.dateline and article.dateline.place:
        iso3 = gaz.country_of(article.dateline.place)
        if iso3:
            counts[iso3] += 2  # the dateline says where the story is filed
    return counts


def resolve(name: str, countries: Counter[str]) -> Toponym | None:
    """The place a name denotes, preferring namesakes in the article's countries."""
    default = get_gazetteer().lookup(name)
    if default is not None and default.kind == "country":
        return default
    options = _namesakes().get(" ".join(name.split()).casefold(), [])
    local = [t for t in options if countries.get(t.iso3)]
    if local:
        return max(local, key=lambda t: (countries[t.iso3], t.population))
    return default


def _entry(text: str, start: int, end: int, toponym: Toponym) -> dict[str, Any]:
    return {"text": text, "start": start, "end": end, "name": toponym.name, "country": toponym.iso3,
            "lat": toponym.lat, "lon": toponym.lon, "kind": toponym.kind}


def resolve_places(doc: Doc, article: Article) -> None:
    """Fill ``article.places`` with resolved toponyms."""
    countries = article_countries(article)
    labels = set(_table()["place_labels"])
    places = []
    for ent in article.entities:
        if ent.label not in labels:
            continue
        toponym = resolve(ent.text, countries)
        if toponym is not None and toponym.kind != "demonym":
            places.append(_entry(ent.text, ent.start, ent.end, toponym))
    article.places = places


def _as_place(entry: dict[str, Any]) -> Place:
    return Place(name=entry["name"], country=entry["country"], lat=entry["lat"], lon=entry["lon"])


def _clause_tokens(trigger: Span) -> set[int]:
    """The trigger, the verb heading its clause, verbs coordinated with it, and their objects."""
    token = trigger.root
    for _ in range(8):
        if token.pos_ in _VERBAL or token.head.i == token.i:
            break
        token = token.head
    verbs = {token.i} | {t.i for t in trigger}
    verbs |= {c.i for c in token.children if c.dep_ in ("conj", "xcomp")}
    objects = {c.i for i in list(verbs) for c in token.doc[i].children if c.dep_ in ("dobj", "nsubjpass", "attr")}
    return verbs | objects


def _last_country_before(article: Article, position: int) -> dict[str, Any] | None:
    before = [p for p in article.places if p["end"] <= position and p["kind"] == "country"]
    return before[-1] if before else None


def _place_of_phrase(prep: Token, article: Article) -> dict[str, Any] | None:
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        inside = [p for p in article.places if lo <= p["start"] and p["end"] <= hi]
        if inside:
            return inside[0]
        if obj.lemma_.lower() in _table()["anaphors"] and any(c.lower_ == "the" for c in obj.children):
            return _last_country_before(article, obj.idx)
    return None


def _object_place(trigger: Span, article: Article, event: Event) -> dict[str, Any] | None:
    """Attacks and visits happen at the place they are done to: "shelled the city of Kharkiv"."""
    table = _table()
    if event.type not in table.get("object_events", ()) and not event.cameo.startswith(
            tuple(table.get("object_cameo", ()))):
        return None
    for obj in trigger.root.children:
        if obj.dep_ in ("dobj", "nsubjpass"):
            lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            inside = [p for p in article.places if lo <= p["start"] and p["end"] <= hi]
            if inside:
                return inside[0]
            for tok in obj.subtree:  # the tagger misses some towns ("the city of Kharkiv")
                toponym = resolve(tok.text, article_countries(article)) if tok.pos_ == "PROPN" else None
                if toponym is not None and toponym.kind != "demonym":
                    return _entry(tok.text, tok.idx, tok.idx + len(tok), toponym)
    return None


def event_place(doc: Doc, article: Article, event: Event) -> dict[str, Any] | None:
    """The place the event's object (for attacks and visits) or a locative phrase attached to
    the event's clause names, else None."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return None
    found = _object_place(trigger, article, event)
    if found is not None:
        return found
    clause = _clause_tokens(trigger)
    preps = set(_table()["prepositions"])
    candidates = [t for t in trigger.sent if t.dep_ == "prep" and t.lower_ in preps and t.head.i in clause]
    candidates.sort(key=lambda t: abs(t.i - trigger.root.i))
    for prep in candidates:
        found = _place_of_phrase(prep, article)
        if found is not None:
            return found
    return None


def dateline_place(article: Article) -> Place | None:
    if not article.dateline or not article.dateline.place:
        return None
    toponym = resolve(article.dateline.place.title(), article_countries(article))
    if toponym is None:
        return None
    return Place(name=toponym.name, country=toponym.iso3, lat=toponym.lat, lon=toponym.lon)


def place_events(doc: Doc, article: Article) -> None:
    """Give each event in ``article.events`` its place."""
    default = dateline_place(article)
    for event in article.events:
        found = event_place(doc, article, event)
        event.place = _as_place(found) if found is not None else default
