"""Exporting events: GDELT 2.0 events and mentions, ICEWS, tidy CSV, JSON Lines, Parquet.

Every format is written from happenings (``output.happenings``): one event per happening across
a story's articles, dyadic (one source, one target), negated and non-factual events left out
unless the ``Selection`` lets them in (never into GDELT or ICEWS, which have no column to say
"did not happen"). docs/exports.md lists each format's columns and the record fields they
come from.

Delimited cells are made safe for spreadsheets: a cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading apostrophe, unless the whole cell is a number (a
Goldstein of -10, a longitude of -3.7 stay numbers). Text never spans lines in GDELT and ICEWS:
line breaks and tabs inside a value become spaces.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from dateline.geo import geonames
from dateline.output.gdelt import GDELT_COLUMNS, MENTIONS_COLUMNS, gdelt_mention_rows, gdelt_row
from dateline.output.happenings import Happening, Item, Selection, all_happenings
from dateline.output.tables import (
    date_precision,
    event_row,
    interval,
    mention_rows,
    sentence_number,
)
from dateline.resources import data_rows

ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
                 "Longitude"]
CSV_COLUMNS = ["event_id", "story_id", "date", "date_latest", "date_precision", "date_basis", "type", "mode",
               "context", "cameo", "cameo_base", "cameo_root", "quad", "goldstein", "source_name", "source_code",
               "source_country", "source_sector", "target_name", "target_code", "target_country",
               "target_sector", "negated", "modality", "confidence", "num_mentions", "num_articles",
               "num_sources", "place_name", "place_country", "place_adm1", "place_precision", "lat", "lon",
               "geonames_id", "trigger", "article_id", "url", "publisher"]
# CSV cells that are codes, not numbers: written with a leading apostrophe so that spreadsheets and
# pandas' type guessing keep "057" a string (pandas would read 57).
CSV_CODE_COLUMNS = frozenset({"cameo", "cameo_base", "cameo_root"})
FORMATS = ("gdelt", "gdelt-mentions", "icews", "csv", "jsonl", "parquet")
FACTUAL_ONLY = frozenset({"gdelt", "gdelt-mentions", "icews"})

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell as text a spreadsheet will not run and whose first character is never ``= + - @``.

    Formula-like text gets an apostrophe. A signed number (a Goldstein of -10, a longitude) gets a
    leading space instead: pandas, pyarrow, DuckDB, Spark and R all still read it as the number, where
    an apostrophe would turn the whole column into text."""
    text = "" if value is None else str(value)
    if text.startswith(_RISKY_START):
        return (" " if _NUMBER.match(text) else "'") + text
    return text


def _flat(value: Any) -> str:
    """One line, no tabs: TSV rows stay one line each."""
    return " ".join(str(value).split()) if value not in (None, "") else ""


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, str]:
    from dateline.events.lexicon import get_lexicon

    # A local row's note on why it was added ("… (the PLOVER GSR codes …)") is not part of the name.
    names = {code: re.sub(r"\s*\(.*\)\s*$", "", info.description)
             for code, info in get_lexicon().cameo.items() if info.description}
    for code, name in data_rows("events", "cameo_roots.tsv"):
        names.setdefault(code, name)
    return names


def cameo_description(code: str) -> str:
    """The code's CAMEO name, else its nearest parent's."""
    names = _descriptions()
    for n in range(len(code), 1, -1):
        if code[:n] in names:
            return names[code[:n]]
    return ""


@lru_cache(maxsize=1)
def _sector_names() -> dict[str, str]:
    return {code: name for code, name in data_rows("events", "sector_names.tsv")}


def sector_name(code: str | None) -> str:
    return _sector_names().get(code or "", code or "")


