"""The article's actors: one per person or body, with title, country, sector and all mentions.

People come from PERSON entities; a later surname mention ("Ryabkov") joins the full name's
actor. The words written in front of a name ("Russian Deputy Foreign Minister") or in apposition
after it (", Russia's foreign minister,") give the title, the country (nationality word or
country name) and the sector (``roles.tsv``). Countries and capitals are actors too — "Moscow
sees…" is Russia's government — and so are organisations (IGOs and national institutions from
the package tables, others with a sector read from their name).

``find_actor(article, start, end)`` maps any char span to the id of the actor mentioned there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from dateline.actors.phoenix import get_layer
from dateline.actors.tables import ActorTables, get_tables
from dateline.geo.gazetteer import get_gazetteer
from dateline.record import Actor, Article

_POSSESSIVE = ("'s", "’s", "'", "’")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    path = resources.files("dateline") / "data" / "quotes" / "title_words.tsv"
    with path.open(encoding="utf-8") as fh:
        words = {line.strip() for line in fh if line.strip() and not line.startswith("#")}
    return frozenset(words) | get_tables().role_words


@dataclass
class ActorIndex:
    """The actors of one article and which token belongs to which actor."""

    actors: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)
    by_surname: dict[str, Actor] = field(default_factory=dict)
    by_country: dict[str, Actor] = field(default_factory=dict)
    by_name: dict[str, Actor] = field(default_factory=dict)

    def new(self, name: str, kind: str, country: str | None = None, sector: str | None = None,
            title: str | None = None) -> Actor:
        actor = Actor(id=f"a{len(self.actors) + 1}", name=name, country=country, sector=sector,
                      code=code_of(country, sector), title=title, kind=kind)
        self.actors.append(actor)
        self.by_name[name.casefold()] = actor
        return actor

    def mention(self, actor: Actor, doc: Doc, start: int, end: int) -> None:
        """Record tokens [start, end) as a mention of the actor."""
        span = [doc[start].idx, doc[end - 1].idx + len(doc[end - 1])]
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mentions.sort()
        for i in range(start, end):
            self.by_token.setdefault(i, actor)


_MEMBERS_REACH = 8  # tokens after an organisation's name where its member states are named


TRANSNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG"})


def code_of(country: str | None, sector: str | None) -> str | None:
    """CAMEO's country + sector code. With no country the first three letters are "---" (as the
    PETRARCH dictionaries write it), so a spokesman of no named country is "---GOV", never the
    country "GOV"; transnational sectors (IGO, NGO, MNC, IMG) are first codes of their own."""
    if not country and not sector:
        return None
    if not country and sector not in TRANSNATIONAL:
        return f"---{sector}"
    return f"{country or ''}{sector or ''}"


def _clean_name(span: Span) -> tuple[int, int]:
    """Token range of a name without a leading article or a trailing possessive, preposition, punctuation."""
    doc, start, end = span.doc, span.start, span.end
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start + 1 and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].pos_ == "ADP"):
        end -= 1
    return start, end


def read_title(words: list[Token], lex: ActorTables) -> tuple[str | None, str | None, str | None]:
    """(title, country, sector) from the words of a title phrase such as "Russian Deputy Foreign Minister"."""
    gaz = get_gazetteer()
    country = None
    kept: list[str] = []
    for tok in words:
        text = tok.text
        if text in _POSSESSIVE or tok.is_punct or tok.lower_ in ("the", "a", "an"):
            continue
        iso3 = gaz.demonym(text) if text[:1].isupper() else None
        place = gaz.lookup(text) if iso3 is None and text[:1].isupper() else None
        if iso3 or (place is not None and place.kind == "country"):
            country = country or iso3 or (place.iso3 if place is not None else None)
            continue
        kept.append(text)
    if not kept:
        return None, country, None
    sector = role_sector([w.lower() for w in kept], lex)
    return " ".join(kept), country, sector


def role_sector(words: list[str], lex: ActorTables) -> str | None:
    """Sector of the longest role phrase among the words ("deputy foreign minister" → GOV)."""
    for size in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - size, -1, -1):  # rightmost first: the head noun decides
            role = lex.role(" ".join(words[i:i + size]))
            if role is not None:
                return role.sector
    return None


def _title_before(doc: Doc, start: int) -> list[Token]:
    """The title words right before a name: "Belarusian President" in front of "Alexander Lukashenko"."""
    gaz = get_gazetteer()
    words = _title_words()
    i = start - 1
    while i >= 0:
        tok = doc[i]
        low = tok.lower_
        if low in words or (tok.text[:1].isupper() and gaz.demonym(tok.text)) or low in _POSSESSIVE:
            i -= 1
            continue
        if tok.text[:1].isupper() and i > 0 and doc[i + 1].text in _POSSESSIVE:
            i -= 1  # "Russia's" before "foreign minister"
            continue
        break
    found = list(doc[i + 1:start])
    return found if any(t.lower_ in get_tables().role_words for t in found) else []


def _title_after(doc: Doc, end: int) -> list[Token]:
    """An apposition after a name: "Sergey Lavrov, Russia's foreign minister, said"."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    lex = get_tables()
    words = []
    for tok in doc[end + 1:end + 8]:
        if tok.text in (",", ".", ";") or tok.pos_ in ("VERB", "AUX"):
            break
        words.append(tok)
    return words if words and words[-1].lower_ in lex.role_words else []


