"""The actor tables, loaded once: who a name, a role word or an institution stands for.

Both stages that name actors read these — quotes (who spoke) and events (who acted on whom) —
so they live with the actors rather than with either stage. The files stay where the build
scripts write them:

- ``data/events/actors.tsv``: named non-country actors (IGOs, NGOs, armed groups) → code parts.
- ``data/events/agents.tsv``, ``agents_phoenix.tsv``: role words → sector (also "modifier head"
  pairs: "rights group"); ``joint_bodies.tsv``: bodies the parties set up together;
  ``place_nouns.tsv``: nouns naming a place ("city", "village"), which never act; ``site_nouns.tsv``:
  a body's sites and means ("position", "station"), whose owner a role word modifying them names.
- ``data/quotes/roles.tsv``: role phrases → sector and a group of interchangeable roles.
- ``data/quotes/igos.tsv``, ``institutions.tsv``: organisations and national institutions.
- ``data/quotes/things.tsv``: nouns naming documents, weapons and systems: names of things are no actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from dateline.geo.gazetteer import normalise
from dateline.resources import data_rows


@dataclass(frozen=True)
class NamedActor:
    country: str | None
    sector: str | None
    code: str


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str
    group: str


@dataclass(frozen=True)
class Body:
    name: str
    country: str | None
    sector: str
    code: str


@dataclass
class ActorTables:
    actors: dict[str, NamedActor] = field(default_factory=dict)  # normalised name → actor
    agents: dict[str, str] = field(default_factory=dict)  # role word → sector
    joint_bodies: frozenset[str] = frozenset()  # "working group": the parties that set it up, acting jointly
    agent_pair_heads: frozenset[str] = frozenset()  # head words of "modifier head" agent entries ("group")
    place_nouns: frozenset[str] = frozenset()  # "city", "village": an object phrase naming a place
    site_nouns: frozenset[str] = frozenset()  # "position", "station": a body's sites, owned by a role word
    roles: dict[str, Role] = field(default_factory=dict)
    role_words: frozenset[str] = frozenset()  # every word of every role phrase, to grow titles quickly
    bodies: dict[str, Body] = field(default_factory=dict)  # case-folded name → body
    things: frozenset[str] = frozenset()  # lemmas of nouns naming things ("treaty", "missile")
    # The last word of every named actor: a run of words can name one only if it ends in one of
    # these, so the resolver skips the look-ups of runs that cannot.
    name_ends: frozenset[str] = frozenset()
    joint_heads: frozenset[str] = frozenset()  # head words of the joint bodies ("group" of "working group")

    def may_end_name(self, key: str) -> bool:
        """Whether a normalised word can end a named actor's name (a word that normalises to
        nothing or to several words is given the benefit of the doubt)."""
        parts = key.split()
        return len(parts) != 1 or parts[0] in self.name_ends

    def role(self, phrase: str) -> Role | None:
        """The role a phrase names; a plural names its singular's ("officials", "deputies")."""
        key = phrase.casefold()
        found = self.roles.get(key)
        if found is None and key.endswith("s"):
            stem = key[:-3] + "y" if key.endswith("ies") else key[:-1]
            found = self.roles.get(stem)
        return found

    def body(self, name: str) -> Body | None:
        key = name.casefold()
        if key.startswith("the "):
            key = key[4:]
        return self.bodies.get(key)


def _words(folder: str, name: str) -> frozenset[str]:
    return frozenset(row[0] for row in data_rows(folder, name))


@lru_cache(maxsize=1)
def get_tables() -> ActorTables:
    tables = ActorTables()
    for name, country, sector, code in data_rows("events", "actors.tsv"):
        tables.actors[normalise(name)] = NamedActor(None if country == "-" else country,
                                                    None if sector == "-" else sector, code)
    for table in ("agents.tsv", "agents_phoenix.tsv"):
        for word, sector in data_rows("events", table):
            tables.agents.setdefault(word, sector)
    tables.name_ends = frozenset(key.split()[-1] for key in tables.actors if key.split())
    tables.joint_bodies = _words("events", "joint_bodies.tsv")
    tables.joint_heads = frozenset(key.split()[-1] for key in tables.joint_bodies)
    tables.agent_pair_heads = frozenset(word.split()[-1] for word in tables.agents if " " in word)
    tables.place_nouns = _words("events", "place_nouns.tsv")
    tables.site_nouns = _words("events", "site_nouns.tsv") | tables.place_nouns
    tables.roles = {row[0]: Role(row[0], row[1], row[2]) for row in data_rows("quotes", "roles.tsv")}
    tables.role_words = frozenset(w for phrase in tables.roles for w in phrase.split())
    for name, code, sector in data_rows("quotes", "igos.tsv"):
        tables.bodies[name.casefold()] = Body(name, None, sector, sector + code)
    for name, iso3, sector in data_rows("quotes", "institutions.tsv"):
        tables.bodies[name.casefold()] = Body(name, iso3, sector, iso3 + sector)
    tables.things = _words("quotes", "things.tsv")
    return tables