def icews_row(h: Happening) -> list[str]:
    row = event_row(h)
    best = h.best
    place = best.event.place
    city = place.name if place and place.precision == "city" else ""
    province = geonames.adm1_name(place.country, place.adm1) if place else ""
    return [str(h.event_id), row["date"].isoformat() if row["date"] else "",
            best.source.name if best.source else "", sector_name(best.source.sector if best.source else None),
            geonames.country_name(best.source.country) if best.source else "",
            cameo_description(best.event.cameo), best.event.cameo, _num(best.event.goldstein),
            best.target.name if best.target else "", sector_name(best.target.sector if best.target else None),
            geonames.country_name(best.target.country) if best.target else "", str(h.story_id),
            str(sentence_number(best.item.article, best.event.sentence.start)),
            best.item.article.source.publisher or "", city, "", province,
            geonames.country_name(place.country) if place else "",
            _num(place.lat) if place else "", _num(place.lon) if place else ""]


def _num(value: float | None) -> str:
    return "" if value is None else f"{round(float(value), 4):g}"


def csv_row(h: Happening) -> list[str]:
    row = event_row(h)
    values = []
    for name in CSV_COLUMNS:
        value = row.get(name)
        if value is None:
            cell = ""
        elif name in CSV_CODE_COLUMNS:
            cell = "'" + str(value)
        elif isinstance(value, bool):
            cell = str(value).lower()
        elif isinstance(value, list):
            cell = ";".join(value)
        elif isinstance(value, date | datetime):
            cell = value.isoformat()
        else:
            cell = str(value)
        values.append(cell)
    return values


def jsonl_record(h: Happening) -> dict[str, Any]:
    row = event_row(h)
    best = h.best
    earliest, latest, basis = interval(best)
    record = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
    record.update(date=earliest, date_latest=latest, date_precision=date_precision(earliest, latest),
                  date_basis=basis, event=asdict(best.event),
                  sentence_text=best.item.article.text[best.event.sentence.start:best.event.sentence.end],
                  mentions=[{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in m.items()}
                            for m in mention_rows(h)])
    return record


def _delimited_rows(fmt: str, happenings: list[Happening]) -> Iterator[list[str]]:
    for h in happenings:
        if fmt == "gdelt":
            yield gdelt_row(h)
        elif fmt == "gdelt-mentions":
            yield from gdelt_mention_rows(h)
        elif fmt == "icews":
            yield icews_row(h)
        else:
            yield csv_row(h)


def export(stories: Iterable[list[Item]], fmt: str, out: TextIO | None = None, selection: Selection | None = None,
           header: bool | None = None, directory: str | Path | None = None) -> int:
    """Write the happenings of ``stories`` in ``fmt``; returns rows written (events, for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    selection = selection or Selection()
    if fmt in FACTUAL_ONLY and selection.include_negated:
        selection = Selection(False, selection.all_modalities, selection.since, selection.until)
    stories = list(stories)
    happenings = all_happenings(stories, selection)
    if fmt == "parquet":
        from dateline.output.parquet import write_tables

        if directory is None:
            raise ValueError("the parquet format writes a folder: give its path")
        return write_tables(stories, happenings, Path(directory))["events"]
    assert out is not None
    if fmt == "jsonl":
        for h in happenings:
            out.write(json.dumps(jsonl_record(h), ensure_ascii=False) + "\n")
        return len(happenings)
    columns = {"gdelt": GDELT_COLUMNS, "gdelt-mentions": MENTIONS_COLUMNS, "icews": ICEWS_COLUMNS,
               "csv": CSV_COLUMNS}[fmt]
    write: Callable[[list[str]], object]
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if header is not False:
            writer.writerow(columns)
        write = writer.writerow
    else:  # tab-separated, no quoting: values are flattened to one line without tabs
        if header if header is not None else fmt == "icews":
            out.write("\t".join(columns) + "\n")

        def write_line(cells: list[str]) -> None:
            out.write("\t".join(cells) + "\n")
        write = write_line
    rows = 0
    for row in _delimited_rows(fmt, happenings):
        write([safe_cell(v if fmt == "csv" else _flat(v)) for v in row])
        rows += 1
    return rows
