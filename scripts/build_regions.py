"""Regenerate data/gazetteer/regions.tsv: regions and towns under each country's entry of the
Phoenix country dictionary, for the places the city table lacks.

Source: Phoenix.Countries.actors.txt (Open Event Data Alliance, MIT licence; generated from
CountryInfo.140130.txt), read from $DATELINE_DICTIONARIES or ../shared/data/dictionaries.
Each country's own entry ("IRAQ_" with its [IRQ] code lines) lists aliases: other spellings
of the country and the provinces, regions and towns a story may name instead of it ("+DARFUR_",
"+SAMARRA"). The aliases the gazetteer does not already know (as a country, city or demonym)
are written with the country's ISO3 code; run `python scripts/build_regions.py` when the
dictionary or the other gazetteer tables change.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from dateline.geo.gazetteer import Gazetteer, normalise

ROOT = Path(__file__).resolve().parents[1]
DICTIONARIES = Path(os.environ.get("DATELINE_DICTIONARIES", ROOT.parent / "shared" / "data" / "dictionaries"))
OUT = ROOT / "src" / "dateline" / "data" / "gazetteer" / "regions.tsv"
# Rivers, seas, deserts and mountains cross borders ("the Blue Nile" is Sudan's as much as
# the Nile is Egypt's): a feature, and the bare name listed with one, names no country.
FEATURES = {"river", "lake", "sea", "desert", "mountain", "mountains", "mount", "gulf", "ocean",
            "canal", "dam", "strait", "straits", "bay"}
CODE = re.compile(r"\[([A-Z]{3})[A-Z0-9]*[\s\]]")


def _name(entry: str) -> str:
    return entry.split("#", 1)[0].strip().lstrip("+").replace("_", " ").strip().title()


def blocks(path: Path) -> list[tuple[str, str | None, list[str]]]:
    """(head name, first country code, aliases) for every entry of the file."""
    out: list[tuple[str, str | None, list[str]]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("+") and out:
            out[-1][2].append(_name(line))
        elif line[:1].isspace() or line.startswith("["):
            if out and out[-1][1] is None and (m := CODE.search(line + " ")):
                out[-1] = (out[-1][0], m.group(1), out[-1][2])
        else:
            m = CODE.search(line + " ")
            out.append((_name(line.split("[", 1)[0]), m.group(1) if m else None, []))
    return out


def main() -> None:
    gaz = Gazetteer(regions=False)
    rows: dict[str, tuple[str, str]] = {}
    features: set[str] = set()
    for head, code, aliases in blocks(DICTIONARIES / "Phoenix.Countries.actors.txt"):
        own = gaz.lookup(head)
        # Only a country's own entry: its aliases are places; a person's are other spellings.
        if code is None or own is None or own.kind != "country" or own.iso3 != code:
            continue
        for alias in aliases:
            key = normalise(alias)
            words = key.split()
            if FEATURES & set(words):
                features.add(" ".join(w for w in words if w not in FEATURES))
                continue
            if len(key) < 4 or "(" in key or gaz.country_of(alias) is not None or key in rows:
                continue
            rows[key] = (alias, code)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["name", "iso3"])
        for name, code in sorted(row for key, row in rows.items() if key not in features):
            out.writerow([name, code])
    print(f"{len(rows)} regions -> {OUT}")


if __name__ == "__main__":
    main()
