"""Resolve a speaker mention to an actor: names, surnames, role nouns, pronouns, relative pronouns.

- a name or surname is the actor whose mention it is ("Ryabkov" → Sergey Ryabkov);
- a role noun ("the deputy foreign minister", "the senior Russian diplomat", "the Russian
  president") is the actor already introduced with that title, or a title of the same group
  (``roles.tsv``), in a compatible country; the most recently mentioned one wins;
- a personal pronoun is the previous person speaker, else the nearest person mentioned before;
  "it"/"they" likewise for bodies; "who"/"which" is the noun the relative clause hangs on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.actors.index import ActorIndex, read_title, role_sector
from dateline.actors.tables import ActorTables, Role, get_tables
from dateline.geo.gazetteer import get_gazetteer
from dateline.record import Actor

PERSON_PRONOUNS = {"he", "she", "him", "her"}
BODY_PRONOUNS = {"it", "they", "them"}
RELATIVE = {"who", "which", "that"}
_MODIFIER_DEPS = ("amod", "compound", "poss", "nmod")
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "one"}
# role nouns that name a body of people in the singular ("police said", "the ministry said")
_COLLECTIVE = {"police", "ministry", "government", "army", "military", "cabinet", "opposition", "court",
               "parliament", "congress", "senate", "troops", "company", "newspaper", "kremlin", "white house"}


class SpeakerResolver:
    def __init__(self, doc: Doc, index: ActorIndex, tables: ActorTables | None = None) -> None:
        self.doc = doc
        self.index = index
        self.lex = tables or get_tables()
        self.last_person: Actor | None = None
        self.last_body: Actor | None = None

    def resolve(self, head: Token, start: int, end: int) -> Actor | None:
        """The actor a speaker mention (head token, its token range) refers to; remembers speakers."""
        actor = self._resolve(head, start, end)
        if actor is not None:
            if actor.kind == "person":
                self.last_person = actor
            else:
                self.last_body = actor
        return actor

    def _resolve(self, head: Token, start: int, end: int) -> Actor | None:
        low = head.lower_
        if low in RELATIVE and head.dep_.startswith("nsubj"):
            clause = head.head
            if clause.dep_ == "relcl":
                return self._resolve(clause.head, clause.head.i, clause.head.i + 1)
            return None
        if low in PERSON_PRONOUNS:
            return self.last_person or self._nearest(head.i, "person")
        if low in BODY_PRONOUNS:
            return self.last_body or self._nearest(head.i, None)
        if head.i in self.index.by_token:
            return self.index.by_token[head.i]
        for child in head.children:  # "Its governor, Ivo Saric, said"
            if child.dep_ == "appos" and child.i in self.index.by_token:
                return self.index.by_token[child.i]
        named = self.index.by_surname.get(head.text.casefold()) if head.pos_ == "PROPN" or head.is_upper else None
        if named is not None:  # "PENCE:" in a transcript, a surname the tagger missed
            return named
        role = self._role_mention(head)
        if role is not None:
            return role
        for i in range(start, end):
            if i in self.index.by_token and self.doc[i].pos_ == "PROPN":
                return self.index.by_token[i]
        return None

    def _nearest(self, before: int, kind: str | None) -> Actor | None:
        for i in range(before - 1, max(-1, before - 400), -1):
            actor = self.index.by_token.get(i)
            if actor is not None and (kind is None and actor.kind != "person" or actor.kind == kind):
                return actor
        return None

    def _role_mention(self, head: Token) -> Actor | None:
        """ "the senior Russian diplomat" → the Russian actor whose title is in the diplomat group."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        words = [t for t in head.lefts if t.dep_ in _MODIFIER_DEPS] + [head]
        words = [t for t in self.doc[words[0].i:head.i + 1]]
        title, country, _ = read_title(words, self.lex)
        if title is None:
            return None
        role = self._longest_role(title.lower().split()) or self._longest_role([head.lemma_.lower()])
        if role is None:
            return None
        gaz = get_gazetteer()
        for tok in head.lefts:  # "Russia's foreign minister"
            if tok.dep_ == "poss" and gaz.country_of(tok.text):
                country = country or gaz.country_of(tok.text)
        if introduces(head):
            return self._unnamed_holder(head, words, title, country)
        best: tuple[int, int, Actor] | None = None
        # "the ministry" is no person holding a post, nor are "analysts" or "officials" one of them
        collective = head.lower_ in _COLLECTIVE or head.tag_ in ("NNS", "NNPS")
        for actor in self.index.actors:
            if collective or actor.kind != "person" or not actor.title:
                continue
            if country and actor.country and actor.country != country:
                continue
            actor_role = self._longest_role(actor.title.lower().split())
            if actor_role is None:
                continue
            if role.phrase in actor.title.lower() or actor.title.lower().endswith(role.phrase):
                score = 2
            elif actor_role.group == role.group:
                score = 1
            else:
                continue
            last = max((s for s, _ in actor.mentions if s < head.idx), default=-1)
            if last < 0:
                continue
            if best is None or (score, last) > best[:2]:
                best = (score, last, actor)
        if best is not None:
            self.index.mention(best[2], self.doc, head.i, head.i + 1)
            return best[2]
        return self._unnamed_holder(head, words, title, country)

    def _unnamed_holder(self, head: Token, words: list[Token], title: str, country: str | None) -> Actor | None:
        """ "The United Nations special envoy said", "Kenyan police said", with no name in the story:
        the role itself is the actor, so that "the envoy" and "he" later find it."""
        if head.pos_ != "NOUN":
            return None
        words = list(self.doc[min(t.left_edge.i for t in words):head.i + 1])
        name = " ".join(t.text for t in words if t.lower_ not in _DETERMINERS and not t.is_punct and t.dep_ != "poss"
                        and t.tag_ != "POS")
        actor = self.index.by_name.get(name.casefold())
        if actor is None:
            collective = head.tag_ in ("NNS", "NNPS") or head.lower_ in _COLLECTIVE
            sector = role_sector([w.lower() for w in title.split()], self.lex)
            body = next((self.index.by_token[t.i] for t in words if t.i in self.index.by_token
                         and self.index.by_token[t.i].kind == "organisation"), None)
            actor = self.index.new(name, "organisation" if collective else "person", country, sector, title=title)
            if body is not None and body.sector == "IGO":  # "the UN envoy" speaks for the UN
                actor.country, actor.sector, actor.code = body.country, body.sector, body.code
            elif country is None:
                actor.code = None  # "the ministry": whose, the events stage works out from the story
        self.index.mention(actor, self.doc, words[0].i, head.i + 1)
        return actor

    def _longest_role(self, words: list[str]) -> Role | None:
        for size in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - size, -1, -1):
                role = self.lex.role(" ".join(words[i:i + size]))
                if role is not None:
                    return role
        return None


_INDEFINITE = frozenset({"a", "an", "another"})


def introduces(head: Token) -> bool:
    """ "an analyst at Crane Bank", "a police spokesman": an indefinite role noun brings a new
    person into the story, never one named earlier with a title of the same group."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children)
