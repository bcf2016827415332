"""Who: turning the noun phrases around an event trigger into coded actors.

An ``ActorResolver`` is built once per article. It resolves a phrase head token to a list of
``EventActor`` (a coordination "Russia and Belarus" gives two) from, in order of trust:
the article's actors (built by the quotes stage), the built-in named-actor table (IGOs, armed
groups, institutions), the Phoenix layer if the user imported one, and otherwise composes
country + sector from the gazetteer (countries, capitals → government, demonyms) and role words
("Belarusian President" → BLR GOV, "Poland's parliament" → POL LEG). Mentions that lean on what
the article said before ("he", "the two sides", "the army" after "the Sudanese army", a bare "the
government") are answered by ``actors.memory.ArticleMemory``, which the resolver extends.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.actors.index import NATIONAL_SECTORS
from dateline.actors.memory import (
    DEFINITE_RECIPROCALS,
    ENTITY_HEADS,
    MODIFIER_DEPS,
    PAIR_MODIFIERS,
    PERSON_PRONOUNS,
    PLACE_ENTS,
    RECIPROCAL_HEADS,
    ArticleMemory,
    _code,
    is_reciprocal,
)
from dateline.actors.phoenix import PhoenixLayer
from dateline.actors.phrases import (
    BODY_ANAPHORS,
    GENERIC_ROLES,
    GROUP_ROLES,
    LOCATIVE_PREPS,
    MAX_PHRASE,
    NON_STATE_SECTORS,
    OVERRIDING_SECTORS,
    OWNER_PREPS,
    OWNING_SECTORS,
    PHRASE_DEPS,
    PLACE_PREPS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    SPEAKING_ROLES,
    WHERE_PREPS,
    counted,
    kind_of_others,
    share_country,
    without_possessive,
)
from dateline.actors.senses import force_as_means, settles_a_dispute
from dateline.geo.gazetteer import normalise
from dateline.record import Article, EventActor
from dateline.words import words_of

# The resolver's API; the word tables that moved to actors.memory stay importable from here.
__all__ = ["ActorResolver", "is_reciprocal", "located", "DEFINITE_RECIPROCALS", "MODIFIER_DEPS",
           "NATIONAL_SECTORS", "PAIR_MODIFIERS", "PERSON_PRONOUNS", "RECIPROCAL_HEADS"]

def located(actor: EventActor) -> bool:
    """An actor an event data set can place: it has a country or is an international body."""
    return bool(actor.country) or actor.sector == "IGO" or (actor.code or "").startswith("IGO")


class ActorResolver(ArticleMemory):
    """Resolve phrase heads to coded actors for one article (cheap: tables built once per article)."""

    def __init__(self, doc: Doc, article: Article, phoenix: PhoenixLayer | None = None) -> None:
        super().__init__(doc, article, phoenix)
        self._texts: dict[int, EventActor | None] = {}  # head → what its phrase's words name
        self._owning: set[int] = set()  # heads whose "its" is being resolved (two may point at each other)

    # -- phrase resolution -----------------------------------------------------------------
    def resolve(self, head: Token) -> list[EventActor]:
        """Actors for the phrase headed by ``head``, coordinated heads included."""
        heads = [h for h in [head, *(c for c in head.conjuncts if c.i > head.i)] if not self.in_dateline(h)]
        actors: list[EventActor] = []
        for h in heads:
            found = self._anaphor(h)
            if found is None:
                actor = self._resolve_one(h) or self._counterpart(h)
                found = self._split_modifiers(h, actor) if actor is not None else []
                if actor is not None and (located(actor) or actor.sector):
                    self.by_head[h.lemma_.lower()] = found
            for actor in found:
                if all(a.code != actor.code or a.name != actor.name for a in actors):
                    actors.append(actor)
        share_country(heads, actors)
        self._remember(head, actors)
        return actors

    def _counterpart(self, head: Token) -> EventActor | None:
        """ "his Xlandic counterpart, Y Z": the name set beside it; with none, an official of the
        country the modifier names (a minister's or a president's counterpart holds office)."""
        if head.lemma_.lower() != "counterpart":
            return None
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and child.ent_type_ == "PERSON":
                named = self._resolve_one(child)
                if named is not None:
                    return named
        for child in head.children:
            if child.dep_ in {"amod", "compound"} and child.text[:1].isupper():
                country = self.gaz.demonym(child.text) or self._country_word(child)
                if country:
                    return EventActor(name=self.text(child.i, head.i + 1), country=country, sector="GOV",
                                      code=_code(country, "GOV"))
        return None

    def _split_modifiers(self, head: Token, actor: EventActor) -> list[EventActor]:
        """ "Indian and Pakistani troops": one actor per coordinated nationality, same sector."""
        if not actor.country or head.pos_ != "NOUN":
            return [actor]
        for child in head.children:
            if child.dep_ not in {"amod", "compound"} or not child.text[:1].isupper():
                continue
            out = [actor]
            for other in child.conjuncts:
                country = self.gaz.demonym(other.text) or self._country_word(other)
                if country and country not in {a.country for a in out}:
                    out.append(EventActor(name=f"{other.text} {head.text}", country=country, sector=actor.sector,
                                          code=_code(country, actor.sector)))
            if len(out) > 1:
                return out
        return self._of_countries(head, actor)

    def _of_countries(self, head: Token, actor: EventActor) -> list[EventActor]:
        """ "the foreign ministers of Xland and Yland": one actor per country the of-phrase of a
        plural role coordinates, same sector (the actor already has the first one's country)."""
        if head.tag_ != "NNS":
            return [actor]
        words = words_of(self.doc)
        for prep in head.children:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "of" else None
            if pobj is None or not pobj.conjuncts:
                continue
            out = [actor]
            for other in pobj.conjuncts:
                first = next(w for w in words[other.left_edge.i:other.i + 1] if w.dep_ != "det" or w.i == other.i)
                country = self._country_word(first) or self.gaz.demonym(other.text)
                if country and country not in {a.country for a in out}:
                    out.append(EventActor(name=f"{head.text} of {self.text(first.i, other.i + 1)}", country=country, sector=actor.sector,
                                          code=_code(country, actor.sector)))
            return out
        return [actor]

    # -- targets ---------------------------------------------------------------------------
    def target(self, head: Token) -> list[EventActor]:
        """Who an object phrase makes the target: the actor it names, else the owner of the
        thing acted on ("praised Haiti's efforts", "rejected an Indian proposal", "pleas by
        Chile's leaders"), else the country of the place acted on ("shelled the Ukrainian city
        of Kharkiv"). The subject's own things ("withdrew its troops") are nobody's target."""
        if self.in_dateline(head):
            return []
        actors = self.resolve(head)
        # "withdrew its troops": a country the phrase has only through "its" is the subject's own
        if self._owned_by_subject(head):
            return []
        if any(located(a) for a in actors):
            return actors
        if head.ent_type_ not in {"PERSON", "ORG"}:
            owner = self._owner(head) or self.site_owner(head)
            if owner:
                return owner
            place = self._place(head)
            if place is not None:
                return [place]
        kin = kind_of_others(head)
        if kin is not None:  # "killed one Xlandic soldier and wounded two others": more of them
            return self.target(kin)
        named = self._apposed(head)  # "met regional rival Xland's Prime Minister Y", "its neighbour Xland"
        if named:
            return named
        if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children):
            return []
        return actors

    def _apposed(self, head: Token) -> list[EventActor]:
        """The party a common noun is set beside ("met regional rival Xland's leader", "its neighbour
        Xland"): not an acronym in brackets, nor a name a participle relates ("a nation bordering X")."""
        if head.pos_ != "NOUN":
            return []
        for child in head.children:
            if child.dep_ != "appos" or child.i < head.i or words_of(self.doc)[child.left_edge.i - 1].text == "(":
                continue
            if any(t.tag_ in {"VBG", "VBN"} for t in child.subtree):
                continue
            found = [a for a in self.resolve(child) if located(a)]
            if found:
                return found
        return []

    def agent(self, head: Token) -> list[EventActor]:
        """Who acts through a thing: "Moscow's drone attacks, which killed four people" → Moscow."""
        actors = self.resolve(head)
        if actors or head.ent_type_ in {"PERSON", "ORG"}:
            return actors
        people = counted(head)
        if people is not None:  # "a group of Xlandic hackers": whose the people counted are
            return self.agent(people)
        return self._owner(head) or self._by_agent(head)

    def _by_agent(self, head: Token) -> list[EventActor]:
        """The doer named by a "by" phrase on a thing that acts ("a bombing by X killed", "the
        missiles fired by X struck", "attacks carried out by X"): X, coded even with no country
        (an armed group has none, and an owner must have one)."""
        for child in head.children:
            agents = [child] if child.dep_ == "prep" and child.lower_ == "by" else []
            if child.dep_ == "acl" and child.tag_ == "VBN":
                agents = [a for a in child.children if a.dep_ == "agent"]
            for pobj in (p for a in agents for p in a.children if p.dep_ == "pobj"):
                found = [a for a in self.resolve(pobj) if a.code]
                if found:
                    return found
        return []

    def where(self, head: Token) -> EventActor | None:
        """The place a phrase names or is located at ("a shelling outside the village of Xville")."""
        found = self.place_target(head)
        for child in head.children:
            if found is not None:
                break
            if child.dep_ == "prep" and child.lower_ in WHERE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and found is None:
                        found = self.place_target(pobj)
        return found

    def place_target(self, head: Token) -> EventActor | None:
        return None if self.in_dateline(head) else self._place(head)

    def _owner(self, head: Token) -> list[EventActor]:
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS:
                found = [a for a in self.resolve(child) if located(a)]
                if found:
                    return found
            elif child.dep_ in {"amod", "compound", "nmod"} and (child.text[:1].isupper() or child.dep_ == "compound"):
                modifier = self._modifier_country(child)
                if modifier is not None:
                    return [modifier]
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = [a for a in self.resolve(pobj) if located(a)]
                        if found:
                            return found
        return []

    def site_owner(self, head: Token, place: EventActor | None = None) -> list[EventActor]:
        """ "shelled rebel positions in Xland", "attacked a police station in Ytown": a role word on
        the thing acted on says whose it is; the place it is in (or ``place``, where the clause
        says it) gives the country."""
        if head.lemma_.lower() not in self.lex.site_nouns:
            return []  # "a military ceremony", "air strikes", "military action": no one's site
        for child in head.children:
            owning = child.dep_ == "compound" and child.pos_ == "NOUN" or child.dep_ == "amod"
            sector = self.lex.agents.get(child.lower_) if owning else None
            if sector in OWNING_SECTORS:
                place = place or self.where(head)
                if place is not None and place.country:
                    return [EventActor(name=self.text(child.i, head.i + 1), country=place.country, sector=sector,
                                       code=_code(place.country, sector))]
        return []

    def _modifier_country(self, tok: Token, depth: int = 2) -> EventActor | None:
        """The country a modifier names, or one of its own capitalised modifiers names ("nine
        Malian army recruits", "a Peruvian Supreme Court ruling"): the nationality sits on the
        body, not on the people or the thing it qualifies."""
        country = (self.gaz.demonym(tok.text) or self._country_word(tok)) if tok.text[:1].isupper() else None
        if country:
            name = self._ent_text(tok) if tok.ent_type_ in PLACE_ENTS else tok.text
            return EventActor(name=name, country=country, code=country)
        if depth > 0:
            for child in tok.children:
                if child.dep_ in {"amod", "compound", "nmod"} and child.text[:1].isupper():
                    found = self._modifier_country(child, depth - 1)
                    if found is not None:
                        return found
        return None

    def _place(self, head: Token) -> EventActor | None:
        """The country of a place phrase: a named place, or a place noun with a country or
        place in its modifiers ("the encircled Ruritanian town of Zenk", "a hamlet in Peru")."""
        if head.ent_type_ in PLACE_ENTS:
            name = without_possessive(self._ent_text(head))  # the tagger's "Xland's" entity
            topo = self.gaz.lookup(name)
            if topo is not None:
                return EventActor(name=name, country=topo.iso3, code=topo.iso3)
        if head.lemma_.lower() not in self.lex.place_nouns and head.lower_ not in self.lex.place_nouns:
            return None
        for child in head.children:
            if child.dep_ in {"amod", "compound", "nmod"}:
                country = self.gaz.demonym(child.text) or self.gaz.country_of(self._ent_text(child))
                if country and child.text[:1].isupper():
                    return EventActor(name=child.text, country=country, code=country)
            elif child.dep_ == "poss" and child.ent_type_ in PLACE_ENTS:  # "Xland's northern province"
                found = self._place(child)
                if found is not None:
                    return found
            elif child.dep_ in {"prep", "appos"}:
                objs = [child] if child.dep_ == "appos" else [
                    p for p in child.children if p.dep_ == "pobj" and child.lower_ in PLACE_PREPS]
                for obj in objs:
                    found = self._place(obj) if obj.ent_type_ in PLACE_ENTS or obj.dep_ == "pobj" else None
                    if found is not None:
                        return found
        return None

    def _phrase(self, head: Token) -> list[Token]:
        toks = [head]
        stack = [c for c in head.children if c.dep_ in PHRASE_DEPS and c.dep_ != "conj"]
        while stack and len(toks) < MAX_PHRASE:
            tok = stack.pop()
            if (tok.dep_ == "prep" and tok.lower_ != "of") or self.in_dateline(tok):
                continue
            toks.append(tok)
            stack.extend(c for c in tok.children if c.dep_ in PHRASE_DEPS and c.dep_ != "conj")
        return sorted(toks, key=lambda t: t.i)

    def _resolve_one(self, head: Token) -> EventActor | None:
        low = head.lower_
        if low in PRONOUNS and head.pos_ == "PRON":
            return self._pronoun(low)
        if low in BODY_ANAPHORS and self.last_body is not None and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children) and len(list(head.children)) == 1:
            return self.last_body  # "the alliance", "the bloc": the organisation named before
        people = counted(head)
        if people is not None:  # "thousands of Iraqi Kurds": the people counted act
            return self._resolve_one(people)
        if is_reciprocal(head):
            return None  # reciprocal: the caller copies the last compound actor
        article_actor = self.by_token.get(head.i)
        if article_actor is not None and (article_actor.country or article_actor.code):
            actor = EventActor(name=article_actor.name, actor=article_actor.id, country=article_actor.country,
                               sector=article_actor.sector, code=article_actor.code)
            if actor.country is None:
                # "President X" with no country in the title: the person's own entry (the Phoenix
                # dictionaries, read on the article's date) before the country the story is about
                known = self._resolve_text(head)
                if known is not None and known.country:
                    actor.country, actor.sector = known.country, actor.sector or known.sector
                    actor.code = _code(actor.country, actor.sector)
                elif known is not None and located(known):  # an international official's own entry
                    actor.sector, actor.code = known.sector, known.code
            return self._national(head, actor)
        found = self._resolve_text(head)
        if article_actor is not None:  # the article knows who, but not where from: our tables may
            if found is None:
                found = EventActor(name=article_actor.name, actor=article_actor.id, sector=article_actor.sector,
                                   code=article_actor.code)
            found.actor = article_actor.id
        return self._national(head, found) if found is not None else None

    def _resolve_text(self, head: Token) -> EventActor | None:
        """Who the words of the phrase headed by ``head`` name, read once per head: each of a
        sentence's candidate events resolves its subject and objects again. A copy each time,
        since callers fill in what the article knows."""
        if head.i not in self._texts:
            self._texts[head.i] = self._read_text(head)
        found = self._texts[head.i]
        return replace(found) if found is not None else None

    def _read_text(self, head: Token) -> EventActor | None:
        phrase = self._phrase(head)
        name_span = self._name_span(head, phrase)
        named = self._named(name_span) if name_span else None
        if name_span and named is not None:
            own = self._other_nation(head, name_span, named.country) if named.country and named.sector else None
            if own is not None:  # "Peru's Congress": the table's "Congress" is the United States'
                return EventActor(name=name_span, country=own, sector=named.sector, code=_code(own, named.sector))
            return EventActor(name=name_span, country=named.country, sector=named.sector, code=named.code)
        if head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and (person := self.people.get(normalise(head.text))):
            # a surname the tagger missed, after the titled name
            return EventActor(name=head.text, country=person.country, sector=person.sector, code=person.code)
        if not head.ent_type_ and head.pos_ == "PROPN" and self.phoenix is not None:
            full = self._full_name(head)  # "Theresa May", which the tagger leaves untagged
            people = " " in full and self.gaz.demonym(full) is None  # not "Sierra Leonean"
            known = self.phoenix.lookup(full, self.date) if people else None
            if known is not None:
                return EventActor(name=full, country=known.country, sector=known.sector, code=known.code)
        if head.ent_type_ == "PERSON" and not self._is_place(self._ent_text(head)):
            person = self._person(head) or self.people.get(normalise(head.text))
            if person is not None:
                return EventActor(name=self._ent_text(head), country=person.country, sector=person.sector,
                                  code=person.code)
        return self._compose(head, phrase)

    def _other_nation(self, head: Token, name: str, country: str) -> str | None:
        """Another country a modifier outside the name gives a national institution ("Peru's
        Congress", "the Colombian Congress"), where the actor table names one country's."""
        words = set(name.split())
        for child in head.children:
            if child.dep_ in {"poss", "amod", "compound"} and child.text not in words:
                found = self._modifier_country(child, 0)
                if found is not None and found.country != country:
                    return found.country
        return None

    def _name_span(self, head: Token, phrase: list[Token]) -> str | None:
        """The longest run of phrase words ending at the head that names a known actor."""
        words = [t for t in phrase if t.i <= head.i and not t.is_punct and t.dep_ != "det"]
        if words and not self._may_end_name(words[-1].i):
            words = []  # no name ends in this word: no run of the phrase can be one
        for k in range(len(words)):
            text = " ".join(t.text for t in words[k:])
            if text.islower() or (len(text) <= 3 and not text.isupper()):
                continue  # "who" is not the WHO, nor "Un" of "Kim Jong Un" the UN: short names are acronyms
            if normalise(text) in self.lex.actors:
                return text
        ent = self._ent_text(head)
        if normalise(ent) in self.lex.actors and not ent.islower():
            return ent
        if head.ent_type_ in {"ORG", "NORP", "GPE"} and self.phoenix is not None and self.phoenix.lookup(ent):
            if head.ent_type_ != "GPE" or self.gaz.lookup(ent) is None:  # the gazetteer knows places better
                return ent
        return None

    def _compose(self, head: Token, phrase: list[Token]) -> EventActor | None:
        """Country from place names or demonyms in the phrase, sector from role words."""
        group = self._group_of_role(head)
        if group is not None:
            return group
        country: str | None = None
        sector = head_sector = self._head_sector(head)
        head_place = self.gaz.lookup(self._ent_text(head)) if head.ent_type_ in {"GPE", "LOC", "NORP"} or head.text[:1].isupper() else None
        is_state = head_place is not None and head_place.kind in {"country", "capital"}
        if is_state and head_place is not None:
            # A country or its capital as an actor stands for its government ("Moscow and Minsk").
            country, sector = head_place.iso3, sector or "GOV"
        own_name = self._own_name(head)
        for tok in phrase:
            if country:
                break
            if tok.i in own_name:  # "Joseph Muscat": a word of a person's name is no place, though
                country = self.gaz.demonym(tok.text)  # "Bosnian Serbs", tagged a person, has a demonym
                continue
            if tok.ent_type_ in {"GPE", "NORP", "LOC"} or tok.text[:1].isupper():
                country = self.gaz.demonym(tok.text) or self._country_word(tok)
                if country is None and tok.ent_type_ in {"GPE", "NORP"}:
                    ent = self._ent_text(tok)
                    country = self.gaz.demonym(ent) or (place.iso3 if (place := self.gaz.lookup(ent)) else None)
        if country is None and head.ent_type_ == "NORP":
            country = self.gaz.demonym(head.text)
        if country is None or head.ent_type_ == "NORP":
            # "insurgents in Mali", "Serbs of northern Kosovo": where a group is placed
            country = self._located_in(head) or country
        if country is None and sector is not None:
            country = self._pronoun_owner(head)
        if country is None:
            member = self._member_of(head, phrase)
            if member is not None:  # "U.N. helicopters", "NATO peacekeeping troops"
                return member
        if sector is None:
            for tok in phrase:
                sector = self.lex.agents.get(tok.lower_)
                if sector:
                    break
        if country is None and head.ent_type_ == "PERSON" and self.phoenix is not None:
            hit = self.phoenix.lookup(self._ent_text(head), self.date)
            if hit is not None:
                return EventActor(name=self._ent_text(head), country=hit.country, sector=hit.sector, code=hit.code)
        if head.ent_type_ not in ENTITY_HEADS and head_sector is None and not is_state:
            return None  # "a bilateral agreement", "security": things, not actors
        if country is None and sector is None:
            return None
        if head.ent_type_ == "NORP" and sector is None:
            sector = "CVL"
        name = self._ent_text(head) if head.ent_type_ else " ".join(t.text for t in phrase if t.i <= head.i)
        # a common noun ("activists", "a rights group") names no transnational body: its sector
        # follows a country, "---" when none is named, as PETRARCH's agent entries ("~NGO") code it
        code = _code(country, sector) if country else f"---{sector}"
        return EventActor(name=name, country=country, sector=sector, code=code)

    def _group_of_role(self, head: Token) -> EventActor | None:
        """ "a commander of Hamas" is Hamas's (PSEREB), not the Palestinian military his title
        would make him; "a spokesman for the Taliban", "the leader of the rebel group" likewise."""
        lemma = head.lemma_.lower()
        if lemma not in GROUP_ROLES:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or not (prep.lower_ == "of" or prep.lower_ == "for" and lemma in SPEAKING_ROLES):
                continue
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            group = self._resolve_one(body) if body is not None else None
            if group is not None and (group.sector in NON_STATE_SECTORS or (group.code or "").startswith(("IGO", "NGO"))):
                return EventActor(name=f"{head.text} {prep.lower_} {group.name}", country=group.country,
                                  sector=group.sector, code=group.code)
        return None

    def _pronoun_owner(self, head: Token) -> str | None:
        """The country of the body "its" or "their" stands for: the subject of a clause above the
        phrase, written before it ("Xland said its navy would ...", "the ministry announced that
        its troops had ...")."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
        if owner is None or head.i in self._owning:
            return None
        self._owning.add(head.i)
        try:
            return self._owner_subject_country(head, owner)
        finally:
            self._owning.discard(head.i)

    def _owned_by_subject(self, head: Token) -> bool:
        """ "withdrew its troops", "some / the bulk of its forces": the subject's own, through "its"."""
        owned = [head] + [pobj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                          for pobj in prep.children if pobj.dep_ == "pobj"]
        return any(self._owns(tok) for tok in owned)

    def _owns(self, tok: Token) -> bool:
        """The phrase's country is the one "its"/"their" gives it, not one of its own words ("their
        Xlandic counterparts" are Xland's, whoever "their" is)."""
        owner = self._pronoun_owner(tok)
        if owner is None:
            return False
        actor = self._resolve_one(tok)
        own = actor.country if actor is not None else None
        for child in tok.children if own is None else ():
            found = self._modifier_country(child) if child.dep_ in {"amod", "compound"} else None
            own = found.country if found is not None else own
        return own in {None, owner}

    def _owner_subject_country(self, head: Token, owner: Token) -> str | None:
        tok = head
        for _ in range(6):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ not in {"VERB", "AUX"}:
                continue
            subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.i < owner.i and subject.i != head.i:
                # the nearest subject is the one "its" stands for; a relative "which" or "that"
                # is some other noun's, so the walk stops there
                actor = self._resolve_one(subject) if subject.pos_ != "PRON" or subject.lower_ in PRONOUNS else None
                return actor.country if actor is not None else None
        return None

    def _head_sector(self, head: Token) -> str | None:
        """The sector the head word gives: a "modifier head" entry first ("rights group"), then the
        word; a generic role takes its modifier's sector ("opposition leaders", "military officials")."""
        lemma = head.lemma_.lower()
        if (lemma == "settlement" and settles_a_dispute(head)) or (lemma == "force" and force_as_means(head)):
            return None
        key = self._modified_key(head, self.lex.agents) if lemma in self.lex.agent_pair_heads else None
        if key is not None:
            return self.lex.agents[key]
        sector = self.lex.agents.get(lemma) or self.lex.agents.get(head.lower_)
        if sector is not None and lemma in GENERIC_ROLES:
            for child in head.children:
                if child.dep_ in {"compound", "amod", "nmod"}:
                    own = self.lex.agents.get(child.lower_)
                    if own in OVERRIDING_SECTORS:
                        return own
        return sector

    def _located_in(self, head: Token) -> str | None:
        for child in head.children:
            preps = [child] if child.dep_ == "prep" else []
            if child.dep_ == "acl":  # "a charity based in Malta", "aid workers active in Yemen"
                preps = [c for c in child.children if c.dep_ == "prep"]
            for prep in preps:
                if prep.lower_ not in LOCATIVE_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}:
                        topo = self.gaz.lookup(self._ent_text(pobj))
                        if topo is not None:
                            return topo.iso3
        return None

