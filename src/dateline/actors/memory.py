"""What an article has said so far about who acts: the memory behind the actor resolver.

Later mentions lean on earlier ones: "Nurtleu added" after "Foreign Minister Murat Nurtleu", "he"
after a named person, "the two sides" after "Turkey and Greece", "the alliance" after NATO, "the
army" after "the Sudanese army"; a bare "the government" is the story's country's. ``ArticleMemory``
holds what one article has named (its actors, people, the last group, pair and body, the story's
country) and answers such mentions from it; ``actors.resolver.ActorResolver`` builds on it with the
resolution of a phrase on its own, and keeps the memory up to date as it resolves.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.actors.index import NATIONAL_SECTORS, code_of, story_country
from dateline.actors.phoenix import PhoenixLayer, get_layer
from dateline.actors.tables import ActorTables, NamedActor, get_tables
from dateline.geo.gazetteer import Gazetteer, get_gazetteer, normalise
from dateline.nlp import text_of
from dateline.record import Actor, Article, EventActor
from dateline.words import columns_of, sentence_start, words_of

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
RECIPROCAL_HEADS = frozenset({"sides", "parties", "countries", "nations", "states", "governments",
                              "leaders", "neighbors", "neighbours", "allies", "presidents", "capitals",
                              "ministries", "delegations", "militaries", "armies", "ministers"})
ENTITY_HEADS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})  # the tagger calls some towns NORP
# Plural nouns that, definite and unqualified ("the sides", "the parties"), are the pair named before.
DEFINITE_RECIPROCALS = frozenset({"sides", "parties", "delegations"})
PAIR_MODIFIERS = frozenset({"the", "two", "both", "warring", "rival", "opposing"})
MODIFIER_DEPS = frozenset({"det", "nummod", "amod", "predet", "preconj", "compound", "poss", "nmod"})
# A country's own bodies: written bare ("the government", "police") they are the story's country's.


def is_reciprocal(tok: Token) -> bool:
    """ "the two sides", "both delegations", "the parties", "both": the pair named before, acting together."""
    if tok.lower_ == "both":
        return True
    if tok.lower_ not in RECIPROCAL_HEADS:
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in MODIFIER_DEPS}
    if mods & {"two", "both"}:
        return True
    return tok.lower_ in DEFINITE_RECIPROCALS and "the" in mods and mods <= PAIR_MODIFIERS


def _bare(head: Token) -> bool:
    """A noun written with no qualifier but "the" ("the government", "police"): who it is,
    the article has said before or takes for granted."""
    if head.pos_ != "NOUN":
        return False
    return all(c.dep_ in {"det", "punct"} and c.lower_ in {"the", ",", "-"} for c in head.children)


def _copy(actor: EventActor) -> EventActor:
    return EventActor(name=actor.name, actor=actor.actor, country=actor.country, sector=actor.sector, code=actor.code)


_code = code_of


# armed groups' sectors: the tagger calls some groups persons ("Boko Haram")
ARMED_GROUPS = frozenset({"REB", "INS", "UAF", "SEP", "RAD"})


class ArticleMemory:
    """What one article has named so far, for the mentions that lean on it (built once per article)."""

    def __init__(self, doc: Doc, article: Article, phoenix: PhoenixLayer | None = None) -> None:
        self.doc = doc
        self.lex: ActorTables = get_tables()
        self.gaz: Gazetteer = get_gazetteer()
        self.phoenix = phoenix if phoenix is not None else get_layer()
        self.date = article.anchor_date
        self.by_token: dict[int, Actor] = {}
        self.people: dict[str, EventActor | None] = {}
        self.ent_text: dict[int, str] = {}
        self.person_ents: dict[int, Span] = {}
        self.ents: list[Span] = list(doc.ents)  # Doc.ents builds every span anew on each access
        self._titles: dict[tuple[int, int], NamedActor | None] = {}
        self._by_last_word: dict[str, list[Span]] | None = None
        self._offsets: tuple[str, list[int], list[int]] | None = None  # the text; each token's first and past-last char
        self._country_words: dict[int, str | None] = {}
        self._name_ends: dict[int, bool] = {}
        doc_text = text_of(doc)
        for ent in self.ents:
            text = doc_text[ent.start_char:ent.end_char]  # Span.text joins its tokens again
            person = ent.label_ == "PERSON"
            for i in range(ent.start, ent.end):
                self.ent_text[i] = text
                if person:
                    self.person_ents[i] = ent
        self.last_person: EventActor | None = None
        self.last_group: list[EventActor] = []
        self.last_compound: list[EventActor] = []  # "Turkey and Greece": what "the two sides" refers to
        self._coordinations: list[int] | None = None
        self.last_body: EventActor | None = None  # the last international body named
        self.by_head: dict[str, list[EventActor]] = {}  # head lemma → who the last located such phrase was
        self.joint_heads = self.lex.joint_heads
        # The dateline ("ANKARA, March 3 (Reuters) -") names where and by whom the story was filed:
        # neither the place nor the agency is an actor of the story.
        self.dateline = article.dateline_span or (0, 0)
        self.dateline_place = article.dateline.place if article.dateline is not None else None
        self._index_article_actors(article)

    def in_dateline(self, tok: Token) -> bool:
        return self.dateline[0] <= tok.idx < self.dateline[1]

    def resolve(self, head: Token) -> list[EventActor]:
        """Actors for the phrase headed by ``head``: the resolver's (``actors.resolver``); the memory
        needs it to know who a coordination named before stands for."""
        raise NotImplementedError

    # -- the article's actors and the people it names --------------------------------------
    def _index_article_actors(self, article: Article) -> None:
        if not article.actors:
            return
        offsets = columns_of(self.doc).starts
        starts = {idx: i for i, idx in enumerate(offsets)}
        for actor in article.actors:
            for start, end in actor.mentions:
                if self.dateline[0] <= start < self.dateline[1]:
                    continue
                i = starts.get(start)
                while i is not None and i < len(offsets) and offsets[i] < end:
                    self.by_token[i] = actor
                    i += 1
            if actor.kind == "person" and actor.country and " " in actor.name:
                # "Nurtleu added" after "Foreign Minister Murat Nurtleu": a surname the quotes stage
                # may keep as a separate actor
                known = EventActor(name=actor.name, actor=actor.id, country=actor.country, sector=actor.sector,
                                   code=actor.code)
                for key in (normalise(actor.name), normalise(actor.name.split()[-1])):
                    self.people.setdefault(key, known)

    def _person(self, head: Token) -> EventActor | None:
        """A named person's country and sector from the titles written before the name (or the
        Phoenix layer), remembered by full name and surname for later bare mentions."""
        ent = self.person_ents.get(head.i)
        if ent is None:
            return None
        for key in (normalise(ent.text), normalise(ent[-1].text)):
            if self.people.get(key) is not None:
                return self.people[key]
        found = self._from_title(ent)
        if found is None:
            found = self._earlier_mention(ent)
        # a title naming an international body ("the agency's director general") says who the
        # person is now, whatever country a dictionary entry of the same name gives
        international = found is not None and found.code.startswith("IGO")
        if (found is None or found.country is None) and not international and self.phoenix is not None:
            full = self._full_name(words_of(self.doc)[ent.end - 1])  # "Imran [Khan]": the tagger's cut
            known = (self.phoenix.lookup(full, self.date) if full != ent.text else None) or \
                self.phoenix.lookup(ent.text, self.date) or (
                self.phoenix.lookup(ent[-1].text, self.date) if len(ent) > 1 and not self._is_place(ent[-1].text)
                else None)  # "Joseph Muscat": the dictionaries' "Muscat" is Oman's capital, not the man
            if known is None and len(ent) > 1:
                known = self.phoenix.short_form(ent.text, self.date) or self.phoenix.surname(ent.text)
            if known is not None and known.country is None and found is None:
                found = known  # "Antonio Guterres": an international body's officer, its own code
            elif known is not None and (found is None or known.country):
                sector = (found.sector if found else None) or known.sector
                found = NamedActor(known.country, sector, _code(known.country, sector) or "")
        if found is None:
            return None
        actor = EventActor(name=ent.text, country=found.country, sector=found.sector, code=found.code)
        for key in (normalise(ent.text), normalise(ent[-1].text)):
            if self.people.get(key) is None:
                self.people[key] = actor
        return actor

    def _earlier_mention(self, ent: Span) -> NamedActor | None:
        """ "Putin" after "Russian President Vladimir Putin": the titled mention tells who he is."""
        if self._by_last_word is None:
            self._by_last_word = {}
            for other in self.ents:
                self._by_last_word.setdefault(other[-1].lower_, []).append(other)
        seen: set[int] = set()
        for other in self._by_last_word.get(ent[-1].lower_, []):  # the tagger may have called the titled mention an ORG
            if other.start >= ent.start or other.start in seen:
                continue
            seen.add(other.start)
            found = self._from_title(other)
            if found is not None:
                return found
        return None

    def _from_title(self, ent: Span) -> NamedActor | None:
        """Who the words around a name say the person is (read once per name: the answer depends
        on the text and the tables alone)."""
        key = (ent.start, ent.end)
        if key not in self._titles:
            self._titles[key] = self._read_title(ent)
        return self._titles[key]

    def _read_title(self, ent: Span) -> NamedActor | None:
        country = sector = None
        start = max(sentence_start(self.doc, ent.start), ent.start - 5)
        for k in range(start, ent.start):  # "Arab League Secretary-General X": an organisation's officer
            hit = None
            for j in range(ent.start, k, -1):
                if hit is not None:
                    break
                if self._may_end_name(j - 1):
                    hit = self.lex.actors.get(normalise(self.text(k, j)))
            if hit is not None and self.text(k, k + 1)[:1].isupper():
                return hit
        for tok in reversed(words_of(self.doc)[start:ent.start]):
            if (tok.is_punct and tok.text not in {"'s", "’s", "-"}) or tok.pos_ in {"CCONJ", "VERB", "ADP"}:
                break
            low = tok.lower_
            country = country or self.gaz.demonym(tok.text) or self._country_word(tok)
            sector = sector or self.lex.agents.get(low)
        for child in words_of(self.doc)[ent.root.i].children:  # "Putin, the Russian president": title in apposition
            if child.dep_ == "appos":
                for tok in child.subtree:  # "Jane Roe, UN under-secretary": an organisation's officer
                    body = self.lex.actors.get(normalise(tok.text)) if tok.text[:1].isupper() else None
                    if body is not None and country is None:
                        return body
                for tok in child.subtree:
                    country = country or self.gaz.demonym(tok.text) or self._country_word(tok)
                    sector = sector or self.lex.agents.get(tok.lower_)
        if country is None and sector is None:
            return None
        return NamedActor(country, sector or "GOV", _code(country, sector or "GOV") or "")

    # -- the last ones named: pronouns, "the two sides", "the army" ------------------------
    def _remember(self, head: Token, actors: list[EventActor]) -> None:
        """Note who a phrase just resolved named, for the pronouns and anaphors that follow."""
        if not actors:
            return
        if len(actors) > 1 or actors[0].sector not in {None, "CVL"}:
            self.last_group = actors
        if len({a.code or a.name for a in actors}) > 1:
            self.last_compound = actors
        if head.ent_type_ == "PERSON":
            self.last_person = actors[0]
        bodies = [a for a in actors if a.sector == "IGO" or (a.code or "").startswith("IGO")]
        if bodies:
            self.last_body = bodies[0]

    def remember_speaker(self, actors: list[EventActor]) -> None:
        if actors:
            self.last_person = actors[0]

    def _pronoun(self, low: str) -> EventActor | None:
        if low in PERSON_PRONOUNS:
            return self.last_person
        return self.last_group[0] if self.last_group else None

    def reciprocal(self, before: int) -> list[EventActor]:
        """Who "the two sides" are: the last coordination of named actors written before."""
        if self._coordinations is None:
            self._coordinations = sorted({
                ent.root.head.i for ent in self.ents
                if ent.root.dep_ == "conj" and ent.root.head.ent_type_ in ENTITY_HEADS
                and ent.root.head.i < ent.root.i and not self.in_dateline(ent.root.head)})
        for i in reversed(self._coordinations):
            if i >= before:
                continue
            tok = words_of(self.doc)[i]
            place = self.gaz.lookup(self._ent_text(tok)) if tok.ent_type_ in PLACE_ENTS else None
            if place is not None and place.kind not in {"country", "capital"}:
                continue  # "a railway linking Kunming and Hanoi": towns are no parties
            if tok.dep_ in {"amod", "compound"} and tok.head.pos_ == "NOUN":
                tok = tok.head  # "Indian and Pakistani troops": the troops of both
            actors = self.resolve(tok)
            if len({a.code or a.name for a in actors}) > 1:
                return actors
        return list(self.last_compound)

    def _anaphor(self, head: Token) -> list[EventActor] | None:
        """Who a joint body or a bare definite noun is, from what the article said before;
        None when the phrase must be resolved on its own."""
        lemma = head.lemma_.lower()
        joint = lemma in self.joint_heads
        if joint and self._modified_key(head, self.lex.joint_bodies) is not None:
            pair = self.reciprocal(head.i)  # "agreed to set up a working group": the parties, acting jointly
            self.by_head[lemma] = pair
            return [_copy(a) for a in pair]
        if not (joint or lemma in self.by_head) or not _bare(head):
            return None
        known = self.by_token.get(head.i)
        if known is not None and known.country:
            return None
        if lemma not in self.by_head:
            words = words_of(self.doc)
            for i in range(head.i - 1, -1, -1):  # "the group" after a working group no event named
                tok = words[i]
                if tok.lemma_.lower() == lemma and self._modified_key(tok, self.lex.joint_bodies):
                    self.by_head[lemma] = self.reciprocal(tok.i)
                    break
        earlier = self.by_head.get(lemma)
        if earlier:  # "the army" after "the Sudanese army", "the envoy" after "the UN special envoy"
            return [self._national(head, _copy(a)) for a in earlier]
        return None

    # -- the story's country, for a bare "the government" ----------------------------------
    def story_country(self) -> str | None:
        """The country the story is about: the dateline place's, when the text names that country
        (or its people) outside the dateline; a story filed from Geneva is rarely about Switzerland."""
        return story_country(self.doc, self.dateline_place, self.dateline)  # kept with the doc

    def _national(self, head: Token, actor: EventActor) -> EventActor:
        """ "the government", "police", "Interior Minister X" with no country: the story's country's."""
        if actor.country or actor.sector not in NATIONAL_SECTORS or (actor.code or "").startswith("IGO"):
            return actor
        if not (_bare(head) or head.ent_type_ == "PERSON"):
            return actor
        country = self.story_country()
        if country is not None:
            actor.country = country
            actor.code = _code(country, actor.sector)
        return actor

    # -- lookups the resolver shares -------------------------------------------------------
    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (a non-empty range), read off the doc's text: building a Span
        per look-up is what made the scans over a name's neighbours costly."""
        if self._offsets is None:
            columns = columns_of(self.doc)
            ends = [i + len(text) for i, text in zip(columns.starts, columns.texts, strict=True)]
            self._offsets = (text_of(self.doc), columns.starts, ends)
        text, starts, ends = self._offsets
        return text[starts[start]:ends[end - 1]]

    def _may_end_name(self, i: int) -> bool:
        """Whether token ``i`` can be the last word of a named actor (read once per token)."""
        found = self._name_ends.get(i)
        if found is None:
            found = self._name_ends[i] = self.lex.may_end_name(normalise(self.text(i, i + 1)))
        return found

    def _own_name(self, head: Token) -> range:
        """The words of the person's name the head ends, when it has two or more ("Vilnius"
        alone, which the tagger sometimes calls a person, stays a place)."""
        ent = self.person_ents.get(head.i)
        return range(ent.start, ent.end) if ent is not None and len(ent) > 1 else range(0)

    def _is_place(self, text: str) -> bool:
        """The tagger sometimes calls a capital a person ("Vilnius"): the gazetteer overrules it."""
        topo = self.gaz.lookup(text)
        return topo is not None and topo.kind in {"country", "capital"}

    def _named(self, text: str) -> NamedActor | None:
        hit = self.lex.actors.get(normalise(text))
        if hit is None and self.phoenix is not None:
            hit = self.phoenix.lookup(text, self.date)
        return hit

    def _in_place(self, tok: Token, head: Token) -> bool:
        """A modifier run that belongs to a place's name ("North West Frontier Province")."""
        ents = columns_of(self.doc).ents
        return any(ents[i] in {"GPE", "LOC", "FAC"} for i in range(tok.left_edge.i, head.i + 1))

    def _member_of(self, head: Token, phrase: list[Token]) -> EventActor | None:
        """A named organisation modifying the head makes the head its member or organ."""
        for tok in phrase:
            if tok.i == head.i or tok.dep_ not in {"compound", "poss", "nmod", "amod"}:
                continue
            text = self._ent_text(tok) if tok.ent_type_ else tok.text
            named = self._named(text) if not text.islower() else None
            if named is None and tok.dep_ == "compound" and tok.head.i == head.i and not self._in_place(tok, head):
                # "Islamic State militants": a name written as a run of modifiers the tagger split
                text = self.text(tok.left_edge.i, tok.i + 1)
                named = self._named(text) if not text.islower() and " " in text else None
            if named is not None:
                name = " ".join(t.text for t in phrase if t.i <= head.i and t.dep_ != "det")
                own = self.lex.agents.get(head.lower_)
                if tok.ent_type_ == "PERSON" and named.country and own in NATIONAL_SECTORS \
                        and named.sector not in ARMED_GROUPS:  # the tagger calls some armed groups persons
                    # "President X's government", "X's spokesman": the head's own sector, of the
                    # person's country, whatever office the person holds that day
                    return EventActor(name=name, country=named.country, sector=own, code=_code(named.country, own))
                return EventActor(name=name, country=named.country, sector=named.sector or own, code=named.code)
        return None

    def _full_name(self, head: Token) -> str:
        """The capitalised proper nouns written before a name's last word as its compounds."""
        start = head.i
        while start > 0:
            prev = words_of(self.doc)[start - 1]
            if prev.pos_ != "PROPN" or prev.dep_ != "compound" or prev.head.i != head.i or not prev.text[:1].isupper():
                break
            start -= 1
        return self.text(start, head.i + 1)

    def _country_word(self, tok: Token) -> str | None:
        """The country a capitalised word names, alone or with the next word ("North Korea"); the
        answer depends on the text alone, so it is read once per token."""
        i = tok.i
        if i not in self._country_words:
            self._country_words[i] = self._read_country_word(i)
        return self._country_words[i]

    def _read_country_word(self, i: int) -> str | None:
        if not self.text(i, i + 1)[:1].isupper():
            return None
        for end in (i + 2, i + 1):  # "North Korea('s foreign ministry)" inside a longer name
            if end > i + 1 and (end > len(self.doc) or not self.text(end - 1, end)[:1].isupper()):
                continue
            topo = self.gaz.lookup(self.text(i, end))
            if topo is not None and topo.kind in {"country", "capital"}:
                return topo.iso3
        return None

    def _modified_key(self, head: Token, table: frozenset[str] | dict[str, str]) -> str | None:
        """The "modifier head" entry of ``table`` the phrase is ("rights group", "working group")."""
        lemma = head.lemma_.lower()
        for child in head.children:
            if child.dep_ in {"compound", "amod", "nmod"}:
                for word in (child.lower_, child.lemma_.lower()):  # "working" is lemmatised "work"
                    key = f"{word} {lemma}"
                    if key in table:
                        return key
        return None

    def _ent_text(self, tok: Token) -> str:
        return self.ent_text.get(tok.i, tok.text)
