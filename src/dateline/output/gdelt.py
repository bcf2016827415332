"""GDELT 2.0 rows: the 61 columns of the event table and the 16 of the mentions table.

Values follow the GDELT 2.0 event and mentions codebooks: integer ids, SQLDATE YYYYMMDD,
FractionDate YYYY.FFFF with FFFF = (month × 30 + day) / 365, DATEADDED YYYYMMDDHHMMSS (UTC),
geo country codes in FIPS 10-4, ADM1 as FIPS country + division code, FeatureID the GeoNames
id of a town (GDELT uses GNS/GNIS ids; ours are GeoNames') or the FIPS / ADM1 code for a
country- or division-level place, as GDELT writes it. AvgTone and MentionDocTone are left empty
(we do not score tone). docs/exports.md gives each column's record field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from dateline.geo import geonames
from dateline.output.happenings import Happening
from dateline.output.tables import event_row, first_paragraph_end, interval, mention_rows, to_date
from dateline.record import EventActor, Place

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in _ACTOR_FIELDS], *[f"Actor2{c}" for c in _ACTOR_FIELDS],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in _GEO_FIELDS],
    "DATEADDED", "SOURCEURL",
]
MENTIONS_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {("country", False): "1", ("adm1", True): "2", ("city", True): "3", ("city", False): "4",
             ("adm1", False): "5", ("country", True): "1"}
_KNOWN_GROUP_SECTORS = ("IGO", "NGO")


def stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y%m%d%H%M%S") if moment else ""


def _number(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    return f"{round(float(value), digits):g}" if digits else str(value)


def actor_fields(actor: EventActor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    code = actor.code or ""
    group = code[3:6] if code[:3] in _KNOWN_GROUP_SECTORS else ""
    return [code, actor.name.upper(), actor.country or "", group, "", "", "", actor.sector or "", "", ""]


def full_name(place: Place) -> str:
    country = geonames.country_name(place.country)
    if place.precision == "country":
        return country
    parts = [place.name, geonames.adm1_name(place.country, place.adm1), country]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def geo_fields(place: Place | None) -> list[str]:
    """The eight geo columns of a place; "0" and blanks for none."""
    if place is None or not place.country:
        return ["0", "", "", "", "", "", "", ""]
    fips = geonames.fips(place.country)
    precision = place.precision or ("city" if place.lat is not None else "country")
    geo_type = _GEO_TYPE[(precision, place.country == "USA")]
    adm1 = fips if precision == "country" else geonames.adm1_code(place.country, place.adm1)
    geonames_id = place.geonames_id
    if geonames_id is None and precision == "country" and place.country in geonames.countries():
        geonames_id = geonames.countries()[place.country].geonameid
    feature = str(geonames_id or "")
    return [geo_type, full_name(place), fips, adm1, "", _number(place.lat), _number(place.lon), feature]


def actor_geo(actor: EventActor | None) -> list[str]:
    """An actor's country, at country precision (the text's own place for an actor is not coded)."""
    if actor is None or not actor.country or actor.country not in geonames.countries():
        return geo_fields(None)
    return geo_fields(Place(name=geonames.country_name(actor.country), country=actor.country,
                            precision="country"))


def _fraction_date(day: str) -> str:
    value = to_date(day)
    if value is None:
        return ""
    return f"{value.year + (value.month * 30 + value.day) / 365:.4f}"


def gdelt_row(h: Happening) -> list[str]:
    row = event_row(h)
    best = h.best
    earliest, _latest, _basis = interval(best)
    day = (earliest or "").replace("-", "") if to_date(earliest) else ""
    event = best.event
    is_root = "1" if event.sentence.start < first_paragraph_end(best.item.article) else "0"
    return [
        str(h.event_id), day, day[:6], day[:4], _fraction_date(earliest or ""),
        *actor_fields(best.source), *actor_fields(best.target),
        is_root, event.cameo, event.cameo[:3], event.cameo[:2], str(row["quad"]), _number(event.goldstein, 1),
        str(row["num_mentions"]), str(row["num_sources"]), str(row["num_articles"]), "",
        *actor_geo(best.source), *actor_geo(best.target), *geo_fields(event.place),
        stamp(row["added"]) or (day + "000000" if day else ""), h.first.item.article.source.url or "",
    ]


def gdelt_mention_rows(h: Happening) -> Iterator[list[str]]:
    event_time = gdelt_row(h)[GDELT_COLUMNS.index("DATEADDED")]
    for m in mention_rows(h):
        raw = "1" if m["actor1_offset"] >= 0 and (m["actor2_offset"] >= 0 or h.best.target is None) else "0"
        kind = "1" if m["url"] else "2"  # 1 a web page (identifier: its URL), 2 a citation (our article id)
        yield [str(h.event_id), event_time, stamp(m["added"]) or event_time, kind, m["publisher"] or "", m["url"] or m["article_id"],
               str(m["sentence_id"]), str(m["actor1_offset"]), str(m["actor2_offset"]), str(m["action_offset"]),
               raw, str(max(10, min(100, round(m["confidence"] * 100)))), str(m["doc_length"]), "", "", ""]
