"""PETRARCH/Phoenix actor and agent dictionaries as an extra actor layer, with dated roles.

Phoenix actor files list a name with its aliases (``+ALIAS``) and one or more codes, each
optionally bounded in time: ``[RUSGOV 000507-080507]`` (from-to), ``[DZAGOV >990427]`` (from),
``[XXX <991231]`` (until). Dates are YYMMDD (or YYYYMMDD); two-digit years above the current
two-digit year are read as 19YY. ``dateline actors import-phoenix PATH`` parses the files into
one TSV (name, code, from, to), a named layer in the user's data folder (``actors.layers``:
listed by ``dateline actors layers``, removed by ``dateline actors remove``); the coder lays the
layers over the built-in table. A small built-in layer generated the same way ships in
``data/events/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dateline.actors import layers
from dateline.actors.tables import NamedActor
from dateline.geo.gazetteer import normalise
from dateline.resources import data_rows

CODE_RE = re.compile(r"\[([A-Z0-9~]{3,15})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]")
NEVER = "9999-12-31"
ORIGIN = "0001-01-01"


@dataclass(frozen=True)
class Role:
    code: str
    start: str  # ISO date, inclusive
    end: str
    horizon: str = NEVER  # the last day the dictionary's dates were kept up to date

    @property
    def unbounded(self) -> bool:
        return (self.start, self.end) == (ORIGIN, NEVER)


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


def import_layer(name: str, paths: list[Path]) -> layers.Layer | None:
    """Parse Phoenix actor files into the user's layer ``name`` (replacing one of that name); None
    when the files hold no entry."""
    pairs = import_paths(paths)
    if not pairs:
        return None
    rows = ((n, role.code, role.start, role.end) for n, role in pairs)
    source = "Phoenix/PETRARCH actor dictionary: " + ", ".join(str(p.resolve()) for p in paths)
    layer = layers.write_layer(name, source, rows)
    get_layer.cache_clear()
    return layer


# The dictionaries file the states that left a federation under it ("kiev" USRUKR, "zagreb"
# YUGHRV, "juba" SDNSSD): the state is the code after the prefix, as CAMEO codes it today.
SUCCESSORS = {"USR": frozenset({"UKR", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "BLR", "MDA",
                                "LTU", "LVA", "EST"}),
              "YUG": frozenset({"HRV", "MKD", "SRB", "BIH", "SVN", "MNE"}), "ETH": frozenset({"ERI"}),
              "SDN": frozenset({"SSD"})}


TRANSNATIONAL_FIRST = ("IGO", "NGO", "IMG", "MNC")  # first codes of bodies with no country


@lru_cache(maxsize=1)
def sector_only() -> frozenset[str]:
    """The agent (sector) codes, which the dictionaries may write alone for a body with no country
    ("cnn", "afp": MED): no country of that name. Read from ``data/events/sector_names.tsv`` (the
    sectors the exports name), less the transnational first codes and the UN's own UNO (IGOUNO),
    which name bodies, not sectors."""
    return frozenset(row[0] for row in data_rows("events", "sector_names.tsv")
                     if row and row[0] not in {*TRANSNATIONAL_FIRST, "UNO"})


def _split(code: str) -> NamedActor:
    if code.startswith(TRANSNATIONAL_FIRST):
        return NamedActor(None, code[:3], code)
    if code in sector_only():
        return NamedActor(None, code, f"---{code}")
    if code[3:6] in SUCCESSORS.get(code[:3], ()):
        code = code[3:]
    country = code[:3]
    sector = code[3:6] or None
    return NamedActor(country, sector, code)


# The article of Arabic names as the news and the dictionaries spell it ("al-Bashir", "El Bashir").
ARTICLES = {"el": "al", "al": "al", "ad": "al", "as": "al", "ash": "al", "at": "al", "an": "al", "ar": "al", "az": "al"}


# The shipped dictionaries were last kept in 2014: after that their dates say nothing (a leader
# whose last dated role ended then has since taken office again, unrecorded)
PHOENIX_HORIZON = "2014-12-31"


class PhoenixLayer:
    def __init__(self, rows: Iterable[tuple[str, str, str, str] | tuple[str, str, str, str, str]]) -> None:
        self._surnames: dict[str, tuple[str, frozenset[str]]] | None = None
        self._ends: dict[tuple[str, str], list[str]] | None = None
        self.roles: dict[str, list[Role]] = {}
        for name, code, start, end, *horizon in rows:
            self.roles.setdefault(name, []).append(Role(code, start, end, *horizon))

    def __len__(self) -> int:
        return len(self.roles)

    def _key(self, name: str) -> str:
        return normalise(name.replace("-", " ").replace(".", " ").replace("'", " "))

    def surname(self, name: str) -> NamedActor | None:
        """A person's country from the surname, only when every namesake shares it and, when the
        name gives a first name, one namesake's first name starts as it does: "Sergei X" for an
        entry spelt "Sergey X", but not "Maria X" for "Jorge Y X", another person."""
        if self._surnames is None:
            table: dict[str, set[str]] = {}
            initials: dict[str, set[str]] = {}
            for full, roles in self.roles.items():
                parts = full.split()
                if len(parts) >= 2 and len(parts[-1]) > 3:
                    table.setdefault(parts[-1], set()).update(r.code[:6] for r in roles)
                    initials.setdefault(parts[-1], set()).add(parts[0][:1])
            self._surnames = {k: (next(iter(v)), frozenset(initials[k])) for k, v in table.items()
                              if len({c[:3] for c in v}) == 1 and len(v) == 1}
        words = self._key(name).split()
        found = self._surnames.get(words[-1]) if words else None
        if found is None or (len(words) > 1 and words[0][:1] not in found[1]):
            return None
        return _split(found[0])

    def short_form(self, name: str, on: str | None = None) -> NamedActor | None:
        """A person named with fewer (or differently written) middle names than the dictionary's
        entry ("Omar Hassan al-Bashir" for OMAR_HASSAN_AHMAD_AL_BASHIR, "Omar El Bashir"): the
        entries with the same first and last names, when the name has a word between them, its
        other words are all in each such entry, and every such entry is of one country."""
        words = [ARTICLES.get(w, w) for w in self._key(name).split()]
        if len(words) < 3 or len(words[-1]) <= 3:
            return None  # a first and a last name alone are too common a pair ("Thomas Jefferson")
        if self._ends is None:
            ends: dict[tuple[str, str], list[str]] = {}
            for full in self.roles:
                parts = [ARTICLES.get(w, w) for w in full.split()]
                if len(parts) >= 2:
                    ends.setdefault((parts[0], parts[-1]), []).append(full)
            self._ends = ends
        middle = set(words[1:-1])
        found = [self.lookup(full, on) for full in self._ends.get((words[0], words[-1]), [])
                 if middle <= {ARTICLES.get(w, w) for w in full.split()}]
        countries = {a.country for a in found if a is not None}
        if len(countries) != 1 or None in countries:
            return None
        return next(a for a in found if a is not None)

    def lookup(self, name: str, on: str | None = None) -> NamedActor | None:
        """The actor a name denotes on a date: a role the dictionaries bound to dates that hold it
        (the last listed, so a later layer wins), else the entry's unbounded role, which the
        dictionaries write as the default outside the dates ("[CODELI]" after "[CODGOV >010117]").
        With no date, or no such role: from a layer kept up to date, the latest government or
        military role, else its latest; from the stale dictionaries, the first government role, else the first."""
        roles = self.roles.get(normalise(name)) or self.roles.get(self._key(name))
        if not roles:
            return None
        if on:
            current = [r for r in roles if on <= r.horizon]
            bounded = [r for r in current if r.start <= on <= r.end and not r.unbounded]
            unbounded = [r for r in current if r.unbounded]
            if bounded or unbounded:
                return _split((bounded or unbounded)[-1].code)
        kept = [r for r in roles if r.horizon == NEVER]
        if kept:  # a table kept up to date: its latest office, as news is mostly of the present
            gov = [r for r in kept if r.code[3:6] in {"GOV", "MIL"}]
            return _split((gov or kept)[-1].code)
        gov = [r for r in roles if r.code[3:6] == "GOV"]
        return _split((gov or roles)[0].code)


def _read_tsv(path: Path, horizon: str = NEVER, as_written: bool = False) -> Iterator[tuple[str, str, str, str, str]]:
    """A layer's rows. Imported layers and the built-in table hold names already normalised (as
    ``parse_actor_file`` writes them); a hand-kept table spells them as written (``as_written``)."""
    for name, code, start, end in layers.read_rows(path):
        yield (normalise(name) if as_written else name), code, ORIGIN if start == "-" else start, \
            NEVER if end == "-" else end, horizon


@lru_cache(maxsize=1)
def get_layer() -> PhoenixLayer | None:
    """The built-in table, the office holders since the dictionaries' horizon
    (``data/events/office_holders.tsv``), then the user's layers, oldest first: rows listed later
    win on dates."""
    rows: list[tuple[str, str, str, str, str]] = []
    for layer in layers.all_layers():
        if layer.name == layers.BUILTIN:
            rows.extend(_read_tsv(layer.path, PHOENIX_HORIZON))
            rows.extend(_read_tsv(layers.office_holders_path(), as_written=True))
        else:
            rows.extend(_read_tsv(layer.path))
    return PhoenixLayer(rows) if rows else None