def build_actors(doc: Doc, exclude: tuple[int, int] | None = None) -> ActorIndex:
    """Every person, organisation and country actor of the document, in order of first mention.

    ``exclude``: the dateline's char span — its place and agency ("ANKARA, May 3 (Reuters) -")
    say where and who filed the story; neither is an actor of it."""
    lex = get_tables()
    index = ActorIndex()
    for ent in doc.ents:
        if exclude is not None and ent.start_char < exclude[1] and exclude[0] < ent.end_char:
            continue
        if names_a_thing(ent, lex.things):
            continue
        if ent.label_ == "PERSON":
            _add_person(index, doc, ent, lex)
        elif ent.label_ in ("GPE", "ORG", "NORP", "FAC"):
            _add_body(index, doc, ent, lex)
    return index


FIGHTING_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "RAD", "MIL"})


def _owner_nation(doc: Doc, start: int, end: int) -> str | None:
    """The country a possessive or demonym before a name gives it ("Peru's", "the Colombian")."""
    gaz = get_gazetteer()
    for child in doc[end - 1].children:
        if child.dep_ in {"poss", "amod", "compound"} and child.i < start and child.text[:1].isupper():
            country = gaz.country_of(child.text)
            if country is not None:
                return country
    return None


def names_a_thing(ent: Span, things: frozenset[str]) -> bool:
    """A document or a weapon, not a person or body: "the Security Concept of the Union State"
    (headed by a thing noun), "the Oreshnik system" (naming one). The tagger calls both ORG, or
    PERSON."""
    if ent.label_ == "GPE":
        return False
    root = ent.root
    if root.lemma_.lower() in things:
        return True
    return root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in things


def _add_person(index: ActorIndex, doc: Doc, ent: Span, lex: ActorTables) -> None:
    start, end = _clean_name(ent)
    tokens = [t.text for t in doc[start:end] if not t.is_punct]
    if not tokens:
        return
    name = " ".join(tokens)
    surname = tokens[-1].casefold()
    actor = index.by_name.get(name.casefold()) or index.by_surname.get(surname)
    if actor is not None and len(tokens) > 1 and len(actor.name.split()) == 1:
        actor.name = name  # the surname came first; the full name is better
    if actor is None:
        actor = index.new(name, "person")
    index.by_surname.setdefault(surname, actor)
    index.by_name.setdefault(name.casefold(), actor)
    title_tokens = _title_before(doc, ent.start) or _title_after(doc, ent.end)
    if title_tokens:
        title, country, sector = read_title(title_tokens, lex)
        actor.title = actor.title or title
        actor.country = actor.country or country
        actor.sector = actor.sector or sector
        actor.code = code_of(actor.country, actor.sector)
    index.mention(actor, doc, start, end)


