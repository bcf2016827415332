"""Actor layers: dated actor tables the user imports, kept apart from the package's own.

A layer is one TSV (name, code, from, to) in ``<data dir>/actor_layers/<NAME>.tsv``, where the
data dir is the ``data_dir`` setting (``$DATELINE_DATA_DIR``; see ``dateline.settings``). Its
first lines say where it came from, when, and how many entries it holds, so ``dateline actors
layers`` can list what changes a run and ``dateline actors remove NAME`` can take it out. The
event coder lays every layer over the built-in table, oldest import first (a later layer's dated
role wins on a date both cover).

A file ``phoenix_actors.tsv`` directly in the data dir (what ``import-phoenix`` wrote before
layers had names) is read and listed as the layer ``phoenix_actors``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from dateline import settings

LAYERS_FOLDER = "actor_layers"
LEGACY_FILE = "phoenix_actors.tsv"
BUILTIN = "builtin"
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_HEADER = "# dateline actor layer"
Row = tuple[str, str, str, str]  # name, code, from, to (ISO dates, or - for open)


@dataclass(frozen=True)
class Layer:
    name: str
    path: Path
    source: str
    entries: int
    imported: str  # ISO date-time, UTC; "" when unknown

    @property
    def removable(self) -> bool:
        return self.name != BUILTIN


def layers_dir() -> Path:
    return settings.get().user_data / LAYERS_FOLDER


def builtin_path() -> Path:
    return Path(str(resources.files("dateline") / "data" / "events" / "phoenix_builtin.tsv"))


def office_holders_path() -> Path:
    """Heads of state and government, ministers and the heads of international bodies since the
    Phoenix dictionaries' horizon, kept by hand in the layer format; read with the built-in table."""
    return Path(str(resources.files("dateline") / "data" / "events" / "office_holders.tsv"))


def valid_name(name: str) -> bool:
    return bool(NAME_RE.fullmatch(name)) and name != BUILTIN


def write_layer(name: str, source: str, rows: Iterable[Row]) -> Layer:
    """Write (or replace) the layer ``name``; rows repeated in the input are written once."""
    if not valid_name(name):
        raise ValueError(f"not a layer name: {name!r} (letters, digits, '_', '-', '.'; not {BUILTIN!r})")
    unique = list(dict.fromkeys(rows))
    folder = layers_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.tsv"
    imported = datetime.now(UTC).replace(microsecond=0).isoformat()
    tmp = path.with_suffix(".tsv.part")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(f"{_HEADER}\n# source: {source}\n# imported: {imported}\n# entries: {len(unique)}\n")
        fh.write("# name\tcode\tfrom\tto\n")
        for row in unique:
            fh.write("\t".join(row) + "\n")
    tmp.replace(path)  # a reader never sees half a layer
    return Layer(name, path, source, len(unique), imported)


def _describe(name: str, path: Path) -> Layer:
    head: dict[str, str] = {}
    entries = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# ") and ": " in line:
                key, _, value = line[2:].rstrip("\n").partition(": ")
                head.setdefault(key, value)
            elif not line.startswith("#") and line.strip():
                entries += 1
    source = head.get("source", "(imported before layers had names)")
    return Layer(name, path, source, entries, head.get("imported", ""))


def user_layers() -> list[Layer]:
    """The user's layers, in the order the coder lays them: oldest import first."""
    found = []
    legacy = settings.get().user_data / LEGACY_FILE
    if legacy.is_file():
        found.append(_describe(legacy.stem, legacy))
    folder = layers_dir()
    if folder.is_dir():
        found.extend(_describe(p.stem, p) for p in sorted(folder.glob("*.tsv")))
    return sorted(found, key=lambda layer: (layer.imported, layer.name))


def all_layers() -> list[Layer]:
    """The built-in table, then the user's layers."""
    builtin = builtin_path()
    shipped = [_describe(BUILTIN, builtin)] if builtin.is_file() else []
    if shipped:
        shipped[0] = Layer(BUILTIN, builtin, "the package: PETRARCH/Phoenix (MIT), dated to 2014, and office holders since", shipped[0].entries, "")
    return shipped + user_layers()


def remove_layer(name: str) -> Layer | None:
    """Delete the user's layer ``name``; the layer removed, or None when there is none by that name."""
    for layer in user_layers():
        if layer.name == name:
            layer.path.unlink()
            return layer
    return None


def read_rows(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                yield parts[0], parts[1], parts[2], parts[3]
