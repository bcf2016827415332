"""Places (issue 5): toponyms resolved with the gazetteer, and where each event happens.

``resolve_places`` turns the place entities of the article into gazetteer entries
{text, start, end, name, country, lat, lon}. A name several places share ("Alexandria") goes to
the one in a country the article is about (the countries it names most, and its dateline's).
``place_events`` takes an event's place from what the text says about it, in this order:

1. the sentence: the place its object names (attacks, visits: "shelled the town of Izium"), else a
   locative phrase attached to its clause ("deployed in Belarus"), "the republic"/"the country"
   standing for the last country named; "here", "in the capital" for the dateline city;
2. the article: the country every one of the event's actors belongs to (country precision);
3. else no place. The dateline city is used only when the text puts the event there (1).

Each place carries its precision (city, adm1, country), GeoNames id and admin1 code (``geonames``)
and what named it (``basis``: sentence, dateline, article). Towns the gazetteer does not list are
looked up in the GeoNames table of towns of 15,000 people or more.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from dateline.geo import geonames
from dateline.geo.gazetteer import Toponym, _float, _rows, get_gazetteer, normalise
from dateline.record import Article, Event, Place
from dateline.words import Word, sentence_words, words_of

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


def resolve(name: str, countries: Counter[str], towns: bool = False) -> Toponym | None:
    """The place a name denotes, preferring namesakes in the article's countries. With ``towns``,
    a name the gazetteer lacks is looked up among GeoNames towns (for names known to be places)."""
    default = get_gazetteer().lookup(name)
    if default is not None and default.kind == "country":
        return default
    options = _namesakes().get(" ".join(name.split()).casefold(), [])
    local = [t for t in options if countries.get(t.iso3)]
    if local:
        return max(local, key=lambda t: (countries[t.iso3], t.population))
    if default is None and towns and name[:1].isupper():
        found = [g for g in geonames.candidates(name) if countries.get(g.iso3)] or geonames.candidates(name)[:1]
        if found:
            town = max(found, key=lambda g: (countries.get(g.iso3, 0), g.population))
            return Toponym(town.name, "town", town.iso3, town.lat, town.lon, town.population)
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
        toponym = resolve(ent.text, countries, towns=ent.label == "GPE")
        if toponym is not None and toponym.kind != "demonym":
            places.append(_entry(ent.text, ent.start, ent.end, toponym))
    article.places = places


_PRECISION = {"country": "country", "admin1": "adm1", "capital": "city", "city": "city", "town": "city"}


def _as_place(entry: dict[str, Any], basis: str) -> Place:
    """A record place with its precision and GeoNames facts."""
    kind = entry.get("kind") or "city"
    place = Place(name=entry["name"], country=entry["country"], lat=entry["lat"], lon=entry["lon"],
                  precision=_PRECISION.get(kind, "city"), basis=basis)
    if kind == "country":
        facts = geonames.countries().get(entry["country"] or "")
        place.geonames_id = facts.geonameid if facts else None
        place.lat = place.lon = None  # the gazetteer's point is the capital, not the country
    elif kind == "admin1":
        code = next((c for c, (n, _) in geonames.us_states().items() if n == entry["name"]), None)
        if code is not None:
            place.adm1, place.geonames_id = code, geonames.us_states()[code][1]
    else:
        near = (entry["lat"], entry["lon"]) if entry["lat"] is not None else None
        town = geonames.lookup(entry["name"], entry["country"], near)
        if town is not None:
            place.adm1, place.geonames_id = town.admin1 or None, town.geonameid
            place.lat = place.lat if place.lat is not None else town.lat
            place.lon = place.lon if place.lon is not None else town.lon
    return place


def country_place(iso3: str, basis: str) -> Place | None:
    country = get_gazetteer().countries.get(iso3)
    if country is None:
        return None
    return _as_place({"name": country.name, "country": iso3, "lat": None, "lon": None, "kind": "country"}, basis)


def _clause_tokens(root: Word, trigger: list[Word]) -> set[int]:
    """The trigger, the verb heading its clause, verbs coordinated with it, their objects, and its
    subject with the clauses describing it."""
    token = root
    for _ in range(8):
        if token.pos_ in _VERBAL or token.head.i == token.i:
            break
        token = token.head
    words = words_of(root.doc)
    verbs = {token.i} | {t.i for t in trigger}
    verbs |= {c.i for c in token.children if c.dep_ in ("conj", "xcomp")}
    objects = {c.i for i in list(verbs) for c in words[i].children if c.dep_ in ("dobj", "nsubjpass", "attr")}
    # The subject and what describes it: "a strike on Pokrovsk killed", "ministers meeting in Luxembourg agreed".
    subjects = {c.i for c in token.children if c.dep_ == "nsubj"}
    subjects |= {g.i for i in list(subjects) for g in words[i].children if g.dep_ in ("acl", "relcl")}
    return verbs | objects | subjects


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


def _object_place(root: Word, article: Article, event: Event) -> dict[str, Any] | None:
    """Attacks and visits happen at the place they are done to: "shelled the city of Kharkiv"."""
    table = _table()
    if event.type not in table.get("object_events", ()) and not event.cameo.startswith(
            tuple(table.get("object_cameo", ()))):
        return None
    for obj in root.children:
        if obj.dep_ in ("dobj", "nsubjpass"):
            lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            inside = [p for p in article.places if lo <= p["start"] and p["end"] <= hi]
            if inside:
                return inside[0]
            for tok in obj.subtree:  # the tagger misses some towns ("the city of Kharkiv")
                toponym = resolve(tok.text, article_countries(article), towns=_named_as_place(tok)) \
                    if tok.pos_ == "PROPN" else None
                if toponym is not None and toponym.kind != "demonym":
                    return _entry(tok.text, tok.idx, tok.idx + len(tok), toponym)
    return None


def _named_as_place(tok: Token) -> bool:
    """A proper noun the parse shows as a place: tagged one, or "the town of X" / "X village"."""
    if tok.ent_type_ in ("GPE", "LOC"):
        return True
    nouns = set(_table().get("place_nouns", ()))
    head = tok.head.head if tok.head.lower_ == "of" else tok.head
    return head.lemma_.lower() in nouns or any(c.lemma_.lower() in nouns for c in tok.children)


def _at_dateline(sentence: list[Word], clause: set[int]) -> bool:
    """The text puts the event where the story is filed: "talks held here", "met in the capital"."""
    table = _table()
    for tok in sentence:
        if tok.lower_ == "here" and tok.head.i in clause:
            return True
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i in clause \
                and tok.lemma_.lower() in table.get("dateline_nouns", ()) \
                and any(c.lower_ == "the" for c in tok.children):
            return True
    return False


def event_place(doc: Doc, article: Article, event: Event) -> dict[str, Any] | None:
    """The place the event's object (for attacks and visits) or a locative phrase attached to
    the event's clause names, else None."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    # the doc's words (made once per doc, shared with the other stages), not new spaCy tokens
    words = words_of(doc)
    root = words[span.root.i]
    found = _object_place(root, article, event)
    if found is not None:
        return found
    clause = _clause_tokens(root, words[span.start:span.end])
    sentence = sentence_words(doc, span.start)
    preps = set(_table()["prepositions"])
    candidates = [t for t in sentence if t.dep_ == "prep" and t.lower_ in preps and t.head.i in clause]
    candidates.sort(key=lambda t: abs(t.i - root.i))
    actor_names = {normalise(a.name) for a in event.source + event.target}
    for prep in candidates:
        found = _place_of_phrase(prep, article)
        # "sanctions on Iran": a phrase naming one of the event's actors says who, not where.
        if found is not None and normalise(found["text"]) not in actor_names:
            return found
    if _at_dateline(sentence, clause):
        return {"dateline": True}
    return None


def dateline_place(article: Article) -> Place | None:
    if not article.dateline or not article.dateline.place:
        return None
    toponym = resolve(article.dateline.place.title(), article_countries(article), towns=True)
    if toponym is None:
        return None
    return _as_place(_entry(article.dateline.place, 0, 0, toponym), "dateline")


def _article_place(event: Event) -> Place | None:
    """The country every actor of the event belongs to ("Iranian troops fired on Iranian
    protesters", "Iran tested a missile"), at country precision; None when they differ or one
    has no country (the EU's sanctions on Iran are not placed in Iran)."""
    actors = event.source + event.target
    countries = {a.country for a in actors}
    # A source is required: with only a target known ("… sanctions on Iran") the place is a guess.
    iso3 = next(iter(countries)) if len(countries) == 1 else None
    if not event.source or iso3 is None:
        return None
    return country_place(iso3, "article")


def place_events(doc: Doc, article: Article) -> None:
    """Give each event in ``article.events`` its place (sentence, then article; see the module)."""
    for event in article.events:
        found = event_place(doc, article, event)
        if found is not None and found.get("dateline"):
            event.place = dateline_place(article)
        elif found is not None:
            event.place = _as_place(found, "sentence")
        else:
            event.place = _article_place(event)
