"""Named entities: spaCy's, corrected by the gazetteer.

The small English model often calls a country or capital an ORG or PERSON ("Belarus",
"Minsk") and misses some altogether. Every entity whose text the gazetteer knows as a place
becomes GPE, a known demonym becomes NORP, and unlabelled country and capital names are
added. The corrected entities are written back to ``doc.ents`` so later stages see them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from dateline.geo.gazetteer import get_gazetteer
from dateline.record import Article, Entity
from dateline.resources import data_rows

PLACE_KINDS = {"country", "capital", "city", "admin1"}
ADDABLE_KINDS = {"country", "capital"}
MAX_NAME_TOKENS = 4
# Labels the gazetteer may overrule; dates, money and the like are never places.
CORRECTABLE = {"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}


def _place_label(text: str) -> str | None:
    gaz = get_gazetteer()
    toponym = gaz.lookup(text)
    if toponym is not None and toponym.kind in PLACE_KINDS:
        return "GPE"
    if gaz.demonym(text) is not None:
        return "NORP"
    return None


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words of titles before a name ("foreign", "minister"): from the quotes role tables."""
    words = {row[0].split()[-1] for row in data_rows("quotes", "roles.tsv")}
    words.update(row[0] for row in data_rows("quotes", "title_words.tsv"))
    return frozenset(w.lower() for w in words)


def _split_title(doc: Doc, ent: Span) -> Span:
    """"Kazakh Foreign" in "Kazakh Foreign Minister X": the demonym alone is the entity."""
    if len(ent) > 1 and get_gazetteer().demonym(ent[0].text) and all(
            t.lower_ in title_words() for t in ent[1:]):
        return Span(doc, ent.start, ent.start + 1, label="NORP")
    return ent


def _titled_person(doc: Doc, ent: Span) -> bool:
    """A two- or three-word name right after a title ("Minister Murat Nurtleu") is a person,
    whatever the tagger thought; organisation names do not follow a title word."""
    if ent.label_ not in {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"} or not 2 <= len(ent) <= 3:
        return False
    if ent.start == 0 or doc[ent.start - 1].lower_ not in title_words() or not doc[ent.start - 1].is_title:
        return False
    if get_gazetteer().lookup(ent.text) is not None:
        return False
    return all(t.is_title and t.is_alpha for t in ent)


def corrected_ents(doc: Doc) -> list[Span]:
    gaz = get_gazetteer()
    spans: list[Span] = []
    covered: set[int] = set()
    people: set[str] = set()  # full names and surnames of the people named so far
    for ent in doc.ents:
        ent = _split_title(doc, ent)
        label = ent.label_
        if _titled_person(doc, ent) or (label in CORRECTABLE and ent.text in people):
            label = "PERSON"  # "Nurtleu added…" after "Murat Nurtleu": the same person
        if label == "PERSON" and len(ent) > 1 and ent[-1].is_title:
            people.update((ent.text, ent[-1].text))
        if label in CORRECTABLE:
            fixed = _place_label(ent.text)
            # A demonym word alone is NORP; a place name is GPE, except in a longer ORG name
            # that merely contains it (the whole text must match to relabel).
            if fixed and not (label == "NORP" and fixed == "GPE" and gaz.demonym(ent.text)):
                label = fixed
        spans.append(Span(doc, ent.start, ent.end, label=label))
        covered.update(range(ent.start, ent.end))
    places = _missed_places(doc, covered)
    for place in places:
        covered.update(range(place.start, place.end))
    spans.extend(places)
    spans.extend(_missed_people(doc, covered, people))
    spans.sort(key=lambda s: s.start)
    return spans


def _missed_places(doc: Doc, covered: set[int]) -> list[Span]:
    gaz = get_gazetteer()
    added: list[Span] = []
    text = doc.text
    tokens = list(doc)
    # a span's text is the doc's text between its first token's start and its last token's end;
    # not ``words.columns_of``: this stage changes the entities, which the columns would keep stale
    starts = [t.idx for t in tokens]
    ends = [t.idx + len(t) for t in tokens]
    i = 0
    n = len(doc)
    while i < n:
        token = tokens[i]
        if i in covered or not token.is_title and not token.is_upper or not token.is_alpha:
            i += 1
            continue
        match = None
        for size in range(min(MAX_NAME_TOKENS, n - i), 0, -1):
            if any(j in covered for j in range(i, i + size)):
                continue
            name = text[starts[i]:ends[i + size - 1]]
            toponym = gaz.lookup(name)
            if toponym is not None and toponym.kind in ADDABLE_KINDS:
                match = Span(doc, i, i + size, label="GPE")
                break
            if size == 1 and gaz.demonym(name) is not None:
                match = Span(doc, i, i + 1, label="NORP")
                break
        if match is not None:
            added.append(match)
            i = match.end
        else:
            i += 1
    return added


def _missed_people(doc: Doc, covered: set[int], people: set[str]) -> list[Span]:
    """An untagged surname of someone named earlier in full ("Nurtleu added…")."""
    surnames = {name for name in people if " " not in name}
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.i not in covered and t.is_title and t.text in surnames]


def tag_entities(doc: Doc, article: Article) -> None:
    spans = corrected_ents(doc)
    doc.set_ents(spans, default="outside")
    article.entities = [Entity(s.text, s.label_, s.start_char, s.end_char) for s in spans]
