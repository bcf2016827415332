"""PETRARCH/Phoenix actor and agent dictionaries as an extra actor layer, with dated roles.

Phoenix actor files list a name with its aliases (``+ALIAS``) and one or more codes, each
optionally bounded in time: ``[RUSGOV 000507-080507]`` (from-to), ``[DZAGOV >990427]`` (from),
``[XXX <991231]`` (until). Dates are YYMMDD (or YYYYMMDD); two-digit years above the current
two-digit year are read as 19YY. ``dateline actors import-phoenix PATH`` parses the files into
one TSV (name, code, from, to) in the user's dateline data directory; the coder lays it over the
built-in tables. A small built-in layer generated the same way ships in ``data/events/``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from dateline.actors.tables import NamedActor
from dateline.geo.gazetteer import normalise

USER_FILE = "phoenix_actors.tsv"
BUILTIN_FILE = "phoenix_builtin.tsv"
CODE_RE = re.compile(r"\[([A-Z0-9~]{3,15})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]")
NEVER = "9999-12-31"
ORIGIN = "0001-01-01"


@dataclass(frozen=True)
class Role:
    code: str
    start: str  # ISO date, inclusive
    end: str


def data_dir() -> Path:
    """The user's dateline data directory ($DATELINE_HOME, else ~/.local/share/dateline)."""
    home = os.environ.get("DATELINE_HOME")
    if home:
        return Path(home)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dateline"


def _iso(stamp: str) -> str:
    if len(stamp) == 8:
        return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
    yy = int(stamp[:2])
    century = 2000 if yy <= date.today().year % 100 else 1900
    month, day = stamp[2:4], stamp[4:6]
    return f"{century + yy}-{month if month != '00' else '01'}-{day if day != '00' else '01'}"


def _roles(text: str) -> list[Role]:
    roles = []
    for code, sign, first, second in CODE_RE.findall(text):
        if code.startswith("~"):
            continue
        start, end = ORIGIN, NEVER
        if first and second:
            start, end = _iso(first), _iso(second)
        elif first and sign == "<":
            end = _iso(first)
        elif first:
            start = _iso(first)
        roles.append(Role(code, start, end))
    return roles


def _name(raw: str) -> str:
    return normalise(raw.strip().lstrip("+").replace("_", " ").strip())


def parse_actor_file(lines: Iterable[str]) -> Iterator[tuple[str, Role]]:
    """(name, role) pairs of a Phoenix/TABARI actor file; aliases share their entry's roles."""
    names: list[str] = []
    roles: list[Role] = []

    def flush() -> Iterator[tuple[str, Role]]:
        for name in names:
            for role in roles:
                yield name, role

    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":  # an indented code line belongs to the current entry
            roles.extend(_roles(line))
            continue
        if line.startswith("+"):
            head, _, rest = line.partition("[")
            names.append(_name(head))
            if rest:
                roles.extend(_roles("[" + rest))
            continue
        yield from flush()
        head, _, rest = line.partition("[")
        names, roles = [_name(head)], _roles("[" + rest) if rest else []
    yield from flush()


def import_paths(paths: Iterable[Path]) -> list[tuple[str, Role]]:
    out: list[tuple[str, Role]] = []
    for path in paths:
        files = sorted(path.glob("*.actors.txt")) if path.is_dir() else [path]
        for file in files:
            with file.open(encoding="utf-8", errors="replace") as fh:
                out.extend((n, r) for n, r in parse_actor_file(fh) if n and len(r.code) >= 3)
    return out


def write_table(pairs: Iterable[tuple[str, Role]], dest: Path) -> int:
    dest.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with dest.open("w", encoding="utf-8") as fh:
        fh.write("# name\tcode\tfrom\tto (Phoenix/PETRARCH actor dictionary, MIT)\n")
        for name, role in dict.fromkeys(pairs):
            fh.write(f"{name}\t{role.code}\t{role.start}\t{role.end}\n")
            count += 1
    return count


def _split(code: str) -> NamedActor:
    if code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return NamedActor(None, code[:3], code)
    country = code[:3]
    sector = code[3:6] or None
    return NamedActor(country, sector, code)


class PhoenixLayer:
    def __init__(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        self._surnames: dict[str, str] | None = None
        self.roles: dict[str, list[Role]] = {}
        for name, code, start, end in rows:
            self.roles.setdefault(name, []).append(Role(code, start, end))

    def __len__(self) -> int:
        return len(self.roles)

    def _key(self, name: str) -> str:
        return normalise(name.replace("-", " ").replace(".", " ").replace("'", " "))

    def surname(self, name: str) -> NamedActor | None:
        """A person's country from the surname alone, only when every namesake shares it."""
        if self._surnames is None:
            table: dict[str, set[str]] = {}
            for full, roles in self.roles.items():
                parts = full.split()
                if len(parts) >= 2 and len(parts[-1]) > 3:
                    table.setdefault(parts[-1], set()).update(r.code[:6] for r in roles)
            self._surnames = {k: next(iter(v)) for k, v in table.items()
                              if len({c[:3] for c in v}) == 1 and len(v) == 1}
        code = self._surnames.get(self._key(name).split()[-1]) if name.strip() else None
        return _split(code) if code else None

    def lookup(self, name: str, on: str | None = None) -> NamedActor | None:
        """The actor a name denotes on a date; undated, prefer a government role, else the first."""
        roles = self.roles.get(normalise(name)) or self.roles.get(self._key(name))
        if not roles:
            return None
        if on:
            dated = [r for r in roles if r.start <= on <= r.end]
            if dated:
                return _split(dated[-1].code)
        gov = [r for r in roles if r.code[3:6] in {"GOV", "MIL"}]
        return _split((gov or roles)[0].code)


def _read_tsv(path: Traversable) -> Iterator[tuple[str, str, str, str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                start = ORIGIN if parts[2] == "-" else parts[2]
                end = NEVER if parts[3] == "-" else parts[3]
                yield parts[0], parts[1], start, end


@lru_cache(maxsize=1)
def get_layer() -> PhoenixLayer | None:
    """The built-in layer plus the user's imported dictionaries (user rows listed last win on dates)."""
    rows: list[tuple[str, str, str, str]] = []
    builtin = resources.files("dateline") / "data" / "events" / BUILTIN_FILE
    if builtin.is_file():
        rows.extend(_read_tsv(builtin))
    user = data_dir() / USER_FILE
    if user.is_file():
        rows.extend(_read_tsv(user))
    return PhoenixLayer(rows) if rows else None