def _add_body(index: ActorIndex, doc: Doc, ent: Span, lex: ActorTables) -> None:
    start, end = _clean_name(ent)
    text = doc[start:end].text
    body = lex.body(text)
    owner = _owner_nation(doc, start, end) if body is not None and body.country else None
    if body is not None and owner is not None and owner != body.country:
        # "Peru's Congress": the table's "Congress" is the United States'; this one is Peru's
        name = doc[min(t.i for t in doc[end - 1].subtree):end].text
        actor = index.by_name.get(name.casefold()) or index.new(name, "organisation", owner, body.sector)
        index.mention(actor, doc, start, end)
        return
    if body is not None:
        actor = index.by_name.get(body.name.casefold()) or index.new(body.name, "organisation", body.country, body.sector)
        actor.code = body.code
        index.mention(actor, doc, start, end)
        return
    gaz = get_gazetteer()
    if ent.label_ == "GPE":
        place = gaz.lookup(text)
        if place is None or place.kind not in ("country", "capital"):
            return
        country = gaz.countries.get(place.iso3)
        # "Russia" as written beats the formal "Russian Federation"; a capital names its country.
        name = text if place.kind == "country" and not text.isupper() else (country.name if country else place.name)
        actor = index.by_country.get(place.iso3) or index.new(name, "country", place.iso3, "GOV")
        index.by_country[place.iso3] = actor
        index.mention(actor, doc, start, end)
        return
    if ent.label_ != "ORG":
        return
    layer = get_layer()
    known = layer.lookup(text) if layer is not None else None
    if known is not None and known.sector in FIGHTING_SECTORS and known.country in get_gazetteer().countries:
        # an armed body the actor dictionaries name ("the Free Syrian Army" is rebels, SYRREB, not
        # the army of Syria its words compose; "the Israel Defense Forces" the military, ISRMIL).
        # Other bodies keep the built-in tables' fuller codes (an NGO's, an agency's).
        actor = index.by_name.get(text.casefold()) or index.new(text, "organisation", known.country, known.sector)
        actor.code = actor.code or known.code
        index.mention(actor, doc, start, end)
        return
    words = [t.lower_ for t in doc[start:end]]
    sector = role_sector(words, lex)
    iso3 = next((gaz.country_of(t.text) for t in doc[start:end] if t.text[:1].isupper() and gaz.country_of(t.text)), None)
    members, of = member_states(doc, ent)
    if sector is None and len(members) >= 2:
        sector, iso3 = "IGO", None  # "the Union State of Russia and Belarus": a body of states
        if of is not None and start < of < end:
            end = of  # its name stops before its members
            text = doc[start:end].text
    actor = index.by_name.get(text.casefold()) or index.new(text, "organisation", iso3, sector)
    if actor.sector is None and sector is not None:
        actor.sector, actor.country = sector, actor.country or iso3
        actor.code = code_of(actor.country, actor.sector)
    index.mention(actor, doc, start, end)


def member_states(doc: Doc, ent: Span) -> tuple[set[str], int | None]:
    """Countries an organisation's name says it is made of ("… of Russia and Belarus"), and the
    index of the "of" that lists them ("the Supreme State Council of the Union State of Russia and
    Belarus": the second)."""
    gaz = get_gazetteer()
    window = doc[ent.start:min(len(doc), ent.end + _MEMBERS_REACH)]
    for of in [t.i for t in window if t.lower_ == "of"]:
        found = set()
        for tok in doc[of + 1:window.end]:
            if tok.is_punct and tok.text != "," or tok.lower_ in ("of", "on", "in", "for", "to", "with"):
                break
            iso3 = gaz.country_of(tok.text) if tok.pos_ == "PROPN" else None
            if iso3:
                found.add(iso3)
        if found:
            return found, of
    return set(), None


# A country's own bodies and office holders: with no country named, they are the story's country's.
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})


def story_country(doc: Doc, place: str | None, dateline: tuple[int, int] | None) -> str | None:
    """The country the story is about: the dateline place's, when the text names that country (or
    its people) outside the dateline; a story filed from Geneva is rarely about Switzerland.
    Kept with the doc: the quotes and the events stages both ask."""
    key = f"{_STORY_KEY}:{place}:{dateline}"
    if key not in doc.user_data:
        doc.user_data[key] = _story_country(doc, place, dateline)
    found: str | None = doc.user_data[key]
    return found


_STORY_KEY = "dateline.story_country"


def _story_country(doc: Doc, place: str | None, dateline: tuple[int, int] | None) -> str | None:
    gaz = get_gazetteer()
    topo = None
    for part in (place or "").split(","):
        topo = topo or (gaz.lookup(part.strip()) if part.strip() else None)
    if topo is None:
        return None
    seen: set[str] = set()  # a name met again says nothing new
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "NORP"} or (dateline is not None and dateline[0] <= ent.start_char < dateline[1]):
            continue
        text = ent.text
        if text in seen:
            continue
        seen.add(text)
        found = gaz.lookup(text)
        named = found.iso3 if found is not None and found.kind == "country" else None
        if (named or gaz.demonym(text)) == topo.iso3:
            return topo.iso3
    return None


def lend_story_country(actors: list[Actor], country: str | None) -> None:
    """ "Interior Minister X", "police" with no country in a story about one country: that country's."""
    if country is None:
        return
    for actor in actors:
        if actor.country is None and actor.sector in NATIONAL_SECTORS and actor.kind in ("person", "organisation"):
            actor.country = country
            actor.code = code_of(country, actor.sector)


def find_actor(article: Article, start: int, end: int) -> str | None:
    """Id of the actor with a mention overlapping [start, end); the tightest mention wins."""
    best: tuple[int, str] | None = None
    for actor in article.actors:
        for s, e in actor.mentions:
            if s < end and start < e:
                size = e - s
                if best is None or size < best[0]:
                    best = (size, actor.id)
    return best[1] if best else None
